/**
 * Building blocks of the document outline (symbols.ts): symbols for properties and list items
 * with ranges that never include trailing white space, and short descriptions of values.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentSymbol, Range } from 'vscode-languageserver-types';
import { SymbolKind } from 'vscode-languageserver-types';
import type { AstNode, PropertyNode } from '../../ast';
import { scalarText } from '../../ast';

export interface Builder {
  document: TextDocument;
  /** The range of a span, without trailing white space (a YAML block value ends after its newline). */
  range(offset: number, length: number): Range;
}

export function createBuilder(document: TextDocument, text: string): Builder {
  return {
    document,
    range: (offset, length) => {
      let end = offset + Math.max(length, 0);
      while (end > offset && /\s/.test(text.charAt(end - 1))) end--;
      return { start: document.positionAt(offset), end: document.positionAt(end) };
    },
  };
}

const MAX_DETAIL = 80;

function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX_DETAIL ? `${line.slice(0, MAX_DETAIL - 1)}…` : line;
}

/** A count with its noun: `1 item`, `3 items`. */
export function count(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : `${noun}s`}`;
}

/** A short description of a value: its text, `N items`, or the intrinsic function it is. */
export function describe(node: AstNode | undefined): string {
  if (!node) return '';
  if (node.type === 'array') return count(node.items.length, 'item');
  if (node.type === 'object') {
    const only = node.properties.length === 1 ? node.properties[0] : undefined;
    if (only && (only.key.value === 'Ref' || only.key.value.startsWith('Fn::') || node.shortForm)) {
      const argument = scalarText(only.value);
      const name = node.shortForm ?? only.key.value;
      return shorten(argument !== undefined ? `${name} ${argument}` : name);
    }
    return '';
  }
  return shorten(scalarText(node) ?? '');
}

/** A symbol for a property: the key selects it, the whole property is its range. */
export function propertySymbol(
  builder: Builder,
  property: PropertyNode,
  kind: SymbolKind,
  detail = '',
  children?: DocumentSymbol[],
): DocumentSymbol {
  const start = Math.min(property.offset, property.key.offset);
  const end = Math.max(property.offset + property.length, property.key.offset + property.key.length);
  const symbol: DocumentSymbol = {
    name: property.key.value || '""',
    detail,
    kind,
    range: builder.range(start, end - start),
    selectionRange: builder.range(property.key.offset, property.key.length),
  };
  if (children?.length && ownsValue(property)) symbol.children = children;
  return symbol;
}

/**
 * A symbol for a key of the document's top level: a namespace holding `children` where the outline
 * lists what the key holds, else the key with its value's kind and description.
 */
export function keySymbol(
  builder: Builder,
  property: PropertyNode,
  children?: DocumentSymbol[],
  detail = '',
): DocumentSymbol {
  if (children) return propertySymbol(builder, property, SymbolKind.Namespace, detail, children);
  return propertySymbol(builder, property, kindOfValue(property.value), describe(property.value));
}

/** A symbol for a list item (no key): `name` is selected if it is inside the item. */
export function itemSymbol(
  builder: Builder,
  item: AstNode,
  name: string,
  kind: SymbolKind,
  detail = '',
  nameNode?: AstNode,
): DocumentSymbol {
  const selection =
    nameNode &&
    nameNode.offset >= item.offset &&
    nameNode.offset + nameNode.length <= item.offset + item.length
      ? nameNode
      : item;
  return {
    name: name || '""',
    detail,
    kind,
    range: builder.range(item.offset, item.length),
    selectionRange: builder.range(selection.offset, selection.length),
  };
}

/** False for a YAML alias (`key: *anchor`): its value lives elsewhere, so no children here. */
function ownsValue(property: PropertyNode): boolean {
  return !property.value || property.value.offset >= property.key.offset;
}

export function kindOfValue(node: AstNode | undefined): SymbolKind {
  switch (node?.type) {
    case 'object':
      return SymbolKind.Object;
    case 'array':
      return SymbolKind.Array;
    case 'number':
      return SymbolKind.Number;
    case 'boolean':
      return SymbolKind.Boolean;
    case 'null':
      return SymbolKind.Null;
    default:
      return SymbolKind.String;
  }
}

/** Plain symbols for the entries of an object value, with their values described. */
export function entries(
  builder: Builder,
  node: AstNode | undefined,
  kind?: SymbolKind,
  depth = 0,
): DocumentSymbol[] {
  if (node?.type !== 'object') return [];
  return node.properties.map((p) =>
    propertySymbol(
      builder,
      p,
      kind ?? kindOfValue(p.value),
      describe(p.value),
      depth > 0 ? entries(builder, p.value, undefined, depth - 1) : undefined,
    ),
  );
}

export function lowerKey(property: PropertyNode): string {
  return property.key.value.toLowerCase();
}
