// The reviewed allowed values CloudFormation enforces but the spec lacks, scripts/cfn-overlay.json:
// read and checked here, put on the generated property schemas by the schema builder
// (cfn-schema-builder.mjs). Every entry must hit an existing property that has no enum yet, so the
// overlay stays reviewed; generate-cfn-schemas.mjs fails on entries that were never used.
import path from 'node:path';
import { ROOT, fail, readJson } from './cfn-spec.mjs';

const OVERLAY_FILE = path.join(ROOT, 'scripts', 'cfn-overlay.json');

/**
 * Parse the overlay into a map keyed by resource type, then by "<PropertyTypeName>.<Property>" for
 * nested property types or "<Property>" for top-level properties. The entry records whether it was
 * used, so unused (= non-existent) paths can be reported at the end.
 */
export function loadOverlay() {
  const raw = readJson(OVERLAY_FILE);
  if (!raw || typeof raw.entries !== 'object') fail('cfn-overlay.json: expected an object with "entries"');
  const byResource = new Map();
  for (const [key, entry] of Object.entries(raw.entries)) {
    const match = /^([A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+)\.(.+)$/.exec(key);
    if (!match)
      fail(`cfn-overlay.json: bad key "${key}" (expected "<Type>.<Prop>" or "<Type>.<PropType>.<Prop>")`);
    const [, resourceType, rest] = match;
    const parts = rest.split('.');
    if (parts.length > 2) fail(`cfn-overlay.json: bad key "${key}" (too many path segments)`);
    if (!Array.isArray(entry.values) || entry.values.length === 0)
      fail(`cfn-overlay.json: "${key}" needs values`);
    if (new Set(entry.values).size !== entry.values.length) fail(`cfn-overlay.json: "${key}" has duplicates`);
    if (typeof entry.source !== 'string' || !entry.source.trim())
      fail(`cfn-overlay.json: "${key}" needs a source`);
    const descriptions = entry.enumDescriptions ?? {};
    for (const value of Object.keys(descriptions)) {
      if (!entry.values.map(String).includes(value)) {
        fail(`cfn-overlay.json: "${key}" describes "${value}", which is not one of its values`);
      }
    }
    if (!byResource.has(resourceType)) byResource.set(resourceType, new Map());
    byResource.get(resourceType).set(rest, { key, values: entry.values, descriptions, used: false });
  }
  return byResource;
}

/**
 * Put an overlay's allowed values on the scalar node of a property schema: the property itself
 * (string/integer), the items of a list, or the values of a map. Fails if the spec already has an
 * enum there (the overlay is only for gaps) or if the values do not fit the spec type.
 */
export function applyOverlayEntry(schema, entry) {
  let node = schema;
  if (schema.type === 'array' && schema.items) node = schema.items;
  else if (schema.type === 'object' && schema.additionalProperties) node = schema.additionalProperties;
  if (node.type !== 'string' && node.type !== 'integer') {
    fail(
      `cfn-overlay.json: "${entry.key}" targets a ${JSON.stringify(schema)} property; only strings/integers (or lists/maps of them) can take an enum`,
    );
  }
  if (node.enum) {
    fail(
      `cfn-overlay.json: "${entry.key}" already has allowed values in the spec (${node.enum.join(', ')}); remove the overlay entry`,
    );
  }
  for (const value of entry.values) {
    const ok = node.type === 'string' ? typeof value === 'string' : Number.isInteger(value);
    if (!ok) fail(`cfn-overlay.json: "${entry.key}" value ${JSON.stringify(value)} is not a ${node.type}`);
  }
  node.enum = [...entry.values];
  if (Object.keys(entry.descriptions).length > 0) {
    node.markdownEnumDescriptions = entry.values.map((value) => entry.descriptions[String(value)] ?? '');
  }
  entry.used = true;
}
