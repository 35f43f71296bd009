/**
 * Logging and IAM roles: awslogs options, Fargate's log drivers, what needs the task execution
 * role (secrets, private registries, log secrets, and on Fargate awslogs and ECR images), and
 * role ARNs that are not role ARNs.
 */
import type { AstNode } from '../../ast';
import { getProperty } from '../../ast';
import type { TaskCheckContext } from './checkContext';
import { capitalise, containerLabel, joinWords } from './checkContext';
import type { Field } from './model';
import { stringOf } from './model';

const FARGATE_LOG_DRIVERS = ['awslogs', 'splunk', 'awsfirelens'];
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const ECR_IMAGE = /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//;

export function checkLogging(context: TaskCheckContext): void {
  const { report, key } = context;
  for (const container of context.model.containers) {
    const driver = stringOf(container.logDriver);
    const node = container.logDriver.node;
    if (driver === undefined || !node) continue;
    if (context.fargate && !FARGATE_LOG_DRIVERS.includes(driver)) {
      report(
        node,
        `Fargate tasks support only the ${joinWords(FARGATE_LOG_DRIVERS, 'and')} log drivers; ${containerLabel(container)} uses '${driver}'.`,
        'fargate-log-driver',
        { data: { alternatives: FARGATE_LOG_DRIVERS } },
      );
    }
    if (driver !== 'awslogs' || container.logOptions.dynamic) continue;
    const required = [
      'awslogs-group',
      'awslogs-region',
      ...(context.fargate ? ['awslogs-stream-prefix'] : []),
    ];
    const options = container.logOptions.node;
    const missing = required.filter((option) => getProperty(options, option) === undefined);
    if (!missing.length) continue;
    report(
      node,
      `The awslogs log driver of ${containerLabel(container)} needs ${joinWords(
        missing.map((m) => `'${m}'`),
        'and',
      )} in its ${key('options')}${context.fargate && missing.includes('awslogs-stream-prefix') ? ' (the stream prefix is required on Fargate)' : ''}.`,
      'awslogs-missing-option',
      { data: { missing } },
    );
  }
}

/** A list or object that is present and not empty (dynamic counts as present). */
function present(field: Field): boolean {
  if (field.dynamic) return true;
  const node = field.node;
  if (node?.type === 'array') return node.items.length > 0;
  return node?.type === 'object';
}

export function checkExecutionRole(context: TaskCheckContext): void {
  const { model, report, key } = context;
  if (model.executionRoleArn.node || model.executionRoleArn.dynamic) return;
  const role = key('executionRoleArn');
  const need = (node: AstNode | undefined, why: string): void => {
    if (node) report(node, `${why} Add ${role}.`, 'missing-execution-role', { data: { missing: [role] } });
  };
  for (const container of model.containers) {
    const label = containerLabel(container);
    if (present(container.secrets)) {
      need(
        container.secrets.property?.key,
        `${capitalise(label)} has ${key('secrets')}, which ECS fetches with the task execution role.`,
      );
    }
    if (container.repositoryCredentials.node) {
      need(
        container.repositoryCredentials.property?.key,
        `${capitalise(label)} pulls from a private registry, and ECS reads its ${key('repositoryCredentials')} with the task execution role.`,
      );
    }
    if (present(container.logSecretOptions)) {
      need(
        container.logSecretOptions.property?.key,
        `The log ${key('secretOptions')} of ${label} are fetched with the task execution role.`,
      );
    }
    if (!context.fargate) continue;
    if (stringOf(container.logDriver) === 'awslogs') {
      need(
        container.logDriver.node,
        `On Fargate, the awslogs driver of ${label} sends logs with the task execution role.`,
      );
    }
    const image = stringOf(container.image);
    if (image && ECR_IMAGE.test(image)) {
      need(
        container.image.node,
        `On Fargate, ${label} pulls its Amazon ECR image with the task execution role.`,
      );
    }
  }
}

/** executionRoleArn must be a role ARN; taskRoleArn may also be a bare role name. */
export function checkRoleArns(context: TaskCheckContext): void {
  const { model, report, key } = context;
  for (const [field, name, nameAllowed] of [
    [model.executionRoleArn, 'executionRoleArn', false],
    [model.taskRoleArn, 'taskRoleArn', true],
  ] as const) {
    const value = stringOf(field);
    if (value === undefined || !field.node || ROLE_ARN.test(value)) continue;
    if (nameAllowed && !value.startsWith('arn:') && ROLE_NAME.test(value)) continue;
    report(
      field.node,
      `'${value}' is not an IAM role ARN: ${key(name)} takes arn:aws:iam::<12-digit account id>:role/<role name>${nameAllowed ? ' (or just the role name)' : ''}.`,
      'invalid-role-arn',
    );
  }
}
