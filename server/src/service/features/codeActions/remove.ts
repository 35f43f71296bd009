/**
 * The quick fix that removes what a diagnostic marks as removable: a key with its whole value
 * (its lines in YAML, its comma in JSON and flow collections), or one item of a list (the last
 * item of a list takes its key with it, so no empty value is left behind).
 */
import type { AstNode, PropertyNode } from '../../ast';
import { keyOwner } from '../../ast';
import type { FixContext } from './shared';
import { lineEnd, lineStart, trimmedEnd } from './shared';

type Span = [number, number];

function end(node: { offset: number; length: number }): number {
  return node.offset + node.length;
}

/** From the start of a line to after the line holding `last` (its newline included). */
function wholeLines(fix: FixContext, from: number, last: number): Span {
  const stop = lineEnd(fix.text, Math.max(last - 1, from));
  return [lineStart(fix.text, from), stop < fix.text.length ? stop + 1 : stop];
}

/** Removing one of several siblings separated by commas (JSON, YAML flow). */
function betweenCommas(siblings: { offset: number; length: number }[], index: number): Span {
  const next = siblings[index + 1];
  if (next) return [siblings[index].offset, next.offset];
  const previous = siblings[index - 1];
  if (previous) return [end(previous), end(siblings[index])];
  return [siblings[index].offset, end(siblings[index])];
}

function isFlow(fix: FixContext, container: AstNode): boolean {
  return fix.format === 'json' || fix.text[container.offset] === '{' || fix.text[container.offset] === '[';
}

/** The last character of a node's own text (block scalars and maps may end with blank lines). */
function contentEnd(fix: FixContext, start: number, node: { offset: number; length: number }): number {
  return trimmedEnd(fix.text, start, end(node));
}

export function removeProperty(fix: FixContext, property: PropertyNode): Span | undefined {
  const object = property.parent;
  if (!object) return undefined;
  const index = object.properties.indexOf(property);
  if (isFlow(fix, object)) {
    if (object.properties.length === 1 && fix.format === 'json') return [object.offset + 1, end(object) - 1];
    return betweenCommas(object.properties, index);
  }
  const before = fix.text.slice(lineStart(fix.text, property.key.offset), property.key.offset);
  if (/^\s*$/.test(before))
    return wholeLines(fix, property.key.offset, contentEnd(fix, property.offset, property));
  if (/^\s*-\s+$/.test(before)) {
    // The first key of a list item: the next key takes the dash, or the item goes.
    const next = object.properties[index + 1];
    if (next) return [property.key.offset, next.key.offset];
    return removeNode(fix, object);
  }
  return undefined;
}

function removeItem(fix: FixContext, list: AstNode & { type: 'array' }, item: AstNode): Span | undefined {
  const owner = list.parent;
  if (list.items.length === 1 && owner?.type === 'property') return removeProperty(fix, owner);
  const index = list.items.indexOf(item);
  if (index < 0) return undefined;
  if (isFlow(fix, list)) return betweenCommas(list.items, index);
  const dashLine = lineStart(fix.text, item.offset);
  if (!/^\s*-\s*$/.test(fix.text.slice(dashLine, item.offset))) return undefined;
  return wholeLines(fix, item.offset, contentEnd(fix, item.offset, item));
}

/** The span that removes a node: a key removes its property, a value its list item or property. */
export function removeNode(fix: FixContext, node: AstNode): Span | undefined {
  const owner = keyOwner(node);
  if (owner) return removeProperty(fix, owner);
  const parent = node.parent;
  if (parent?.type === 'array') return removeItem(fix, parent, node);
  if (parent?.type === 'property') return removeProperty(fix, parent);
  return undefined;
}
