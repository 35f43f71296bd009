/**
 * The template as a graph of names: every use of a parameter, resource, condition or mapping
 * (Ref, GetAtt, Sub variables, DependsOn, Condition keys and functions, FindInMap), each with
 * the exact span of the name. Rules, navigation, rename and hover all read this one list.
 */
import type { AstNode, StringNode } from '../ast';
import { getProperty } from '../ast';
import type { Span } from '../diagnostics';
import type { Template } from './template';

export type ReferenceKind = 'Ref' | 'GetAtt' | 'Sub' | 'DependsOn' | 'Condition' | 'FindInMap';

/** What a reference may point at. */
export type TargetKind = 'resource' | 'parameter-or-resource' | 'condition' | 'mapping';

export interface Reference {
  kind: ReferenceKind;
  target: TargetKind;
  /** The referenced logical name (for GetAtt/Sub `A.B`, just `A`). */
  name: string;
  /** The exact text span of the name. */
  span: Span;
  /** GetAtt attribute (or the part after the first dot in a Sub variable). */
  attribute?: string;
  attributeSpan?: Span;
  /** The node that holds the reference (the function's argument or the key's value). */
  node: AstNode;
  /** The resource/output/condition whose definition contains the reference, if any. */
  from?: { section: string; name: string };
  /** Sub variables defined in the second argument of Fn::Sub shadow template names. */
  shadowed?: boolean;
}

export interface SubVariable {
  /** The variable text inside `${…}`. */
  text: string;
  span: Span;
}

/** `${Name}` / `${Res.Attr}` variables in a Sub string's source text; `${!Literal}` is skipped. */
export function subVariables(node: StringNode, documentText: string): SubVariable[] {
  const source = documentText.slice(node.offset, node.offset + node.length);
  const out: SubVariable[] = [];
  const pattern = /\$\{([^}]*)\}/g;
  for (let match = pattern.exec(source); match; match = pattern.exec(source)) {
    const inner = match[1];
    if (inner.startsWith('!')) continue;
    const leading = inner.length - inner.trimStart().length;
    out.push({ text: inner.trim(), span: { offset: node.offset + match.index + 2 + leading, length: inner.trim().length } });
  }
  return out;
}

const cache = new WeakMap<Template, Reference[]>();

export function collectReferences(template: Template, documentText: string): Reference[] {
  const cached = cache.get(template);
  if (cached) return cached;
  const refs: Reference[] = [];
  const visit = (node: AstNode | undefined, from: Reference['from'], inConditions: boolean): void => {
    if (!node) return;
    if (node.type === 'array') {
      for (const item of node.items) visit(item, from, inConditions);
      return;
    }
    if (node.type !== 'object') return;
    if (node.properties.length === 1) {
      const { key, value } = node.properties[0];
      if (value && collectFunction(key.value, value, from, inConditions, refs, documentText)) return;
    }
    for (const property of node.properties) visit(property.value, from, inConditions);
  };

  for (const resource of template.resources.values()) {
    const from = { section: 'Resources', name: resource.name };
    const node = resource.node;
    if (node?.type !== 'object') continue;
    for (const property of node.properties) {
      const value = property.value;
      if (!value) continue;
      if (property.key.value === 'DependsOn') {
        const items = value.type === 'array' ? value.items : [value];
        for (const item of items) {
          if (item.type === 'string') {
            refs.push({ kind: 'DependsOn', target: 'resource', name: item.value, span: nameSpan(item, documentText), node: item, from });
          }
        }
      } else if (property.key.value === 'Condition') {
        if (value.type === 'string') {
          refs.push({ kind: 'Condition', target: 'condition', name: value.value, span: nameSpan(value, documentText), node: value, from });
        }
      } else if (property.key.value !== 'Type') {
        visit(value, from, false);
      }
    }
  }
  for (const output of template.outputs.values()) {
    const from = { section: 'Outputs', name: output.name };
    const condition = getProperty(output.node, 'Condition');
    if (condition?.type === 'string') {
      refs.push({ kind: 'Condition', target: 'condition', name: condition.value, span: nameSpan(condition, documentText), node: condition, from });
    }
    if (output.node?.type === 'object') {
      for (const property of output.node.properties) if (property.key.value !== 'Condition') visit(property.value, from, false);
    }
  }
  for (const condition of template.conditions.values()) {
    visit(condition.node, { section: 'Conditions', name: condition.name }, true);
  }
  for (const section of ['Rules', 'Metadata', 'Hooks']) {
    const property = template.sections.get(section);
    if (property?.value) visit(property.value, { section, name: section }, section === 'Rules');
  }
  cache.set(template, refs);
  return refs;
}

/** The span of the name inside a string node: skips quotes so that rename edits just the name. */
export function nameSpan(node: StringNode, documentText: string): Span {
  const source = documentText.slice(node.offset, node.offset + node.length);
  const at = source.indexOf(node.value);
  if (at >= 0 && node.value.length) return { offset: node.offset + at, length: node.value.length };
  return { offset: node.offset, length: node.length };
}

function collectFunction(
  name: string,
  value: AstNode,
  from: Reference['from'],
  inConditions: boolean,
  refs: Reference[],
  text: string,
): boolean {
  switch (name) {
    case 'Ref':
      if (value.type === 'string') {
        refs.push({ kind: 'Ref', target: 'parameter-or-resource', name: value.value, span: nameSpan(value, text), node: value, from });
        return true;
      }
      return false;
    case 'Fn::GetAtt':
      collectGetAtt(value, from, refs, text);
      return false; // keep visiting: the attribute may itself be a function
    case 'Fn::Sub':
      collectSub(value, from, refs, text);
      return false;
    case 'Condition':
      if (inConditions && value.type === 'string') {
        refs.push({ kind: 'Condition', target: 'condition', name: value.value, span: nameSpan(value, text), node: value, from });
        return true;
      }
      return false;
    case 'Fn::If': {
      const first = value.type === 'array' ? value.items[0] : undefined;
      if (first?.type === 'string') {
        refs.push({ kind: 'Condition', target: 'condition', name: first.value, span: nameSpan(first, text), node: first, from });
      }
      return false;
    }
    case 'Fn::FindInMap': {
      const first = value.type === 'array' ? value.items[0] : undefined;
      if (first?.type === 'string') {
        refs.push({ kind: 'FindInMap', target: 'mapping', name: first.value, span: nameSpan(first, text), node: first, from });
      }
      return false;
    }
    default:
      return false;
  }
}

function collectGetAtt(value: AstNode, from: Reference['from'], refs: Reference[], text: string): void {
  if (value.type === 'string') {
    const dot = value.value.indexOf('.');
    const span = nameSpan(value, text);
    const name = dot < 0 ? value.value : value.value.slice(0, dot);
    const ref: Reference = { kind: 'GetAtt', target: 'resource', name, span: { offset: span.offset, length: name.length }, node: value, from };
    if (dot >= 0) {
      ref.attribute = value.value.slice(dot + 1);
      ref.attributeSpan = { offset: span.offset + dot + 1, length: ref.attribute.length };
    }
    refs.push(ref);
  } else if (value.type === 'array' && value.items[0]?.type === 'string') {
    const first = value.items[0];
    const ref: Reference = { kind: 'GetAtt', target: 'resource', name: first.value, span: nameSpan(first, text), node: first, from };
    const second = value.items[1];
    if (second?.type === 'string') {
      ref.attribute = second.value;
      ref.attributeSpan = nameSpan(second, text);
    }
    refs.push(ref);
  }
}

function collectSub(value: AstNode, from: Reference['from'], refs: Reference[], text: string): void {
  const stringNode = value.type === 'string' ? value : value.type === 'array' && value.items[0]?.type === 'string' ? value.items[0] : undefined;
  if (!stringNode) return;
  const variablesNode = value.type === 'array' ? value.items[1] : undefined;
  const local = new Set(variablesNode?.type === 'object' ? variablesNode.properties.map((p) => p.key.value) : []);
  for (const variable of subVariables(stringNode, text)) {
    const dot = variable.text.indexOf('.');
    const name = dot < 0 ? variable.text : variable.text.slice(0, dot);
    if (!name || name.startsWith('AWS::')) {
      // Pseudo-parameters are checked by the reference rules through this list too.
      if (name.startsWith('AWS::')) {
        refs.push({ kind: 'Sub', target: 'parameter-or-resource', name, span: { offset: variable.span.offset, length: name.length }, node: stringNode, from });
      }
      continue;
    }
    const ref: Reference = {
      kind: 'Sub',
      target: dot < 0 ? 'parameter-or-resource' : 'resource',
      name,
      span: { offset: variable.span.offset, length: name.length },
      node: stringNode,
      from,
      shadowed: local.has(variable.text) || local.has(name),
    };
    if (dot >= 0) {
      ref.attribute = variable.text.slice(dot + 1);
      ref.attributeSpan = { offset: variable.span.offset + dot + 1, length: ref.attribute.length };
    }
    refs.push(ref);
  }
}
