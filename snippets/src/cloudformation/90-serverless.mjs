// Lambda, DynamoDB and SAM.
import { assumeRole, block, getAtt, managedPolicy, raw, ref } from '../dsl.mjs';

const RUNTIMES = '${2|nodejs22.x,python3.13,java21,nodejs20.x,python3.12|}';

export default [
  {
    prefix: 'cfn-lambda-function',
    title: 'Lambda function with execution role',
    description: 'A Lambda function with inline code and the IAM role it runs as (CloudWatch Logs access).',
    body: {
      '${1:Function}': {
        Type: 'AWS::Lambda::Function',
        Properties: {
          Runtime: '${2|nodejs22.x,nodejs20.x|}',
          Handler: 'index.handler',
          Role: getAtt('${1:Function}Role', 'Arn'),
          Timeout: raw('${3:30}'),
          Code: {
            ZipFile: block(
              'exports.handler = async (event) => {',
              '  console.log(JSON.stringify(event));',
              '  return { statusCode: 200 };',
              '};',
            ),
          },
        },
      },
      '${1:Function}Role': {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: assumeRole('lambda.amazonaws.com'),
          ManagedPolicyArns: [managedPolicy('service-role/AWSLambdaBasicExecutionRole')],
        },
      },
    },
  },
  {
    prefix: 'cfn-lambda-event-source-mapping',
    title: 'Lambda event source mapping',
    description:
      'Lets a Lambda function poll an SQS queue, Kinesis or DynamoDB stream in batches, reporting partial failures.',
    body: {
      '${1:EventSourceMapping}': {
        Type: 'AWS::Lambda::EventSourceMapping',
        Properties: {
          FunctionName: '${2:my-function}',
          EventSourceArn: '${3:arn:aws:sqs:us-east-1:123456789012:jobs}',
          BatchSize: raw('${4:10}'),
          MaximumBatchingWindowInSeconds: raw('${5:5}'),
          FunctionResponseTypes: ['ReportBatchItemFailures'],
        },
      },
    },
  },
  {
    prefix: 'cfn-lambda-permission',
    title: 'Lambda permission',
    description: 'Lets a service (S3, SNS, EventBridge, …) invoke a Lambda function, from one source ARN.',
    body: {
      '${1:InvokePermission}': {
        Type: 'AWS::Lambda::Permission',
        Properties: {
          FunctionName: '${2:my-function}',
          Action: 'lambda:InvokeFunction',
          Principal: '${3|s3.amazonaws.com,sns.amazonaws.com,events.amazonaws.com,apigateway.amazonaws.com|}',
          SourceArn: '${4:arn:aws:s3:::my-bucket}',
          SourceAccount: ref('AWS::AccountId'),
        },
      },
    },
  },
  {
    prefix: 'cfn-lambda-alias',
    title: 'Lambda version and alias',
    description: 'A published version of a Lambda function and an alias pointing at it.',
    body: {
      '${1:Function}Version': {
        Type: 'AWS::Lambda::Version',
        Properties: { FunctionName: '${2:my-function}', Description: '${3:Release 1}' },
      },
      '${1:Function}Alias': {
        Type: 'AWS::Lambda::Alias',
        Properties: {
          FunctionName: '${2:my-function}',
          FunctionVersion: getAtt('${1:Function}Version', 'Version'),
          Name: '${4:live}',
        },
      },
    },
  },
  {
    prefix: 'cfn-dynamodb-table',
    title: 'DynamoDB table',
    description: 'A DynamoDB table with on-demand capacity, a partition key and point-in-time recovery.',
    body: {
      '${1:Table}': {
        Type: 'AWS::DynamoDB::Table',
        Properties: {
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [{ AttributeName: '${2:pk}', AttributeType: '${3|S,N,B|}' }],
          KeySchema: [{ AttributeName: '${2:pk}', KeyType: 'HASH' }],
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        },
      },
    },
  },
  {
    prefix: 'cfn-dynamodb-table-stream',
    title: 'DynamoDB table with a stream',
    description:
      'A DynamoDB table with a partition and sort key and a stream of item changes (for Lambda triggers).',
    body: {
      '${1:Table}': {
        Type: 'AWS::DynamoDB::Table',
        Properties: {
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [
            { AttributeName: '${2:pk}', AttributeType: 'S' },
            { AttributeName: '${3:sk}', AttributeType: 'S' },
          ],
          KeySchema: [
            { AttributeName: '${2:pk}', KeyType: 'HASH' },
            { AttributeName: '${3:sk}', KeyType: 'RANGE' },
          ],
          StreamSpecification: { StreamViewType: '${4|NEW_AND_OLD_IMAGES,NEW_IMAGE,OLD_IMAGE,KEYS_ONLY|}' },
        },
      },
    },
  },
  {
    prefix: 'cfn-dynamodb-table-gsi',
    title: 'DynamoDB table with a global secondary index',
    description:
      'A DynamoDB table with a global secondary index on another attribute, projecting all attributes.',
    body: {
      '${1:Table}': {
        Type: 'AWS::DynamoDB::Table',
        Properties: {
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [
            { AttributeName: '${2:pk}', AttributeType: 'S' },
            { AttributeName: '${3:gsi1pk}', AttributeType: 'S' },
          ],
          KeySchema: [{ AttributeName: '${2:pk}', KeyType: 'HASH' }],
          GlobalSecondaryIndexes: [
            {
              IndexName: '${4:by-gsi1pk}',
              KeySchema: [{ AttributeName: '${3:gsi1pk}', KeyType: 'HASH' }],
              Projection: { ProjectionType: '${5|ALL,KEYS_ONLY|}' },
            },
          ],
        },
      },
    },
  },
  {
    prefix: 'cfn-sam-function',
    title: 'SAM function with an API event',
    description:
      'An AWS::Serverless::Function with code from a folder and an HTTP API route (needs the SAM transform).',
    body: {
      '${1:Function}': {
        Type: 'AWS::Serverless::Function',
        Properties: {
          CodeUri: '${3:src/}',
          Handler: '${4:app.handler}',
          Runtime: RUNTIMES,
          MemorySize: raw('${5:256}'),
          Timeout: raw('${6:10}'),
          Events: {
            '${7:Api}': {
              Type: 'HttpApi',
              Properties: { Path: '${8:/hello}', Method: '${9|get,post,put,delete,any|}' },
            },
          },
        },
      },
    },
  },
  {
    prefix: 'cfn-sam-api',
    title: 'SAM REST API',
    description: 'An AWS::Serverless::Api stage with CORS and tracing (needs the SAM transform).',
    body: {
      '${1:Api}': {
        Type: 'AWS::Serverless::Api',
        Properties: {
          StageName: '${2:prod}',
          TracingEnabled: true,
          Cors: { AllowOrigin: "'${3:*}'", AllowMethods: "'GET,POST,OPTIONS'" },
        },
      },
    },
  },
  {
    prefix: 'cfn-sam-table',
    title: 'SAM simple table',
    description:
      'An AWS::Serverless::SimpleTable: a DynamoDB table with one primary key (needs the SAM transform).',
    body: {
      '${1:Table}': {
        Type: 'AWS::Serverless::SimpleTable',
        Properties: { PrimaryKey: { Name: '${2:id}', Type: '${3|String,Number,Binary|}' } },
      },
    },
  },
];
