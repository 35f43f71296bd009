/**
 * Fn::If inside resource properties: the value each branch may become. `ifScenarios` gives the
 * Properties object under each assignment of true/false to the conditions its Ifs name (up to
 * four conditions, 16 scenarios; with more, all true and all false), the same condition always
 * taking the same branch, nested Ifs included, with `!Ref AWS::NoValue` removing its key or list item, so
 * the schema check sees each branch as a plain value: an unknown key, a wrong value or a missing
 * required key in either branch is reported, and a required property that may vanish too.
 * The copies share the original nodes (their offsets point into the document); only the objects
 * and lists on the way to an Fn::If are new.
 */
import type { AstNode, ObjectNode, PropertyNode } from '../../ast';
import { intrinsicName } from './template';

/** The marker for "this key or item is removed" (a branch that is `!Ref AWS::NoValue`). */
const REMOVED = Symbol('removed');

function isNoValue(node: AstNode | undefined): boolean {
  if (intrinsicName(node) !== 'Ref' || node?.type !== 'object') return false;
  const target = node.properties[0].value;
  return target?.type === 'string' && target.value === 'AWS::NoValue';
}

interface IfParts {
  condition: string;
  branches: [AstNode, AstNode];
}

function ifBranches(node: AstNode): IfParts | undefined {
  if (intrinsicName(node) !== 'Fn::If' || node.type !== 'object') return undefined;
  const args = node.properties[0].value;
  if (args?.type !== 'array' || args.items.length !== 3) return undefined;
  const condition = args.items[0];
  return {
    condition: condition.type === 'string' ? condition.value : '',
    branches: [args.items[1], args.items[2]],
  };
}

function conditionNames(node: AstNode | undefined, out: Set<string>): Set<string> {
  if (!node) return out;
  const parts = ifBranches(node);
  if (parts) {
    out.add(parts.condition);
    conditionNames(parts.branches[0], out);
    conditionNames(parts.branches[1], out);
  } else if (!intrinsicName(node)) {
    if (node.type === 'object') for (const p of node.properties) conditionNames(p.value, out);
    else if (node.type === 'array') for (const item of node.items) conditionNames(item, out);
  }
  return out;
}

type Assignment = (condition: string) => boolean;

/** True when an Fn::If is reachable from the node without passing through another function. */
export function containsIf(node: AstNode | undefined): boolean {
  if (!node) return false;
  if (ifBranches(node)) return true;
  if (intrinsicName(node)) return false;
  if (node.type === 'object') return node.properties.some((p) => containsIf(p.value));
  if (node.type === 'array') return node.items.some(containsIf);
  return false;
}

function resolve(node: AstNode | undefined, branch: Assignment): AstNode | typeof REMOVED | undefined {
  if (!node) return node;
  const parts = ifBranches(node);
  if (parts) {
    const chosen = parts.branches[branch(parts.condition) ? 0 : 1];
    return isNoValue(chosen) ? REMOVED : resolve(chosen, branch);
  }
  if (intrinsicName(node) || !containsIf(node)) return node;
  if (node.type === 'array') {
    const items: AstNode[] = [];
    for (const item of node.items) {
      const value = resolve(item, branch);
      if (value !== REMOVED && value) items.push(value);
    }
    return { ...node, items };
  }
  if (node.type === 'object') {
    const copy: ObjectNode = { ...node, properties: [] };
    for (const property of node.properties) {
      const value = resolve(property.value, branch);
      if (value === REMOVED) continue;
      const next: PropertyNode = { ...property, value, parent: copy };
      copy.properties.push(next);
    }
    return copy;
  }
  return node;
}

export interface IfScenario {
  /** The value each condition named by an Fn::If has in this scenario. */
  assignment: Map<string, boolean>;
  root: AstNode;
}

/** "'C' is false, 'D' is true": the conditions the given scenarios agree on (all when they agree on none). */
export function describeScenarios(scenarios: IfScenario[]): string {
  const [first] = scenarios;
  const shared = [...first.assignment].filter(([name, value]) =>
    scenarios.every((s) => s.assignment.get(name) === value),
  );
  const list = shared.length ? shared : [...first.assignment];
  return list.map(([name, value]) => `'${name}' is ${String(value)}`).join(' and ');
}

const MAX_CONDITIONS = 4;

/** The Properties object with every Fn::If resolved, per scenario, or undefined when it has none. */
export function ifScenarios(props: AstNode): IfScenario[] | undefined {
  if (!containsIf(props)) return undefined;
  const names = [...conditionNames(props, new Set())];
  const assignments: Map<string, boolean>[] = [];
  if (names.length <= MAX_CONDITIONS) {
    for (let mask = 0; mask < 1 << names.length; mask++)
      assignments.push(new Map(names.map((n, i) => [n, (mask & (1 << i)) === 0])));
  } else {
    assignments.push(new Map(names.map((n) => [n, true])), new Map(names.map((n) => [n, false])));
  }
  const scenarios: IfScenario[] = [];
  for (const assignment of assignments) {
    const root = resolve(props, (name) => assignment.get(name) ?? true);
    if (!root || root === REMOVED) continue;
    scenarios.push({ assignment, root });
  }
  return scenarios;
}
