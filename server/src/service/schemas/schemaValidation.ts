/**
 * Runs a compiled ajv validator over a node and turns its errors into diagnostics at the exact
 * key or value, with messages a person understands (not ajv's "must be string").
 * Errors on or inside CloudFormation intrinsic functions are dropped: a function stands for a
 * value that is only known at deploy time.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { AstNode, PropertyNode } from '../ast';
import { findProperty, ValueBudgetExceeded, toValue } from '../ast';
import type { DiagnosticReporter, Span } from '../diagnostics';
import type { JsonSchema } from './schemaStore';
import { resolveRef } from './schemaStore';
import { closest, didYouMean, listWords } from '../utils/suggest';
import { describeNode, formatPath, truncate, TYPE_WORDS } from './schemaWords';


export interface SchemaCheckOptions {
  /** Code prefix: `cfn`, `buildspec`, `appspec`, `taskdef`. */
  prefix: string;
  /** How the document calls its keys: CloudFormation "property", the others "key". */
  term: 'property' | 'key';
  /** What the root node is, for messages: "resource type AWS::S3::Bucket", "buildspec". */
  subject: string;
  /** Path shown before nested keys, e.g. "Properties" (empty for a whole file). */
  basePath?: string;
  /** Nodes whose errors are dropped, with everything inside them (intrinsic functions). */
  isOpaque?: (node: AstNode) => boolean;
  /** Type errors this returns true for are dropped (values the consumer converts itself). */
  acceptValue?: (node: AstNode, error: ErrorObject) => boolean;
}

interface Located {
  error: ErrorObject;
  node: AstNode | undefined;
  /** Path from the validated root, for messages. */
  path: (string | number)[];
}

export function checkSchema(
  reporter: DiagnosticReporter,
  validate: ValidateFunction,
  rootNode: AstNode,
  options: SchemaCheckOptions,
): void {
  let data: unknown;
  try {
    data = toValue(rootNode);
  } catch (error) {
    if (error instanceof ValueBudgetExceeded) {
      reporter.report(rootNode, `Not validated: ${error.message}`, 'too-many-values', {
        severity: 'warning',
      });
      return;
    }
    throw error;
  }
  validate(data);
  const errors = validate.errors ?? [];
  const located: Located[] = [];
  for (const error of errors) {
    // An `if` failure only says which branch applied; the branch's own errors say what is wrong.
    if (error.keyword === 'if') continue;
    const found = locate(rootNode, error.instancePath, options.isOpaque);
    if (found) located.push({ error, ...found });
  }
  const root = (validate.schema ?? {}) as JsonSchema;
  const keep = selectUnionErrors(located, root);
  const required = new Map<string, Located[]>();
  for (const item of keep) {
    if (
      options.acceptValue &&
      item.node &&
      item.error.keyword === 'type' &&
      options.acceptValue(item.node, item.error)
    )
      continue;
    if (item.error.keyword === 'required') {
      const group = required.get(item.error.instancePath) ?? [];
      group.push(item);
      required.set(item.error.instancePath, group);
      continue;
    }
    reportError(reporter, item, rootNode, options);
  }
  for (const group of required.values()) reportMissing(reporter, group, rootNode, options);
}

function jsonType(node: AstNode | undefined): string | undefined {
  return node?.type;
}

function branchType(root: JsonSchema, branch: JsonSchema): string[] {
  const resolved = resolveRef(root, branch) ?? branch;
  const types = Array.isArray(resolved.type) ? resolved.type : resolved.type ? [resolved.type] : [];
  if (types.length) return types.map((t) => (t === 'integer' ? 'number' : t));
  if (resolved.properties || resolved.additionalProperties !== undefined) return ['object'];
  if (resolved.items) return ['array'];
  return [];
}

/**
 * A union (anyOf/oneOf) error says little. When exactly one branch fits the value's JSON type,
 * that branch's own errors are the useful ones; otherwise the union's summary is kept.
 */
function selectUnionErrors(located: Located[], root: JsonSchema): Located[] {
  const unions = located.filter((l) => l.error.keyword === 'anyOf' || l.error.keyword === 'oneOf');
  const dropped = new Set<Located>();
  for (const union of unions) {
    const branches = (union.error.schema as JsonSchema[] | undefined) ?? [];
    const type = jsonType(union.node);
    const fitting = branches
      .map((b, i) => ({ i, types: branchType(root, b) }))
      .filter((b) => b.types.includes(type ?? '') || (type === 'number' && b.types.includes('string')));
    const inside = located.filter(
      (l) =>
        l !== union &&
        l.error.schemaPath.startsWith(`${union.error.schemaPath}/`) &&
        l.error.instancePath.startsWith(union.error.instancePath),
    );
    if (fitting.length === 1) {
      const prefix = `${union.error.schemaPath}/${fitting[0].i}/`;
      dropped.add(union);
      for (const l of inside) if (!l.error.schemaPath.startsWith(prefix)) dropped.add(l);
    } else {
      for (const l of inside) dropped.add(l);
    }
  }
  return located.filter((l) => !dropped.has(l));
}

function reportMissing(
  reporter: DiagnosticReporter,
  group: Located[],
  root: AstNode,
  options: SchemaCheckOptions,
): void {
  const { node, path } = group[0];
  const missing = group.map((g) => String((g.error.params as Record<string, unknown>).missingProperty));
  const where = path.length ? formatPath(path, options.basePath) : '';
  const context = where ? `${where} (${options.subject})` : options.subject;
  const plural = missing.length > 1 ? (options.term === 'property' ? 'properties' : 'keys') : options.term;
  reporter.report(
    ownerSpan(node, root),
    `Missing required ${plural} ${missing.map((m) => `'${m}'`).join(', ')} in ${context}.`,
    `${options.prefix}-missing-${options.term}`,
    { data: { missing } },
  );
}

/** Node at a JSON pointer below root, or undefined when an opaque node is on the way. */
function locate(
  root: AstNode,
  pointer: string,
  isOpaque: ((node: AstNode) => boolean) | undefined,
): { node: AstNode | undefined; path: (string | number)[] } | undefined {
  const path: (string | number)[] = [];
  let node: AstNode | undefined = root;
  if (isOpaque?.(root)) return undefined;
  const parts = pointer ? pointer.split('/').slice(1) : [];
  for (const raw of parts) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node?.type === 'array') {
      const index = Number(part);
      path.push(index);
      node = node.items[index];
    } else {
      path.push(part);
      node = findProperty(node, part)?.value;
    }
    if (node && isOpaque?.(node)) return undefined;
  }
  return { node, path };
}

function expectedTypes(schema: JsonSchema | undefined): string[] {
  if (!schema) return [];
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  return types.map((t) => TYPE_WORDS[t] ?? t);
}

/** Where an object-level error belongs: the key that holds the object, else the object's start. */
function ownerSpan(node: AstNode | undefined, root: AstNode): Span {
  const target = node ?? root;
  const parent = target.parent;
  if (parent?.type === 'property') return parent.key;
  if (target.type === 'object' && target.properties[0]) return target.properties[0].key;
  return { offset: target.offset, length: Math.min(target.length, 1) };
}

function reportError(
  reporter: DiagnosticReporter,
  item: Located,
  root: AstNode,
  options: SchemaCheckOptions,
): void {
  const { error, node, path } = item;
  const { prefix, term, subject } = options;
  const where = path.length ? formatPath(path, options.basePath) : '';
  const inWhere = where ? ` in ${where}` : '';
  const ofSubject = ` (${subject})`;
  const params = error.params as Record<string, unknown>;
  const parentSchema: JsonSchema | undefined = error.parentSchema;
  const valueSpan: Span = node ?? ownerSpan(undefined, root);
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const prop =
        node?.type === 'object' ? node.properties.find((p: PropertyNode) => p.key.value === name) : undefined;
      const known = Object.keys(parentSchema?.properties ?? {});
      const suggestion = closest(name, known);
      const context = where ? `${where}${ofSubject}` : subject;
      reporter.report(
        prop?.key ?? valueSpan,
        `Unknown ${term} '${name}' in ${context}.${didYouMean(suggestion)}`,
        `${prefix}-unknown-${term}`,
        { data: { replacement: suggestion, removable: true } },
      );
      return;
    }
    case 'type': {
      const expected = expectedTypes(parentSchema);
      const wanted = expected.length ? expected.join(' or ') : String(params.type);
      reporter.report(
        valueSpan,
        `Expected ${wanted}${inWhere ? ` for ${where}` : ''} but found ${describeNode(node)}.`,
        `${prefix}-type-mismatch`,
      );
      return;
    }
    case 'enum':
    case 'const': {
      const allowed = (
        error.keyword === 'enum' ? (params.allowedValues as unknown[]) : [params.allowedValue]
      ).map(String);
      const actual = node && 'value' in node ? String(node.value) : describeNode(node);
      const suggestion = closest(actual, allowed);
      const name = where || subject;
      reporter.report(
        valueSpan,
        `'${truncate(actual)}' is not an allowed value for ${name}.${didYouMean(suggestion)} Allowed values: ${listWords(allowed, 30)}.`,
        `${prefix}-invalid-value`,
        { data: { replacement: suggestion, alternatives: allowed } },
      );
      return;
    }
    case 'anyOf':
    case 'oneOf': {
      const branches = (error.schema as JsonSchema[] | undefined) ?? [];
      const keyLists = requiredOnly(branches);
      if (keyLists) {
        reportKeyRelationship(reporter, error.keyword, keyLists, node, root, where || subject, options);
        return;
      }
      const kinds = [...new Set(branches.flatMap((b) => expectedTypes(b.$ref ? { type: 'object' } : b)))];
      const wanted = kinds.length ? kinds.join(' or ') : 'one of the allowed forms';
      reporter.report(
        valueSpan,
        `Expected ${wanted}${where ? ` for ${where}` : ''} but found ${describeNode(node)}.`,
        `${prefix}-type-mismatch`,
      );
      return;
    }
    case 'dependencies': {
      const property = String(params.property);
      const needs = String(params.missingProperty);
      const context = where ? `${where} (${subject})` : subject;
      reporter.report(
        ownerSpan(node, root),
        `'${property}' needs '${needs}' as well in ${context}.`,
        `${prefix}-property-relationship`,
      );
      return;
    }
    case 'minItems':
    case 'maxItems': {
      const limit = Number(params.limit);
      const more = error.keyword === 'minItems' ? 'at least' : 'at most';
      reporter.report(
        valueSpan,
        `${where || subject} must have ${more} ${limit} item${limit === 1 ? '' : 's'}.`,
        `${prefix}-value-out-of-range`,
      );
      return;
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const comparison = String(params.comparison);
      reporter.report(
        valueSpan,
        `${where || subject} must be ${comparison} ${String(params.limit)} (found ${describeNode(node)}).`,
        `${prefix}-value-out-of-range`,
      );
      return;
    }
    case 'minLength':
    case 'maxLength': {
      const more = error.keyword === 'minLength' ? 'at least' : 'at most';
      reporter.report(
        valueSpan,
        `${where || subject} must be ${more} ${String(params.limit)} characters long.`,
        `${prefix}-value-out-of-range`,
      );
      return;
    }
    case 'pattern':
      reporter.report(
        valueSpan,
        `${describeNode(node)} does not match the pattern ${String(params.pattern)} required for ${where || subject}.`,
        `${prefix}-invalid-value`,
      );
      return;
    case 'uniqueItems':
      reporter.report(
        valueSpan,
        `${where || subject} must not contain duplicate items.`,
        `${prefix}-invalid-value`,
      );
      return;
    case 'minProperties':
      reporter.report(
        ownerSpan(node, root),
        `${where || subject} must not be empty.`,
        `${prefix}-value-out-of-range`,
      );
      return;
    default:
      reporter.report(
        valueSpan,
        `${where || subject}: ${error.message ?? 'invalid value'}.`,
        `${prefix}-schema`,
      );
  }
}

/** The key lists of a union whose branches only require keys ("one of these keys"), else undefined. */
function requiredOnly(branches: JsonSchema[]): string[][] | undefined {
  if (!branches.length) return undefined;
  const lists: string[][] = [];
  for (const branch of branches) {
    const keys = Object.keys(branch);
    if (keys.length !== 1 || keys[0] !== 'required' || !Array.isArray(branch.required)) return undefined;
    lists.push(branch.required);
  }
  return lists;
}

/** "At least one of" (anyOf) / "exactly one of" (oneOf) a set of keys. */
function reportKeyRelationship(
  reporter: DiagnosticReporter,
  keyword: string,
  keyLists: string[][],
  node: AstNode | undefined,
  root: AstNode,
  context: string,
  options: SchemaCheckOptions,
): void {
  const names = keyLists.map((keys) => keys.join(' + '));
  const present = keyLists.filter((keys) => keys.every((k) => node?.type === 'object' && !!findProperty(node, k)));
  const term = options.term === 'property' ? 'properties' : 'keys';
  const message =
    keyword === 'oneOf' && present.length > 1
      ? `Only one of ${listWords(names)} may be set in ${context}.`
      : keyword === 'oneOf'
        ? `Exactly one of the ${term} ${listWords(names)} is required in ${context}.`
        : `At least one of the ${term} ${listWords(names)} is required in ${context}.`;
  reporter.report(ownerSpan(node, root), message, `${options.prefix}-property-relationship`);
}
