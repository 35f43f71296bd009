/**
 * Lays the documentation of a CloudFormation resource type (`schemas/cloudformation/docs/`,
 * written by scripts/cfn-docs.mjs in the shape of the entry with only its prose left) over the
 * entry read from its service file, giving back the whole documented entry. Nothing is changed in
 * place: objects on the way to a piece of documentation are copied, the rest is shared.
 */

const isObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

export function withDocs<T>(value: T, docs: unknown): T {
  if (docs === undefined || docs === null) return value;
  if (Array.isArray(value)) {
    // The branches of anyOf / oneOf / allOf, by index (null: a branch without documentation).
    return (Array.isArray(docs) ? value.map((item: unknown, i) => withDocs(item, docs[i])) : value) as T;
  }
  if (!isObject(value) || !isObject(docs)) return docs as T;
  const out: Record<string, unknown> = { ...value };
  for (const [key, doc] of Object.entries(docs)) out[key] = withDocs(value[key], doc);
  return out as T;
}
