/**
 * The documentation of a key from its JSON schema: description, type, whether it is required,
 * allowed values, limits, and (CloudFormation) whether changing it replaces the resource.
 */
import type { JsonPath } from '../../ast';
import type { SchemaLocation } from '../schemaLookup';
import type { JsonSchema } from '../../schemas/schemaStore';
import { resolveRef, schemaAtPath } from '../../schemas/schemaStore';

const MAX_ENUM_VALUES = 24;

function refName(ref: string | undefined): string | undefined {
  return ref?.startsWith('#/') ? ref.slice(ref.lastIndexOf('/') + 1) : undefined;
}

/** A short type label: `integer`, `list of Tag`, `RedrivePolicy (object)`, `string or number`. */
export function typeLabel(root: JsonSchema, schema: JsonSchema | undefined, depth = 0): string | undefined {
  if (!schema || depth > 4) return undefined;
  const name = refName(schema.$ref);
  const resolved = resolveRef(root, schema);
  if (!resolved) return name ? `\`${name}\`` : undefined;
  if (name) return `\`${name}\``;
  const types = Array.isArray(resolved.type) ? resolved.type : resolved.type ? [resolved.type] : [];
  if (types.includes('array')) {
    const items = Array.isArray(resolved.items) ? resolved.items[0] : resolved.items;
    const inner = typeLabel(root, items, depth + 1);
    return inner ? `list of ${inner}` : '`array`';
  }
  if (types.length) return types.map((t) => `\`${t}\``).join(' or ');
  const union = resolved.anyOf ?? resolved.oneOf;
  if (union?.length) {
    const labels = [
      ...new Set(union.map((s) => typeLabel(root, s, depth + 1)).filter((l): l is string => !!l)),
    ];
    return labels.length ? labels.join(' or ') : undefined;
  }
  if (resolved.enum?.length) {
    const kinds = [...new Set(resolved.enum.map((v) => (v === null ? 'null' : typeof v)))];
    return kinds.map((k) => `\`${k}\``).join(' or ');
  }
  if (resolved.properties || resolved.additionalProperties) return '`object`';
  return undefined;
}

/** The child schema as written in its parent (before `$ref` is followed), to keep its own text. */
function rawChild(
  root: JsonSchema,
  parent: JsonSchema | undefined,
  segment: string | number,
): JsonSchema | undefined {
  const s = resolveRef(root, parent);
  if (!s) return undefined;
  if (typeof segment === 'number') return Array.isArray(s.items) ? s.items[segment] : s.items;
  const direct = s.properties?.[segment];
  if (direct) return direct;
  for (const [pattern, sub] of Object.entries(s.patternProperties ?? {})) {
    if (new RegExp(pattern, 'u').test(segment)) return sub;
  }
  if (s.additionalProperties && typeof s.additionalProperties === 'object') return s.additionalProperties;
  return undefined;
}

function formatValue(value: unknown): string {
  return `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
}

export interface SchemaDocOptions {
  /** Shown after the name, such as "property of `AWS::SQS::Queue`". */
  context?: string;
  /** CloudFormation properties: say whether an update replaces the resource. */
  cloudformation?: boolean;
  /** Link when the schema has none (the resource type's page). */
  fallbackUrl?: string;
  /** A note for one allowed value that replaces the schema's description of it (Lambda runtimes by date). */
  enumNote?: (value: unknown) => string | undefined;
}

/** Markdown describing the key at the end of a schema location's path (undefined if the schema says nothing). */
export function schemaDoc(location: SchemaLocation, options: SchemaDocOptions = {}): string | undefined {
  const { root, path } = location;
  const key = path[path.length - 1];
  if (key === undefined) return undefined;
  const parentPath: JsonPath = path.slice(0, -1);
  const parent = schemaAtPath(root, parentPath);
  const raw = rawChild(root, parent, key) ?? location.schema;
  const resolved = location.schema ?? resolveRef(root, raw);
  if (!raw && !resolved) return undefined;
  const description =
    raw?.markdownDescription ?? raw?.description ?? resolved?.markdownDescription ?? resolved?.description;
  const type = typeLabel(root, raw ?? resolved);
  const title = typeof key === 'number' ? `item ${key + 1}` : `**${key}**`;
  const head = [title, type, options.context].filter(Boolean).join(' · ');
  const facts: string[] = [];
  if (typeof key === 'string' && parent) {
    const required = resolveRef(root, parent)?.required?.includes(key) ?? false;
    facts.push(`Required: ${required ? 'yes' : 'no'}`);
  }
  const enumValues = resolved?.enum ?? raw?.enum;
  if (enumValues?.length) {
    const descriptions = resolved?.markdownEnumDescriptions ?? raw?.markdownEnumDescriptions;
    const seen = new Set<string>();
    const values: string[] = [];
    enumValues.forEach((value, i) => {
      const text = formatValue(value);
      if (seen.has(text)) return;
      seen.add(text);
      const note = options.enumNote?.(value) ?? descriptions?.[i];
      values.push(note ? `${text} (${note})` : text);
    });
    const shown = values.slice(0, MAX_ENUM_VALUES).join(', ');
    facts.push(
      `Allowed values: ${shown}${values.length > MAX_ENUM_VALUES ? `, … (${values.length} in all)` : ''}`,
    );
  }
  const s = resolved ?? raw;
  if (s?.default !== undefined) facts.push(`Default: ${formatValue(s.default)}`);
  if (s?.minimum !== undefined || s?.maximum !== undefined) {
    facts.push(`Range: ${s.minimum ?? '…'} to ${s.maximum ?? '…'}`);
  }
  if (s?.minLength !== undefined || s?.maxLength !== undefined) {
    facts.push(`Length: ${s.minLength ?? 0} to ${s.maxLength ?? '…'} characters`);
  }
  if (s?.pattern) facts.push(`Pattern: \`${s.pattern}\``);
  if (options.cloudformation) {
    const replacement = raw?.causesReplacement ?? resolved?.causesReplacement;
    facts.push(
      `Update: ${replacement === 'yes' ? 'changing it **replaces** the resource' : replacement === 'maybe' ? 'changing it **may replace** the resource (depends on the change)' : 'no replacement'}`,
    );
  }
  if (raw?.deprecationMessage) facts.push(`Deprecated: ${raw.deprecationMessage}`);
  if (raw?.outputOnly) facts.push('Read-only: returned by AWS, not set in the file');
  const url = raw?.documentationUrl ?? options.fallbackUrl;
  const parts = [head];
  if (description) parts.push(description);
  if (facts.length) parts.push(facts.map((f) => `- ${f}`).join('\n'));
  if (url) parts.push(`[Documentation](${url})`);
  if (!description && !type && !enumValues?.length) return undefined;
  return parts.join('\n\n');
}
