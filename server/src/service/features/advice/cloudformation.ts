/**
 * Advice from the notes for CloudFormation templates (SQS and Lambda, S3 events, Auto Scaling
 * groups, target groups, ECS on Fargate, CodeDeploy rollbacks). Each rule only speaks when the
 * template says so literally: a value behind a parameter, a mapping or a condition is unknown,
 * and unknown means quiet.
 */
import type { AstNode } from '../../ast';
import { getProperty, scalarText, stringValue } from '../../ast';
import type { DocumentState } from '../../parsing/documentCache';
import type { ResourceEntity, Template } from '../../rules/cloudformation/template';
import { getTemplate } from '../../rules/cloudformation/template';
import type { AdviceFinding, AdviceRule } from './model';

/** The logical ID a `Ref` or `Fn::GetAtt` points to. */
function referenced(node: AstNode | undefined): string | undefined {
  if (node?.type !== 'object' || node.properties.length !== 1) return undefined;
  const [property] = node.properties;
  const value = property.value;
  if (property.key.value === 'Ref') return stringValue(value);
  if (property.key.value !== 'Fn::GetAtt') return undefined;
  if (value?.type === 'array') return stringValue(value.items[0]);
  return stringValue(value)?.split('.')[0];
}

/** A literal number (or a numeric string), else undefined. */
function literalNumber(node: AstNode | undefined): number | undefined {
  if (node?.type === 'number') return node.value;
  const text = node?.type === 'string' ? node.value : undefined;
  return text !== undefined && /^\d+$/.test(text.trim()) ? Number(text) : undefined;
}

function resourcesOfType(template: Template, ...types: string[]): ResourceEntity[] {
  return [...template.resources.values()].filter((r) => r.type && types.includes(r.type));
}

const LAMBDA_TYPES = ['AWS::Lambda::Function', 'AWS::Serverless::Function'];

interface SqsSource {
  queue: ResourceEntity;
  fn: ResourceEntity;
  /** The node that wires them (the mapping's EventSourceArn or the SAM event's Queue). */
  at: AstNode;
}

/** Queues of the template that feed functions of the template (event source mappings, SAM events). */
function sqsSources(template: Template): SqsSource[] {
  const out: SqsSource[] = [];
  const resource = (name: string | undefined): ResourceEntity | undefined =>
    name ? template.resources.get(name) : undefined;
  for (const mapping of resourcesOfType(template, 'AWS::Lambda::EventSourceMapping')) {
    const arn = getProperty(mapping.properties, 'EventSourceArn');
    const queue = resource(referenced(arn));
    const fn = resource(referenced(getProperty(mapping.properties, 'FunctionName')));
    if (arn && queue?.type === 'AWS::SQS::Queue' && fn?.type && LAMBDA_TYPES.includes(fn.type))
      out.push({ queue, fn, at: arn });
  }
  for (const fn of resourcesOfType(template, 'AWS::Serverless::Function')) {
    const events = getProperty(fn.properties, 'Events');
    if (events?.type !== 'object') continue;
    for (const event of events.properties) {
      if (stringValue(getProperty(event.value, 'Type')) !== 'SQS') continue;
      const at = getProperty(getProperty(event.value, 'Properties'), 'Queue');
      const queue = resource(referenced(at));
      if (at && queue?.type === 'AWS::SQS::Queue') out.push({ queue, fn, at });
    }
  }
  return out;
}

const DEFAULT_VISIBILITY = 30;
const DEFAULT_LAMBDA_TIMEOUT = 3;

function functionTimeout(template: Template, fn: ResourceEntity): number | undefined {
  const own = getProperty(fn.properties, 'Timeout');
  if (own) return literalNumber(own);
  if (fn.type === 'AWS::Serverless::Function') {
    const globals = getProperty(getProperty(template.sections.get('Globals')?.value, 'Function'), 'Timeout');
    if (globals) return literalNumber(globals);
  }
  return DEFAULT_LAMBDA_TIMEOUT;
}

const visibilityTimeout = (template: Template): AdviceFinding[] =>
  sqsSources(template).flatMap(({ queue, fn }) => {
    const node = getProperty(queue.properties, 'VisibilityTimeout');
    const visibility = node ? literalNumber(node) : DEFAULT_VISIBILITY;
    const timeout = functionTimeout(template, fn);
    if (visibility === undefined || timeout === undefined || visibility >= 6 * timeout) return [];
    const at = node ?? queue.typeNode ?? queue.key;
    return [
      {
        span: at,
        message: `The queue ${queue.name} feeds the function ${fn.name} (timeout ${timeout} s) but its visibility timeout is ${visibility} s${node ? '' : ' (the default)'}, less than 6 × ${timeout} = ${6 * timeout} s.`,
        bullet: 'visibility6x',
      },
    ];
  });

const dlqOnQueue = (template: Template): AdviceFinding[] =>
  sqsSources(template).flatMap(({ queue, fn }) => {
    const dlq =
      getProperty(fn.properties, 'DeadLetterConfig') ?? getProperty(fn.properties, 'DeadLetterQueue');
    if (!dlq || getProperty(queue.properties, 'RedrivePolicy')) return [];
    const key = dlq.parent?.type === 'property' ? dlq.parent.key : dlq;
    return [
      {
        span: key,
        message: `${fn.name} is invoked from the queue ${queue.name}: its dead-letter queue is never used for those messages; give ${queue.name} a RedrivePolicy instead.`,
        bullet: 'dlqOnQueue',
      },
    ];
  });

const destinations = (template: Template): AdviceFinding[] => {
  const fed = new Set(sqsSources(template).map((s) => s.fn));
  return resourcesOfType(template, ...LAMBDA_TYPES).flatMap((fn) => {
    const dlq =
      getProperty(fn.properties, 'DeadLetterConfig') ?? getProperty(fn.properties, 'DeadLetterQueue');
    if (!dlq || fed.has(fn)) return [];
    const key = dlq.parent?.type === 'property' ? dlq.parent.key : dlq;
    return [
      {
        span: key,
        message: `${fn.name} sends failed asynchronous events to a dead-letter queue; an OnFailure destination (AWS::Lambda::EventInvokeConfig) also keeps the error and the response.`,
        bullet: 'destinations',
        severity: 'hint',
      },
    ];
  });
};

const longPolling = (template: Template): AdviceFinding[] =>
  resourcesOfType(template, 'AWS::SQS::Queue').flatMap((queue) => {
    const node = getProperty(queue.properties, 'ReceiveMessageWaitTimeSeconds');
    if (!node || literalNumber(node) !== 0) return [];
    return [
      {
        span: node,
        message: `${queue.name} uses short polling (wait time 0 s).`,
        bullet: 'longPolling',
        severity: 'hint',
      },
    ];
  });

const versioningForEvents = (template: Template): AdviceFinding[] =>
  resourcesOfType(template, 'AWS::S3::Bucket').flatMap((bucket) => {
    const lambdas = getProperty(
      getProperty(bucket.properties, 'NotificationConfiguration'),
      'LambdaConfigurations',
    );
    if (lambdas?.type !== 'array' || !lambdas.items.length) return [];
    const versioning = getProperty(bucket.properties, 'VersioningConfiguration');
    const status = versioning ? stringValue(getProperty(versioning, 'Status')) : 'Suspended';
    if (status !== 'Suspended') return [];
    const key = lambdas.parent?.type === 'property' ? lambdas.parent.key : lambdas;
    return [
      {
        span: key,
        message: `${bucket.name} notifies Lambda of object events without versioning: quick writes to one key can give a single notification.`,
        bullet: 'versioningEvents',
      },
    ];
  });

const multiAz = (template: Template): AdviceFinding[] =>
  resourcesOfType(template, 'AWS::AutoScaling::AutoScalingGroup').flatMap((group) => {
    for (const name of ['VPCZoneIdentifier', 'AvailabilityZones']) {
      const list = getProperty(group.properties, name);
      if (list?.type === 'array' && list.items.length === 1) {
        const what = name === 'VPCZoneIdentifier' ? 'one subnet' : 'one Availability Zone';
        return [
          { span: list, message: `${group.name} launches instances in ${what} only.`, bullet: 'multiAz' },
        ];
      }
    }
    return [];
  });

const stickiness = (template: Template): AdviceFinding[] =>
  resourcesOfType(template, 'AWS::ElasticLoadBalancingV2::TargetGroup').flatMap((group) => {
    const attributes = getProperty(group.properties, 'TargetGroupAttributes');
    if (attributes?.type !== 'array') return [];
    for (const item of attributes.items) {
      if (stringValue(getProperty(item, 'Key')) !== 'stickiness.enabled') continue;
      const value = getProperty(item, 'Value');
      if (scalarText(value)?.toLowerCase() === 'true' && value) {
        return [
          {
            span: value,
            message: `${group.name} keeps each client on one target (stickiness).`,
            bullet: 'stickiness',
            severity: 'hint',
          },
        ];
      }
    }
    return [];
  });

const placementOnFargate = (template: Template): AdviceFinding[] =>
  resourcesOfType(template, 'AWS::ECS::Service').flatMap((service) => {
    if (stringValue(getProperty(service.properties, 'LaunchType')) !== 'FARGATE') return [];
    return ['PlacementStrategies', 'PlacementConstraints'].flatMap((name) => {
      const node = getProperty(service.properties, name);
      if (node?.type !== 'array' || !node.items.length) return [];
      const key = node.parent?.type === 'property' ? node.parent.key : node;
      return [
        {
          span: key,
          message: `${service.name} runs on Fargate, where ${name} are not applied.`,
          bullet: 'placementFargate' as const,
        },
      ];
    });
  });

const rollbackAlarms = (template: Template): AdviceFinding[] =>
  resourcesOfType(template, 'AWS::CodeDeploy::DeploymentGroup').flatMap((group) => {
    const rollback = getProperty(group.properties, 'AutoRollbackConfiguration');
    const events = getProperty(rollback, 'Events');
    if (events?.type !== 'array') return [];
    const onAlarm = events.items.find((e) => stringValue(e) === 'DEPLOYMENT_STOP_ON_ALARM');
    if (!onAlarm || stringValue(getProperty(rollback, 'Enabled')) === 'false') return [];
    const alarms = getProperty(getProperty(group.properties, 'AlarmConfiguration'), 'Alarms');
    if (alarms?.type === 'array' && alarms.items.length) return [];
    if (alarms && alarms.type !== 'array') return [];
    return [
      {
        span: onAlarm,
        message: `${group.name} rolls back on alarms, but its AlarmConfiguration lists no alarm.`,
        bullet: 'rollbackAlarms',
      },
    ];
  });

const TEMPLATE_RULES = [
  visibilityTimeout,
  dlqOnQueue,
  destinations,
  longPolling,
  versioningForEvents,
  multiAz,
  stickiness,
  placementOnFargate,
  rollbackAlarms,
];

export const cloudformationAdvice: AdviceRule = (state: DocumentState) => {
  const template = state.parsed.root ? getTemplate(state.parsed.root) : undefined;
  if (!template) return [];
  return TEMPLATE_RULES.flatMap((rule) => rule(template));
};
