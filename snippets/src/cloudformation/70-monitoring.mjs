// CloudWatch alarms and logs, EventBridge.
import { getAtt, raw } from '../dsl.mjs';

export default [
  {
    prefix: 'cfn-cloudwatch-alarm',
    title: 'CloudWatch alarm',
    description: 'A CloudWatch alarm on a metric that notifies an SNS topic.',
    body: {
      '${1:Alarm}': {
        Type: 'AWS::CloudWatch::Alarm',
        Properties: {
          AlarmDescription: '${2:Messages are waiting too long}',
          Namespace: '${3:AWS/SQS}',
          MetricName: '${4:ApproximateAgeOfOldestMessage}',
          Dimensions: [{ Name: '${5:QueueName}', Value: '${6:jobs}' }],
          Statistic: '${7|Maximum,Average,Sum,Minimum,SampleCount|}',
          Period: raw('${8:60}'),
          EvaluationPeriods: raw('${9:5}'),
          Threshold: raw('${10:300}'),
          ComparisonOperator:
            '${11|GreaterThanThreshold,GreaterThanOrEqualToThreshold,LessThanThreshold,LessThanOrEqualToThreshold|}',
          TreatMissingData: 'notBreaching',
          AlarmActions: ['${12:arn:aws:sns:us-east-1:123456789012:alerts}'],
        },
      },
    },
  },
  {
    prefix: 'cfn-log-group',
    title: 'CloudWatch Logs log group',
    description: 'A log group with a retention period, so logs do not pile up forever.',
    body: {
      '${1:LogGroup}': {
        Type: 'AWS::Logs::LogGroup',
        Properties: {
          LogGroupName: '${2:/my-app/application}',
          RetentionInDays: raw('${3|14,7,30,90,365|}'),
        },
      },
    },
  },
  {
    prefix: 'cfn-eventbridge-rule',
    title: 'EventBridge rule with a Lambda target',
    description:
      'An EventBridge rule (schedule or event pattern) that invokes a Lambda function, and the permission that lets it.',
    body: {
      '${1:Rule}': {
        Type: 'AWS::Events::Rule',
        Properties: {
          Description: '${2:Runs the job every hour}',
          ScheduleExpression: '${3:rate(1 hour)}',
          State: 'ENABLED',
          Targets: [{ Id: 'function', Arn: '${4:arn:aws:lambda:us-east-1:123456789012:function:my-job}' }],
        },
      },
      '${1:Rule}Permission': {
        Type: 'AWS::Lambda::Permission',
        Properties: {
          FunctionName: '${4:arn:aws:lambda:us-east-1:123456789012:function:my-job}',
          Action: 'lambda:InvokeFunction',
          Principal: 'events.amazonaws.com',
          SourceArn: getAtt('${1:Rule}', 'Arn'),
        },
      },
    },
  },
];
