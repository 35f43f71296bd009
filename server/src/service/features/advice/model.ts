/**
 * Advice from the notes: what an advice rule finds, and the bullets of the notes that are the
 * reasons. A rule names its bullet by a fragment of its text; the bullet is looked up in the notes
 * the user has (bundled and their own folders), and a rule whose bullet is gone says nothing.
 */
import type { Span } from '../../diagnostics';
import type { DocumentState } from '../../parsing/documentCache';

export interface AdviceFinding {
  /** Where in the document. */
  span: Span;
  /** What was found, in a sentence (the bullet is quoted after it). */
  message: string;
  /** Which bullet is the reason (a key of BULLETS). */
  bullet: BulletId;
  /** `hint` for a matter of taste; `info` otherwise. */
  severity?: 'info' | 'hint';
}

export type AdviceRule = (state: DocumentState) => AdviceFinding[];

/** The bullets advice quotes: a fragment of the bullet's text and the note title it is in. */
export const BULLETS = {
  visibility6x: { note: 'Lambda', text: 'set message visibility to 6x the Lambda timeout' },
  dlqOnQueue: { note: 'Lambda', text: 'Configure DLQ on the SQS (not Lambda)' },
  destinations: { note: 'Lambda', text: 'use Destinations instead of DLQs' },
  longPolling: { note: 'SQS, SNS & Kinesis', text: 'Generally preferable to use long polling for 20 secs' },
  versioningEvents: { note: 'Lambda', text: 'Use versioning to guarantee each event gets a notification' },
  multiAz: { note: 'ELB & ASG', text: 'High availability: run instances across multiple AZs' },
  stickiness: { note: 'ELB & ASG', text: 'May create traffic imbalances' },
  placementFargate: { note: 'ECS, ECR & Fargate', text: 'Only applies to ECS w/ EC2, not Fargate' },
  rollbackAlarms: { note: 'CI/CD', text: 'Auto-rollbacks triggered by alarms' },
  secretsParameterStore: { note: 'CI/CD', text: 'Env vars (secrets via SSM Parameter Store)' },
} as const;

export type BulletId = keyof typeof BULLETS;
