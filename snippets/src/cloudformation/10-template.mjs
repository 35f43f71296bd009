// Whole templates and the entries of the sections other than Resources.
import { block, fn, raw, ref, sub } from '../dsl.mjs';

export default [
  {
    prefix: 'cfn-template',
    title: 'CloudFormation template',
    description: 'A CloudFormation template: format version, description and one resource.',
    file: true,
    body: {
      AWSTemplateFormatVersion: '2010-09-09',
      Description: '${1:What this stack creates}',
      Resources: { '${2:Bucket}': { Type: '${3:AWS::S3::Bucket}' } },
    },
  },
  {
    prefix: 'cfn-sam-template',
    title: 'SAM template with a function',
    description:
      'An AWS SAM template (Transform AWS::Serverless-2016-10-31) with one function and shared Globals.',
    file: true,
    body: {
      AWSTemplateFormatVersion: '2010-09-09',
      Transform: 'AWS::Serverless-2016-10-31',
      Description: '${1:What this application does}',
      Globals: { Function: { Timeout: raw('${2:10}') } },
      Resources: {
        '${3:HelloFunction}': {
          Type: 'AWS::Serverless::Function',
          Properties: {
            Runtime: '${4|nodejs22.x,nodejs20.x,python3.13|}',
            Handler: '${5:index.handler}',
            InlineCode: block("exports.handler = async () => ({ statusCode: 200, body: 'hello' });"),
          },
        },
      },
    },
  },
  {
    prefix: 'cfn-parameter',
    title: 'Parameter',
    description: 'A template parameter with a type, description and default.',
    body: {
      '${1:Name}': {
        Type: '${2|String,Number,CommaDelimitedList,AWS::EC2::VPC::Id,AWS::EC2::Subnet::Id,AWS::EC2::KeyPair::KeyName|}',
        Description: '${3:What this value is for}',
        Default: '${4:value}',
      },
    },
  },
  {
    prefix: 'cfn-parameter-environment',
    title: 'Environment parameter',
    description: 'An Environment parameter limited to dev, test and prod.',
    body: {
      '${1:Environment}': {
        Type: 'String',
        AllowedValues: ['dev', 'test', 'prod'],
        Default: '${2|dev,test,prod|}',
        Description: 'The environment this stack runs in',
      },
    },
  },
  {
    prefix: 'cfn-output',
    title: 'Output',
    description: 'A stack output, exported under a name prefixed with the stack name.',
    body: {
      '${1:BucketName}': {
        Description: '${2:The name of the bucket}',
        Value: ref('${3:Bucket}'),
        Export: { Name: sub('\\${AWS::StackName}-${1:BucketName}') },
      },
    },
  },
  {
    prefix: 'cfn-condition',
    title: 'Condition',
    description: 'A condition comparing a parameter to a value.',
    body: { '${1:IsProduction}': fn('Equals', [ref('${2:Environment}'), '${3:prod}']) },
  },
  {
    prefix: 'cfn-mapping',
    title: 'Mapping',
    description: 'A mapping of Regions to values, read with !FindInMap [Map, !Ref AWS::Region, Key].',
    body: {
      '${1:RegionMap}': {
        'us-east-1': { '${2:Ami}': '${3:ami-0123456789abcdef0}' },
        'eu-west-1': { '${2:Ami}': '${4:ami-0fedcba9876543210}' },
      },
    },
  },
];
