/**
 * The document tree every feature works on. YAML and JSON documents both become this tree,
 * with exact offsets for every key and value, so features never care which syntax was used.
 * CloudFormation short-form tags (`!Ref X`) become the same object node as their long form
 * (`{ "Ref": "X" }`), marked with `shortForm`.
 */

export type AstNode = ObjectNode | ArrayNode | StringNode | NumberNode | BooleanNode | NullNode;

interface NodeBase {
  /** Offset of the first character of the node in the document text. */
  offset: number;
  /** Length of the node's text. */
  length: number;
  /** The containing property (for a property value) or array/object. */
  parent?: ObjectNode | ArrayNode | PropertyNode;
}

export interface ObjectNode extends NodeBase {
  type: 'object';
  properties: PropertyNode[];
  /** Set when this object stands for a YAML short-form tag such as `!Ref` (the tag text). */
  shortForm?: string;
}

export interface ArrayNode extends NodeBase {
  type: 'array';
  items: AstNode[];
}

export interface StringNode extends NodeBase {
  type: 'string';
  value: string;
  /** True when the scalar was written with quotes (or is a JSON string). */
  quoted?: boolean;
}

export interface NumberNode extends NodeBase {
  type: 'number';
  value: number;
  /** The number as written (`0.2`, `0.0`), for checks that care about the spelling. */
  source: string;
}

export interface BooleanNode extends NodeBase {
  type: 'boolean';
  value: boolean;
}

export interface NullNode extends NodeBase {
  type: 'null';
  value: null;
}

export interface PropertyNode {
  type: 'property';
  offset: number;
  length: number;
  key: StringNode;
  /** Missing while the user is typing (`Key:` with nothing after it parses as null, not missing). */
  value?: AstNode;
  parent?: ObjectNode;
}

export type ScalarNode = StringNode | NumberNode | BooleanNode | NullNode;

// Node constructors. Every node of one type is built with the same properties in the same order
// (absent ones as `undefined`), so V8 gives each node type one hidden class and the walks over
// large trees stay monomorphic.

export function objectNode(offset: number, length: number, shortForm?: string): ObjectNode {
  return { type: 'object', offset, length, parent: undefined, properties: [], shortForm };
}

export function arrayNode(offset: number, length: number, items: AstNode[]): ArrayNode {
  return { type: 'array', offset, length, parent: undefined, items };
}

export function stringNode(offset: number, length: number, value: string, quoted?: boolean): StringNode {
  return { type: 'string', offset, length, parent: undefined, value, quoted };
}

export function numberNode(offset: number, length: number, value: number, source: string): NumberNode {
  return { type: 'number', offset, length, parent: undefined, value, source };
}

export function booleanNode(offset: number, length: number, value: boolean): BooleanNode {
  return { type: 'boolean', offset, length, parent: undefined, value };
}

export function nullNode(offset: number, length: number): NullNode {
  return { type: 'null', offset, length, parent: undefined, value: null };
}

/** A property without its value yet; the caller sets `value` (and the lengths) when it has one. */
export function propertyNode(
  offset: number,
  length: number,
  key: StringNode,
  parent: ObjectNode | undefined,
): PropertyNode {
  const property: PropertyNode = { type: 'property', offset, length, key, value: undefined, parent };
  key.parent = property;
  return property;
}

/** Moves a subtree by `delta` characters (a reused piece of an edited document). */
export function shiftNode(node: AstNode, delta: number): void {
  node.offset += delta;
  if (node.type === 'object') {
    for (const property of node.properties) shiftProperty(property, delta);
  } else if (node.type === 'array') {
    for (const item of node.items) shiftNode(item, delta);
  }
}

export function shiftProperty(property: PropertyNode, delta: number): void {
  property.offset += delta;
  property.key.offset += delta;
  if (property.value) shiftNode(property.value, delta);
}

export type JsonPath = (string | number)[];

export function isScalar(node: AstNode | undefined): node is ScalarNode {
  return !!node && node.type !== 'object' && node.type !== 'array';
}

/** The value of a property of an object node, by exact key. */
export function getProperty(node: AstNode | undefined, key: string): AstNode | undefined {
  return findProperty(node, key)?.value;
}

export function findProperty(node: AstNode | undefined, key: string): PropertyNode | undefined {
  if (node?.type !== 'object') return undefined;
  return node.properties.find((p) => p.key.value === key);
}

/** Scalar text of a node (`5` → "5"), or undefined for objects/arrays/null. */
export function scalarText(node: AstNode | undefined): string | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'string':
      return node.value;
    case 'number':
      return node.source;
    case 'boolean':
      return String(node.value);
    default:
      return undefined;
  }
}

export function stringValue(node: AstNode | undefined): string | undefined {
  return node?.type === 'string' ? node.value : undefined;
}

/** The path from the root to a node, as keys and indexes. */
export function getNodePath(node: AstNode | PropertyNode): JsonPath {
  const path: JsonPath = [];
  let current: AstNode | PropertyNode | undefined = node;
  while (current) {
    const parent: ObjectNode | ArrayNode | PropertyNode | undefined = current.parent;
    if (!parent) break;
    if (parent.type === 'property') {
      path.unshift(parent.key.value);
      current = parent.parent;
    } else if (parent.type === 'array') {
      path.unshift(parent.items.indexOf(current as AstNode));
      current = parent;
    } else {
      current = parent;
    }
  }
  return path;
}

/** The node at a path (keys and indexes), if present. */
export function getNodeAtPath(root: AstNode | undefined, path: JsonPath): AstNode | undefined {
  let node = root;
  for (const segment of path) {
    if (!node) return undefined;
    if (typeof segment === 'number') {
      node = node.type === 'array' ? node.items[segment] : undefined;
    } else {
      node = getProperty(node, segment);
    }
  }
  return node;
}

/** The innermost node (or property key) containing the offset. `includeEnd` lets a cursor at the end match. */
export function getNodeAtOffset(
  root: AstNode | undefined,
  offset: number,
  includeEnd = true,
): AstNode | undefined {
  if (!root || !contains(root, offset, includeEnd)) return undefined;
  let node: AstNode = root;
  for (;;) {
    let next: AstNode | undefined;
    if (node.type === 'object') {
      for (const prop of node.properties) {
        if (contains(prop.key, offset, includeEnd)) {
          next = prop.key;
          break;
        }
        if (prop.value && contains(prop.value, offset, includeEnd)) {
          next = prop.value;
          break;
        }
      }
    } else if (node.type === 'array') {
      next = node.items.find((item) => contains(item, offset, includeEnd));
    }
    if (!next || next === node) return node;
    node = next;
  }
}

/** The property whose key is this node, if the node is a key. */
export function keyOwner(node: AstNode | undefined): PropertyNode | undefined {
  const parent = node?.parent;
  return parent?.type === 'property' && parent.key === node ? parent : undefined;
}

export function contains(
  node: { offset: number; length: number },
  offset: number,
  includeEnd = false,
): boolean {
  return (
    offset >= node.offset &&
    (offset < node.offset + node.length || (includeEnd && offset === node.offset + node.length))
  );
}

export class ValueBudgetExceeded extends Error {
  constructor() {
    super('The document expands to too many values (alias expansion?)');
  }
}

/**
 * Plain JavaScript value of a node. Aliases share nodes, so the budget bounds the expansion
 * of alias bombs: past `budget` values it throws ValueBudgetExceeded.
 */
export function toValue(node: AstNode | undefined, budget = { left: 2_000_000 }): unknown {
  if (!node) return null;
  if (--budget.left < 0) throw new ValueBudgetExceeded();
  switch (node.type) {
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const p of node.properties) {
        // defineProperty so that a key like "__proto__" stays data.
        Object.defineProperty(result, p.key.value, {
          value: toValue(p.value, budget),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return result;
    }
    case 'array':
      return node.items.map((item) => toValue(item, budget));
    default:
      return node.value;
  }
}
