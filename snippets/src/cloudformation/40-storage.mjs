// S3 buckets, databases and caches.
import { assumeRole, getAtt, raw, ref, sub } from '../dsl.mjs';

const BLOCK_PUBLIC = {
  BlockPublicAcls: true,
  BlockPublicPolicy: true,
  IgnorePublicAcls: true,
  RestrictPublicBuckets: true,
};

export default [
  {
    prefix: 'cfn-s3-bucket',
    title: 'S3 bucket',
    description: 'An S3 bucket: encrypted, versioned, public access blocked.',
    body: {
      '${1:Bucket}': {
        Type: 'AWS::S3::Bucket',
        Properties: {
          BucketEncryption: {
            ServerSideEncryptionConfiguration: [
              { ServerSideEncryptionByDefault: { SSEAlgorithm: '${2|AES256,aws:kms|}' } },
            ],
          },
          PublicAccessBlockConfiguration: BLOCK_PUBLIC,
          VersioningConfiguration: { Status: '${3|Enabled,Suspended|}' },
        },
      },
    },
  },
  {
    prefix: 'cfn-s3-bucket-website',
    title: 'S3 bucket for a static website',
    description:
      'An S3 bucket with website hosting (index and error documents) and a policy allowing public reads.',
    body: {
      '${1:WebsiteBucket}': {
        Type: 'AWS::S3::Bucket',
        Properties: {
          WebsiteConfiguration: { IndexDocument: '${2:index.html}', ErrorDocument: '${3:error.html}' },
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: true,
            BlockPublicPolicy: false,
            IgnorePublicAcls: true,
            RestrictPublicBuckets: false,
          },
        },
      },
      '${1:WebsiteBucket}Policy': {
        Type: 'AWS::S3::BucketPolicy',
        Properties: {
          Bucket: ref('${1:WebsiteBucket}'),
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: '*',
                Action: 's3:GetObject',
                Resource: sub('\\${${1:WebsiteBucket}.Arn}/*'),
              },
            ],
          },
        },
      },
    },
  },
  {
    prefix: 'cfn-s3-bucket-lifecycle',
    title: 'S3 bucket with lifecycle rules',
    description:
      'An S3 bucket whose objects move to cheaper storage classes and expire, with old versions cleaned up.',
    body: {
      '${1:LogBucket}': {
        Type: 'AWS::S3::Bucket',
        Properties: {
          VersioningConfiguration: { Status: 'Enabled' },
          PublicAccessBlockConfiguration: BLOCK_PUBLIC,
          LifecycleConfiguration: {
            Rules: [
              {
                Id: '${2:archive-then-expire}',
                Status: 'Enabled',
                Prefix: '${3:logs/}',
                Transitions: [
                  { StorageClass: 'STANDARD_IA', TransitionInDays: raw('${4:30}') },
                  { StorageClass: '${5|GLACIER_IR,GLACIER,DEEP_ARCHIVE|}', TransitionInDays: raw('${6:90}') },
                ],
                ExpirationInDays: raw('${7:365}'),
                NoncurrentVersionExpiration: { NoncurrentDays: 30 },
                AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
              },
            ],
          },
        },
      },
    },
  },
  {
    prefix: 'cfn-s3-bucket-replication',
    title: 'S3 bucket replicated to another bucket',
    description:
      'A versioned S3 bucket replicating every object to a destination bucket, with the IAM role replication uses.',
    body: {
      '${1:SourceBucket}': {
        Type: 'AWS::S3::Bucket',
        Properties: {
          BucketName: '${2:source-bucket}',
          VersioningConfiguration: { Status: 'Enabled' },
          ReplicationConfiguration: {
            Role: getAtt('${1:SourceBucket}ReplicationRole', 'Arn'),
            Rules: [
              {
                Id: 'replicate-all',
                Status: 'Enabled',
                Priority: 1,
                Filter: { Prefix: '' },
                DeleteMarkerReplication: { Status: 'Enabled' },
                Destination: {
                  Bucket: '${3:arn:aws:s3:::destination-bucket}',
                  StorageClass: '${4|STANDARD,STANDARD_IA,GLACIER_IR|}',
                },
              },
            ],
          },
        },
      },
      '${1:SourceBucket}ReplicationRole': {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: assumeRole('s3.amazonaws.com'),
          Policies: [
            {
              PolicyName: 'replication',
              PolicyDocument: {
                Version: '2012-10-17',
                Statement: [
                  {
                    Effect: 'Allow',
                    Action: ['s3:GetReplicationConfiguration', 's3:ListBucket'],
                    Resource: sub('arn:\\${AWS::Partition}:s3:::${2:source-bucket}'),
                  },
                  {
                    Effect: 'Allow',
                    Action: [
                      's3:GetObjectVersionForReplication',
                      's3:GetObjectVersionAcl',
                      's3:GetObjectVersionTagging',
                    ],
                    Resource: sub('arn:\\${AWS::Partition}:s3:::${2:source-bucket}/*'),
                  },
                  {
                    Effect: 'Allow',
                    Action: ['s3:ReplicateObject', 's3:ReplicateDelete', 's3:ReplicateTags'],
                    Resource: '${3:arn:aws:s3:::destination-bucket}/*',
                  },
                ],
              },
            },
          ],
        },
      },
    },
  },
  {
    prefix: 'cfn-s3-bucket-policy',
    title: 'S3 bucket policy',
    description: 'A bucket policy that refuses every request not made over HTTPS.',
    body: {
      '${1:BucketPolicy}': {
        Type: 'AWS::S3::BucketPolicy',
        Properties: {
          Bucket: '${2:my-bucket}',
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Sid: 'DenyInsecureTransport',
                Effect: 'Deny',
                Principal: '*',
                Action: 's3:*',
                Resource: [
                  sub('arn:\\${AWS::Partition}:s3:::${2:my-bucket}'),
                  sub('arn:\\${AWS::Partition}:s3:::${2:my-bucket}/*'),
                ],
                Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              },
            ],
          },
        },
      },
    },
  },
  {
    prefix: 'cfn-rds-instance',
    title: 'RDS database instance',
    description:
      'An RDS instance (PostgreSQL or MySQL) in a DB subnet group, encrypted, Multi-AZ, with the master password kept in Secrets Manager.',
    body: {
      '${1:Database}': {
        Type: 'AWS::RDS::DBInstance',
        DeletionPolicy: 'Snapshot',
        UpdateReplacePolicy: 'Snapshot',
        Properties: {
          Engine: '${2|postgres,mysql,mariadb|}',
          DBInstanceClass: '${3:db.t4g.micro}',
          AllocatedStorage: '${4:20}',
          StorageType: 'gp3',
          StorageEncrypted: true,
          MultiAZ: true,
          MasterUsername: '${5:dbadmin}',
          ManageMasterUserPassword: true,
          DBSubnetGroupName: ref('${1:Database}SubnetGroup'),
          VPCSecurityGroups: ['${6:sg-0123456789abcdef0}'],
          BackupRetentionPeriod: 7,
        },
      },
      '${1:Database}SubnetGroup': {
        Type: 'AWS::RDS::DBSubnetGroup',
        Properties: {
          DBSubnetGroupDescription: 'Subnets of ${1:Database}',
          SubnetIds: ['${7:subnet-0123456789abcdef0}', '${8:subnet-0fedcba9876543210}'],
        },
      },
    },
  },
  {
    prefix: 'cfn-aurora-cluster',
    title: 'Aurora cluster with one instance',
    description:
      'An Aurora DB cluster (PostgreSQL- or MySQL-compatible), encrypted, with its writer instance and a DB subnet group.',
    body: {
      '${1:AuroraCluster}': {
        Type: 'AWS::RDS::DBCluster',
        DeletionPolicy: 'Snapshot',
        UpdateReplacePolicy: 'Snapshot',
        Properties: {
          Engine: '${2|aurora-postgresql,aurora-mysql|}',
          MasterUsername: '${3:dbadmin}',
          ManageMasterUserPassword: true,
          StorageEncrypted: true,
          DBSubnetGroupName: ref('${1:AuroraCluster}SubnetGroup'),
          VpcSecurityGroupIds: ['${4:sg-0123456789abcdef0}'],
          BackupRetentionPeriod: 7,
        },
      },
      '${1:AuroraCluster}Writer': {
        Type: 'AWS::RDS::DBInstance',
        Properties: {
          DBClusterIdentifier: ref('${1:AuroraCluster}'),
          Engine: '${2|aurora-postgresql,aurora-mysql|}',
          DBInstanceClass: '${5:db.r6g.large}',
        },
      },
      '${1:AuroraCluster}SubnetGroup': {
        Type: 'AWS::RDS::DBSubnetGroup',
        Properties: {
          DBSubnetGroupDescription: 'Subnets of ${1:AuroraCluster}',
          SubnetIds: ['${6:subnet-0123456789abcdef0}', '${7:subnet-0fedcba9876543210}'],
        },
      },
    },
  },
  {
    prefix: 'cfn-elasticache-redis',
    title: 'ElastiCache replication group',
    description:
      'An ElastiCache replication group (Valkey or Redis OSS) with a replica, automatic failover and encryption, in a cache subnet group.',
    body: {
      '${1:Cache}': {
        Type: 'AWS::ElastiCache::ReplicationGroup',
        Properties: {
          ReplicationGroupDescription: '${2:Session cache}',
          Engine: '${3|valkey,redis|}',
          CacheNodeType: '${4:cache.t4g.micro}',
          NumCacheClusters: 2,
          AutomaticFailoverEnabled: true,
          AtRestEncryptionEnabled: true,
          TransitEncryptionEnabled: true,
          CacheSubnetGroupName: ref('${1:Cache}SubnetGroup'),
          SecurityGroupIds: ['${5:sg-0123456789abcdef0}'],
        },
      },
      '${1:Cache}SubnetGroup': {
        Type: 'AWS::ElastiCache::SubnetGroup',
        Properties: {
          Description: 'Subnets of ${1:Cache}',
          SubnetIds: ['${6:subnet-0123456789abcdef0}', '${7:subnet-0fedcba9876543210}'],
        },
      },
    },
  },
];
