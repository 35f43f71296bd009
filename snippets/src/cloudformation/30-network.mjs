// VPC, Route 53 and CloudFront.
import { fn, getAtt, raw, ref, sub } from '../dsl.mjs';

export default [
  {
    prefix: 'cfn-vpc',
    title: 'VPC with a public subnet and internet gateway',
    description:
      'A VPC, an internet gateway attached to it, a public subnet and a route table with a default route to the gateway.',
    body: {
      '${1:Vpc}': {
        Type: 'AWS::EC2::VPC',
        Properties: {
          CidrBlock: '${2:10.0.0.0/16}',
          EnableDnsSupport: true,
          EnableDnsHostnames: true,
          Tags: [{ Key: 'Name', Value: sub('\\${AWS::StackName}-vpc') }],
        },
      },
      '${1:Vpc}InternetGateway': { Type: 'AWS::EC2::InternetGateway' },
      '${1:Vpc}GatewayAttachment': {
        Type: 'AWS::EC2::VPCGatewayAttachment',
        Properties: { VpcId: ref('${1:Vpc}'), InternetGatewayId: ref('${1:Vpc}InternetGateway') },
      },
      '${1:Vpc}PublicSubnet': {
        Type: 'AWS::EC2::Subnet',
        Properties: {
          VpcId: ref('${1:Vpc}'),
          CidrBlock: '${3:10.0.0.0/24}',
          AvailabilityZone: fn('Select', [0, fn('GetAZs', '')]),
          MapPublicIpOnLaunch: true,
        },
      },
      '${1:Vpc}PublicRouteTable': { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: ref('${1:Vpc}') } },
      '${1:Vpc}DefaultRoute': {
        Type: 'AWS::EC2::Route',
        DependsOn: '${1:Vpc}GatewayAttachment',
        Properties: {
          RouteTableId: ref('${1:Vpc}PublicRouteTable'),
          DestinationCidrBlock: '0.0.0.0/0',
          GatewayId: ref('${1:Vpc}InternetGateway'),
        },
      },
      '${1:Vpc}PublicSubnetRoutes': {
        Type: 'AWS::EC2::SubnetRouteTableAssociation',
        Properties: { SubnetId: ref('${1:Vpc}PublicSubnet'), RouteTableId: ref('${1:Vpc}PublicRouteTable') },
      },
    },
  },
  {
    prefix: 'cfn-subnet',
    title: 'Subnet',
    description: 'A subnet in the first Availability Zone of the Region, with its route table association.',
    body: {
      '${1:PrivateSubnet}': {
        Type: 'AWS::EC2::Subnet',
        Properties: {
          VpcId: '${2:vpc-0123456789abcdef0}',
          CidrBlock: '${3:10.0.1.0/24}',
          AvailabilityZone: fn('Select', [raw('${4:0}'), fn('GetAZs', '')]),
        },
      },
      '${1:PrivateSubnet}Routes': {
        Type: 'AWS::EC2::SubnetRouteTableAssociation',
        Properties: { SubnetId: ref('${1:PrivateSubnet}'), RouteTableId: '${5:rtb-0123456789abcdef0}' },
      },
    },
  },
  {
    prefix: 'cfn-route53-record',
    title: 'Route 53 record',
    description: 'A DNS record in a hosted zone (the zone name ends with a dot).',
    body: {
      '${1:DnsRecord}': {
        Type: 'AWS::Route53::RecordSet',
        Properties: {
          HostedZoneName: '${2:example.com.}',
          Name: '${3:www.example.com.}',
          Type: '${4|CNAME,A,AAAA,TXT,MX|}',
          TTL: '${5:300}',
          ResourceRecords: ['${6:origin.example.com}'],
        },
      },
    },
  },
  {
    prefix: 'cfn-route53-alias',
    title: 'Route 53 alias record for a load balancer',
    description: 'An alias A record pointing at an Application Load Balancer in the same template.',
    body: {
      '${1:AliasRecord}': {
        Type: 'AWS::Route53::RecordSet',
        Properties: {
          HostedZoneId: '${2:Z0123456789ABCDEFGHIJ}',
          Name: '${3:app.example.com.}',
          Type: 'A',
          AliasTarget: {
            DNSName: getAtt('${4:LoadBalancer}', 'DNSName'),
            HostedZoneId: getAtt('${4:LoadBalancer}', 'CanonicalHostedZoneID'),
          },
        },
      },
      '${4:LoadBalancer}': {
        Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
        Properties: { Subnets: ['${5:subnet-0123456789abcdef0}', '${6:subnet-0fedcba9876543210}'] },
      },
    },
  },
  {
    prefix: 'cfn-cloudfront-distribution',
    title: 'CloudFront distribution for an S3 bucket',
    description:
      'A CloudFront distribution serving a private S3 bucket through origin access control, HTTPS only, with the managed CachingOptimized policy.',
    body: {
      '${1:Distribution}': {
        Type: 'AWS::CloudFront::Distribution',
        Properties: {
          DistributionConfig: {
            Enabled: true,
            DefaultRootObject: '${2:index.html}',
            Origins: [
              {
                Id: 'site',
                DomainName: getAtt('${1:Distribution}Bucket', 'RegionalDomainName'),
                S3OriginConfig: { OriginAccessIdentity: '' },
                OriginAccessControlId: getAtt('${1:Distribution}OriginAccess', 'Id'),
              },
            ],
            DefaultCacheBehavior: {
              TargetOriginId: 'site',
              ViewerProtocolPolicy: '${3|redirect-to-https,https-only|}',
              CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
            },
            PriceClass: '${4|PriceClass_100,PriceClass_200,PriceClass_All|}',
          },
        },
      },
      '${1:Distribution}OriginAccess': {
        Type: 'AWS::CloudFront::OriginAccessControl',
        Properties: {
          OriginAccessControlConfig: {
            Name: sub('\\${AWS::StackName}-site'),
            OriginAccessControlOriginType: 's3',
            SigningBehavior: 'always',
            SigningProtocol: 'sigv4',
          },
        },
      },
      '${1:Distribution}Bucket': {
        Type: 'AWS::S3::Bucket',
        Properties: {
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: true,
            BlockPublicPolicy: true,
            IgnorePublicAcls: true,
            RestrictPublicBuckets: true,
          },
        },
      },
      '${1:Distribution}BucketPolicy': {
        Type: 'AWS::S3::BucketPolicy',
        Properties: {
          Bucket: ref('${1:Distribution}Bucket'),
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: { Service: 'cloudfront.amazonaws.com' },
                Action: 's3:GetObject',
                Resource: sub('\\${${1:Distribution}Bucket.Arn}/*'),
                Condition: {
                  StringEquals: {
                    'AWS:SourceArn': sub(
                      'arn:\\${AWS::Partition}:cloudfront::\\${AWS::AccountId}:distribution/\\${${1:Distribution}}',
                    ),
                  },
                },
              },
            ],
          },
        },
      },
    },
  },
];
