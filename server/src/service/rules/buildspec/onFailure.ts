/**
 * `on-failure` values: ABORT, CONTINUE, RETRY, RETRY-<count>, RETRY-<regex> or
 * RETRY-<count>-<regex>, with a count from 0 to 100 (AWS CodeBuild buildspec reference).
 */
import type { AstNode } from '../../ast';
import { getProperty } from '../../ast';
import type { ValidationContext } from '../validationContext';
import type { Replacements } from './filteredCollector';
import { getPhases } from './model';

const FORMS = 'ABORT, CONTINUE, RETRY, RETRY-<count>, RETRY-<regex> or RETRY-<count>-<regex>';
const MAX_RETRIES = 100;

/** Why a value is not a valid on-failure setting (undefined when it is valid). */
export function onFailureProblem(value: string): { message: string; replacement?: string } | undefined {
  if (value === 'ABORT' || value === 'CONTINUE' || value === 'RETRY') return undefined;
  const upper = value.toUpperCase();
  if (upper === 'ABORT' || upper === 'CONTINUE' || upper === 'RETRY') {
    return { message: `'${value}' must be written in capitals: '${upper}'.`, replacement: upper };
  }
  if (value.startsWith('RETRY-')) {
    const rest = value.slice('RETRY-'.length);
    if (!rest)
      return {
        message: `'RETRY-' needs a count or a regular expression after the dash (or use plain 'RETRY').`,
      };
    const count = /^(\d+)(?:-|$)/.exec(rest);
    if (count && Number(count[1]) > MAX_RETRIES) {
      return { message: `The retry count in '${value}' must be between 0 and ${MAX_RETRIES}.` };
    }
    return undefined;
  }
  if (/^retry-/i.test(value)) {
    return {
      message: `'${value}' must start with 'RETRY-' in capitals.`,
      replacement: `RETRY-${value.slice(6)}`,
    };
  }
  return { message: `'${value}' is not a valid on-failure value. Use ${FORMS}.` };
}

function onFailureNodes(context: ValidationContext): AstNode[] {
  return getPhases(context.root)
    .map((phase) => getProperty(phase.node, 'on-failure'))
    .filter((node): node is AstNode => node?.type === 'string');
}

export function onFailureReplacements(context: ValidationContext, replacements: Replacements): void {
  for (const node of onFailureNodes(context)) replacements.add(node, 'buildspec-invalid-value');
}

export function checkOnFailure(context: ValidationContext): void {
  for (const node of onFailureNodes(context)) {
    if (node.type !== 'string') continue;
    const problem = onFailureProblem(node.value);
    if (!problem) continue;
    context.collector.report(node, problem.message, 'buildspec-invalid-on-failure', {
      data: {
        replacement: problem.replacement,
        alternatives: ['ABORT', 'CONTINUE', 'RETRY'],
      },
    });
  }
}
