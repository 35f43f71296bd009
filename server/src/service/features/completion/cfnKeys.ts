/**
 * The fixed vocabulary of a template, as completion proposals: top-level sections, resource
 * attributes, parameter and output keys, condition functions, intrinsic functions (long form
 * keys and YAML short-form tags), update/creation policies. Descriptions are our own words.
 */
import { CompletionItemKind } from 'vscode-languageserver-types';
import { DELETION_POLICIES, UPDATE_REPLACE_POLICIES } from '../../rules/cloudformation/structure';
import type { KeyProposal, ValueProposal } from './items';

const SECTION_DOCS: Record<string, string> = {
  AWSTemplateFormatVersion: "The template format version. The only valid value is '2010-09-09'.",
  Description: 'A text that describes the template (up to 1,024 bytes).',
  Metadata:
    'Objects that give more information about the template, such as `AWS::CloudFormation::Interface`.',
  Parameters: 'Values to pass to the template when a stack is created or updated.',
  Rules: 'Checks of parameter values, run before the stack is created or updated.',
  Mappings: 'Lookup tables of keys to values, read with Fn::FindInMap.',
  Conditions: 'Named conditions that decide whether resources and outputs are created.',
  Transform: 'Macros that process the template, such as AWS::Serverless-2016-10-31 (SAM).',
  Resources: 'The stack resources and their properties. The only required section.',
  Outputs: 'Values the stack returns or exports for other stacks.',
  Hooks: 'Hooks that run with the AWS::CodeDeployBlueGreen transform (ECS blue/green deployments).',
  Globals: 'SAM: properties shared by every function, API or table of the template.',
};

const SECTION_SHAPES: Record<string, KeyProposal['shape']> = {
  AWSTemplateFormatVersion: 'string',
  Description: 'string',
  Transform: 'string',
};

export function sectionProposals(isSam: boolean): KeyProposal[] {
  const names = Object.keys(SECTION_DOCS).filter((n) => n !== 'Globals' || isSam);
  return names.map((name, order) => ({
    name,
    shape: SECTION_SHAPES[name] ?? 'object',
    documentation: SECTION_DOCS[name],
    kind: CompletionItemKind.Module,
    group: name === 'Resources' ? 1 : 3,
    order,
    yamlValue:
      name === 'AWSTemplateFormatVersion'
        ? '"2010-09-09"'
        : name === 'Transform'
          ? 'AWS::Serverless-2016-10-31'
          : undefined,
    jsonValue:
      name === 'AWSTemplateFormatVersion'
        ? '"2010-09-09"'
        : name === 'Transform'
          ? '"AWS::Serverless-2016-10-31"'
          : undefined,
  }));
}

export const TRANSFORMS: ValueProposal[] = [
  {
    value: 'AWS::Serverless-2016-10-31',
    documentation: 'AWS SAM: serverless resource types (AWS::Serverless::Function, …) and Globals.',
  },
  {
    value: 'AWS::LanguageExtensions',
    documentation: 'Extra intrinsic functions: Fn::ForEach, Fn::Length, Fn::ToJsonString, and more.',
  },
  {
    value: 'AWS::CodeDeployBlueGreen',
    documentation: 'ECS blue/green deployments through CodeDeploy (with the Hooks section).',
  },
  {
    value: 'AWS::SecretsManager-2020-07-23',
    documentation: 'Generates the Lambda function that rotates a Secrets Manager secret.',
  },
  {
    value: 'AWS::ServiceCatalog',
    documentation: 'Lets a template refer to outputs of Service Catalog provisioned products.',
  },
];

const RESOURCE_ATTRIBUTE_DOCS: Record<string, string> = {
  Type: 'The resource type, such as `AWS::S3::Bucket`.',
  Properties: 'The properties of the resource, as its type defines them.',
  DependsOn: 'Resources that must be created before this one (beyond those it refers to).',
  Condition: 'The condition that decides whether the resource is created.',
  Metadata: 'Structured data attached to the resource (for example AWS::CloudFormation::Init).',
  DeletionPolicy: 'What happens to the resource when it is removed from the stack or the stack is deleted.',
  UpdateReplacePolicy: 'What happens to the old resource when an update replaces it.',
  UpdatePolicy:
    'How updates are rolled out (Auto Scaling groups, Lambda aliases, ElastiCache, OpenSearch, …).',
  CreationPolicy: 'Wait for signals (or a fleet start) before the resource counts as created.',
};

export function resourceAttributeProposals(requiredProperties: string[]): KeyProposal[] {
  return Object.keys(RESOURCE_ATTRIBUTE_DOCS).map((name, order) => {
    const proposal: KeyProposal = {
      name,
      shape: 'any',
      documentation: RESOURCE_ATTRIBUTE_DOCS[name],
      kind: CompletionItemKind.Keyword,
      group: name === 'Type' ? 0 : name === 'Properties' ? 1 : 4,
      order,
    };
    if (name === 'Type' || name === 'DependsOn' || name === 'Condition') proposal.retrigger = true;
    if (name === 'DeletionPolicy') proposal.choices = DELETION_POLICIES;
    if (name === 'UpdateReplacePolicy') proposal.choices = UPDATE_REPLACE_POLICIES;
    if (name === 'Properties' || name === 'Metadata' || name === 'UpdatePolicy' || name === 'CreationPolicy')
      proposal.shape = 'object';
    if (name === 'Properties' && requiredProperties.length) {
      proposal.yamlBody = requiredProperties.map((p, i) => `${p}: $${i + 1}`);
      proposal.jsonValue = `{${requiredProperties.map((p, i) => `"${p}": $${i + 1}`).join(', ')}}`;
    }
    return proposal;
  });
}

const PARAMETER_KEY_DOCS: Record<string, [KeyProposal['shape'], string]> = {
  Type: [
    'string',
    'The data type: String, Number, List<Number>, CommaDelimitedList, an AWS-specific type or an SSM parameter type.',
  ],
  Description: ['string', 'Text shown with the parameter in the console (up to 4,000 characters).'],
  Default: ['any', 'The value used when none is given.'],
  AllowedValues: ['array', 'The only values the parameter accepts.'],
  AllowedPattern: ['string', 'A regular expression the (String) value must match.'],
  ConstraintDescription: ['string', 'The message shown when the value breaks a constraint.'],
  MinLength: ['number', 'The fewest characters a String value may have.'],
  MaxLength: ['number', 'The most characters a String value may have.'],
  MinValue: ['number', 'The smallest Number value allowed.'],
  MaxValue: ['number', 'The largest Number value allowed.'],
  NoEcho: ['boolean', 'Mask the value (shown as asterisks) in the console and API responses.'],
};

/** The keys of a table of `name: [shape, documentation]`, the `first` one sorted first. */
function keyTableProposals(
  table: Record<string, [KeyProposal['shape'], string]>,
  first: string,
  more: (name: string) => Partial<KeyProposal>,
): KeyProposal[] {
  return Object.entries(table).map(([name, [shape, documentation]], order) => ({
    name,
    shape,
    documentation,
    kind: CompletionItemKind.Property,
    group: name === first ? 0 : 4,
    order,
    ...more(name),
  }));
}

export function parameterKeyProposals(): KeyProposal[] {
  return keyTableProposals(PARAMETER_KEY_DOCS, 'Type', (name) => ({ retrigger: name === 'Type' }));
}

const OUTPUT_KEY_DOCS: Record<string, [KeyProposal['shape'], string]> = {
  Value: ['any', 'The value the output returns (required).'],
  Description: ['string', 'What the output is.'],
  Export: ['object', 'Export the value under a name other stacks import with Fn::ImportValue.'],
  Condition: ['string', 'The condition that decides whether the output is created.'],
};

export function outputKeyProposals(): KeyProposal[] {
  return keyTableProposals(OUTPUT_KEY_DOCS, 'Value', (name) => ({
    retrigger: name === 'Condition',
    yamlBody: name === 'Export' ? ['Name: $1'] : undefined,
    jsonValue: name === 'Export' ? '{"Name": $1}' : undefined,
  }));
}

/** Keys of the policy attributes (UpdatePolicy, CreationPolicy) and their nested objects. */
export const POLICY_KEYS: Record<string, string[]> = {
  UpdatePolicy: [
    'AutoScalingReplacingUpdate',
    'AutoScalingRollingUpdate',
    'AutoScalingScheduledAction',
    'CodeDeployLambdaAliasUpdate',
    'EnableVersionUpgrade',
    'UseOnlineResharding',
  ],
  CreationPolicy: ['AutoScalingCreationPolicy', 'ResourceSignal', 'StartFleet'],
  AutoScalingReplacingUpdate: ['WillReplace'],
  AutoScalingRollingUpdate: [
    'MaxBatchSize',
    'MinActiveInstancesPercent',
    'MinInstancesInService',
    'MinSuccessfulInstancesPercent',
    'PauseTime',
    'SuspendProcesses',
    'WaitOnResourceSignals',
  ],
  AutoScalingScheduledAction: ['IgnoreUnmodifiedGroupSizeProperties'],
  CodeDeployLambdaAliasUpdate: [
    'ApplicationName',
    'DeploymentGroupName',
    'BeforeAllowTrafficHook',
    'AfterAllowTrafficHook',
  ],
  AutoScalingCreationPolicy: ['MinSuccessfulInstancesPercent'],
  ResourceSignal: ['Count', 'Timeout'],
};

const OBJECT_POLICY_KEYS = new Set([
  'AutoScalingReplacingUpdate',
  'AutoScalingRollingUpdate',
  'AutoScalingScheduledAction',
  'CodeDeployLambdaAliasUpdate',
  'AutoScalingCreationPolicy',
  'ResourceSignal',
]);
const BOOLEAN_POLICY_KEYS = new Set([
  'EnableVersionUpgrade',
  'UseOnlineResharding',
  'StartFleet',
  'WillReplace',
  'IgnoreUnmodifiedGroupSizeProperties',
  'WaitOnResourceSignals',
]);

export function policyKeyProposals(owner: string): KeyProposal[] {
  return (POLICY_KEYS[owner] ?? []).map((name, order) => ({
    name,
    shape: OBJECT_POLICY_KEYS.has(name)
      ? 'object'
      : BOOLEAN_POLICY_KEYS.has(name)
        ? 'boolean'
        : name === 'SuspendProcesses'
          ? 'array'
          : 'any',
    kind: CompletionItemKind.Property,
    order,
  }));
}

/** Condition functions, as the keys of a condition (long form). */
export function conditionFunctionProposals(): KeyProposal[] {
  const docs: Record<string, string> = {
    'Fn::Equals': 'True when the two values are equal.',
    'Fn::And': 'True when all the conditions (2 to 10) are true.',
    'Fn::Or': 'True when any of the conditions (2 to 10) is true.',
    'Fn::Not': 'True when the condition is false.',
    Condition: 'The value of another named condition.',
  };
  return Object.entries(docs).map(([name, documentation], order) => ({
    name,
    shape: name === 'Condition' ? 'string' : 'array',
    documentation,
    kind: CompletionItemKind.Function,
    order,
    retrigger: name === 'Condition',
    yamlValue: name === 'Condition' ? '$1' : name === 'Fn::Not' ? '[$1]' : '[$1, $2]',
    jsonValue: name === 'Condition' ? '"$1"' : name === 'Fn::Not' ? '[$1]' : '[$1, $2]',
  }));
}

/** Intrinsic functions: long-form key, YAML short form (snippet), JSON value (snippet), and what they do. */
export const INTRINSICS: [string, string, string, string][] = [
  [
    'Ref',
    '!Ref $1',
    '"$1"',
    'The value of a parameter, or the default return value (often the ID or name) of a resource.',
  ],
  ['Fn::GetAtt', '!GetAtt $1', '["$1", "$2"]', 'An attribute of a resource, such as its Arn.'],
  ['Fn::Sub', '!Sub $1', '"$1"', 'A string with `${Name}` variables replaced by values.'],
  ['Fn::Join', "!Join ['$1', [$2]]", '["$1", [$2]]', 'Joins a list of values with a delimiter.'],
  [
    'Fn::If',
    '!If [$1, $2, $3]',
    '["$1", $2, $3]',
    'The second argument when the condition is true, else the third.',
  ],
  ['Fn::Select', '!Select [$1, $2]', '[$1, $2]', 'The item at an index of a list.'],
  ['Fn::Split', "!Split ['$1', $2]", '["$1", $2]', 'Splits a string into a list at a delimiter.'],
  [
    'Fn::FindInMap',
    '!FindInMap [$1, $2, $3]',
    '["$1", "$2", "$3"]',
    'A value from a mapping, by top-level and second-level key.',
  ],
  ['Fn::ImportValue', '!ImportValue $1', '"$1"', 'The value another stack exports.'],
  ['Fn::GetAZs', "!GetAZs '$1'", '"$1"', "The Availability Zones of a Region ('' for the stack's Region)."],
  ['Fn::Base64', '!Base64 $1', '"$1"', 'The Base64 encoding of a string (for EC2 user data).'],
  ['Fn::Cidr', '!Cidr [$1, $2, $3]', '[$1, $2, $3]', 'A list of CIDR blocks carved out of a block.'],
  ['Fn::Equals', '!Equals [$1, $2]', '[$1, $2]', 'True when the two values are equal (conditions).'],
  ['Fn::And', '!And [$1, $2]', '[$1, $2]', 'True when all the conditions are true.'],
  ['Fn::Or', '!Or [$1, $2]', '[$1, $2]', 'True when any of the conditions is true.'],
  ['Fn::Not', '!Not [$1]', '[$1]', 'True when the condition is false.'],
  ['Condition', '!Condition $1', '"$1"', 'The value of a named condition.'],
  [
    'Fn::ToJsonString',
    '!ToJsonString $1',
    '{$1}',
    'An object or list as a JSON string (AWS::LanguageExtensions).',
  ],
  ['Fn::Length', '!Length $1', '[$1]', 'The number of items in a list (AWS::LanguageExtensions).'],
  [
    'Fn::Transform',
    '!Transform {Name: $1, Parameters: {$2}}',
    '{"Name": "$1", "Parameters": {$2}}',
    'Runs a macro (such as AWS::Include) on part of the template.',
  ],
];

export const NAMING = new Set(['Ref', 'Fn::GetAtt', 'Fn::If', 'Fn::FindInMap', 'Condition']);
const CONDITION_ONLY = new Set(['Fn::Equals', 'Fn::And', 'Fn::Or', 'Fn::Not', 'Condition']);

/** The intrinsic functions one may write: the condition functions only in Conditions (Fn::If anywhere). */
function intrinsicsFor(inConditions: boolean): typeof INTRINSICS {
  return INTRINSICS.filter(([name]) => inConditions || !CONDITION_ONLY.has(name) || name === 'Fn::If');
}

/** Long-form intrinsic functions, as the one key of an object value. */
export function intrinsicKeyProposals(inConditions: boolean): KeyProposal[] {
  return intrinsicsFor(inConditions).map(([name, , json, documentation], order) => ({
    name,
    shape: 'any',
    documentation,
    kind: CompletionItemKind.Function,
    group: 6,
    order,
    retrigger: NAMING.has(name),
    yamlValue: json.startsWith('"') ? '$1' : json.replace(/"/g, ''),
    jsonValue: json,
  }));
}

/** YAML short-form tags, replacing the `!…` being typed. */
export function shortFormProposals(inConditions: boolean): ValueProposal[] {
  return intrinsicsFor(inConditions).map(([name, yaml, , documentation], order) => ({
    value: yaml.split(' ')[0],
    label: yaml.split(' ')[0],
    text: yaml,
    snippet: true,
    detail: name,
    documentation,
    kind: CompletionItemKind.Function,
    group: 1,
    order,
    retrigger: NAMING.has(name),
  }));
}
