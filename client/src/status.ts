/**
 * The status-bar item's text for the active file: the kind the server recognised, a spinner while
 * it reads the file, and nothing at all for files that are none of the four kinds (an unrelated
 * `package.json` or workflow must not carry an "AWS" label). Pure, so unit tests cover it.
 */
import type { DocumentKindName } from '../../server/src/protocol';

export const KIND_LABELS: Record<DocumentKindName, string> = {
  cloudformation: 'CloudFormation',
  buildspec: 'buildspec',
  appspec: 'appspec',
  'ecs-task-definition': 'ECS task definition',
};

export interface StatusText {
  text: string;
  tooltip: string;
}

/** `known`: the server has answered for this document; `kind`: its answer. Undefined → hide. */
export function statusFor(known: boolean, kind: DocumentKindName | null | undefined): StatusText | undefined {
  if (!known) return { text: '$(sync~spin) AWS', tooltip: 'AWS Dev Notes is reading this file' };
  if (!kind) return undefined;
  return {
    text: `$(cloud) ${KIND_LABELS[kind]}`,
    tooltip: `AWS Dev Notes recognised this file as ${KIND_LABELS[kind]} (click for the language server's output)`,
  };
}
