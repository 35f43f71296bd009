/**
 * ECS and Lambda AppSpec keys come in several spellings (`Resources`/`resources`,
 * `TargetVersion`/`targetversion`, …). These helpers read a key in any of its spellings.
 */
import type { AstNode, PropertyNode } from '../../ast';
import type { JsonSchema } from '../../schemas/schemaStore';

/** Every spelling of a key: the same word in any letter case. */
export function sameKey(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The properties written for a key, in any spelling, in document order. */
export function spellingsOf(node: AstNode | undefined, key: string): PropertyNode[] {
  return node?.type === 'object' ? node.properties.filter((p) => sameKey(p.key.value, key)) : [];
}

/** The first property written for a key in any spelling. */
export function findAny(node: AstNode | undefined, key: string): PropertyNode | undefined {
  return spellingsOf(node, key)[0];
}

/** The value of a key in any spelling. */
export function getAny(node: AstNode | undefined, key: string): AstNode | undefined {
  return findAny(node, key)?.value;
}

const knownCache = new WeakMap<JsonSchema, Set<string>>();

/** All key spellings the AppSpec schema accepts anywhere (property names of every object schema). */
export function knownSpellings(schema: JsonSchema | undefined): Set<string> {
  if (!schema) return new Set();
  const cached = knownCache.get(schema);
  if (cached) return cached;
  const names = new Set<string>();
  const visit = (s: unknown): void => {
    if (!s || typeof s !== 'object') return;
    const record = s as Record<string, unknown>;
    const properties = record.properties;
    if (properties && typeof properties === 'object') {
      for (const [name, sub] of Object.entries(properties)) {
        names.add(name);
        visit(sub);
      }
    }
    const definitions = record.definitions;
    if (definitions && typeof definitions === 'object') Object.values(definitions).forEach(visit);
  };
  visit(schema);
  knownCache.set(schema, names);
  return names;
}
