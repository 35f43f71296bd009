/**
 * Lambda runtime states for hover and completion, from the same table and clock as the
 * diagnostics (`rules/cloudformation/lambdaRuntimes.ts`), so the three never disagree.
 */
import type { JsonPath } from '../ast';
import { describeRuntime, runtimeStatus, shortRuntimeNote } from '../rules/cloudformation/lambdaRuntimes';

const FUNCTION_TYPES = new Set(['AWS::Lambda::Function', 'AWS::Serverless::Function']);

export interface RuntimeNote {
  text: string;
  /** A few words for lists of allowed values (undefined while supported). */
  short: string | undefined;
  /** Deprecated or blocked today. */
  deprecated: boolean;
}

/** The note for a value of a function's `Runtime` property, or undefined for anything else. */
export function lambdaRuntimeNote(
  resourceType: string | undefined,
  propertyPath: JsonPath,
  value: unknown,
  now: Date,
): RuntimeNote | undefined {
  if (!resourceType || !FUNCTION_TYPES.has(resourceType)) return undefined;
  if (propertyPath.length !== 1 || propertyPath[0] !== 'Runtime' || typeof value !== 'string')
    return undefined;
  const status = runtimeStatus(value, now);
  if (!status) return undefined;
  return {
    text: describeRuntime(value, status),
    short: shortRuntimeNote(status),
    deprecated: status.state !== 'supported',
  };
}
