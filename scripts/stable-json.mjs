// Deterministic JSON for the generated schemas: keys sorted by code unit (not locale), so every
// run on every machine writes the same bytes. Used by generate-cfn-schemas.mjs and its modules.

/** Recursively sort object keys (arrays keep their order) so serialisation is stable. */
export function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out = {};
    for (const key of Object.keys(value).sort(compareStrings)) out[key] = sortKeys(value[key]);
    return out;
  }
  return value;
}

/** Plain code-unit comparison: independent of locale/ICU, so identical on every machine. */
export function compareStrings(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Large service files are written one resource type per line (diffable, but compact). */
export function serialiseServiceFile(resourceTypes) {
  const names = Object.keys(resourceTypes).sort(compareStrings);
  const lines = names.map(
    (name, i) =>
      `    ${JSON.stringify(name)}: ${JSON.stringify(sortKeys(resourceTypes[name]))}${i < names.length - 1 ? ',' : ''}`,
  );
  return `{\n  "resourceTypes": {\n${lines.join('\n')}\n  }\n}\n`;
}

export function serialisePretty(value) {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

export function uniqueValues(values) {
  return [...new Set(values)];
}
