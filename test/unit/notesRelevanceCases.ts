/**
 * The relevance table of notesRelevance.test.ts, second part: buildspec, appspec and task definition
 * names; then the held-out batch, the sweep's cases and the cases over the user's own folder.
 */
import { APPSPEC, APPSPEC_ECS, BUILDSPEC, TASKDEF, at, cfnKey, type Case } from './notesRelevanceDocuments';

export const OTHER_KIND_CASES: Case[] = [
  // buildspec
  { kind: 'buildspec', name: 'phases', text: at(BUILDSPEC, 'phases:'), expected: ['Phases:'] },
  { kind: 'buildspec', name: 'pre_build', text: at(BUILDSPEC, 'pre_build:'), expected: ['Pre-build'] },
  { kind: 'buildspec', name: 'artifacts', text: at(BUILDSPEC, 'artifacts:'), expected: ['Artifacts'] },
  { kind: 'buildspec', name: 'cache', text: at(BUILDSPEC, 'cache:'), expected: ['Cache'] },
  {
    kind: 'buildspec',
    name: 'parameter-store',
    text: at(BUILDSPEC, 'parameter-store:'),
    expected: ['secrets via SSM Parameter Store'],
  },
  { kind: 'buildspec', name: 'reports', text: at(BUILDSPEC, 'reports:'), expected: null },
  { kind: 'buildspec', name: 'file-format', text: at(BUILDSPEC, 'file-format:'), expected: null },
  { kind: 'buildspec', name: 'runtime-versions', text: at(BUILDSPEC, 'runtime-versions:'), expected: null },
  { kind: 'buildspec', name: 'version', text: at(BUILDSPEC, 'version:'), expected: null },
  // appspec
  {
    kind: 'appspec',
    name: 'hooks',
    text: at(APPSPEC, 'hooks:'),
    expected: ['Hooks (instructions for deploying'],
  },
  {
    kind: 'appspec',
    name: 'BeforeInstall',
    text: at(APPSPEC, 'BeforeInstall:'),
    expected: ['BeforeInstall'],
  },
  {
    kind: 'appspec',
    name: 'ValidateService',
    text: at(APPSPEC, 'ValidateService:'),
    expected: ['ValidateService (i.e. health check)'],
  },
  { kind: 'appspec', name: 'files', text: at(APPSPEC, 'files:'), expected: ['File section (how to copy'] },
  { kind: 'appspec', name: 'os', text: at(APPSPEC, 'os:'), expected: null },
  { kind: 'appspec', name: 'runas', text: at(APPSPEC, 'runas:'), expected: null },
  { kind: 'appspec', name: 'AfterAllowTraffic', text: at(APPSPEC_ECS, 'AfterAllowTraffic:'), expected: null },
  // ECS task definition
  {
    kind: 'ecs-task-definition',
    name: 'containerDefinitions',
    text: at(TASKDEF, '"containerDefinitions"', 2),
    expected: ['Task Definitions', 'JSON file that tells ECS how to run'],
  },
  {
    kind: 'ecs-task-definition',
    name: 'taskRoleArn',
    text: at(TASKDEF, '"taskRoleArn"', 2),
    expected: ['ECS task roles give tasks permissions', 'Define task roles in the Task Definition'],
  },
  {
    kind: 'ecs-task-definition',
    name: 'portMappings',
    text: at(TASKDEF, '"portMappings"', 2),
    expected: ['Dynamic Port Forwarding'],
  },
  {
    kind: 'ecs-task-definition',
    name: 'logConfiguration',
    text: at(TASKDEF, '"logConfiguration"', 2),
    expected: ['Configure at task definition level'],
  },
  {
    kind: 'ecs-task-definition',
    name: 'requiresCompatibilities',
    text: at(TASKDEF, '"requiresCompatibilities"', 2),
    expected: ['Must choose Fargate option'],
  },
  {
    kind: 'ecs-task-definition',
    name: 'placementConstraints',
    text: at(TASKDEF, '"placementConstraints"', 2),
    expected: ['Task placement constraints'],
  },
  { kind: 'ecs-task-definition', name: 'cpu', text: at(TASKDEF, '"cpu"', 2), expected: null },
  { kind: 'ecs-task-definition', name: 'memory', text: at(TASKDEF, '"memory"', 2), expected: null },
  { kind: 'ecs-task-definition', name: 'family', text: at(TASKDEF, '"family"', 2), expected: null },
  { kind: 'ecs-task-definition', name: 'essential', text: at(TASKDEF, '"essential"', 2), expected: null },
  { kind: 'ecs-task-definition', name: 'networkMode', text: at(TASKDEF, '"networkMode"', 2), expected: null },
];

/** A second batch, written after the hover was tuned on the first (kept to measure, not to tune). */
export const HELD_OUT: Case[] = [
  {
    kind: 'cloudformation',
    name: 'Lambda Role',
    text: cfnKey('AWS::Lambda::Function', ['Role'], 'arn'),
    expected: [
      'create one, specific execution role per Lambda function',
      'Various built-in Lambda IAM roles',
    ],
  },
  {
    kind: 'cloudformation',
    name: 'Lambda ProvisionedConcurrencyConfig',
    text: cfnKey('AWS::Lambda::Alias', ['ProvisionedConcurrencyConfig'], '{}'),
    expected: ['Provisioned Concurrency can allocate concurrency'],
  },
  {
    kind: 'cloudformation',
    name: 'Lambda FunctionName',
    text: cfnKey('AWS::Lambda::Function', ['FunctionName'], 'orders'),
    expected: null,
  },
  {
    kind: 'cloudformation',
    name: 'S3 PublicAccessBlockConfiguration',
    text: cfnKey('AWS::S3::Bucket', ['PublicAccessBlockConfiguration'], '{}'),
    expected: ['block public access to buckets'],
  },
  {
    kind: 'cloudformation',
    name: 'Kinesis RetentionPeriodHours',
    text: cfnKey('AWS::Kinesis::Stream', ['RetentionPeriodHours'], '48'),
    expected: ['Data retained for 1 day by default'],
  },
  {
    kind: 'cloudformation',
    name: 'SNS Subscription Protocol',
    text: cfnKey('AWS::SNS::Subscription', ['Protocol'], 'sqs'),
    expected: ['Available protocols for subscriptions'],
  },
  {
    kind: 'cloudformation',
    name: 'RDS MultiAZ',
    text: cfnKey('AWS::RDS::DBInstance', ['MultiAZ'], 'true'),
    expected: ['Multi-AZ'],
  },
  {
    kind: 'cloudformation',
    name: 'LogGroup KmsKeyId',
    text: cfnKey('AWS::Logs::LogGroup', ['KmsKeyId'], 'arn'),
    expected: ['encrypt logs at rest with KMS'],
  },
  {
    kind: 'cloudformation',
    name: 'Alarm Period',
    text: cfnKey('AWS::CloudWatch::Alarm', ['Period'], '60'),
    expected: ['Monitoring period'],
  },
  {
    kind: 'cloudformation',
    name: 'ECS Service DesiredCount',
    text: cfnKey('AWS::ECS::Service', ['DesiredCount'], '2'),
    expected: null,
  },
  {
    kind: 'cloudformation',
    name: 'ASG Tags',
    text: cfnKey('AWS::AutoScaling::AutoScalingGroup', ['Tags'], '[]'),
    expected: null,
  },
  {
    kind: 'cloudformation',
    name: 'Outputs Export',
    text: 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\nOutputs:\n  A:\n    Value: !Ref Q\n    Ex|port:\n      Name: q\n',
    expected: ['Export output with', 'exported, then imported to other stacks'],
  },
  {
    kind: 'cloudformation',
    name: 'Fn::ImportValue',
    text: 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Import|Value shared-name\n',
    expected: ['Get exported value by name', 'Import value with'],
  },
  {
    kind: 'buildspec',
    name: 'post_build',
    text: at(
      BUILDSPEC.replace(
        'build:\n    commands:\n      - npm run build',
        'build:\n    commands:\n      - npm run build\n  post_build:\n    commands:\n      - echo done',
      ),
      'post_build:',
    ),
    expected: ['Post-build'],
  },
  { kind: 'buildspec', name: 'install', text: at(BUILDSPEC, 'install:'), expected: ['Install'] },
  { kind: 'appspec', name: 'permissions', text: at(APPSPEC, 'permissions:'), expected: null },
  {
    kind: 'ecs-task-definition',
    name: 'hostPort',
    text: at(TASKDEF, '"hostPort"', 2),
    expected: ['Dynamic Port Forwarding'],
  },
  { kind: 'ecs-task-definition', name: 'image', text: at(TASKDEF, '"image"', 2), expected: null },
];

/** Wrong notes a sweep over every property of 20 resource types found (another service's note). */
export const SWEEP_CASES: Case[] = [
  {
    kind: 'cloudformation',
    name: 'ECS TaskDefinition EphemeralStorage',
    text: cfnKey('AWS::ECS::TaskDefinition', ['EphemeralStorage'], '{}'),
    expected: null,
  },
  {
    kind: 'cloudformation',
    name: 'SNS TracingConfig',
    text: cfnKey('AWS::SNS::Topic', ['TracingConfig'], 'Active'),
    expected: null,
  },
  {
    kind: 'cloudformation',
    name: 'ASG NotificationConfigurations',
    text: cfnKey('AWS::AutoScaling::AutoScalingGroup', ['NotificationConfiguration'], '{}'),
    expected: null,
  },
  {
    kind: 'cloudformation',
    name: 'ECS Service ServiceName',
    text: cfnKey('AWS::ECS::Service', ['ServiceName'], 'web'),
    expected: null,
  },
  {
    kind: 'cloudformation',
    name: 'RDS AvailabilityZone',
    text: cfnKey('AWS::RDS::DBInstance', ['AvailabilityZone'], 'eu-west-1a'),
    expected: null,
  },
];

/** Cases over the user's own folder (test/fixtures/notes-user: no front matter, fences, a table, numbered items). */
export const USER_CASES: Case[] = [
  {
    kind: 'cloudformation',
    name: 'user: ESM MaximumBatchingWindowInSeconds',
    text: cfnKey('AWS::Lambda::EventSourceMapping', ['MaximumBatchingWindowInSeconds'], '5'),
    expected: ['Keep `MaximumBatchingWindowInSeconds` low'],
  },
  {
    kind: 'cloudformation',
    name: 'user: ESM FunctionResponseTypes',
    text: cfnKey('AWS::Lambda::EventSourceMapping', ['FunctionResponseTypes'], '[ReportBatchItemFailures]'),
    expected: ['Check the `FunctionResponseTypes` setting'],
  },
  {
    kind: 'cloudformation',
    name: 'user: Lambda SnapStart (table row)',
    text: cfnKey('AWS::Lambda::Function', ['SnapStart'], '{}'),
    expected: ['cuts cold starts for Java functions'],
  },
  {
    kind: 'cloudformation',
    name: 'user: Lambda ImageConfig (table row)',
    text: cfnKey('AWS::Lambda::Function', ['ImageConfig'], '{}'),
    expected: ['overrides the container entry point'],
  },
  {
    kind: 'cloudformation',
    name: 'user: Lambda CodeSigningConfigArn (only in a code fence)',
    text: cfnKey('AWS::Lambda::Function', ['CodeSigningConfigArn'], 'arn'),
    expected: null,
  },
  {
    kind: 'cloudformation',
    name: 'user: SNS SignatureVersion (front matter names a property, no resource type)',
    text: cfnKey('AWS::SNS::Topic', ['SignatureVersion'], '2'),
    expected: ['SignatureVersion 2 signs messages with SHA256'],
  },
  {
    kind: 'cloudformation',
    name: 'user: SNS TopicName (the property-only note is about another name)',
    text: cfnKey('AWS::SNS::Topic', ['TopicName'], 'orders'),
    expected: null,
  },
  {
    kind: 'buildspec',
    name: 'user: secrets-manager',
    text: at(BUILDSPEC, 'secrets-manager:'),
    expected: ['reference a value as `secret-id:json-key`'],
  },
];
