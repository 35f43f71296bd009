/**
 * The quick fix that adds missing required keys: it finds the object that needs them (the
 * diagnostic may point at its key, at a sibling, at the object itself, or — for a resource with
 * no Properties — at the Type), and inserts each key with a placeholder of the right type, at the
 * object's indentation in YAML or with the commas JSON needs.
 */
import type { AstNode, JsonPath, ObjectNode, PropertyNode } from '../../ast';
import { findProperty, getNodePath, keyOwner } from '../../ast';
import { RESOURCE_ATTRIBUTES } from '../../rules/cloudformation/structure';
import { outputKeyProposals, parameterKeyProposals } from '../completion/cfnKeys';
import { allowedValues, schemaProperties, shapeOf } from '../completion/schemaProposals';
import { schemaForPath } from '../schemaLookup';
import type { FixContext } from './shared';
import { columnOf, keyText, lineEnd, lineIndent, trimmedEnd, unitOf } from './shared';

export type MissingTarget =
  | { kind: 'object'; node: ObjectNode; path: JsonPath }
  | { kind: 'fill'; property: PropertyNode; path: JsonPath }
  | { kind: 'wrap'; node: ObjectNode; key: string; path: JsonPath };

/** The keys the object at a path may have, or undefined when nothing says. */
function knownKeys(fix: FixContext, path: JsonPath): string[] | undefined {
  if (fix.context.state.kind === 'cloudformation') {
    if (path.length === 2 && path[0] === 'Parameters') return parameterKeyProposals().map((p) => p.name);
    if (path.length === 2 && path[0] === 'Outputs') return outputKeyProposals().map((p) => p.name);
    if (path.length === 3 && path[0] === 'Outputs' && path[2] === 'Export') return ['Name'];
    if (path.length === 2 && path[0] === 'Resources') return [...RESOURCE_ATTRIBUTES];
    if (path[0] === 'Resources' && path[2] === 'Properties') {
      const location = schemaForPath(fix.context, path);
      if (!location) return path.length === 3 ? ['ServiceToken'] : undefined;
      return schemaProperties(location.root, location.schema).map((p) => p.name);
    }
    return undefined;
  }
  const location = schemaForPath(fix.context, path);
  return location?.schema ? schemaProperties(location.root, location.schema).map((p) => p.name) : undefined;
}

function knows(fix: FixContext, path: JsonPath, name: string): boolean {
  return knownKeys(fix, path)?.includes(name) ?? false;
}

function parentObject(node: AstNode): AstNode | undefined {
  const parent = node.parent;
  if (!parent) return undefined;
  return parent.type === 'property' ? parent.parent : parent;
}

/** Where the missing keys go, starting from the node the diagnostic points at. */
export function missingTarget(fix: FixContext, anchor: AstNode, name: string): MissingTarget | undefined {
  const candidates: MissingTarget[] = [];
  const owner = keyOwner(anchor);
  let node: AstNode | undefined = anchor;
  if (owner) {
    const value = owner.value;
    const valuePath = getNodePath(owner.key);
    if (value?.type === 'object') candidates.push({ kind: 'object', node: value, path: valuePath });
    else if (!value || value.type === 'null')
      candidates.push({ kind: 'fill', property: owner, path: valuePath });
    node = owner.parent;
  }
  for (; node; node = parentObject(node)) {
    if (node.type === 'object' && !node.shortForm)
      candidates.push({ kind: 'object', node, path: getNodePath(node) });
  }
  for (const candidate of candidates) {
    if (candidate.kind === 'object' && findProperty(candidate.node, name)) continue;
    if (knows(fix, candidate.path, name)) return candidate;
    const path = candidate.path;
    const isResource =
      fix.context.state.kind === 'cloudformation' && path.length === 2 && path[0] === 'Resources';
    if (candidate.kind === 'object' && isResource && knows(fix, [...path, 'Properties'], name)) {
      const properties = findProperty(candidate.node, 'Properties');
      if (!properties)
        return { kind: 'wrap', node: candidate.node, key: 'Properties', path: [...path, 'Properties'] };
      if (!properties.value || properties.value.type === 'null')
        return { kind: 'fill', property: properties, path: [...path, 'Properties'] };
      if (properties.value.type === 'object')
        return { kind: 'object', node: properties.value, path: [...path, 'Properties'] };
    }
  }
  return candidates.find((c) => c.kind !== 'object' || !findProperty(c.node, name));
}

/** A placeholder value of the key's type: the first allowed value, "", 0, false, [] or {}. */
function placeholder(fix: FixContext, path: JsonPath, name: string): string {
  const json = fix.format === 'json';
  if (
    fix.context.state.kind === 'cloudformation' &&
    path.length === 2 &&
    path[0] === 'Parameters' &&
    name === 'Type'
  ) {
    return json ? '"String"' : 'String';
  }
  const location = schemaForPath(fix.context, [...path, name]);
  if (location?.schema) {
    const first = allowedValues(location.root, location.schema)[0];
    if (first)
      return typeof first.value === 'string'
        ? json
          ? JSON.stringify(first.value)
          : (first.text ?? first.value)
        : String(first.value);
    switch (shapeOf(location.root, location.schema)) {
      case 'number':
        return '0';
      case 'boolean':
        return 'false';
      case 'array':
        return '[]';
      case 'object':
        return '{}';
      default:
        return '""';
    }
  }
  return '""';
}

function entries(fix: FixContext, path: JsonPath, names: string[]): string[] {
  return names.map((n) => `${keyText(fix, n)}: ${placeholder(fix, path, n)}`);
}

function isFlow(fix: FixContext, node: AstNode): boolean {
  return fix.format === 'json' || fix.text[node.offset] === '{';
}

/** Inserting entries into an object: [offset, text]. */
function intoObject(fix: FixContext, node: ObjectNode, lines: string[]): [number, number, string] {
  const last = node.properties[node.properties.length - 1];
  if (isFlow(fix, node)) {
    if (!last) return [node.offset + 1, node.offset + 1, lines.join(', ')];
    const end = last.offset + last.length;
    if (fix.format === 'json' && fix.text.slice(node.offset, last.offset).includes('\n')) {
      const indent = lineIndent(fix.text, last.key.offset);
      return [end, end, lines.map((l) => `,\n${indent}${l}`).join('')];
    }
    return [end, end, lines.map((l) => `, ${l}`).join('')];
  }
  const indent = ' '.repeat(columnOf(fix.text, node.properties[0].key.offset));
  const at = lineEnd(
    fix.text,
    Math.max(trimmedEnd(fix.text, node.offset, node.offset + node.length) - 1, node.offset),
  );
  return [at, at, lines.map((l) => `\n${indent}${l}`).join('')];
}

/** The edit adding the names to the target: [start, end, text]. */
export function missingEdit(
  fix: FixContext,
  target: MissingTarget,
  names: string[],
): [number, number, string] {
  const lines = entries(fix, target.path, names);
  const unit = unitOf(fix);
  switch (target.kind) {
    case 'object':
      return intoObject(fix, target.node, lines);
    case 'fill': {
      const { property } = target;
      const value = property.value;
      if (fix.format === 'json' || (value && value.length > 0)) {
        const start = value ? value.offset : property.key.offset + property.key.length;
        return [start, value ? value.offset + value.length : start, `{${lines.join(', ')}}`];
      }
      const indent = ' '.repeat(columnOf(fix.text, property.key.offset)) + unit;
      const at = lineEnd(fix.text, property.key.offset);
      return [at, at, lines.map((l) => `\n${indent}${l}`).join('')];
    }
    case 'wrap': {
      const key = keyText(fix, target.key);
      if (fix.format === 'json') {
        const last = target.node.properties[target.node.properties.length - 1];
        const multiLine = !!last && fix.text.slice(target.node.offset, last.offset).includes('\n');
        if (multiLine) {
          const indent = lineIndent(fix.text, last.key.offset);
          const body = lines.map((l) => `\n${indent}${unit}${l}`).join(',');
          return intoObject(fix, target.node, [`${key}: {${body}\n${indent}}`]);
        }
        return intoObject(fix, target.node, [`${key}: {${lines.join(', ')}}`]);
      }
      if (isFlow(fix, target.node)) return intoObject(fix, target.node, [`${key}: {${lines.join(', ')}}`]);
      const [at, , text] = intoObject(fix, target.node, [`${key}:`]);
      const indent = ' '.repeat(columnOf(fix.text, target.node.properties[0].key.offset)) + unit;
      return [at, at, text + lines.map((l) => `\n${indent}${l}`).join('')];
    }
  }
}

/** An id of the place a target adds to, to merge the fixes of several diagnostics. */
export function targetId(target: MissingTarget): string {
  return target.kind === 'fill' ? `fill:${target.property.offset}` : `${target.kind}:${target.node.offset}`;
}
