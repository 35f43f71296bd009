/**
 * Circular dependencies: between resources (through Ref, Fn::GetAtt, Fn::Sub and DependsOn)
 * and between conditions (a condition using another through the Condition function).
 * Strongly connected components by Tarjan's algorithm, iterative and linear in the size of the
 * graph, so that a 1,000-resource template costs nothing noticeable on every keystroke. Each
 * member of a cycle is reported on its logical ID, with one cycle through it spelled out.
 */
import type { DiagnosticCollector } from '../../diagnostics';
import type { Rule } from '../validationContext';
import type { Entity } from './template';
import type { Reference } from './references';
import { collectReferences } from './references';
import { getTemplate } from './template';

/** Above this many members, a component is reported by its members instead of one path each. */
const MAX_SPELLED_COMPONENT = 200;

export const checkCycles: Rule = ({ root, parsed, collector }) => {
  const template = getTemplate(root);
  if (!template) return;
  const refs = collectReferences(template, parsed.text);
  const lineOf = (offset: number): number => parsed.text.slice(0, offset).split('\n').length;
  reportCycles(collector, template.resources, refs, lineOf, {
    section: 'Resources',
    // DependsOn on itself has its own rule (cfn-depends-on-self).
    edge: (ref) =>
      ref.kind !== 'Condition' &&
      ref.kind !== 'FindInMap' &&
      !(ref.kind === 'DependsOn' && ref.name === ref.from?.name),
    code: 'cfn-circular-dependency',
    noun: 'Resource',
    explain: 'CloudFormation cannot tell which to create first.',
  });
  reportCycles(collector, template.conditions, refs, lineOf, {
    section: 'Conditions',
    edge: (ref) => ref.kind === 'Condition',
    code: 'cfn-circular-condition',
    noun: 'Condition',
    explain: 'CloudFormation cannot evaluate conditions that depend on each other.',
  });
};

interface CycleOptions {
  section: string;
  edge: (ref: Reference) => boolean;
  code: string;
  noun: string;
  explain: string;
}

function reportCycles(
  collector: DiagnosticCollector,
  entities: Map<string, Entity>,
  refs: Reference[],
  lineOf: (offset: number) => number,
  options: CycleOptions,
): void {
  if (entities.size === 0) return;
  const names = [...entities.keys()];
  const index = new Map(names.map((name, i) => [name, i] as const));
  const adjacency: number[][] = names.map(() => []);
  const selfRefs = new Map<number, Reference>();
  for (const ref of refs) {
    if (ref.shadowed || ref.from?.section !== options.section || !options.edge(ref)) continue;
    const from = index.get(ref.from.name);
    const to = index.get(ref.name);
    if (from === undefined || to === undefined) continue;
    if (from === to) {
      if (!selfRefs.has(from)) selfRefs.set(from, ref);
      continue;
    }
    adjacency[from].push(to);
  }
  // Reported on the logical ID like the members of longer cycles; the message says where.
  for (const [node, ref] of selfRefs) {
    const name = names[node];
    const entity = entities.get(name);
    const fn = ref.kind === 'GetAtt' || ref.kind === 'Sub' ? `Fn::${ref.kind}` : ref.kind;
    const where = ` (${fn} on line ${lineOf(ref.span.offset)})`;
    collector.report(
      entity?.key ?? ref.span,
      `${options.noun} '${name}' refers to itself${where}, which CloudFormation cannot resolve.`,
      options.code,
    );
  }
  for (const component of stronglyConnected(adjacency)) {
    if (component.length < 2) continue;
    const members = new Set(component);
    for (const node of component) {
      const entity = entities.get(names[node]);
      if (!entity) continue;
      let message: string;
      if (component.length <= MAX_SPELLED_COMPONENT) {
        const path = cycleThrough(node, adjacency, members).map((i) => names[i]);
        message = `Circular dependency: ${path.join(' → ')}. ${options.explain}`;
      } else {
        message = `${options.noun} '${names[node]}' is part of a circular dependency among ${component.length} ${options.section.toLowerCase()}. ${options.explain}`;
      }
      collector.report(entity.key, message, options.code);
    }
  }
}

/**
 * Tarjan's strongly connected components without recursion: an explicit stack of
 * (node, next edge index) frames replaces the call stack, so deep chains cannot overflow it.
 */
export function stronglyConnected(adjacency: number[][]): number[][] {
  const count = adjacency.length;
  const indexOf = new Int32Array(count).fill(-1);
  const lowLink = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  const components: number[][] = [];
  let nextIndex = 0;
  const frames: number[] = []; // pairs: node, position in its adjacency list
  for (let start = 0; start < count; start++) {
    if (indexOf[start] !== -1) continue;
    frames.push(start, 0);
    indexOf[start] = lowLink[start] = nextIndex++;
    stack.push(start);
    onStack[start] = 1;
    while (frames.length) {
      const node = frames[frames.length - 2];
      const position = frames[frames.length - 1];
      const edges = adjacency[node];
      if (position < edges.length) {
        frames[frames.length - 1] = position + 1;
        const next = edges[position];
        if (indexOf[next] === -1) {
          indexOf[next] = lowLink[next] = nextIndex++;
          stack.push(next);
          onStack[next] = 1;
          frames.push(next, 0);
        } else if (onStack[next]) {
          lowLink[node] = Math.min(lowLink[node], indexOf[next]);
        }
        continue;
      }
      frames.length -= 2;
      if (frames.length) {
        const parent = frames[frames.length - 2];
        lowLink[parent] = Math.min(lowLink[parent], lowLink[node]);
      }
      if (lowLink[node] === indexOf[node]) {
        const component: number[] = [];
        let member: number;
        do {
          member = stack.pop() as number;
          onStack[member] = 0;
          component.push(member);
        } while (member !== node);
        components.push(component.reverse());
      }
    }
  }
  return components;
}

/** The shortest cycle from `start` back to itself inside its component (breadth-first). */
function cycleThrough(start: number, adjacency: number[][], members: Set<number>): number[] {
  const previous = new Map<number, number>();
  const queue: number[] = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    for (const next of adjacency[node]) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [start];
        for (let at = node; at !== start; at = previous.get(at) as number) path.push(at);
        path.push(start);
        // path is start, last, …, first, start: reverse the middle to follow the edges.
        return [start, ...path.slice(1, -1).reverse(), start];
      }
      if (!previous.has(next) && next !== start) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}
