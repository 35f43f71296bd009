// Generates realistic CloudFormation templates of any size for the benchmarks: a mix of common
// resource types wired together with Ref, GetAtt, Sub, If and DependsOn.
const KINDS = [
  (i) => `  Queue${i}:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Sub "\${AWS::StackName}-queue-${i}"
      VisibilityTimeout: 60
      MessageRetentionPeriod: 345600
      RedrivePolicy:
        deadLetterTargetArn: !GetAtt Dlq${i}.Arn
        maxReceiveCount: 5
  Dlq${i}:
    Type: AWS::SQS::Queue
    Properties:
      MessageRetentionPeriod: 1209600`,
  (i) => `  Bucket${i}:
    Type: AWS::S3::Bucket
    DeletionPolicy: Retain
    Properties:
      BucketName: !Sub "\${AWS::AccountId}-bucket-${i}"
      VersioningConfiguration:
        Status: Enabled
      Tags:
        - Key: Name
          Value: !Ref EnvName`,
  (i) => `  Table${i}:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions:
        - AttributeName: pk
          AttributeType: S
      KeySchema:
        - AttributeName: pk
          KeyType: HASH`,
  (i) => `  Topic${i}:
    Type: AWS::SNS::Topic
    Condition: IsProd
    Properties:
      TopicName: !If [IsProd, !Sub "prod-${i}-\${AWS::Region}", !Ref "AWS::NoValue"]
  Role${i}:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole`,
];

/** A template with about `count` resources, as YAML. */
export function generateTemplate(count) {
  const parts = [
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Description: Generated benchmark template',
    'Parameters:',
    '  EnvName:',
    '    Type: String',
    '    Default: dev',
    '    AllowedValues: [dev, prod]',
    'Conditions:',
    '  IsProd: !Equals [!Ref EnvName, prod]',
    'Resources:',
  ];
  let resources = 0;
  for (let i = 0; resources < count; i++) {
    const block = KINDS[i % KINDS.length](i);
    parts.push(block);
    resources += (block.match(/^ {2}\S/gm) ?? []).length;
  }
  parts.push('Outputs:', '  Env:', '    Value: !Ref EnvName');
  return `${parts.join('\n')}\n`;
}
