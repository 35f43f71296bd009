// CodeCommit, CodeBuild, CodeDeploy and CodePipeline.
import { assumeRole, getAtt, managedPolicy, ref, sub } from '../dsl.mjs';

export default [
  {
    prefix: 'cfn-codecommit-repository',
    title: 'CodeCommit repository',
    description: 'A CodeCommit Git repository.',
    body: {
      '${1:Repository}': {
        Type: 'AWS::CodeCommit::Repository',
        Properties: {
          RepositoryName: '${2:my-app}',
          RepositoryDescription: '${3:Source of my-app}',
        },
      },
    },
  },
  {
    prefix: 'cfn-codebuild-project',
    title: 'CodeBuild project',
    description:
      'A CodeBuild project reading buildspec.yml from its source, on a managed Linux image, with its service role.',
    body: {
      '${1:Build}': {
        Type: 'AWS::CodeBuild::Project',
        Properties: {
          ServiceRole: getAtt('${1:Build}Role', 'Arn'),
          Source: { Type: '${2|CODEPIPELINE,CODECOMMIT,GITHUB,S3|}', BuildSpec: '${3:buildspec.yml}' },
          Artifacts: { Type: '${4|CODEPIPELINE,NO_ARTIFACTS,S3|}' },
          Environment: {
            Type: 'LINUX_CONTAINER',
            ComputeType: '${5|BUILD_GENERAL1_SMALL,BUILD_GENERAL1_MEDIUM,BUILD_GENERAL1_LARGE|}',
            Image: '${6:aws/codebuild/amazonlinux-x86_64-standard:5.0}',
            PrivilegedMode: false,
          },
          TimeoutInMinutes: 30,
        },
      },
      '${1:Build}Role': {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: assumeRole('codebuild.amazonaws.com'),
          Policies: [
            {
              PolicyName: 'build-logs',
              PolicyDocument: {
                Version: '2012-10-17',
                Statement: [
                  {
                    Effect: 'Allow',
                    Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
                    Resource: '*',
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
    prefix: 'cfn-codedeploy-application',
    title: 'CodeDeploy application and deployment group',
    description:
      'A CodeDeploy application for EC2/on-premises and a deployment group that targets instances by tag, with its service role.',
    body: {
      '${1:Deploy}': { Type: 'AWS::CodeDeploy::Application', Properties: { ComputePlatform: 'Server' } },
      '${1:Deploy}Group': {
        Type: 'AWS::CodeDeploy::DeploymentGroup',
        Properties: {
          ApplicationName: ref('${1:Deploy}'),
          ServiceRoleArn: getAtt('${1:Deploy}Role', 'Arn'),
          DeploymentConfigName:
            '${2|CodeDeployDefault.OneAtATime,CodeDeployDefault.HalfAtATime,CodeDeployDefault.AllAtOnce|}',
          Ec2TagFilters: [{ Key: '${3:App}', Value: '${4:my-app}', Type: 'KEY_AND_VALUE' }],
          AutoRollbackConfiguration: { Enabled: true, Events: ['DEPLOYMENT_FAILURE'] },
        },
      },
      '${1:Deploy}Role': {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: assumeRole('codedeploy.amazonaws.com'),
          ManagedPolicyArns: [managedPolicy('service-role/AWSCodeDeployRole')],
        },
      },
    },
  },
  {
    prefix: 'cfn-codepipeline',
    title: 'CodePipeline: CodeCommit source and CodeBuild',
    description:
      'A pipeline that takes a CodeCommit branch and builds it with a CodeBuild project, with its artifact bucket and role.',
    body: {
      '${1:Pipeline}': {
        Type: 'AWS::CodePipeline::Pipeline',
        Properties: {
          PipelineType: 'V2',
          RoleArn: getAtt('${1:Pipeline}Role', 'Arn'),
          ArtifactStore: { Type: 'S3', Location: ref('${1:Pipeline}Artifacts') },
          Stages: [
            {
              Name: 'Source',
              Actions: [
                {
                  Name: 'Source',
                  ActionTypeId: { Category: 'Source', Owner: 'AWS', Provider: 'CodeCommit', Version: '1' },
                  Configuration: { RepositoryName: '${2:my-app}', BranchName: '${3:main}' },
                  OutputArtifacts: [{ Name: 'SourceOutput' }],
                },
              ],
            },
            {
              Name: 'Build',
              Actions: [
                {
                  Name: 'Build',
                  ActionTypeId: { Category: 'Build', Owner: 'AWS', Provider: 'CodeBuild', Version: '1' },
                  Configuration: { ProjectName: '${4:my-app-build}' },
                  InputArtifacts: [{ Name: 'SourceOutput' }],
                  OutputArtifacts: [{ Name: 'BuildOutput' }],
                },
              ],
            },
          ],
        },
      },
      '${1:Pipeline}Artifacts': { Type: 'AWS::S3::Bucket' },
      '${1:Pipeline}Role': {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: assumeRole('codepipeline.amazonaws.com'),
          Policies: [
            {
              PolicyName: 'pipeline',
              PolicyDocument: {
                Version: '2012-10-17',
                Statement: [
                  {
                    Effect: 'Allow',
                    Action: ['s3:GetObject', 's3:PutObject', 's3:GetBucketVersioning'],
                    Resource: [
                      getAtt('${1:Pipeline}Artifacts', 'Arn'),
                      sub('\\${${1:Pipeline}Artifacts.Arn}/*'),
                    ],
                  },
                  {
                    Effect: 'Allow',
                    Action: [
                      'codecommit:GetBranch',
                      'codecommit:GetCommit',
                      'codecommit:UploadArchive',
                      'codecommit:GetUploadArchiveStatus',
                      'codebuild:StartBuild',
                      'codebuild:BatchGetBuilds',
                    ],
                    Resource: '*',
                  },
                ],
              },
            },
          ],
        },
      },
    },
  },
];
