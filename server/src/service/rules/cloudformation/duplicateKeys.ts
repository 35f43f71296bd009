/**
 * Duplicate keys, first occurrence: the parser flags every later repetition of a key; this rule
 * flags the first one too, so both places show the conflict (CloudFormation keeps only one).
 */
import type { AstNode, PropertyNode } from '../../ast';
import type { Rule } from '../validationContext';

export const checkDuplicateKeys: Rule = ({ root, collector, document }) => {
  const visit = (node: AstNode | undefined): void => {
    if (!node) return;
    if (node.type === 'array') {
      for (const item of node.items) visit(item);
      return;
    }
    if (node.type !== 'object') return;
    const first = new Map<string, PropertyNode>();
    const repeated = new Map<string, PropertyNode>();
    for (const property of node.properties) {
      const key = property.key.value;
      const earlier = first.get(key);
      if (!earlier) first.set(key, property);
      else if (!repeated.has(key)) repeated.set(key, property);
      visit(property.value);
    }
    for (const [key, later] of repeated) {
      const original = first.get(key);
      if (!original) continue;
      const line = document.positionAt(later.key.offset).line + 1;
      collector.report(
        original.key,
        `Duplicate key '${key}': it appears again on line ${line}, and only one of them is used.`,
        'duplicate-key',
      );
    }
  };
  visit(root);
};
