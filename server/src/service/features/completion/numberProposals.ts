/**
 * Value proposals for a number property without a list of allowed values: the default its
 * documentation states and the bounds its schema sets (`BatchSize` → 1, 10, 100, 10000, each
 * documented "integer 1–10,000"). Where nothing is known the list is empty — we never invent a
 * number. Every kind uses it (CloudFormation properties, buildspec, appspec, task definitions).
 */
import { CompletionItemKind } from 'vscode-languageserver-types';
import type { JsonSchema } from '../../schemas/schemaStore';
import { resolveRef } from '../../schemas/schemaStore';
import type { ValueProposal } from './items';

/** "Default: 30", "The default is 30", "defaults to `30`", "Default 100" — the number and what follows it. */
const DEFAULT_NUMBER =
  /\b(?:[Dd]efault(?:\s+value)?(?:\s+is|:)?|defaults\s+to)\s+`?(-?\d[\d,]*(?:\.\d+)?)`?(?![\d.,]*\d)([^.;\n]{0,16})/g;

/** Units a documented default may be given in; such a default counts only when the unit is the property's own. */
const UNIT =
  /^\s*(seconds?|minutes?|hours?|days?|weeks?|months?|years?|ms|milliseconds?|[KMGT]i?B|bytes?|percent|%)/i;

const UNIT_IN_NAME: Record<string, RegExp> = {
  second: /second/i,
  minute: /minute/i,
  hour: /hour/i,
  day: /day/i,
  week: /week/i,
  month: /month/i,
  year: /year/i,
  ms: /milli|ms$/i,
  millisecond: /milli|ms$/i,
  byte: /byte/i,
  percent: /percent/i,
  '%': /percent/i,
};

/** The unit is the property's own: named in it (`TimeoutInSeconds`) or in its docs ("in seconds", "(in MiB)"). */
function unitFits(unit: string, name: string, description: string): boolean {
  const key = unit.toLowerCase().replace(/s$/, '');
  const test = UNIT_IN_NAME[key] ?? new RegExp(`${key}|size|memory`, 'i');
  const stated = new RegExp(`\\bin ${unit.replace(/s$/i, '')}`, 'i');
  return test.test(name) || stated.test(description);
}

/** The numeric part of a schema (its `type` includes integer or number), or undefined. */
export function numberSchema(
  root: JsonSchema,
  schema: JsonSchema | undefined,
): { s: JsonSchema; integer: boolean } | undefined {
  const s = resolveRef(root, schema);
  if (!s || s.enum) return undefined;
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (types.includes('integer')) return { s, integer: true };
  if (types.includes('number')) return { s, integer: false };
  return undefined;
}

function withinBounds(value: number, s: JsonSchema, integer: boolean): boolean {
  if (integer && !Number.isInteger(value)) return false;
  if (s.minimum !== undefined && value < s.minimum) return false;
  if (s.maximum !== undefined && value > s.maximum) return false;
  return true;
}

/** The defaults a description states, in their order, each once (units checked against the name). */
export function documentedDefaults(description: string, name: string): number[] {
  const out: number[] = [];
  for (const match of description.matchAll(DEFAULT_NUMBER)) {
    const value = Number(match[1].replace(/,/g, ''));
    if (!Number.isFinite(value)) continue;
    const unit = UNIT.exec(match[2]);
    if (unit && !unitFits(unit[1], name, description)) continue;
    if (!out.includes(value)) out.push(value);
  }
  return out;
}

function spell(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 20 });
}

/** "integer 1–10,000", "number ≥ 0", "integer". */
export function rangeText(s: JsonSchema, integer: boolean): string {
  const type = integer ? 'integer' : 'number';
  const { minimum: min, maximum: max } = s;
  if (min !== undefined && max !== undefined) return `${type} ${spell(min)}–${spell(max)}`;
  if (min !== undefined) return `${type} ≥ ${spell(min)}`;
  if (max !== undefined) return `${type} ≤ ${spell(max)}`;
  return type;
}

/**
 * Numbers to propose for a number property named `name`: its documented default(s) within the
 * schema's bounds, the minimum and the maximum, in increasing order.
 */
export function numberProposals(
  root: JsonSchema,
  schema: JsonSchema | undefined,
  name: string,
): ValueProposal[] {
  const found = numberSchema(root, schema);
  if (!found) return [];
  const { s, integer } = found;
  const range = rangeText(s, integer);
  const description = s.markdownDescription ?? s.description ?? '';
  const proposals: ValueProposal[] = [];
  const add = (value: number, what: string): void => {
    if (!withinBounds(value, s, integer) || proposals.some((p) => p.value === value)) return;
    proposals.push({
      value,
      label: String(value),
      detail: `${what} · ${range}`,
      documentation: description || undefined,
      kind: CompletionItemKind.Value,
      group: 2,
      order: proposals.length,
    });
  };
  for (const value of documentedDefaults(description, name)) add(value, 'default');
  if (s.minimum !== undefined) add(s.minimum, 'minimum');
  if (s.maximum !== undefined) add(s.maximum, 'maximum');
  // Smallest first: of the numbers starting with what was typed, the one typed (if offered) comes
  // first, so Enter or Tab never turns a typed `10` into `100`.
  proposals.sort((a, b) => Number(a.value) - Number(b.value));
  return proposals.map((p, order) => ({ ...p, order }));
}
