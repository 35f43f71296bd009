/**
 * Outputs: known keys only, a Value in each, a Name in each Export, and no two outputs
 * exporting the same name — export names are unique per account and Region, so two outputs of
 * one template exporting the same name can never both be created (cfn-lint 1.51 does not check
 * this).
 */
import type { AstNode } from '../../ast';
import { getProperty, stringValue } from '../../ast';
import type { Span } from '../../diagnostics';
import { closest, didYouMean } from '../../utils/suggest';
import type { Rule } from '../validationContext';
import { nameSpan } from './references';
import { getTemplate, intrinsicName } from './template';

const OUTPUT_KEYS = ['Description', 'Value', 'Export', 'Condition'];

interface ExportName {
  output: string;
  /** The comparable text: a literal, or a Fn::Sub string (same text → same value in one stack). */
  text: string;
  condition: string | undefined;
  span: Span;
}

export const checkOutputs: Rule = ({ root, parsed, collector }) => {
  const template = getTemplate(root);
  if (!template) return;
  const exports: ExportName[] = [];
  for (const output of template.outputs.values()) {
    if (output.name.startsWith('Fn::')) continue;
    const node = output.node;
    if (node?.type !== 'object') {
      collector.report(
        node && node.type !== 'null' ? node : output.key,
        `Output '${output.name}' must be an object with a Value.`,
        'cfn-output-missing-value',
        {
          data: { missing: ['Value'] },
        },
      );
      continue;
    }
    for (const property of node.properties) {
      if (OUTPUT_KEYS.includes(property.key.value)) continue;
      const suggestion = closest(property.key.value, OUTPUT_KEYS);
      collector.report(
        property.key,
        `Unknown output attribute '${property.key.value}'.${didYouMean(suggestion)} Outputs take Description, Value, Export and Condition.`,
        'cfn-unknown-output-attribute',
        {
          data: { replacement: suggestion, removable: true },
        },
      );
    }
    const value = getProperty(node, 'Value');
    if (!value || value.type === 'null') {
      const hasValueKey = node.properties.some((p) => p.key.value === 'Value');
      collector.report(
        output.key,
        `Output '${output.name}' ${hasValueKey ? 'has an empty Value' : 'has no Value'}: every output needs one.`,
        'cfn-output-missing-value',
        {
          data: hasValueKey ? undefined : { missing: ['Value'] },
        },
      );
    }
    const exportProperty = node.properties.find((p) => p.key.value === 'Export');
    if (!exportProperty) continue;
    const exportNode = exportProperty.value;
    if (exportNode?.type === 'object') {
      for (const property of exportNode.properties) {
        if (property.key.value === 'Name') continue;
        collector.report(
          property.key,
          `Unknown Export attribute '${property.key.value}': an Export takes only a Name.`,
          'cfn-unknown-output-attribute',
          {
            data: {
              replacement: exportNode.properties.some((p) => p.key.value === 'Name') ? undefined : 'Name',
              removable: true,
            },
          },
        );
      }
    }
    const nameNode = getProperty(exportNode, 'Name');
    if (!nameNode || nameNode.type === 'null') {
      collector.report(
        exportProperty.key,
        `The Export of output '${output.name}' needs a Name.`,
        'cfn-output-missing-export-name',
        {
          data: exportNode?.type === 'object' && !nameNode ? { missing: ['Name'] } : undefined,
        },
      );
      continue;
    }
    const text = exportText(nameNode);
    if (text !== undefined) {
      exports.push({
        output: output.name,
        text,
        condition: stringValue(getProperty(node, 'Condition')),
        span: nameNode.type === 'string' ? nameSpan(nameNode, parsed.text) : nameNode,
      });
    }
  }
  reportDuplicateExports(exports, (span, message) => collector.report(span, message, 'cfn-duplicate-export'));
};

function exportText(node: AstNode): string | undefined {
  if (node.type === 'string') return node.value;
  if (intrinsicName(node) !== 'Fn::Sub' || node.type !== 'object') return undefined;
  const value = node.properties[0].value;
  // With a variable map the same text may mean different values: compare only plain Sub strings.
  return value?.type === 'string' ? value.value : undefined;
}

function reportDuplicateExports(exports: ExportName[], report: (span: Span, message: string) => void): void {
  const groups = new Map<string, ExportName[]>();
  for (const entry of exports) {
    const group = groups.get(entry.text);
    if (group) group.push(entry);
    else groups.set(entry.text, [entry]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const entry of group) {
      // Outputs under different conditions may never exist together (IsProd / IsNotProd).
      const other = group.find(
        (o) => o !== entry && (!o.condition || !entry.condition || o.condition === entry.condition),
      );
      if (!other) continue;
      report(
        entry.span,
        `Output '${other.output}' exports the same name '${entry.text}': export names must be unique in an account and Region.`,
      );
    }
  }
}
