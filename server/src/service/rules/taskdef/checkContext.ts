/**
 * What each task definition check gets: the model, a reporter that turns a check's short name
 * into the code of the front door (`taskdef-…` for JSON files, `cfn-ecs-…` for CloudFormation),
 * and key names spelled as the document spells them.
 */
import type { ReportOptions, Span } from '../../diagnostics';
import type { ContainerModel, TaskModel } from './model';
import { itemsOf, stringOf, styledKey } from './model';

export type TaskReporter = (span: Span, message: string, name: string, options?: ReportOptions) => void;

export interface TaskCheckContext {
  model: TaskModel;
  report: TaskReporter;
  /** A key as the document spells it: `networkMode` or `NetworkMode`. */
  key: (camel: string) => string;
  /** requiresCompatibilities lists FARGATE. */
  fargate: boolean;
  /** The only launch types are EC2 and/or EXTERNAL, or none is given (EC2 by default). */
  ec2Only: boolean;
}

export function createCheckContext(model: TaskModel, report: TaskReporter): TaskCheckContext {
  const compatibilities = model.requiresCompatibilities.dynamic
    ? undefined
    : itemsOf(model.requiresCompatibilities).map((item) => (item.type === 'string' ? item.value : undefined));
  const known = compatibilities?.every((c) => c !== undefined) ? compatibilities : undefined;
  return {
    model,
    report,
    key: (camel) => styledKey(model.style, camel),
    fargate: !!compatibilities?.includes('FARGATE'),
    ec2Only: !!known && known.every((c) => c === 'EC2' || c === 'EXTERNAL'),
  };
}

/** "container 'web'" or "container 2" for messages. */
export function containerLabel(container: ContainerModel): string {
  const name = stringOf(container.name);
  return name ? `container '${name}'` : `container ${container.index + 1}`;
}

export function capitalise(text: string): string {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

/** "a, b and c" (or "a, b or c"). */
export function joinWords(words: readonly string[], conjunction: 'and' | 'or'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}
