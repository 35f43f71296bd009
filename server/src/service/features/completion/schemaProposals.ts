/**
 * Completion proposals read from a JSON schema: the properties an object allows (with their
 * docs, whether they are required, and the shape of their value) and the values a scalar allows
 * (enum, const, booleans). Union and if/then/else branches all contribute.
 */
import { CompletionItemKind } from 'vscode-languageserver-types';
import type { JsonSchema } from '../../schemas/schemaStore';
import { resolveRef } from '../../schemas/schemaStore';
import type { KeyProposal, ValueProposal, ValueShape } from './items';
import { snippetText } from './items';

export interface SchemaProperty {
  name: string;
  /** The property's schema as written (a `$ref` names its definition). */
  raw: JsonSchema;
  schema: JsonSchema | undefined;
  required: boolean;
}

/** The schema and its branches, each resolved; `definite` is false inside anyOf/oneOf/if branches. */
function branches(
  root: JsonSchema,
  schema: JsonSchema | undefined,
  definite = true,
  depth = 0,
): { s: JsonSchema; definite: boolean }[] {
  const s = resolveRef(root, schema);
  if (!s || depth > 8) return [];
  const out = [{ s, definite }];
  for (const b of s.allOf ?? []) out.push(...branches(root, b, definite, depth + 1));
  for (const b of [...(s.anyOf ?? []), ...(s.oneOf ?? []), s.then, s.else]) {
    if (b && typeof b === 'object') out.push(...branches(root, b, false, depth + 1));
  }
  return out;
}

export function schemaProperties(root: JsonSchema, schema: JsonSchema | undefined): SchemaProperty[] {
  const found = new Map<string, SchemaProperty>();
  for (const { s, definite } of branches(root, schema)) {
    const required = new Set(definite ? (s.required ?? []) : []);
    for (const [name, raw] of Object.entries(s.properties ?? {})) {
      const existing = found.get(name);
      if (existing) existing.required ||= required.has(name);
      else found.set(name, { name, raw, schema: resolveRef(root, raw), required: required.has(name) });
    }
  }
  return [...found.values()];
}

function types(s: JsonSchema): string[] {
  if (Array.isArray(s.type)) return s.type;
  return s.type ? [s.type] : [];
}

export function shapeOf(root: JsonSchema, schema: JsonSchema | undefined): ValueShape {
  const all = branches(root, schema).map((b) => b.s);
  const kinds = new Set<string>();
  let structured = false;
  for (const s of all) {
    for (const t of types(s)) kinds.add(t === 'integer' ? 'number' : t);
    if (s.properties || (s.additionalProperties && typeof s.additionalProperties === 'object')) {
      kinds.add('object');
      structured = true;
    }
    if (s.items) kinds.add('array');
    for (const v of s.enum ?? []) kinds.add(typeof v);
  }
  if (kinds.size === 1) {
    const only = [...kinds][0];
    if (only === 'object' || only === 'array' || only === 'string' || only === 'number' || only === 'boolean')
      return only;
  }
  if (structured && !kinds.has('array')) return 'object';
  return 'any';
}

/** A short name for a schema's type: `String`, `List of Tag`, `VersioningConfiguration`. */
export function typeLabel(root: JsonSchema, raw: JsonSchema | undefined): string {
  if (!raw) return 'Any';
  if (raw.$ref?.startsWith('#/definitions/')) return raw.$ref.slice('#/definitions/'.length);
  const s = resolveRef(root, raw);
  if (!s) return 'Any';
  if (s.items && !Array.isArray(s.items)) return `List of ${typeLabel(root, s.items)}`;
  const union = s.anyOf ?? s.oneOf;
  if (union) return [...new Set(union.map((b) => typeLabel(root, b)))].join(' or ');
  const t = types(s)[0];
  if (!t) return s.enum ? 'String' : 'Any';
  if (t === 'object') return 'Map';
  if (t === 'array') return 'List';
  return t[0].toUpperCase() + t.slice(1);
}

/** The allowed values of a scalar schema: enum/const values (numbers equal to a string listed once) and booleans. */
export function allowedValues(
  root: JsonSchema,
  schema: JsonSchema | undefined,
): { value: string | number | boolean; doc?: string; text?: string }[] {
  const out: { value: string | number | boolean; doc?: string; text?: string }[] = [];
  const seen = new Set<string>();
  const add = (value: unknown, doc?: string): void => {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return;
    const numeric = typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value));
    const twin = out.findIndex((o) => typeof o.value === 'number' && numeric && o.value === Number(value));
    if (twin >= 0) {
      // Both 0.2 and "0.2" are allowed: offer the string's spelling, written as a plain number.
      out[twin] = { value: String(value), text: String(value), doc: out[twin].doc ?? doc };
      seen.add(`string:${String(value)}`);
      return;
    }
    if (
      typeof value === 'number' &&
      out.some((o) => typeof o.value === 'string' && o.value !== '' && Number(o.value) === value)
    )
      return;
    const key = `${typeof value}:${String(value)}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ value, doc });
  };
  for (const { s } of branches(root, schema)) {
    const docs = s.markdownEnumDescriptions;
    (s.enum ?? []).forEach((v, i) => add(v, docs?.[i]));
    if (s.const !== undefined) add(s.const);
    if (types(s).includes('boolean') && !s.enum) {
      add(true);
      add(false);
    }
  }
  return out;
}

function placeholderFor(root: JsonSchema, schema: JsonSchema | undefined, n: number, json: boolean): string {
  const values = allowedValues(root, schema).filter((v) => typeof v.value === 'string');
  const shape = shapeOf(root, schema);
  if (values.length && values.length <= 30) {
    const choice = `\${${n}|${values.map((v) => String(v.value).replace(/[\\,|$}]/g, '\\$&')).join(',')}|}`;
    return json ? `"${choice}"` : choice;
  }
  if (json && shape === 'string') return `"$${n}"`;
  if (shape === 'object') return json ? `{$${n}}` : `{$${n}}`;
  if (shape === 'array') return `[$${n}]`;
  return `$${n}`;
}

/** Key proposals for an object schema's properties not yet written. */
export function propertyProposals(
  root: JsonSchema,
  schema: JsonSchema | undefined,
  existing: Set<string>,
): KeyProposal[] {
  const proposals: KeyProposal[] = [];
  for (const property of schemaProperties(root, schema)) {
    if (existing.has(property.name) || property.schema?.outputOnly) continue;
    const s = property.schema;
    const shape = shapeOf(root, property.raw);
    const values = allowedValues(root, property.raw);
    const stringChoices =
      values.length > 0 && values.length <= 40 && values.every((v) => typeof v.value === 'string');
    const notes: string[] = [];
    if (s?.deprecationMessage) notes.push(`**Deprecated:** ${s.deprecationMessage}`);
    if (s?.markdownDescription ?? s?.description) notes.push(s?.markdownDescription ?? s?.description ?? '');
    if (s?.documentationUrl) notes.push(`[Documentation](${s.documentationUrl})`);
    const detail = [property.required ? 'Required' : 'Optional', typeLabel(root, property.raw)];
    if (s?.causesReplacement === 'yes') detail.push('update requires replacement');
    const proposal: KeyProposal = {
      name: property.name,
      shape,
      required: property.required,
      documentation: notes.join('\n\n') || undefined,
      detail: detail.join(' · '),
      deprecated: !!s?.deprecationMessage,
      kind: shape === 'object' ? CompletionItemKind.Module : CompletionItemKind.Property,
      choices: stringChoices ? values.map((v) => String(v.value)) : undefined,
      // Too many values for a snippet choice: ask for completion of the value instead.
      retrigger: values.length > 0 && !stringChoices && shape !== 'boolean',
    };
    addRequiredBody(root, property, shape, proposal);
    proposals.push(proposal);
  }
  return proposals;
}

/** A nested object or list of objects starts with its own required keys. */
function addRequiredBody(
  root: JsonSchema,
  property: SchemaProperty,
  shape: ValueShape,
  proposal: KeyProposal,
): void {
  const target =
    shape === 'array'
      ? resolveRef(root, property.schema?.items as JsonSchema | undefined)
      : shape === 'object'
        ? property.schema
        : undefined;
  if (!target) return;
  const required = schemaProperties(root, target).filter((p) => p.required);
  if (!required.length || required.length > 6) return;
  const yaml = required.map((p, i) => `${snippetText(p.name)}: ${placeholderFor(root, p.raw, i + 1, false)}`);
  const json = required
    .map((p, i) => `${JSON.stringify(p.name)}: ${placeholderFor(root, p.raw, i + 1, true)}`)
    .join(', ');
  if (shape === 'array') {
    proposal.yamlBody = yaml.map((line, i) => (i === 0 ? `- ${line}` : `  ${line}`));
    proposal.jsonValue = `[{${json}}]`;
  } else {
    proposal.yamlBody = yaml;
    proposal.jsonValue = `{${json}}`;
  }
}

/** Values whose documentation starts like this are deprecated (e.g. old Lambda runtimes). */
const DEPRECATED = /^\s*deprecated\b/i;

/** The proposals with current values first and deprecated ones after, in their order otherwise. */
export function currentFirst(proposals: ValueProposal[]): ValueProposal[] {
  const ordered = [...proposals.filter((p) => !p.deprecated), ...proposals.filter((p) => p.deprecated)];
  return ordered.map((p, order) => ({ ...p, order }));
}

/** Value proposals for a scalar schema: current values in the schema's order, then the deprecated ones, marked. */
export function valueProposals(root: JsonSchema, schema: JsonSchema | undefined): ValueProposal[] {
  return currentFirst(
    allowedValues(root, schema).map((v, i) => ({
      value: v.value,
      text: v.text,
      label: v.text ?? String(v.value),
      documentation: v.doc,
      kind: typeof v.value === 'boolean' ? CompletionItemKind.Keyword : CompletionItemKind.EnumMember,
      group: 2,
      order: i,
      deprecated: DEPRECATED.test(v.doc ?? '') || undefined,
    })),
  );
}
