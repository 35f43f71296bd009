/**
 * What CloudFormation's intrinsic functions and pseudo-parameters do, in our own words
 * (facts from the AWS CloudFormation User Guide, "Intrinsic function reference" and
 * "Pseudo parameters reference").
 */

export interface FunctionDoc {
  /** Long form key (`Fn::GetAtt`), or `Ref` / `Condition`. */
  name: string;
  /** YAML short form tag. */
  short: string;
  summary: string;
  syntax: string;
  details?: string;
  docPage: string;
}

const GUIDE = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide';

export const INTRINSIC_FUNCTIONS: Record<string, FunctionDoc> = {
  Ref: {
    name: 'Ref',
    short: '!Ref',
    summary:
      'Gives the value of a parameter, or the identifier CloudFormation uses for a resource (often its physical ID or name; what it is depends on the resource type), or the value of a pseudo-parameter.',
    syntax: 'Ref: LogicalName\n!Ref LogicalName',
    details:
      'Inside `Fn::Sub`, write `${LogicalName}` instead. A `Ref` to a resource also makes the referencing resource wait for it.',
    docPage: 'intrinsic-function-reference-ref.html',
  },
  'Fn::GetAtt': {
    name: 'Fn::GetAtt',
    short: '!GetAtt',
    summary:
      "Reads an attribute of a resource in the same template, such as a queue's `Arn` or a load balancer's `DNSName`. Which attributes exist depends on the resource type.",
    syntax: 'Fn::GetAtt: [LogicalName, AttributeName]\n!GetAtt LogicalName.AttributeName',
    details:
      'In the list form, the attribute name may itself be a `Ref` to a parameter. Inside `Fn::Sub`, write `${LogicalName.AttributeName}`.',
    docPage: 'intrinsic-function-reference-getatt.html',
  },
  'Fn::Sub': {
    name: 'Fn::Sub',
    short: '!Sub',
    summary:
      'Builds a string by replacing `${Name}` placeholders: parameters, resources (their `Ref` value), `${Resource.Attribute}` (their `GetAtt` value), pseudo-parameters, or variables given in a map as the second argument.',
    syntax:
      '!Sub "arn:${AWS::Partition}:s3:::${BucketName}/*"\nFn::Sub: [ "text with ${Var}", { Var: value } ]',
    details: 'Write `${!Literal}` to keep a literal `${Literal}` in the result.',
    docPage: 'intrinsic-function-reference-sub.html',
  },
  'Fn::Join': {
    name: 'Fn::Join',
    short: '!Join',
    summary:
      'Concatenates a list of values into one string, with a delimiter between them (an empty delimiter joins them directly).',
    syntax: '!Join [ ":", [ a, b, c ] ]',
    docPage: 'intrinsic-function-reference-join.html',
  },
  'Fn::Select': {
    name: 'Fn::Select',
    short: '!Select',
    summary: 'Picks one item of a list by its zero-based index, such as one Availability Zone of `!GetAZs`.',
    syntax: '!Select [ 0, !GetAZs "" ]',
    docPage: 'intrinsic-function-reference-select.html',
  },
  'Fn::Split': {
    name: 'Fn::Split',
    short: '!Split',
    summary:
      'Cuts a string into a list at each occurrence of a delimiter; often combined with `Fn::Select` or `Fn::ImportValue`.',
    syntax: '!Split [ ",", "a,b,c" ]',
    docPage: 'intrinsic-function-reference-split.html',
  },
  'Fn::FindInMap': {
    name: 'Fn::FindInMap',
    short: '!FindInMap',
    summary:
      'Looks up a value in the `Mappings` section by map name, top-level key and second-level key — for example the AMI ID of a region.',
    syntax: '!FindInMap [ MapName, TopLevelKey, SecondLevelKey ]',
    details:
      'The keys are often `!Ref AWS::Region` or a parameter. With the `AWS::LanguageExtensions` transform, a fourth argument can give a `DefaultValue`.',
    docPage: 'intrinsic-function-reference-findinmap.html',
  },
  'Fn::ImportValue': {
    name: 'Fn::ImportValue',
    short: '!ImportValue',
    summary:
      'Reads a value that another stack exports from its `Outputs` (`Export: Name:`), in the same account and region — the basis of cross-stack references.',
    syntax: '!ImportValue ExportName\n!ImportValue !Sub "${NetworkStack}-VpcId"',
    details:
      'While some stack imports an export, the exporting stack cannot delete or change that output. `!ImportValue` cannot take a `!Ref` to a resource.',
    docPage: 'intrinsic-function-reference-importvalue.html',
  },
  'Fn::GetAZs': {
    name: 'Fn::GetAZs',
    short: '!GetAZs',
    summary:
      "Lists the Availability Zones of a region (the stack's region when given an empty string or `!Ref AWS::Region`).",
    syntax: '!GetAZs ""',
    docPage: 'intrinsic-function-reference-getavailabilityzones.html',
  },
  'Fn::Base64': {
    name: 'Fn::Base64',
    short: '!Base64',
    summary: 'Encodes a string in Base64, typically the `UserData` of an EC2 instance or launch template.',
    syntax: '!Base64 |\n  #!/bin/bash\n  echo hello',
    docPage: 'intrinsic-function-reference-base64.html',
  },
  'Fn::Cidr': {
    name: 'Fn::Cidr',
    short: '!Cidr',
    summary:
      'Splits a CIDR block into a list of smaller ones: the block, how many to make, and the number of host bits of each.',
    syntax: '!Cidr [ "10.0.0.0/16", 4, 8 ]',
    docPage: 'intrinsic-function-reference-cidr.html',
  },
  'Fn::If': {
    name: 'Fn::If',
    short: '!If',
    summary:
      'Chooses between two values by a condition from the `Conditions` section: the first when it is true, the second otherwise.',
    syntax: '!If [ ConditionName, valueIfTrue, valueIfFalse ]',
    details: 'Use `!Ref AWS::NoValue` as one of the values to leave a property out.',
    docPage: 'intrinsic-function-reference-conditions.html',
  },
  'Fn::Equals': {
    name: 'Fn::Equals',
    short: '!Equals',
    summary: 'A condition that is true when its two values are equal.',
    syntax: '!Equals [ !Ref Environment, prod ]',
    docPage: 'intrinsic-function-reference-conditions.html',
  },
  'Fn::Not': {
    name: 'Fn::Not',
    short: '!Not',
    summary: 'A condition that negates the single condition in its list.',
    syntax: '!Not [ !Equals [ !Ref Environment, prod ] ]',
    docPage: 'intrinsic-function-reference-conditions.html',
  },
  'Fn::And': {
    name: 'Fn::And',
    short: '!And',
    summary: 'A condition that is true when all of its 2 to 10 conditions are true.',
    syntax: '!And [ !Condition IsProd, !Condition InUsEast1 ]',
    docPage: 'intrinsic-function-reference-conditions.html',
  },
  'Fn::Or': {
    name: 'Fn::Or',
    short: '!Or',
    summary: 'A condition that is true when at least one of its 2 to 10 conditions is true.',
    syntax: '!Or [ !Condition IsProd, !Condition IsStaging ]',
    docPage: 'intrinsic-function-reference-conditions.html',
  },
  Condition: {
    name: 'Condition',
    short: '!Condition',
    summary: 'Inside a condition function, uses another condition of the `Conditions` section by name.',
    syntax: '!And [ !Condition IsProd, !Equals [ !Ref AWS::Region, us-east-1 ] ]',
    docPage: 'intrinsic-function-reference-conditions.html',
  },
  'Fn::Transform': {
    name: 'Fn::Transform',
    short: '!Transform',
    summary: 'Runs a macro on part of the template, such as `AWS::Include` to insert a snippet stored in S3.',
    syntax: 'Fn::Transform:\n  Name: AWS::Include\n  Parameters: { Location: s3://bucket/snippet.yaml }',
    docPage: 'intrinsic-function-reference-transform.html',
  },
  'Fn::ToJsonString': {
    name: 'Fn::ToJsonString',
    short: '!ToJsonString',
    summary: 'Turns an object or a list into a JSON string. Needs the `AWS::LanguageExtensions` transform.',
    syntax: '!ToJsonString { key: value }',
    docPage: 'intrinsic-function-reference-ToJsonString.html',
  },
  'Fn::Length': {
    name: 'Fn::Length',
    short: '!Length',
    summary: 'The number of items of a list. Needs the `AWS::LanguageExtensions` transform.',
    syntax: '!Length [ a, b, c ]',
    docPage: 'intrinsic-function-reference-length.html',
  },
};

export function intrinsicDocUrl(doc: FunctionDoc): string {
  return `${GUIDE}/${doc.docPage}`;
}

export const PSEUDO_PARAMETER_DOCS: Record<string, string> = {
  'AWS::AccountId': 'The ID of the AWS account the stack is created in, such as `123456789012`.',
  'AWS::NotificationARNs':
    "The list of SNS topic ARNs that receive the stack's events (the notification options of the stack).",
  'AWS::NoValue':
    'Removes the property it is given to, as if it were not written. Mostly used as one branch of `Fn::If`.',
  'AWS::Partition':
    'The partition the stack is in: `aws` in standard regions, `aws-cn` in China, `aws-us-gov` in GovCloud. Use it to build ARNs that work everywhere.',
  'AWS::Region': 'The region the stack is created in, such as `us-east-1`.',
  'AWS::StackId': 'The ID (an ARN) of the stack.',
  'AWS::StackName':
    'The name of the stack. Handy to make names unique per stack, such as `${AWS::StackName}-queue`.',
  'AWS::URLSuffix':
    'The domain suffix of the partition, usually `amazonaws.com` (`amazonaws.com.cn` in China).',
};

export const PSEUDO_PARAMETERS_URL = `${GUIDE}/pseudo-parameter-reference.html`;

/** `!GetAtt` → `Fn::GetAtt`, `Ref` → `Ref`. */
export function functionDoc(keyOrTag: string): FunctionDoc | undefined {
  if (INTRINSIC_FUNCTIONS[keyOrTag]) return INTRINSIC_FUNCTIONS[keyOrTag];
  const tag = keyOrTag.replace(/^!/, '');
  return INTRINSIC_FUNCTIONS[tag] ?? INTRINSIC_FUNCTIONS[`Fn::${tag}`];
}
