/**
 * Fn::FindInMap [MapName, TopLevelKey, SecondLevelKey]: the map must exist, and literal keys
 * must exist in it. A dynamic top-level key (Ref AWS::Region…) still lets us check that some
 * entry has the second-level key. With AWS::LanguageExtensions a fourth argument
 * `{DefaultValue: …}` makes missing keys fine.
 */
import type { AstNode, ObjectNode } from '../../ast';
import { findProperty, scalarText } from '../../ast';
import type { DiagnosticCollector, Span } from '../../diagnostics';
import { closest, didYouMean, listWords } from '../../utils/suggest';
import type { Rule } from '../validationContext';
import { nameResolver } from './names';
import { collectReferences, nameSpan } from './references';
import { getTemplate } from './template';

export const checkFindInMap: Rule = ({ root, parsed, collector }) => {
  const template = getTemplate(root);
  if (!template) return;
  const opaque = nameResolver(template).opaque;
  for (const ref of collectReferences(template, parsed.text)) {
    if (ref.kind !== 'FindInMap' || ref.shadowed) continue;
    const args = ref.node.parent;
    if (args?.type !== 'array') continue;
    if (args.items.length < 3 || args.items.length > 4) {
      collector.report(
        args,
        `Fn::FindInMap takes three arguments: [MapName, TopLevelKey, SecondLevelKey]${args.items.length > 4 ? '' : ` (this one has ${args.items.length})`}.`,
        'cfn-invalid-findinmap',
      );
      continue;
    }
    const mapping = template.mappings.get(ref.name);
    if (!mapping) {
      if (opaque) continue;
      const suggestion = closest(ref.name, template.mappings.keys());
      const known = template.mappings.size ? '' : ' The template has no Mappings section.';
      collector.report(
        ref.span,
        `'${ref.name}' is not a mapping of this template.${didYouMean(suggestion)}${known}`,
        'cfn-unknown-mapping',
        {
          data: { replacement: suggestion },
        },
      );
      continue;
    }
    if (hasDefaultValue(args.items[3]) || mapping.node?.type !== 'object') continue;
    checkKeys(collector, parsed.text, ref.name, mapping.node, args.items[1], args.items[2]);
  }
};

function hasDefaultValue(node: AstNode | undefined): boolean {
  return !!findProperty(node, 'DefaultValue');
}

/** A literal key's text, or undefined for an intrinsic function (a dynamic key). */
function literalKey(node: AstNode | undefined): string | undefined {
  return node?.type === 'object' || node?.type === 'array' ? undefined : scalarText(node);
}

function keySpan(node: AstNode, text: string): Span {
  return node.type === 'string' ? nameSpan(node, text) : node;
}

function checkKeys(
  collector: DiagnosticCollector,
  text: string,
  mapName: string,
  map: ObjectNode,
  topNode: AstNode | undefined,
  secondNode: AstNode | undefined,
): void {
  const topKeys = map.properties.map((p) => p.key.value);
  const top = literalKey(topNode);
  const second = literalKey(secondNode);
  if (top !== undefined && topNode) {
    const entry = findProperty(map, top);
    if (!entry) {
      const suggestion = closest(top, topKeys);
      collector.report(
        keySpan(topNode, text),
        `Mapping '${mapName}' has no top-level key '${top}'.${didYouMean(suggestion)} Keys: ${listWords(topKeys, 20)}.`,
        'cfn-unknown-mapping-key',
        { data: { replacement: suggestion, alternatives: topKeys } },
      );
      return;
    }
    if (second === undefined || !secondNode || entry.value?.type !== 'object') return;
    const secondKeys = entry.value.properties.map((p) => p.key.value);
    if (secondKeys.includes(second)) return;
    const suggestion = closest(second, secondKeys);
    collector.report(
      keySpan(secondNode, text),
      `Mapping '${mapName}' has no key '${second}' under '${top}'.${didYouMean(suggestion)} Keys: ${listWords(secondKeys, 20)}.`,
      'cfn-unknown-mapping-key',
      { data: { replacement: suggestion, alternatives: secondKeys } },
    );
    return;
  }
  // Dynamic top-level key: the second-level key must exist under at least one entry.
  if (second === undefined || !secondNode) return;
  const all = new Set<string>();
  for (const entry of map.properties) {
    if (entry.value?.type !== 'object') return; // an entry we cannot read: do not judge
    for (const p of entry.value.properties) all.add(p.key.value);
  }
  if (all.has(second)) return;
  const suggestion = closest(second, all);
  collector.report(
    keySpan(secondNode, text),
    `No entry of mapping '${mapName}' has the second-level key '${second}'.${didYouMean(suggestion)}`,
    'cfn-unknown-mapping-key',
    { data: { replacement: suggestion } },
  );
}
