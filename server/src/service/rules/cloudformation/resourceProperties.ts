/**
 * Resource types and their properties: unknown types (with did-you-mean), SAM types without the
 * transform, custom resources, and each resource's Properties checked against its type's schema.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { AstNode } from '../../ast';
import { getProperty } from '../../ast';
import type { DiagnosticReporter, RecordedReport } from '../../diagnostics';
import { DiagnosticRecorder, replayReports } from '../../diagnostics';
import type { SchemaCheckOptions } from '../../schemas/schemaValidation';
import { checkSchema } from '../../schemas/schemaValidation';
import type { IfScenario } from './fnIf';
import { containsIf, describeScenarios, ifScenarios } from './fnIf';
import type { SchemaStore } from '../../schemas/schemaStore';
import { closest, didYouMean } from '../../utils/suggest';
import type { Rule } from '../validationContext';
import { getTemplate, isIntrinsic } from './template';

/** Namespaces whose types we know completely; others (registry/third-party) are not judged. */
const KNOWN_NAMESPACES = /^(AWS|Alexa)::/;
const TYPE_SHAPE = /^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+(::MODULE)?$/;

export function isCustomResourceType(type: string): boolean {
  return type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource';
}

let sortedNamesCache: { store: SchemaStore; names: string[] } | undefined;

function typeNames(store: SchemaStore): string[] {
  if (sortedNamesCache?.store !== store) sortedNamesCache = { store, names: store.resourceTypeNames() };
  return sortedNamesCache.names;
}

/** The closest known type name: same-namespace candidates first, so typos resolve quickly. */
export function suggestResourceType(store: SchemaStore, type: string): string | undefined {
  const names = typeNames(store);
  const service = type.split('::').slice(0, 2).join('::').toLowerCase();
  const sameService = names.filter((n) => n.toLowerCase().startsWith(`${service}::`));
  return closest(type, sameService) ?? closest(type, names);
}

/** CloudFormation reads YAML 1.1, where these words are booleans. */
const YAML11_BOOLEAN = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;

function yaml11Boolean(node: AstNode, error: ErrorObject): boolean {
  const type = (error.params as { type?: string | string[] }).type;
  const expected = Array.isArray(type) ? type.join(',') : (type ?? '');
  return (
    node.type === 'string' && !node.quoted && expected.includes('boolean') && YAML11_BOOLEAN.test(node.value)
  );
}

/**
 * Properties that `aws cloudformation package` (and `sam package`) fill in: a local path there is
 * uploaded and replaced by the S3 location, so a string where CloudFormation wants an object is a
 * warning (the template needs packaging), not a type error.
 */
const PACKAGED_PROPERTIES: Record<string, string[]> = {
  'AWS::Lambda::Function': ['Code'],
  'AWS::Lambda::LayerVersion': ['Content'],
  'AWS::ApiGateway::RestApi': ['BodyS3Location'],
  'AWS::ElasticBeanstalk::ApplicationVersion': ['SourceBundle'],
  'AWS::StepFunctions::StateMachine': ['DefinitionS3Location'],
  'AWS::AppSync::GraphQLSchema': ['DefinitionS3Location'],
  'AWS::AppSync::Resolver': ['RequestMappingTemplateS3Location', 'ResponseMappingTemplateS3Location'],
  'AWS::CodeCommit::Repository': ['Code'],
};

/** Types with no schema that CloudFormation accepts: CDK's analytics resource. */
const SCHEMALESS_TYPES = new Set(['AWS::CDK::Metadata']);

function packagedPaths(type: string, props: AstNode, collector: DiagnosticReporter): Set<string> {
  const paths = new Set<string>();
  for (const name of PACKAGED_PROPERTIES[type] ?? []) {
    const value = getProperty(props, name);
    if (value?.type !== 'string') continue;
    paths.add(`/${name}`);
    collector.report(
      value,
      `'${value.value}' is a local path: 'aws cloudformation package' (or 'sam package') uploads it and writes the S3 location; CloudFormation itself needs ${name} as an object.`,
      'cfn-package-required',
      { severity: 'warning' },
    );
  }
  return paths;
}

export const checkResourceTypes: Rule = ({ root, collector, schemas, parsed }) => {
  const template = getTemplate(root);
  if (!template) return;
  for (const resource of template.resources.values()) {
    const type = resource.type;
    const typeNode = resource.typeNode;
    if (!type || !typeNode) continue;
    if (isCustomResourceType(type)) {
      if (type.startsWith('Custom::') && !/^Custom::[A-Za-z0-9_@-]{1,60}$/.test(type)) {
        collector.report(
          typeNode,
          `Custom resource type '${type}' must be 'Custom::' followed by up to 60 letters, digits and _@- characters.`,
          'cfn-invalid-resource-type',
        );
      }
      const props = resource.properties;
      if (!props || (props.type === 'object' && !getProperty(props, 'ServiceToken'))) {
        const propertiesKey = props?.parent?.type === 'property' ? props.parent.key : undefined;
        collector.report(
          propertiesKey ?? resource.key,
          `Custom resource '${resource.name}' needs a 'ServiceToken' property (the ARN of the Lambda function or SNS topic that handles it).`,
          'cfn-missing-property',
          { data: { missing: ['ServiceToken'] } },
        );
      }
      continue;
    }
    if (type.startsWith('AWS::Serverless::') && !template.isSam) {
      collector.report(
        typeNode,
        `${type} is a SAM resource type: add 'Transform: AWS::Serverless-2016-10-31' to the template.`,
        'cfn-sam-without-transform',
      );
    }
    if (SCHEMALESS_TYPES.has(type)) continue;
    if (!schemas.hasResourceType(type)) {
      const suggestion = suggestResourceType(schemas, type);
      const knownNamespace = KNOWN_NAMESPACES.test(type);
      if (!knownNamespace && TYPE_SHAPE.test(type) && !suggestion) continue; // registry or third-party type
      collector.report(
        typeNode,
        `Unknown resource type '${type}'.${didYouMean(suggestion)}`,
        'cfn-unknown-resource-type',
        {
          data: { replacement: suggestion },
        },
      );
      continue;
    }
    const props = resource.properties;
    const validate = schemas.resourceValidator(type);
    if (!validate) continue;
    // `Properties: !If [...]` is checked branch by branch (fnIf.ts); other functions are not.
    if (props && isIntrinsic(props) && !containsIf(props)) continue;
    if (!props || props.type === 'null') {
      const required = schemas.resourceType(type)?.schema.required ?? [];
      if (required.length) {
        collector.report(
          resource.typeNode ?? resource.key,
          `Resource '${resource.name}' (${type}) is missing required ${required.length === 1 ? 'property' : 'properties'} ${required.map((r) => `'${r}'`).join(', ')}.`,
          'cfn-missing-property',
          { data: { missing: required } },
        );
      }
      continue;
    }
    if (props.type !== 'object') continue; // reported by the structure rule
    if (hasTransform(props)) continue; // a macro rewrites these properties before CloudFormation sees them
    const packaged = packagedPaths(type, props, collector);
    checkProperties(collector, validate, props, type, parsed.format === 'yaml', packaged);
  }
};

const transformSeen = new WeakMap<AstNode, boolean>();

/**
 * An `Fn::Transform` (a macro snippet, `AWS::Include`) anywhere in the properties; remembered per
 * node, as the schema results are, so unchanged resources are not walked again after an edit.
 */
function hasTransform(props: AstNode): boolean {
  const known = transformSeen.get(props);
  if (known !== undefined) return known;
  const walk = (node: AstNode | undefined): boolean => {
    if (node?.type === 'array') return node.items.some(walk);
    if (node?.type !== 'object') return false;
    return node.properties.some((p) => p.key.value === 'Fn::Transform' || walk(p.value));
  };
  const found = walk(props);
  transformSeen.set(props, found);
  return found;
}

interface SchemaResult {
  validate: ValidateFunction;
  type: string;
  yaml: boolean;
  reports: RecordedReport[];
}

/**
 * The schema check's reports per Properties node. After an edit, the nodes of the resources that
 * did not change are the same objects (incrementalParse.ts), so their reports are replayed at
 * the node's current offset instead of converting and validating the properties again.
 */
const schemaResults = new WeakMap<AstNode, SchemaResult>();

function checkProperties(
  collector: DiagnosticReporter,
  validate: ValidateFunction,
  props: AstNode,
  type: string,
  yaml: boolean,
  packaged: Set<string>,
): void {
  const cached = schemaResults.get(props);
  if (cached?.validate === validate && cached.type === type && cached.yaml === yaml && !packaged.size) {
    replayReports(collector, cached.reports, props.offset);
    return;
  }
  const options = {
    prefix: 'cfn',
    term: 'property' as const,
    subject: type,
    basePath: '',
    isOpaque: isIntrinsic,
    acceptValue: (node: AstNode, error: ErrorObject) =>
      (yaml && yaml11Boolean(node, error)) || (packaged.size > 0 && packaged.has(error.instancePath)),
  };
  const recorder = new DiagnosticRecorder(props.offset);
  const scenarios = ifScenarios(props);
  if (!scenarios) checkSchema(recorder, validate, props, options);
  else checkIfScenarios(recorder, validate, props, scenarios, options);
  schemaResults.set(props, { validate, type, yaml, reports: recorder.records });
  replayReports(collector, recorder.records, props.offset);
}

/**
 * Properties with Fn::If: each scenario (an assignment of true/false to the conditions) is checked
 * as plain values. A missing required property that only one scenario has comes from a branch
 * that removes it (`AWS::NoValue`) or lacks it, and says so.
 */
function checkIfScenarios(
  recorder: DiagnosticRecorder,
  validate: ValidateFunction,
  props: AstNode,
  scenarios: IfScenario[],
  options: SchemaCheckOptions,
): void {
  const runs = scenarios.map((scenario) => {
    const run = new DiagnosticRecorder(props.offset);
    checkSchema(run, validate, scenario.root, options);
    return { scenario, records: run.records };
  });
  const key = (r: RecordedReport): string => `${r.delta}:${r.length}:${r.code}:${r.message}`;
  const seen = new Set<string>();
  for (const { records } of runs) {
    for (const record of records) {
      const id = key(record);
      if (seen.has(id)) continue;
      seen.add(id);
      const where = runs.filter((other) => other.records.some((r) => key(r) === id)).map((r) => r.scenario);
      const message =
        record.code === 'cfn-missing-property' && where.length < runs.length
          ? `${record.message.replace(/\.$/, '')} when ${describeScenarios(where)}.`
          : record.message;
      recorder.records.push({ ...record, message });
    }
  }
}
