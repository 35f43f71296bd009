/**
 * Lambda runtimes by date: a function whose runtime Lambda no longer creates is an error, a
 * deprecated one a warning. Covers AWS::Lambda::Function, AWS::Serverless::Function and the SAM
 * `Globals.Function.Runtime`; the dates are in `lambdaRuntimes.ts`, the day from `context.now()`.
 * A runtime chosen by `!If` is judged in each branch.
 */
import type { AstNode } from '../../ast';
import { getProperty } from '../../ast';
import type { Rule } from '../validationContext';
import { describeRuntime, runtimeStatus } from './lambdaRuntimes';
import { getTemplate, intrinsicName } from './template';

const FUNCTION_TYPES = new Set(['AWS::Lambda::Function', 'AWS::Serverless::Function']);

/** The string values a node may take: itself, or the branches of (nested) Fn::If. */
function possibleStrings(node: AstNode | undefined, out: AstNode[] = []): AstNode[] {
  if (node?.type === 'string') out.push(node);
  else if (intrinsicName(node) === 'Fn::If' && node?.type === 'object') {
    const args = node.properties[0].value;
    if (args?.type === 'array' && args.items.length === 3) {
      possibleStrings(args.items[1], out);
      possibleStrings(args.items[2], out);
    }
  }
  return out;
}

export const checkLambdaRuntimes: Rule = ({ root, collector, now }) => {
  const template = getTemplate(root);
  if (!template) return;
  const runtimeNodes: AstNode[] = [];
  for (const resource of template.resources.values()) {
    if (!resource.type || !FUNCTION_TYPES.has(resource.type)) continue;
    const runtime = getProperty(resource.properties, 'Runtime');
    if (runtime) runtimeNodes.push(runtime);
  }
  if (template.isSam) {
    const globals = getProperty(getProperty(root, 'Globals'), 'Function');
    const runtime = getProperty(globals, 'Runtime');
    if (runtime) runtimeNodes.push(runtime);
  }
  const today = now();
  for (const node of runtimeNodes) {
    for (const value of possibleStrings(node)) {
      if (value.type !== 'string') continue;
      const status = runtimeStatus(value.value, today);
      if (!status || status.state === 'supported') continue;
      const blocked = status.state !== 'deprecated';
      collector.report(
        value,
        describeRuntime(value.value, status).replace(/`/g, "'"),
        blocked ? 'cfn-lambda-runtime-blocked' : 'cfn-lambda-runtime-deprecated',
        {
          severity: blocked ? 'error' : 'warning',
          data: status.lifecycle.successor ? { replacement: status.lifecycle.successor } : undefined,
        },
      );
    }
  }
};
