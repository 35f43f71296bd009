/**
 * Duplicate keys in a parsed YAML tree, found in one pass (the `yaml` package's own check compares
 * every key with every earlier one: quadratic on large maps).
 */
import { isMap, isNode, isScalar, isSeq, YAMLParseError } from 'yaml';

/**
 * The errors `uniqueKeys: true` would give, in linear time: a key equal to an earlier key of the
 * same map (the same node, or scalars of equal value). Walks the tree without recursion.
 */
export function duplicateKeyErrors(root: unknown): YAMLParseError[] {
  const errors: YAMLParseError[] = [];
  const stack: unknown[] = [root];
  const seen = new Set<unknown>();
  while (stack.length) {
    const node = stack.pop();
    if (!node || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    if (isMap(node)) {
      const keys = new Set<unknown>();
      for (const pair of node.items) {
        const key: unknown = pair.key;
        const identity = isScalar(key) ? key.value : key;
        if (keys.has(identity) && isNode(key) && key.range) {
          const start = key.range[0];
          errors.push(new YAMLParseError([start, start + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
        }
        keys.add(identity);
        stack.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return errors;
}
