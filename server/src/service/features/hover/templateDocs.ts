/**
 * What the fixed keys of a CloudFormation template mean — the top-level sections, the keys of a
 * resource, an output and a parameter — in our own words (facts from the CloudFormation User
 * Guide, "Template anatomy" and "Resource attribute reference").
 */

const GUIDE = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide';

export interface KeyDoc {
  summary: string;
  url?: string;
}

export const SECTION_DOCS: Record<string, KeyDoc> = {
  AWSTemplateFormatVersion: {
    summary: 'The template format version. The only version is `2010-09-09`; the section is optional.',
    url: `${GUIDE}/format-version-structure.html`,
  },
  Description: {
    summary: 'A text that describes the template (up to 1,024 bytes).',
    url: `${GUIDE}/template-description-structure.html`,
  },
  Metadata: {
    summary:
      'Extra information about the template, read by tools (for example `AWS::CloudFormation::Interface` to group parameters in the console).',
    url: `${GUIDE}/metadata-section-structure.html`,
  },
  Parameters: {
    summary:
      'Inputs given when a stack is created or updated, read with `Ref`. Each has a `Type` and optional constraints, a default and a description (at most 200 parameters).',
    url: `${GUIDE}/parameters-section-structure.html`,
  },
  Rules: {
    summary:
      'Checks of parameter values, run before the stack is created or updated: each rule has an optional `RuleCondition` and `Assertions`.',
    url: `${GUIDE}/rules-section-structure.html`,
  },
  Mappings: {
    summary:
      'Fixed lookup tables (map → top-level key → second-level key → value), read with `Fn::FindInMap`; for values known in advance, such as one AMI per region.',
    url: `${GUIDE}/mappings-section-structure.html`,
  },
  Conditions: {
    summary:
      'Named conditions built from `Fn::Equals`, `Fn::And`, `Fn::Or`, `Fn::Not` and `Condition`. A resource or output with a `Condition` is only created when it is true; `Fn::If` picks values by them.',
    url: `${GUIDE}/conditions-section-structure.html`,
  },
  Transform: {
    summary:
      'Macros that CloudFormation runs on the template before processing it, such as `AWS::Serverless-2016-10-31` (SAM) or `AWS::LanguageExtensions`.',
    url: `${GUIDE}/transform-section-structure.html`,
  },
  Resources: {
    summary:
      'The resources of the stack — the only required section. Each entry is a logical ID with a `Type` and usually `Properties`.',
    url: `${GUIDE}/resources-section-structure.html`,
  },
  Outputs: {
    summary:
      'Values the stack returns: shown in the console and by `describe-stacks`, and, with `Export`, importable by other stacks with `Fn::ImportValue` (at most 200 outputs).',
    url: `${GUIDE}/outputs-section-structure.html`,
  },
  Globals: {
    summary:
      'SAM only: properties shared by every `AWS::Serverless::Function`, `Api`, `HttpApi`, `SimpleTable` or `StateMachine` of the template, unless a resource sets its own.',
    url: 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-template-anatomy-globals.html',
  },
  Hooks: {
    summary: 'Hooks run during blue/green deployments of ECS services (`AWS::CodeDeploy::BlueGreen`).',
    url: `${GUIDE}/blue-green.html`,
  },
};

export const RESOURCE_KEY_DOCS: Record<string, KeyDoc> = {
  Type: {
    summary: 'The resource type, `AWS::Service::Resource` (or `Custom::Name` for a custom resource).',
    url: `${GUIDE}/resources-section-structure.html`,
  },
  Properties: {
    summary: 'The settings of the resource; which ones exist and which are required depend on its type.',
    url: `${GUIDE}/resources-section-structure.html`,
  },
  DependsOn: {
    summary:
      'Resources that must be created before this one (and deleted after it). Only needed when no `Ref`, `Fn::GetAtt` or `Fn::Sub` already links them.',
    url: `${GUIDE}/aws-attribute-dependson.html`,
  },
  Condition: {
    summary: 'A condition of the `Conditions` section: the resource is only created when it is true.',
    url: `${GUIDE}/conditions-section-structure.html`,
  },
  DeletionPolicy: {
    summary:
      'What happens to the resource when it leaves the stack: `Delete` (the default for most types), `Retain` to keep it, `Snapshot` for types that support snapshots, `RetainExceptOnCreate`.',
    url: `${GUIDE}/aws-attribute-deletionpolicy.html`,
  },
  UpdateReplacePolicy: {
    summary:
      'What happens to the old physical resource when an update replaces it: `Delete`, `Retain` or `Snapshot`.',
    url: `${GUIDE}/aws-attribute-updatereplacepolicy.html`,
  },
  UpdatePolicy: {
    summary:
      'How CloudFormation updates certain resources, such as rolling or replacing updates of an Auto Scaling group, or CodeDeploy traffic shifting of a Lambda alias.',
    url: `${GUIDE}/aws-attribute-updatepolicy.html`,
  },
  CreationPolicy: {
    summary:
      'Makes creation wait for success signals (`cfn-signal`) or a timeout, for EC2 instances and Auto Scaling groups.',
    url: `${GUIDE}/aws-attribute-creationpolicy.html`,
  },
  Metadata: {
    summary:
      'Structured data attached to the resource, read by tools such as `cfn-init` (`AWS::CloudFormation::Init`).',
    url: `${GUIDE}/aws-attribute-metadata.html`,
  },
};

export const OUTPUT_KEY_DOCS: Record<string, KeyDoc> = {
  Value: {
    summary:
      'The value the output returns: a literal, or `Ref`, `Fn::GetAtt`, `Fn::Sub` and other functions.',
    url: `${GUIDE}/outputs-section-structure.html`,
  },
  Description: {
    summary: 'A text that describes the output.',
    url: `${GUIDE}/outputs-section-structure.html`,
  },
  Export: {
    summary:
      'Exports the value under a `Name` unique in the account and region, for other stacks to read with `Fn::ImportValue`. An export that is imported cannot be removed or changed.',
    url: `${GUIDE}/outputs-section-structure.html`,
  },
  Condition: {
    summary: 'A condition of the `Conditions` section: the output only exists when it is true.',
    url: `${GUIDE}/outputs-section-structure.html`,
  },
};

export const PARAMETER_KEY_DOCS: Record<string, KeyDoc> = {
  Type: {
    summary:
      'The parameter type: `String`, `Number`, `List<Number>`, `CommaDelimitedList`, an AWS-specific type such as `AWS::EC2::KeyPair::KeyName` (checked against the account), or `AWS::SSM::Parameter::Value<…>` to read from Parameter Store.',
  },
  Default: { summary: "The value used when none is given. It must satisfy the parameter's constraints." },
  Description: { summary: 'A text shown with the parameter in the console (up to 4,000 characters).' },
  AllowedValues: { summary: 'The only values the parameter accepts.' },
  AllowedPattern: { summary: 'A regular expression that `String` values must match.' },
  ConstraintDescription: { summary: 'The message shown when a value breaks a constraint.' },
  MinLength: { summary: 'Smallest number of characters of a `String` value.' },
  MaxLength: { summary: 'Largest number of characters of a `String` value.' },
  MinValue: { summary: 'Smallest `Number` value.' },
  MaxValue: { summary: 'Largest `Number` value.' },
  NoEcho: {
    summary:
      'When `true`, the value is masked (`****`) in the console and API responses. It is not encrypted: prefer dynamic references to Secrets Manager or Parameter Store.',
  },
};

export const PARAMETERS_URL = `${GUIDE}/parameters-section-structure.html`;
