/**
 * The logical name under the cursor and all its occurrences, for go to definition, find
 * references, rename and highlights. A name is a parameter, resource, condition or mapping
 * (at its definition key or at any use), a pseudo-parameter, a variable of one Fn::Sub's map,
 * or a literal Fn::FindInMap key (definition only). Spans are exactly the name's text: in
 * `!GetAtt A.B` only `A`, in `${A.B}` only `A`, inside quotes without the quotes.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import type { AstNode, ObjectNode, PropertyNode, StringNode } from '../../ast';
import { findProperty, getNodeAtOffset, keyOwner, scalarText } from '../../ast';
import type { Span } from '../../diagnostics';
import type { FeatureContext } from '../featureContext';
import { isPseudoParameter } from '../../rules/cloudformation/names';
import type { Reference } from '../../rules/cloudformation/references';
import { collectReferences, nameSpan } from '../../rules/cloudformation/references';
import type { Template } from '../../rules/cloudformation/template';
import { getTemplate, intrinsicName } from '../../rules/cloudformation/template';

export type NameKind =
  | 'parameter'
  | 'resource'
  | 'condition'
  | 'mapping'
  | 'output'
  | 'pseudo'
  | 'unresolved'
  | 'sub-variable'
  | 'mapping-key';

export interface NameTarget {
  kind: NameKind;
  name: string;
  /** The span of the name under the cursor. */
  span: Span;
  /** The key that defines the name, if it has one in this document. */
  definition?: StringNode;
  /** What kind of reference an unresolved name came from (to find its other uses). */
  referenceKind?: Reference['kind'];
  /** For a Fn::Sub variable: the Sub's string, whose `${…}` uses it. */
  subString?: StringNode;
}

export interface Occurrence {
  span: Span;
  isDefinition: boolean;
}

const SECTION_KINDS: [string, NameKind][] = [
  ['Parameters', 'parameter'],
  ['Resources', 'resource'],
  ['Conditions', 'condition'],
  ['Mappings', 'mapping'],
  ['Outputs', 'output'],
];

function includes(span: Span, offset: number): boolean {
  return offset >= span.offset && offset <= span.offset + span.length;
}

/** The name at an offset, if the offset is on one. */
export function nameAt(template: Template, text: string, offset: number): NameTarget | undefined {
  const node = getNodeAtOffset(template.root, offset);
  const owner = keyOwner(node);
  if (owner && node?.type === 'string') {
    const fromKey = definitionAt(template, owner, node, text, offset);
    if (fromKey) return fromKey;
  }
  for (const ref of collectReferences(template, text)) {
    if (includes(ref.span, offset)) return targetOfReference(template, ref);
  }
  if (node) return mappingKeyAt(template, node, text, offset);
  return undefined;
}

function definitionAt(
  template: Template,
  owner: PropertyNode,
  key: StringNode,
  text: string,
  offset: number,
): NameTarget | undefined {
  const span = nameSpan(key, text);
  if (!includes(span, offset)) return undefined;
  for (const [section, kind] of SECTION_KINDS) {
    if (template.sections.get(section)?.value === owner.parent && !key.value.startsWith('Fn::')) {
      return { kind, name: key.value, span, definition: key };
    }
  }
  const subString = subStringOfMap(owner.parent);
  if (subString) return { kind: 'sub-variable', name: key.value, span, definition: key, subString };
  return undefined;
}

/** For the variable map of `Fn::Sub: [String, Map]`, the String node. */
function subStringOfMap(map: ObjectNode | undefined): StringNode | undefined {
  const list = map?.parent;
  if (list?.type !== 'array' || list.items[1] !== map) return undefined;
  const fn = list.parent;
  if (fn?.type !== 'property' || fn.key.value !== 'Fn::Sub') return undefined;
  const first = list.items[0];
  return first?.type === 'string' ? first : undefined;
}

function targetOfReference(template: Template, ref: Reference): NameTarget | undefined {
  const base = { name: ref.name, span: ref.span, referenceKind: ref.kind };
  if (ref.kind === 'Sub' && ref.shadowed) {
    const list = ref.node.parent;
    const map = list?.type === 'array' ? list.items[1] : undefined;
    const key =
      map?.type === 'object'
        ? (findProperty(map, ref.name) ?? findProperty(map, `${ref.name}.${ref.attribute ?? ''}`))?.key
        : undefined;
    if (key && ref.node.type === 'string')
      return { ...base, kind: 'sub-variable', definition: key, subString: ref.node };
    return undefined;
  }
  if (ref.shadowed) return undefined; // a Fn::ForEach loop variable
  switch (ref.target) {
    case 'condition':
      return withDefinition(template.conditions.get(ref.name)?.key, 'condition', base);
    case 'mapping':
      return withDefinition(template.mappings.get(ref.name)?.key, 'mapping', base);
    default: {
      const parameter =
        ref.target === 'parameter-or-resource' ? template.parameters.get(ref.name) : undefined;
      if (parameter) return { ...base, kind: 'parameter', definition: parameter.key };
      const resource = template.resources.get(ref.name);
      if (resource) return { ...base, kind: 'resource', definition: resource.key };
      if (isPseudoParameter(ref.name)) return { ...base, kind: 'pseudo' };
      return { ...base, kind: 'unresolved' };
    }
  }
}

function withDefinition(
  key: StringNode | undefined,
  kind: NameKind,
  base: Omit<NameTarget, 'kind'>,
): NameTarget {
  return key ? { ...base, kind, definition: key } : { ...base, kind: 'unresolved' };
}

/** A literal top-level or second-level key of `Fn::FindInMap [Map, Top, Second]`. */
function mappingKeyAt(
  template: Template,
  node: AstNode,
  text: string,
  offset: number,
): NameTarget | undefined {
  const list = node.parent;
  if (list?.type !== 'array') return undefined;
  const fn = list.parent;
  if (
    fn?.type !== 'property' ||
    fn.key.value !== 'Fn::FindInMap' ||
    intrinsicName(fn.parent) !== 'Fn::FindInMap'
  )
    return undefined;
  const position = list.items.indexOf(node);
  if (position !== 1 && position !== 2) return undefined;
  const mapName = scalarText(list.items[0]);
  const map = mapName === undefined ? undefined : template.mappings.get(mapName)?.node;
  const key = scalarText(node);
  if (key === undefined || map?.type !== 'object') return undefined;
  const span = node.type === 'string' ? nameSpan(node, text) : { offset: node.offset, length: node.length };
  if (!includes(span, offset)) return undefined;
  let definition: StringNode | undefined;
  if (position === 1) {
    definition = findProperty(map, key)?.key;
  } else {
    const top = scalarText(list.items[1]);
    const entry = top === undefined ? undefined : findProperty(map, top)?.value;
    definition = findProperty(entry, key)?.key;
  }
  return definition ? { kind: 'mapping-key', name: key, span, definition } : undefined;
}

/** Every occurrence of the name in the document (definition first), without duplicates. */
export function occurrences(template: Template, text: string, target: NameTarget): Occurrence[] {
  const out: Occurrence[] = [];
  const seen = new Set<number>();
  const add = (span: Span, isDefinition: boolean): void => {
    if (seen.has(span.offset)) return;
    seen.add(span.offset);
    out.push({ span, isDefinition });
  };
  if (target.definition) add(nameSpan(target.definition, text), true);
  if (target.kind === 'mapping-key' || target.kind === 'output') {
    add(target.span, false);
    return out;
  }
  for (const ref of collectReferences(template, text)) {
    if (ref.name !== target.name || !matches(ref, target)) continue;
    add(ref.span, false);
  }
  return out.sort((a, b) => Number(b.isDefinition) - Number(a.isDefinition) || a.span.offset - b.span.offset);
}

function matches(ref: Reference, target: NameTarget): boolean {
  switch (target.kind) {
    case 'sub-variable':
      return ref.kind === 'Sub' && !!ref.shadowed && ref.node === target.subString;
    case 'condition':
      return ref.kind === 'Condition' && !ref.shadowed;
    case 'mapping':
      return ref.kind === 'FindInMap' && !ref.shadowed;
    case 'unresolved':
      return !ref.shadowed && sameFamily(ref.kind, target.referenceKind);
    default:
      // Parameters, resources and pseudo-parameters share one namespace of Ref/GetAtt/Sub/DependsOn names.
      return !ref.shadowed && ref.target !== 'condition' && ref.target !== 'mapping';
  }
}

function sameFamily(kind: Reference['kind'], other: Reference['kind'] | undefined): boolean {
  const family = (k: Reference['kind'] | undefined): string =>
    k === 'Condition' || k === 'FindInMap' ? k : 'name';
  return family(kind) === family(other);
}

/** The template of a CloudFormation document and the name at a position, for the editor features. */
export function targetAt(
  context: FeatureContext,
  position: Position,
): { template: Template; text: string; target: NameTarget } | undefined {
  if (context.state.kind !== 'cloudformation') return undefined;
  const template = getTemplate(context.state.parsed.root);
  if (!template) return undefined;
  const text = context.state.parsed.text;
  const target = nameAt(template, text, context.document.offsetAt(position));
  return target ? { template, text, target } : undefined;
}

export function rangeOf(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.offset), end: document.positionAt(span.offset + span.length) };
}
