// Definitions shared by several resource types of one service file (QuickSight's Dashboard,
// Analysis and Template have ~470 of their ~580 in common), generated once into a module that
// those types' validators require, instead of once per type. Used by build-validators.mjs.
//
// A definition is shared when the types that use it have it with the same text (documentation
// already removed) and everything it refers to is shared too; a type takes part only when it uses
// most of the shared module (a small type would otherwise load megabytes it does not need).

/**
 * Where the shared definitions are compiled (each as a schema of its own, `<prefix><name>.json`,
 * so that each is compiled once); never left in the generated code.
 */
export const sharedPrefix = (service) => `https://aws-dev-notes.invalid/shared/${service}/`;
const LOCAL = '#/definitions/';
/** Fewer shared definitions than this are not worth a module of their own. */
const MIN_SHARED = 20;

/** The `$ref`s anywhere in a schema. */
function refsOf(schema, found = new Set()) {
  if (Array.isArray(schema)) for (const item of schema) refsOf(item, found);
  else if (schema && typeof schema === 'object')
    for (const [key, value] of Object.entries(schema)) {
      if (key === '$ref' && typeof value === 'string') found.add(value);
      else refsOf(value, found);
    }
  return found;
}

/**
 * Which definitions to share among the types of one service file (`schemas`: type → schema
 * without annotations): `{ definitions, members }`, members mapping each type that takes part
 * to the names it takes from the shared module; undefined when sharing is not worth it.
 */
export function planSharing(schemas) {
  const texts = {};
  const localRefs = {};
  for (const [type, schema] of Object.entries(schemas))
    for (const [name, definition] of Object.entries(schema.definitions ?? {})) {
      (texts[type] ??= {})[name] = JSON.stringify(definition);
      const refs = [...refsOf(definition)];
      // A definition referring outside the definitions (the root, another file) stays put.
      localRefs[`${type}\0${name}`] =
        /^\w+$/.test(name) && refs.every((r) => /^#\/definitions\/\w+$/.test(r))
          ? refs.map((r) => r.slice(LOCAL.length))
          : undefined;
    }
  let candidates = Object.keys(texts);
  for (;;) {
    // The most common text of each name among the candidates, when two or more share it.
    const counts = new Map();
    for (const type of candidates)
      for (const [name, text] of Object.entries(texts[type])) {
        const key = `${name}\0${text}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    const chosen = new Map();
    for (const [key, count] of counts) {
      const name = key.slice(0, key.indexOf('\0'));
      if (count >= 2 && count > (chosen.get(name)?.count ?? 0)) chosen.set(name, { key, count });
    }
    const uses = {};
    for (const type of candidates) {
      const used = new Set(
        Object.entries(texts[type])
          .filter(([name, text]) => chosen.get(name)?.key === `${name}\0${text}`)
          .map(([name]) => name),
      );
      // Keep only what refers to shared definitions the type also takes.
      for (let changed = true; changed;) {
        changed = false;
        for (const name of used) {
          const refs = localRefs[`${type}\0${name}`];
          if (!refs || !refs.every((r) => used.has(r))) {
            used.delete(name);
            changed = true;
          }
        }
      }
      uses[type] = used;
    }
    const shared = new Set(Object.values(uses).flatMap((used) => [...used]));
    const members = candidates.filter((type) => uses[type].size * 2 >= shared.size && uses[type].size);
    if (members.length === candidates.length) {
      if (members.length < 2 || shared.size < MIN_SHARED) return undefined;
      const definitions = {};
      for (const type of members)
        for (const name of [...uses[type]].sort()) definitions[name] ??= schemas[type].definitions[name];
      return { definitions, members: Object.fromEntries(members.map((t) => [t, uses[t]])) };
    }
    candidates = members;
  }
}

/** A schema with its `$ref`s to the shared definitions in `used` pointed at them. */
export function pointAtShared(schema, used, prefix) {
  if (Array.isArray(schema)) return schema.map((item) => pointAtShared(item, used, prefix));
  if (!schema || typeof schema !== 'object') return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema))
    out[key] =
      key === '$ref' &&
      typeof value === 'string' &&
      value.startsWith(LOCAL) &&
      used.has(value.slice(LOCAL.length))
        ? `${prefix}${value.slice(LOCAL.length)}.json`
        : pointAtShared(value, used, prefix);
  return out;
}

/**
 * A member's schema as compiled: its `$ref`s to the definitions it takes pointed at the shared
 * ones, and without those definitions (the code embeds the schema; messages read definitions
 * from the schema file, never from an error's parentSchema).
 */
export function memberSchema(schema, used, prefix) {
  const out = pointAtShared(schema, used, prefix);
  if (out.definitions)
    out.definitions = Object.fromEntries(Object.entries(out.definitions).filter(([name]) => !used.has(name)));
  return out;
}

const NAME = /\b(?:validate|schema|pattern|func|wrapper|root)\d+\b/g;
const declared = (code) =>
  new Set(
    [...code.matchAll(/\b(?:const|function) ((?:validate|schema|pattern|func|wrapper|root)\d+)\b/g)].map(
      (m) => m[1],
    ),
  );

/**
 * The one-line declarations of the shared code that a member copies rather than imports: its
 * regular expressions and runtime helpers (`const pattern3 = new RegExp("…", "u");`,
 * `const func0 = require("…").default;`), by name.
 */
function copiedDeclarations(sharedCode) {
  const copies = new Map();
  const line =
    /\bconst ((?:pattern|func)\d+) = (new RegExp\("(?:[^"\\]|\\.)*", "u"\)|require\("[^"]*"\)[\w.]*|Object\.prototype\.hasOwnProperty);/g;
  for (const m of sharedCode.matchAll(line)) copies.set(m[1], m[0]);
  return copies;
}

/** `code` with each of `names` read through `via` (`x` → `via.x`), outside string literals. */
function readThrough(code, names, via) {
  if (!names.length) return code;
  const name = new RegExp(`\\b(?:${names.join('|')})\\b`, 'g');
  return code
    .split(/("(?:[^"\\]|\\.)*")/)
    .map((part, i) => (i % 2 ? part : part.replace(name, (n) => `${via}.${n}`)))
    .join('');
}

/**
 * The modules of a group from ajv's standalone code: `sharedCode` (the shared definitions) and,
 * per member, the code that followed it when the member was generated after them in the same
 * module. A member copies the regular expressions and helpers it uses, and requires the shared
 * module (`sharedFile`, beside it) only when it first calls one of the shared validators: a
 * template that sets none of the properties those check never loads it (QuickSight's is 2.4 MB
 * of code). Throws when a name a member uses is defined nowhere (the caller then generates the
 * members alone).
 */
export function splitModules(sharedCode, memberCodes, sharedFile, id) {
  const inShared = declared(sharedCode);
  const copies = copiedDeclarations(sharedCode);
  const exported = new Set();
  const members = {};
  for (const [type, { code, name }] of Object.entries(memberCodes)) {
    const own = declared(code);
    const needed = [...new Set(code.match(NAME) ?? [])].filter((n) => !own.has(n)).sort();
    for (const n of needed) if (!inShared.has(n)) throw new Error(`${type}: '${n}' is defined nowhere`);
    const copied = needed.filter((n) => copies.has(n));
    const imported = needed.filter((n) => !copies.has(n));
    for (const n of imported) exported.add(n);
    const head = `exports.__member = ${name};`;
    if (!code.includes(head)) throw new Error(`${type}: no export of ${name}`);
    const lazy = imported.length
      ? `let shared$;const shared = {get $() {return shared$ ??= require("./${sharedFile}");}};`
      : '';
    members[type] = withoutId(
      `"use strict";${lazy}${copied.map((n) => copies.get(n)).join('')}` +
        `module.exports = ${name};module.exports.default = ${name};` +
        readThrough(code.replace(head, ''), imported, 'shared.$'),
      id,
    );
  }
  const shared = withoutId(`${sharedCode};module.exports = {${[...exported].sort().join(', ')}};`, id);
  return { shared, members };
}

/** The embedded schemas read `#/definitions/X` again, as in the schema file. */
function withoutId(code, prefix) {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const out = code.replace(new RegExp(`"${escaped}(\\w+)\\.json"`, 'g'), '"#/definitions/$1"');
  if (out.includes(prefix) || out.includes('aws-dev-notes.invalid'))
    throw new Error(`generated code still names ${prefix}`);
  return out;
}
