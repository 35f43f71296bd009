// EC2, Auto Scaling, load balancers, EBS and EFS.
import { block, fn, getAtt, raw, ref } from '../dsl.mjs';

const AMI = '{{resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64}}';

export default [
  {
    prefix: 'cfn-ec2-instance',
    title: 'EC2 instance with a security group',
    description:
      'An EC2 instance (latest Amazon Linux from SSM) in a subnet, with a security group allowing SSH from one range.',
    body: {
      '${1:Instance}': {
        Type: 'AWS::EC2::Instance',
        Properties: {
          ImageId: AMI,
          InstanceType: '${3|t3.micro,t3.small,m7i.large|}',
          SubnetId: '${4:subnet-0123456789abcdef0}',
          SecurityGroupIds: [getAtt('${1:Instance}SecurityGroup', 'GroupId')],
          Tags: [{ Key: 'Name', Value: '${1:Instance}' }],
        },
      },
      '${1:Instance}SecurityGroup': {
        Type: 'AWS::EC2::SecurityGroup',
        Properties: {
          GroupDescription: 'SSH to ${1:Instance}',
          VpcId: '${5:vpc-0123456789abcdef0}',
          SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '${6:10.0.0.0/16}' }],
        },
      },
    },
  },
  {
    prefix: 'cfn-security-group',
    title: 'Security group',
    description: 'A VPC security group allowing one TCP port in.',
    body: {
      '${1:SecurityGroup}': {
        Type: 'AWS::EC2::SecurityGroup',
        Properties: {
          GroupDescription: '${2:Allow HTTPS in}',
          VpcId: '${3:vpc-0123456789abcdef0}',
          SecurityGroupIngress: [
            {
              IpProtocol: 'tcp',
              FromPort: raw('${4:443}'),
              ToPort: raw('${4:443}'),
              CidrIp: '${5:0.0.0.0/0}',
            },
          ],
        },
      },
    },
  },
  {
    prefix: 'cfn-launch-template',
    title: 'Launch template',
    description: 'An EC2 launch template: AMI, instance type, security group and a user-data script.',
    body: {
      '${1:LaunchTemplate}': {
        Type: 'AWS::EC2::LaunchTemplate',
        Properties: {
          LaunchTemplateData: {
            ImageId: AMI,
            InstanceType: '${3|t3.micro,t3.small,m7i.large|}',
            SecurityGroupIds: ['${4:sg-0123456789abcdef0}'],
            MetadataOptions: { HttpTokens: 'required' },
            UserData: fn(
              'Base64',
              block('#!/bin/bash', '${5:dnf install -y httpd && systemctl enable --now httpd}'),
            ),
          },
        },
      },
    },
  },
  {
    prefix: 'cfn-autoscaling-group',
    title: 'Auto Scaling group with a target-tracking policy',
    description:
      'An Auto Scaling group launched from a launch template across subnets, scaled to keep average CPU at a target.',
    body: {
      '${1:AutoScalingGroup}': {
        Type: 'AWS::AutoScaling::AutoScalingGroup',
        Properties: {
          LaunchTemplate: {
            LaunchTemplateId: '${2:lt-0123456789abcdef0}',
            Version: '${3:1}',
          },
          MinSize: '${4:1}',
          MaxSize: '${5:4}',
          DesiredCapacity: '${6:2}',
          VPCZoneIdentifier: ['${7:subnet-0123456789abcdef0}', '${8:subnet-0fedcba9876543210}'],
          HealthCheckType: '${9|EC2,ELB|}',
          HealthCheckGracePeriod: 300,
        },
      },
      '${1:AutoScalingGroup}CpuPolicy': {
        Type: 'AWS::AutoScaling::ScalingPolicy',
        Properties: {
          AutoScalingGroupName: ref('${1:AutoScalingGroup}'),
          PolicyType: 'TargetTrackingScaling',
          TargetTrackingConfiguration: {
            PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' },
            TargetValue: raw('${10:50}'),
          },
        },
      },
    },
  },
  {
    prefix: 'cfn-alb',
    title: 'Application Load Balancer with listener and target group',
    description:
      'An internet-facing Application Load Balancer, an HTTP listener and the target group it forwards to.',
    body: {
      '${1:LoadBalancer}': {
        Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
        Properties: {
          Type: 'application',
          Scheme: '${2|internet-facing,internal|}',
          Subnets: ['${3:subnet-0123456789abcdef0}', '${4:subnet-0fedcba9876543210}'],
          SecurityGroups: ['${5:sg-0123456789abcdef0}'],
        },
      },
      '${1:LoadBalancer}Listener': {
        Type: 'AWS::ElasticLoadBalancingV2::Listener',
        Properties: {
          LoadBalancerArn: ref('${1:LoadBalancer}'),
          Port: raw('${6:80}'),
          Protocol: 'HTTP',
          DefaultActions: [{ Type: 'forward', TargetGroupArn: ref('${1:LoadBalancer}TargetGroup') }],
        },
      },
      '${1:LoadBalancer}TargetGroup': {
        Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
        Properties: {
          VpcId: '${7:vpc-0123456789abcdef0}',
          Protocol: 'HTTP',
          Port: raw('${8:8080}'),
          TargetType: '${9|instance,ip,lambda|}',
          HealthCheckPath: '${10:/health}',
        },
      },
    },
  },
  {
    prefix: 'cfn-target-group',
    title: 'Target group',
    description: 'An ELB target group with a health check, for an Application Load Balancer listener.',
    body: {
      '${1:TargetGroup}': {
        Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
        Properties: {
          VpcId: '${2:vpc-0123456789abcdef0}',
          Protocol: '${3|HTTP,HTTPS|}',
          Port: raw('${4:80}'),
          TargetType: '${5|ip,instance|}',
          HealthCheckPath: '${6:/}',
          Matcher: { HttpCode: '${7:200-399}' },
          TargetGroupAttributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '${8:30}' }],
        },
      },
    },
  },
  {
    prefix: 'cfn-nlb',
    title: 'Network Load Balancer with a TCP listener',
    description: 'A Network Load Balancer, a TCP listener and its target group.',
    body: {
      '${1:NetworkLoadBalancer}': {
        Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
        Properties: {
          Type: 'network',
          Scheme: '${2|internal,internet-facing|}',
          Subnets: ['${3:subnet-0123456789abcdef0}', '${4:subnet-0fedcba9876543210}'],
        },
      },
      '${1:NetworkLoadBalancer}Listener': {
        Type: 'AWS::ElasticLoadBalancingV2::Listener',
        Properties: {
          LoadBalancerArn: ref('${1:NetworkLoadBalancer}'),
          Port: raw('${5:443}'),
          Protocol: 'TCP',
          DefaultActions: [{ Type: 'forward', TargetGroupArn: ref('${1:NetworkLoadBalancer}TargetGroup') }],
        },
      },
      '${1:NetworkLoadBalancer}TargetGroup': {
        Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
        Properties: {
          VpcId: '${6:vpc-0123456789abcdef0}',
          Protocol: 'TCP',
          Port: raw('${7:443}'),
          TargetType: '${8|ip,instance|}',
        },
      },
    },
  },
  {
    prefix: 'cfn-ebs-volume',
    title: 'EBS volume',
    description:
      'An encrypted gp3 EBS volume in one Availability Zone, kept as a snapshot when the stack deletes it.',
    body: {
      '${1:Volume}': {
        Type: 'AWS::EC2::Volume',
        DeletionPolicy: 'Snapshot',
        UpdateReplacePolicy: 'Snapshot',
        Properties: {
          AvailabilityZone: fn('Select', [0, fn('GetAZs', '')]),
          Size: raw('${2:20}'),
          VolumeType: '${3|gp3,gp2,io2,st1,sc1|}',
          Encrypted: true,
        },
      },
    },
  },
  {
    prefix: 'cfn-efs-file-system',
    title: 'EFS file system with a mount target',
    description: 'An encrypted EFS file system and a mount target in one subnet.',
    body: {
      '${1:FileSystem}': {
        Type: 'AWS::EFS::FileSystem',
        Properties: {
          Encrypted: true,
          PerformanceMode: '${2|generalPurpose,maxIO|}',
          ThroughputMode: '${3|elastic,bursting,provisioned|}',
          LifecyclePolicies: [{ TransitionToIA: 'AFTER_30_DAYS' }],
        },
      },
      '${1:FileSystem}MountTarget': {
        Type: 'AWS::EFS::MountTarget',
        Properties: {
          FileSystemId: ref('${1:FileSystem}'),
          SubnetId: '${4:subnet-0123456789abcdef0}',
          SecurityGroups: ['${5:sg-0123456789abcdef0}'],
        },
      },
    },
  },
];
