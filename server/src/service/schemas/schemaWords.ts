/** How schema messages name values, types and paths ("the string 'x'", "a list", `A.B[0]`). */
import type { AstNode } from '../ast';

export const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean (true or false)',
  array: 'a list',
  object: 'an object (a map of keys to values)',
  null: 'null',
};

export function describeNode(node: AstNode | undefined): string {
  switch (node?.type) {
    case 'string':
      return `the string '${truncate(node.value)}'`;
    case 'number':
      return `the number ${node.source}`;
    case 'boolean':
      return `the boolean ${String(node.value)}`;
    case 'array':
      return 'a list';
    case 'object':
      return 'an object';
    case 'null':
      return 'an empty value';
    default:
      return 'nothing';
  }
}

export function truncate(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export function formatPath(path: (string | number)[], base?: string): string {
  let out = base ?? '';
  for (const segment of path) {
    out += typeof segment === 'number' ? `[${segment}]` : out ? `.${segment}` : segment;
  }
  return out;
}
