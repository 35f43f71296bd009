/**
 * What the SAM transform rejects in an `AWS::Serverless::Function` although each value has the
 * right type: a `Zip` function (the default package type) without `Runtime` or `Handler` (in its
 * Properties or in `Globals.Function`), an `Image` function with `Runtime`, `Handler` or
 * `Layers`, an `AutoPublishAlias` that is neither a string nor a `Ref` to a parameter, and an
 * event source without the properties its type needs (AWS SAM specification, "Function event
 * sources"). The transform would fail the whole deployment ("Error transforming template"); we
 * report at the property or key concerned. Quiet whenever the value is not written literally.
 */
import type { AstNode, ObjectNode } from '../../ast';
import { getProperty, stringValue } from '../../ast';
import type { DiagnosticCollector } from '../../diagnostics';
import type { Rule } from '../validationContext';
import type { ResourceEntity, Template } from './template';
import { getTemplate, intrinsicName, isIntrinsic } from './template';

/** Properties each event source type requires (AWS SAM specification). */
const EVENT_REQUIRED: Record<string, string[]> = {
  Api: ['Path', 'Method'],
  CloudWatchLogs: ['LogGroupName', 'FilterPattern'],
  IoTRule: ['Sql'],
  S3: ['Bucket', 'Events'],
  Schedule: ['Schedule'],
  SNS: ['Topic'],
  SQS: ['Queue'],
};

const quoted = (names: string[]): string => names.map((n) => `'${n}'`).join(' and ');

/** The key node of a property value, for reports about the object it holds. */
function keyOf(node: AstNode | undefined): AstNode | undefined {
  return node?.parent?.type === 'property' ? node.parent.key : undefined;
}

export const checkSamFunctions: Rule = ({ root, collector }) => {
  const template = getTemplate(root);
  if (!template?.isSam) return;
  const globalsNode = getProperty(getProperty(root, 'Globals'), 'Function');
  const globals = globalsNode?.type === 'object' ? globalsNode : undefined;
  for (const resource of template.resources.values()) {
    if (resource.type !== 'AWS::Serverless::Function') continue;
    const props = resource.properties;
    if (props && props.type !== 'object') continue;
    checkPackageType(collector, resource, props, globals);
    checkAutoPublishAlias(collector, template, props, globals);
    checkEvents(collector, getProperty(props, 'Events'));
  }
};

function checkPackageType(
  collector: DiagnosticCollector,
  resource: ResourceEntity,
  props: ObjectNode | undefined,
  globals: ObjectNode | undefined,
): void {
  const has = (name: string): boolean => !!getProperty(props, name) || !!getProperty(globals, name);
  const typeNode = getProperty(props, 'PackageType') ?? getProperty(globals, 'PackageType');
  if (typeNode && typeNode.type !== 'string') return;
  // Without PackageType SAM builds a Zip function; an image property then means the author meant
  // Image, which the schema's own messages cover better than a missing Runtime.
  if (!typeNode && (has('ImageUri') || has('ImageConfig'))) return;
  const packageType = stringValue(typeNode) ?? 'Zip';
  if (packageType === 'Zip') {
    const missing = ['Runtime', 'Handler'].filter((name) => !has(name));
    if (!missing.length) return;
    collector.report(
      keyOf(props) ?? resource.key,
      `Missing required ${missing.length === 1 ? 'property' : 'properties'} ${quoted(missing)} in AWS::Serverless::Function: a Zip function (PackageType Zip is the default) needs Runtime and Handler, in its Properties or in Globals.Function.`,
      'cfn-missing-property',
      { data: { missing } },
    );
  } else if (packageType === 'Image') {
    for (const name of ['Runtime', 'Handler', 'Layers']) {
      const node = getProperty(props, name);
      const key = keyOf(node);
      if (!key) continue;
      collector.report(
        key,
        `${name} cannot be set on a function with PackageType Image: the image brings its own runtime and entry point.`,
        'cfn-sam-package-type',
        { data: { removable: true } },
      );
    }
  }
}

function checkAutoPublishAlias(
  collector: DiagnosticCollector,
  template: Template,
  props: ObjectNode | undefined,
  globals: ObjectNode | undefined,
): void {
  const alias = getProperty(props, 'AutoPublishAlias') ?? getProperty(globals, 'AutoPublishAlias');
  const fn = intrinsicName(alias);
  if (!fn || alias?.type !== 'object') return;
  if (fn === 'Ref') {
    const target = stringValue(alias.properties[0].value);
    if (!target || target.startsWith('AWS::') || template.parameters.has(target)) return;
  }
  collector.report(
    alias,
    `AutoPublishAlias must be a string or a Ref to a template parameter: the SAM transform needs the alias name before deployment and cannot resolve ${fn === 'Ref' ? 'a Ref to a resource' : fn}.`,
    'cfn-sam-auto-publish-alias',
  );
}

function checkEvents(collector: DiagnosticCollector, events: AstNode | undefined): void {
  if (events?.type !== 'object') return;
  for (const event of events.properties) {
    const definition = event.value;
    if (definition?.type !== 'object') continue;
    const type = stringValue(getProperty(definition, 'Type'));
    const required = type ? EVENT_REQUIRED[type] : undefined;
    if (!required) continue;
    const props = getProperty(definition, 'Properties');
    if (props && (props.type !== 'object' || isIntrinsic(props))) continue;
    const missing = required.filter((name) => !getProperty(props, name));
    if (!missing.length) continue;
    collector.report(
      keyOf(props) ?? event.key,
      `Missing required ${missing.length === 1 ? 'property' : 'properties'} ${quoted(missing)} in the ${type} event '${event.key.value}'.`,
      'cfn-missing-property',
      { data: { missing } },
    );
  }
}
