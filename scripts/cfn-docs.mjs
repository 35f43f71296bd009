// Splits a generated CloudFormation resource entry into what validation reads and what only the
// editor's hover and completion read (used by generate-cfn-schemas.mjs):
//
//   services/<Service>.json   { resourceTypes: { type -> { attributes, schema } } }    no prose
//   docs/<Service>.json       { resourceTypes: { type -> the entry's documentation } }
//
// The documentation of an entry has the entry's own shape with only the prose keys left (below):
// { markdownDescription, documentationUrl, attributes: { Arn: { markdownDescription } },
//   schema: { properties: { BucketName: { markdownDescription } }, definitions: { … } } },
// a branch of anyOf / oneOf / allOf at its index (null where a branch has none). Laying it over
// the entry key by key gives the whole entry back (SchemaStore.documentedResourceType does that).
// Rules, the CLI and the build-time validators read only the service files; what a rule or a
// completion list reads (causesReplacement, deprecationMessage, outputOnly) stays there.

/** Keys that are documentation only: no rule, message or validator reads them. */
export const PROSE_KEYS = [
  'markdownDescription',
  'description',
  'documentationUrl',
  'markdownEnumDescriptions',
];

/** Keywords whose value is a map of subschemas, a list of them, or one. */
const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', 'dependentSchemas'];
const SCHEMA_LISTS = ['anyOf', 'oneOf', 'allOf'];
const SCHEMA_VALUES = [
  'items',
  'additionalItems',
  'additionalProperties',
  'contains',
  'not',
  'if',
  'then',
  'else',
];

const isObject = (value) => !!value && typeof value === 'object' && !Array.isArray(value);

/** Keeps a piece of documentation only when it says something. */
function put(docs, key, value) {
  if (value !== undefined) docs[key] = value;
}

const nonEmpty = (docs) => (Object.keys(docs).length > 0 ? docs : undefined);

/** An object's keys: prose into the docs, the rest kept, or split by the splitter `splitterOf` names. */
function splitKeys(object, splitterOf) {
  const out = {};
  const docs = {};
  for (const [key, value] of Object.entries(object)) {
    if (PROSE_KEYS.includes(key)) {
      docs[key] = value;
      continue;
    }
    const split = splitterOf(key, value)?.(value) ?? { schema: value, docs: undefined };
    out[key] = split.schema;
    put(docs, key, split.docs);
  }
  return { schema: out, docs: nonEmpty(docs) };
}

/** A map of names (properties, definitions, attributes) to what `splitOne` splits. */
function splitMap(map, splitOne = splitSchema) {
  const out = {};
  const docs = {};
  for (const [name, value] of Object.entries(map)) {
    const split = splitOne(value);
    out[name] = split.schema;
    put(docs, name, split.docs);
  }
  return { schema: out, docs: nonEmpty(docs) };
}

/** `dependencies` values are key lists or subschemas. */
const splitDependency = (value) =>
  Array.isArray(value) ? { schema: value, docs: undefined } : splitSchema(value);

function splitList(list) {
  const splits = list.map(splitSchema);
  const docs = splits.some((s) => s.docs) ? splits.map((s) => s.docs ?? null) : undefined;
  return { schema: splits.map((s) => s.schema), docs };
}

/** A schema without its prose, and the prose in the schema's shape (undefined when none). */
export function splitSchema(schema) {
  if (Array.isArray(schema)) return splitList(schema);
  if (!isObject(schema)) return { schema, docs: undefined };
  return splitKeys(schema, (key, value) => {
    if (SCHEMA_MAPS.includes(key) && isObject(value)) return splitMap;
    if (key === 'dependencies' && isObject(value)) return (map) => splitMap(map, splitDependency);
    if ((SCHEMA_LISTS.includes(key) && Array.isArray(value)) || SCHEMA_VALUES.includes(key))
      return splitSchema;
    return undefined;
  });
}

/** A resource entry { markdownDescription, documentationUrl, attributes, schema } → its two halves. */
export function splitEntry(entry) {
  const split = splitKeys(entry, (key) =>
    key === 'attributes' ? splitMap : key === 'schema' ? splitSchema : undefined,
  );
  return { entry: split.schema, docs: split.docs ?? {} };
}
