// IAM, ECS, ECR and Elastic Beanstalk.
import { assumeRole, getAtt, managedPolicy, raw, ref } from '../dsl.mjs';

export default [
  {
    prefix: 'cfn-iam-role',
    title: 'IAM role',
    description: 'An IAM role a service can assume, with an inline policy.',
    body: {
      '${1:Role}': {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: assumeRole('${2:ec2.amazonaws.com}'),
          Policies: [
            {
              PolicyName: '${3:read-objects}',
              PolicyDocument: {
                Version: '2012-10-17',
                Statement: [{ Effect: 'Allow', Action: '${4:s3:GetObject}', Resource: '${5:*}' }],
              },
            },
          ],
        },
      },
    },
  },
  {
    prefix: 'cfn-iam-policy',
    title: 'IAM managed policy',
    description: 'A customer managed IAM policy attached to roles.',
    body: {
      '${1:Policy}': {
        Type: 'AWS::IAM::ManagedPolicy',
        Properties: {
          Description: '${2:Read and write the queue}',
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Action: ['${3:sqs:SendMessage}', '${4:sqs:ReceiveMessage}'],
                Resource: '${5:arn:aws:sqs:us-east-1:123456789012:jobs}',
              },
            ],
          },
          Roles: ['${6:my-role}'],
        },
      },
    },
  },
  {
    prefix: 'cfn-iam-instance-profile',
    title: 'EC2 instance profile with its role',
    description:
      'An IAM role EC2 can assume (Systems Manager access) and the instance profile that hands it to instances.',
    body: {
      '${1:Instance}Role': {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: assumeRole('ec2.amazonaws.com'),
          ManagedPolicyArns: [managedPolicy('${2:AmazonSSMManagedInstanceCore}')],
        },
      },
      '${1:Instance}Profile': {
        Type: 'AWS::IAM::InstanceProfile',
        Properties: { Roles: [ref('${1:Instance}Role')] },
      },
    },
  },
  {
    prefix: 'cfn-ecs-cluster',
    title: 'ECS cluster',
    description: 'An ECS cluster with Container Insights and the Fargate capacity providers.',
    body: {
      '${1:Cluster}': {
        Type: 'AWS::ECS::Cluster',
        Properties: {
          ClusterSettings: [{ Name: 'containerInsights', Value: '${2|enabled,disabled|}' }],
          CapacityProviders: ['FARGATE', 'FARGATE_SPOT'],
          DefaultCapacityProviderStrategy: [{ CapacityProvider: '${3|FARGATE,FARGATE_SPOT|}', Weight: 1 }],
        },
      },
    },
  },
  {
    prefix: 'cfn-ecs-task-definition',
    title: 'ECS Fargate task definition',
    description:
      'A Fargate task definition: one container logging to CloudWatch Logs, its log group and execution role.',
    body: {
      '${1:App}TaskDefinition': {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: {
          Family: '${2:app}',
          RequiresCompatibilities: ['FARGATE'],
          NetworkMode: 'awsvpc',
          Cpu: '${3|256,512,1024,2048,4096|}',
          Memory: '${4:512}',
          ExecutionRoleArn: getAtt('${1:App}ExecutionRole', 'Arn'),
          ContainerDefinitions: [
            {
              Name: '${2:app}',
              Image: '${5:public.ecr.aws/nginx/nginx:latest}',
              Essential: true,
              PortMappings: [{ ContainerPort: raw('${6:80}') }],
              LogConfiguration: {
                LogDriver: 'awslogs',
                Options: {
                  'awslogs-group': ref('${1:App}LogGroup'),
                  'awslogs-region': ref('AWS::Region'),
                  'awslogs-stream-prefix': '${2:app}',
                },
              },
            },
          ],
        },
      },
      '${1:App}LogGroup': { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 14 } },
      '${1:App}ExecutionRole': {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: assumeRole('ecs-tasks.amazonaws.com'),
          ManagedPolicyArns: [managedPolicy('service-role/AmazonECSTaskExecutionRolePolicy')],
        },
      },
    },
  },
  {
    prefix: 'cfn-ecs-fargate-service',
    title: 'ECS Fargate service',
    description:
      'An ECS cluster, a Fargate task definition (logs to CloudWatch), its execution role and a service.',
    body: {
      '${1:App}Cluster': { Type: 'AWS::ECS::Cluster' },
      '${1:App}LogGroup': { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 14 } },
      '${1:App}ExecutionRole': {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: assumeRole('ecs-tasks.amazonaws.com'),
          ManagedPolicyArns: [managedPolicy('service-role/AmazonECSTaskExecutionRolePolicy')],
        },
      },
      '${1:App}TaskDefinition': {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: {
          Family: '${2:app}',
          RequiresCompatibilities: ['FARGATE'],
          NetworkMode: 'awsvpc',
          Cpu: '${3:256}',
          Memory: '${4:512}',
          ExecutionRoleArn: getAtt('${1:App}ExecutionRole', 'Arn'),
          ContainerDefinitions: [
            {
              Name: '${2:app}',
              Image: '${5:public.ecr.aws/nginx/nginx:latest}',
              Essential: true,
              PortMappings: [{ ContainerPort: raw('${6:80}') }],
              LogConfiguration: {
                LogDriver: 'awslogs',
                Options: {
                  'awslogs-group': ref('${1:App}LogGroup'),
                  'awslogs-region': ref('AWS::Region'),
                  'awslogs-stream-prefix': '${2:app}',
                },
              },
            },
          ],
        },
      },
      '${1:App}Service': {
        Type: 'AWS::ECS::Service',
        Properties: {
          Cluster: ref('${1:App}Cluster'),
          LaunchType: 'FARGATE',
          DesiredCount: raw('${7:1}'),
          TaskDefinition: ref('${1:App}TaskDefinition'),
          NetworkConfiguration: {
            AwsvpcConfiguration: {
              AssignPublicIp: '${8|DISABLED,ENABLED|}',
              Subnets: ['${9:subnet-0123456789abcdef0}'],
              SecurityGroups: ['${10:sg-0123456789abcdef0}'],
            },
          },
        },
      },
    },
  },
  {
    prefix: 'cfn-ecr-repository',
    title: 'ECR repository',
    description:
      'A private ECR repository: images scanned on push, immutable tags, old untagged images expired.',
    body: {
      '${1:Repository}': {
        Type: 'AWS::ECR::Repository',
        Properties: {
          RepositoryName: '${2:my-app}',
          ImageScanningConfiguration: { ScanOnPush: true },
          ImageTagMutability: '${3|IMMUTABLE,MUTABLE|}',
          LifecyclePolicy: {
            LifecyclePolicyText:
              '{"rules":[{"rulePriority":1,"description":"expire untagged images","selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":14},"action":{"type":"expire"}}]}',
          },
        },
      },
    },
  },
  {
    prefix: 'cfn-elastic-beanstalk',
    title: 'Elastic Beanstalk application and environment',
    description:
      'An Elastic Beanstalk application and a load-balanced environment on a solution stack, with its instance profile.',
    body: {
      '${1:App}': {
        Type: 'AWS::ElasticBeanstalk::Application',
        Properties: { Description: '${2:My web app}' },
      },
      '${1:App}Environment': {
        Type: 'AWS::ElasticBeanstalk::Environment',
        Properties: {
          ApplicationName: ref('${1:App}'),
          SolutionStackName: '${3:64bit Amazon Linux 2023 v6.6.0 running Node.js 22}',
          Tier: { Name: 'WebServer', Type: 'Standard' },
          OptionSettings: [
            {
              Namespace: 'aws:elasticbeanstalk:environment',
              OptionName: 'EnvironmentType',
              Value: 'LoadBalanced',
            },
            {
              Namespace: 'aws:autoscaling:launchconfiguration',
              OptionName: 'IamInstanceProfile',
              Value: ref('${1:App}InstanceProfile'),
            },
            {
              Namespace: 'aws:autoscaling:launchconfiguration',
              OptionName: 'InstanceType',
              Value: '${4:t3.small}',
            },
          ],
        },
      },
      '${1:App}InstanceRole': {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: assumeRole('ec2.amazonaws.com'),
          ManagedPolicyArns: [managedPolicy('AWSElasticBeanstalkWebTier')],
        },
      },
      '${1:App}InstanceProfile': {
        Type: 'AWS::IAM::InstanceProfile',
        Properties: { Roles: [ref('${1:App}InstanceRole')] },
      },
    },
  },
];
