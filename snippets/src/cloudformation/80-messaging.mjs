// SQS, SNS and Kinesis.
import { getAtt, raw, ref } from '../dsl.mjs';

export default [
  {
    prefix: 'cfn-sqs-queue',
    title: 'SQS queue',
    description: 'A standard SQS queue with its visibility timeout, retention and long polling.',
    body: {
      '${1:Queue}': {
        Type: 'AWS::SQS::Queue',
        Properties: {
          VisibilityTimeout: raw('${2:30}'),
          MessageRetentionPeriod: raw('${3:345600}'),
          ReceiveMessageWaitTimeSeconds: raw('${4:20}'),
          SqsManagedSseEnabled: true,
        },
      },
    },
  },
  {
    prefix: 'cfn-sqs-queue-fifo',
    title: 'SQS FIFO queue',
    description: 'A FIFO SQS queue (the name must end in .fifo) with content-based deduplication.',
    body: {
      '${1:OrdersQueue}': {
        Type: 'AWS::SQS::Queue',
        Properties: {
          QueueName: '${2:orders}.fifo',
          FifoQueue: true,
          ContentBasedDeduplication: true,
          DeduplicationScope: '${3|queue,messageGroup|}',
          FifoThroughputLimit: '${4|perQueue,perMessageGroupId|}',
        },
      },
    },
  },
  {
    prefix: 'cfn-sqs-queue-dlq',
    title: 'SQS queue with dead-letter queue',
    description: 'An SQS queue whose failed messages go to a dead-letter queue after a number of receives.',
    body: {
      '${1:Queue}': {
        Type: 'AWS::SQS::Queue',
        Properties: {
          VisibilityTimeout: raw('${2:30}'),
          RedrivePolicy: {
            deadLetterTargetArn: getAtt('${3:DeadLetterQueue}', 'Arn'),
            maxReceiveCount: raw('${4:5}'),
          },
        },
      },
      '${3:DeadLetterQueue}': {
        Type: 'AWS::SQS::Queue',
        Properties: { MessageRetentionPeriod: 1209600 },
      },
    },
  },
  {
    prefix: 'cfn-sns-topic',
    title: 'SNS topic with subscription',
    description: 'An SNS topic with one subscription.',
    body: {
      '${1:Topic}': {
        Type: 'AWS::SNS::Topic',
        Properties: {
          DisplayName: '${2:Notifications}',
          Subscription: [{ Protocol: '${3|email,sqs,lambda,https|}', Endpoint: '${4:ops@example.com}' }],
        },
      },
    },
  },
  {
    prefix: 'cfn-sns-subscription',
    title: 'SNS topic feeding an SQS queue',
    description:
      'An SNS subscription delivering a topic to an SQS queue (raw messages), with the queue policy that lets SNS send.',
    body: {
      '${1:Topic}': { Type: 'AWS::SNS::Topic' },
      '${1:Topic}Subscription': {
        Type: 'AWS::SNS::Subscription',
        Properties: {
          TopicArn: ref('${1:Topic}'),
          Protocol: 'sqs',
          Endpoint: getAtt('${2:Queue}', 'Arn'),
          RawMessageDelivery: true,
        },
      },
      '${2:Queue}': { Type: 'AWS::SQS::Queue' },
      '${2:Queue}Policy': {
        Type: 'AWS::SQS::QueuePolicy',
        Properties: {
          Queues: [ref('${2:Queue}')],
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: { Service: 'sns.amazonaws.com' },
                Action: 'sqs:SendMessage',
                Resource: getAtt('${2:Queue}', 'Arn'),
                Condition: { ArnEquals: { 'aws:SourceArn': ref('${1:Topic}') } },
              },
            ],
          },
        },
      },
    },
  },
  {
    prefix: 'cfn-kinesis-stream',
    title: 'Kinesis data stream',
    description: 'A Kinesis data stream, on-demand or provisioned, encrypted with the AWS managed key.',
    body: {
      '${1:Stream}': {
        Type: 'AWS::Kinesis::Stream',
        Properties: {
          StreamModeDetails: { StreamMode: '${2|ON_DEMAND,PROVISIONED|}' },
          RetentionPeriodHours: raw('${3:24}'),
          StreamEncryption: { EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' },
        },
      },
    },
  },
];
