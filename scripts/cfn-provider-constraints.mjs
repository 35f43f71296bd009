// The value constraints of the CloudFormation resource provider schemas (the JSON schemas AWS
// publishes per resource type), merged into the generated schemas as a reviewed overlay by
// generate-cfn-schemas.mjs (`npm run schemas -- --providers DIR`, DIR holding the provider
// *.json files, e.g. a copy of cfn-lint's src/cfnlint/data/schemas/providers/us_east_1).
//
// Copied where our schema and the provider's describe the same JSON type at the same path:
//   numbers  minimum, maximum
//   strings  minLength, maxLength, pattern (translated to JavaScript where faithful, else skipped)
//   lists    minItems, maxItems, uniqueItems
//   enum     only where our schema has none (the spec and cfn-overlay.json come first)
//   objects  oneOf/anyOf of required-key lists and dependencies, when every key they name exists
// Nothing else is taken: the provider files are never committed, only what this merges.
import fs from 'node:fs';
import path from 'node:path';
import { importTs } from './import-ts.mjs';

const { translateJavaRegex } = await importTs('server/src/service/utils/javaRegex.ts');

/** Provider schema per CloudFormation type name, from every *.json in the folder. */
export function loadProviderSchemas(dir) {
  const byType = new Map();
  for (const name of fs.readdirSync(dir).sort()) {
    if (!name.endsWith('.json')) continue;
    const schema = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
    if (typeof schema.typeName === 'string') byType.set(schema.typeName, schema);
  }
  if (byType.size === 0) throw new Error(`no provider schemas (*.json with a typeName) in ${dir}`);
  return byType;
}

/**
 * A provider pattern (Java/Python syntax) as a JavaScript `u`-mode pattern, or undefined when it
 * cannot be expressed faithfully. The translation is the language service's own (the one it uses
 * for AllowedPattern), so build time and run time read a Java pattern the same way; a pattern that
 * needs other flags than `u` (a leading `(?i)`, or syntax only valid without `u`) is skipped, since
 * a JSON Schema `pattern` carries no flags.
 */
export function translatePattern(pattern) {
  if (typeof pattern !== 'string') return undefined;
  const translated = translateJavaRegex(pattern);
  return translated?.flags === 'u' ? translated.source : undefined;
}

function resolve(root, node) {
  let current = node;
  for (let hops = 0; current?.$ref && hops < 10; hops++) {
    const match = /^#\/definitions\/(.+)$/.exec(current.$ref);
    if (!match) return undefined;
    current = root.definitions?.[match[1]];
  }
  return current;
}

function jsonTypes(schema) {
  const types = Array.isArray(schema?.type) ? schema.type : schema?.type ? [schema.type] : [];
  return types.map((t) => (t === 'integer' ? 'number' : t));
}

/**
 * The provider's constraints for one resource type's generated schema, as overlay entries
 * { pointer (JSON pointer into our schema), keyword, value }. Nothing is changed here.
 */
export function providerConstraints(ourRoot, providerRoot, stats) {
  const entries = [];
  const seen = new Set();
  const visit = (ours, pointer, theirs, depth) => {
    if (depth > 12) return;
    const o = resolve(ourRoot, ours);
    const t = resolve(providerRoot, theirs);
    if (!o || !t) return;
    const key = `${JSON.stringify(ours.$ref ?? '')}|${JSON.stringify(theirs.$ref ?? '')}`;
    if ((ours.$ref || theirs.$ref) && seen.has(key)) return;
    if (ours.$ref || theirs.$ref) seen.add(key);
    // Constraints go on the property schema itself, or on the definition it refers to.
    const target = ours.$ref ? o : ours;
    const targetPointer = ours.$ref ? ours.$ref.slice(1) : pointer;
    const ourTypes = jsonTypes(target);
    const theirTypes = jsonTypes(t);
    const shared = (type) => ourTypes.includes(type) && theirTypes.includes(type);
    const copy = (keyword, value = t[keyword]) => {
      if (value === undefined || target[keyword] !== undefined) return;
      if (entries.some((e) => e.pointer === targetPointer && e.keyword === keyword)) return;
      entries.push({ pointer: targetPointer, keyword, value });
      stats[keyword] = (stats[keyword] ?? 0) + 1;
    };
    if (shared('number')) {
      if (typeof t.minimum === 'number') copy('minimum');
      if (typeof t.maximum === 'number') copy('maximum');
    }
    if (shared('string')) {
      if (Number.isInteger(t.minLength)) copy('minLength');
      if (Number.isInteger(t.maxLength)) copy('maxLength');
      if (t.pattern !== undefined) {
        const translated = translatePattern(t.pattern);
        if (translated !== undefined) copy('pattern', translated);
        else stats.patternsSkipped = (stats.patternsSkipped ?? 0) + 1;
      }
    }
    if (
      Array.isArray(t.enum) &&
      t.enum.length > 0 &&
      ourTypes.length === 1 &&
      (shared('string') || shared('number')) &&
      t.enum.every((v) =>
        jsonTypes({ type: typeof v === 'number' ? 'number' : typeof v }).includes(ourTypes[0]),
      )
    )
      copy('enum', [...new Set(t.enum)]);
    if (shared('array')) {
      if (Number.isInteger(t.minItems)) copy('minItems');
      if (Number.isInteger(t.maxItems)) copy('maxItems');
      if (t.uniqueItems === true) copy('uniqueItems');
      if (target.items && t.items) visit(target.items, `${targetPointer}/items`, t.items, depth + 1);
    }
    relationships(o, t, targetPointer);
    if (o.properties && t.properties) {
      for (const [name, child] of Object.entries(o.properties)) {
        if (t.properties[name])
          visit(
            child,
            `${ours.$ref ? targetPointer : pointer}/properties/${escape(name)}`,
            t.properties[name],
            depth + 1,
          );
      }
    }
    if (
      o.additionalProperties &&
      typeof o.additionalProperties === 'object' &&
      t.additionalProperties &&
      typeof t.additionalProperties === 'object'
    )
      visit(
        o.additionalProperties,
        `${ours.$ref ? targetPointer : pointer}/additionalProperties`,
        t.additionalProperties,
        depth + 1,
      );
  };
  /**
   * Relationships between the keys of one object: oneOf/anyOf whose branches only list required
   * keys ("exactly one of", "at least one of") and dependencies (key → keys it needs), where every
   * key they name exists in our schema.
   */
  const relationships = (ours, theirs, pointer) => {
    const known = (names) =>
      Array.isArray(names) && names.length > 0 && names.every((n) => ours.properties?.[n]);
    for (const keyword of ['oneOf', 'anyOf']) {
      const branches = theirs[keyword];
      if (!Array.isArray(branches) || branches.length < 2 || ours[keyword] !== undefined) continue;
      const simple = branches.every(
        (b) =>
          b && typeof b === 'object' && Object.keys(b).every((k) => k === 'required') && known(b.required),
      );
      if (!simple) continue;
      if (entries.some((e) => e.pointer === pointer && e.keyword === keyword)) continue;
      entries.push({ pointer, keyword, value: branches.map((b) => ({ required: b.required })) });
      stats[keyword] = (stats[keyword] ?? 0) + 1;
    }
    const deps = theirs.dependencies;
    if (deps && typeof deps === 'object' && ours.dependencies === undefined) {
      const value = {};
      for (const [key, needs] of Object.entries(deps))
        if (ours.properties?.[key] && known(needs)) value[key] = needs;
      if (
        Object.keys(value).length &&
        !entries.some((e) => e.pointer === pointer && e.keyword === 'dependencies')
      ) {
        entries.push({ pointer, keyword: 'dependencies', value });
        stats.dependencies = (stats.dependencies ?? 0) + 1;
      }
    }
  };
  relationships(ourRoot, providerRoot, '');
  for (const [name, child] of Object.entries(ourRoot.properties ?? {})) {
    const theirs = providerRoot.properties?.[name];
    if (theirs) visit(child, `/properties/${escape(name)}`, theirs, 0);
  }
  return entries;
}

function escape(segment) {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Applies overlay entries to a schema; returns the entries whose pointer does not exist. */
export function applyProviderConstraints(schema, entries) {
  const missing = [];
  for (const entry of entries) {
    let node = schema;
    for (const raw of entry.pointer.split('/').slice(1)) {
      node = node?.[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    if (!node || typeof node !== 'object') missing.push(entry);
    else if (node[entry.keyword] === undefined) node[entry.keyword] = entry.value;
  }
  return missing;
}
