/**
 * Fn::If branches that can never be taken: an If inside a branch of another If on the same
 * condition (or inside a resource or output whose own `Condition` is that condition) always takes
 * the same branch, so the other one is dead text — usually a copy-paste slip where another
 * condition was meant. A warning at the branch that cannot be reached.
 */
import type { AstNode } from '../../ast';
import { getProperty, stringValue } from '../../ast';
import type { DiagnosticCollector } from '../../diagnostics';
import type { Rule } from '../validationContext';
import type { Entity } from './template';
import { getTemplate, intrinsicName } from './template';

export const checkUnreachableIf: Rule = ({ root, collector }) => {
  const template = getTemplate(root);
  if (!template) return;
  const visitAll = (entities: Map<string, Entity>): void => {
    for (const entity of entities.values()) {
      const condition = stringValue(getProperty(entity.node, 'Condition'));
      const known = new Map<string, boolean>();
      if (condition) known.set(condition, true);
      visit(collector, entity.node, known);
    }
  };
  visitAll(template.resources);
  visitAll(template.outputs);
};

function visit(collector: DiagnosticCollector, node: AstNode | undefined, known: Map<string, boolean>): void {
  if (!node) return;
  if (node.type === 'array') {
    for (const item of node.items) visit(collector, item, known);
    return;
  }
  if (node.type !== 'object') return;
  const args = intrinsicName(node) === 'Fn::If' ? node.properties[0].value : undefined;
  if (args?.type === 'array' && args.items.length === 3 && args.items[0].type === 'string') {
    const condition = args.items[0].value;
    const [whenTrue, whenFalse] = [args.items[1], args.items[2]];
    const value = known.get(condition);
    if (value !== undefined) {
      collector.report(
        value ? whenFalse : whenTrue,
        `This branch of Fn::If is never used: '${condition}' is always ${String(value)} here (an enclosing Fn::If or Condition already decided it).`,
        'cfn-unreachable-if-branch',
        { severity: 'warning' },
      );
      visit(collector, value ? whenTrue : whenFalse, known);
      return;
    }
    visit(collector, whenTrue, new Map(known).set(condition, true));
    visit(collector, whenFalse, new Map(known).set(condition, false));
    return;
  }
  for (const property of node.properties) visit(collector, property.value, known);
}
