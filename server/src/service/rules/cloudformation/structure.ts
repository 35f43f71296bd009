/**
 * Template structure: top-level sections, the format version, Description, the Resources
 * section and each resource's own keys (Type, attributes, policies, logical ID).
 */
import type { AstNode } from '../../ast';
import { getProperty, scalarText, stringValue } from '../../ast';
import { closest, didYouMean, listWords } from '../../utils/suggest';
import type { Rule } from '../validationContext';
import { getTemplate, intrinsicName, isIntrinsic, TOP_LEVEL_SECTIONS } from './template';
import { isListFunction } from './intrinsicShapes';
import { isCustomResourceType } from './resourceProperties';

export const RESOURCE_ATTRIBUTES = [
  'Type',
  'Properties',
  'DependsOn',
  'Condition',
  'Metadata',
  'DeletionPolicy',
  'UpdateReplacePolicy',
  'UpdatePolicy',
  'CreationPolicy',
] as const;

/** Extra resource keys the SAM transform understands. */
const SAM_RESOURCE_ATTRIBUTES = ['Connectors', 'IgnoreGlobals'];

export const DELETION_POLICIES = ['Delete', 'Retain', 'RetainExceptOnCreate', 'Snapshot'];
export const UPDATE_REPLACE_POLICIES = ['Delete', 'Retain', 'Snapshot'];

const LOGICAL_ID = /^[A-Za-z0-9]+$/;

function sectionKinds(): Record<string, 'object' | 'string' | 'any'> {
  return {
    AWSTemplateFormatVersion: 'string',
    Description: 'string',
    Metadata: 'object',
    Parameters: 'object',
    Rules: 'object',
    Mappings: 'object',
    Conditions: 'object',
    Transform: 'any',
    Resources: 'object',
    Outputs: 'object',
    Hooks: 'object',
    Globals: 'object',
  };
}

export const checkStructure: Rule = ({ root, collector, parsed }) => {
  const template = getTemplate(root);
  if (!template) {
    collector.report(
      root,
      'A CloudFormation template must be an object (a map of sections).',
      'cfn-invalid-template',
    );
    return;
  }
  const allowed: string[] = [...TOP_LEVEL_SECTIONS];
  if (template.isSam) allowed.push('Globals');
  const kinds = sectionKinds();
  // After a JSON syntax error the parser's recovery may close objects early, so keys of a nested
  // map land at the top: the section checks would then report sections that are not there.
  const recovered = parsed.format === 'json' && parsed.problems.some((p) => p.code === 'json-syntax');
  for (const property of template.root.properties) {
    const name = property.key.value;
    if (!allowed.includes(name)) {
      if (recovered) continue;
      if (name === 'Globals') {
        collector.report(
          property.key,
          "'Globals' is only valid in SAM templates: add 'Transform: AWS::Serverless-2016-10-31'.",
          'cfn-unknown-section',
        );
        continue;
      }
      const suggestion = closest(name, allowed);
      collector.report(
        property.key,
        `Unknown top-level section '${name}'.${didYouMean(suggestion)} Valid sections: ${listWords(allowed, 20)}.`,
        'cfn-unknown-section',
        { data: { replacement: suggestion, removable: true } },
      );
      continue;
    }
    const expected = kinds[name];
    const value = property.value;
    if (expected === 'object' && value && value.type !== 'object' && !isIntrinsic(value)) {
      collector.report(
        value.type === 'null' ? property.key : value,
        `The '${name}' section must be a map of names to definitions.`,
        'cfn-invalid-section',
      );
    }
  }

  checkForEachTransform(collector, template);

  const version = getProperty(template.root, 'AWSTemplateFormatVersion');
  if (version && scalarText(version) !== '2010-09-09') {
    collector.report(
      version,
      `Invalid AWSTemplateFormatVersion '${scalarText(version) ?? ''}': the only valid value is '2010-09-09'.`,
      'cfn-invalid-format-version',
      { data: { replacement: '2010-09-09' } },
    );
  }

  const description = getProperty(template.root, 'Description');
  if (description) {
    const text = scalarText(description);
    if (text === undefined) {
      collector.report(description, 'Description must be a string.', 'cfn-invalid-description');
    } else if (Buffer.byteLength(text, 'utf8') > 1024) {
      collector.report(
        description,
        'Description must be at most 1,024 bytes long.',
        'cfn-invalid-description',
      );
    }
  }

  const resourcesProperty = template.sections.get('Resources');
  if (!resourcesProperty && recovered) {
    // Not trustworthy either: Resources may sit after the point where recovery went wrong.
  } else if (!resourcesProperty) {
    const first = template.root.properties[0]?.key ?? { offset: template.root.offset, length: 0 };
    collector.report(
      first,
      "The template has no 'Resources' section: a template needs at least one resource.",
      'cfn-missing-resources',
    );
  } else if (resourcesProperty.value?.type === 'object' && resourcesProperty.value.properties.length === 0) {
    collector.report(
      resourcesProperty.key,
      "The 'Resources' section is empty: a template needs at least one resource.",
      'cfn-missing-resources',
    );
  } else if (!resourcesProperty.value || resourcesProperty.value.type === 'null') {
    collector.report(
      resourcesProperty.key,
      "The 'Resources' section is empty: a template needs at least one resource.",
      'cfn-missing-resources',
    );
  }

  const resourceAttributes: string[] = [
    ...RESOURCE_ATTRIBUTES,
    ...(template.isSam ? SAM_RESOURCE_ATTRIBUTES : []),
  ];
  for (const resource of template.resources.values()) {
    if (!LOGICAL_ID.test(resource.name) && !resource.name.startsWith('Fn::')) {
      collector.report(
        resource.key,
        `Logical ID '${resource.name}' must contain only letters A–Z, a–z and digits 0–9.`,
        'cfn-invalid-logical-id',
      );
    } else if (resource.name.length > 255) {
      collector.report(
        resource.key,
        'Logical IDs must be at most 255 characters long.',
        'cfn-invalid-logical-id',
      );
    }
    if (resource.name.startsWith('Fn::')) continue;
    const node = resource.node;
    if (node?.type !== 'object') {
      collector.report(
        node ?? resource.key,
        `Resource '${resource.name}' must be an object with a 'Type'.`,
        'cfn-invalid-resource',
      );
      continue;
    }
    if (!resource.typeNode) {
      collector.report(resource.key, `Resource '${resource.name}' has no 'Type'.`, 'cfn-missing-type');
    } else if (resource.typeNode.type !== 'string') {
      collector.report(
        resource.typeNode,
        'A resource Type must be a string such as AWS::S3::Bucket.',
        'cfn-invalid-resource-type',
      );
    }
    // CloudFormation accepts a `Version` key on custom resources (the custom resource API's
    // version; "1.0" in AWS's own samples).
    const custom = resource.type !== undefined && isCustomResourceType(resource.type);
    for (const property of node.properties) {
      const name = property.key.value;
      if (custom && name === 'Version') continue;
      if (!resourceAttributes.includes(name)) {
        const suggestion = closest(name, resourceAttributes);
        const hint = suggestion ? didYouMean(suggestion) : ' Resource properties belong under Properties.';
        collector.report(
          property.key,
          `Unknown resource attribute '${name}'.${hint}`,
          'cfn-unknown-resource-attribute',
          {
            data: { replacement: suggestion, removable: true },
          },
        );
      }
    }
    checkPolicy(collector, getProperty(node, 'DeletionPolicy'), 'DeletionPolicy', DELETION_POLICIES);
    checkPolicy(
      collector,
      getProperty(node, 'UpdateReplacePolicy'),
      'UpdateReplacePolicy',
      UPDATE_REPLACE_POLICIES,
    );
    const properties = getProperty(node, 'Properties');
    if (properties && properties.type !== 'object' && !isIntrinsic(properties)) {
      collector.report(
        properties.type === 'null' ? resource.key : properties,
        'Properties must be an object.',
        'cfn-type-mismatch',
      );
    }
    const condition = getProperty(node, 'Condition');
    if (condition && condition.type !== 'string') {
      collector.report(
        condition,
        'A resource Condition must be the name of a condition.',
        'cfn-type-mismatch',
      );
    }
    const dependsOn = getProperty(node, 'DependsOn');
    if (
      dependsOn &&
      dependsOn.type !== 'string' &&
      !(dependsOn.type === 'array' && dependsOn.items.every((i) => i.type === 'string'))
    ) {
      collector.report(
        dependsOn,
        'DependsOn must be a logical ID or a list of logical IDs.',
        'cfn-type-mismatch',
      );
    }
  }
};

function checkPolicy(
  collector: Parameters<Rule>[0]['collector'],
  node: AstNode | undefined,
  name: string,
  allowed: string[],
): void {
  if (!node) return;
  if (isListFunction(node)) {
    collector.report(
      node,
      `${name} must be a single value; ${intrinsicName(node) ?? ''} returns a list.`,
      'cfn-invalid-value',
    );
    return;
  }
  if (isIntrinsic(node)) return;
  const value = stringValue(node);
  if (value !== undefined && allowed.includes(value)) return;
  const suggestion = value ? closest(value, allowed) : undefined;
  collector.report(
    node,
    `'${scalarText(node) ?? ''}' is not a valid ${name}.${didYouMean(suggestion)} Allowed values: ${listWords(allowed)}.`,
    'cfn-invalid-value',
    { data: { replacement: suggestion, alternatives: allowed } },
  );
}

/** Fn::ForEach loops exist only with the AWS::LanguageExtensions transform. */
function checkForEachTransform(
  collector: Parameters<Rule>[0]['collector'],
  template: NonNullable<ReturnType<typeof getTemplate>>,
): void {
  if (template.transforms.includes('AWS::LanguageExtensions')) return;
  const visit = (node: AstNode | undefined): void => {
    if (node?.type !== 'object') return;
    for (const property of node.properties) {
      if (!property.key.value.startsWith('Fn::ForEach::')) continue;
      collector.report(
        property.key,
        `${property.key.value} needs the AWS::LanguageExtensions transform: add 'Transform: AWS::LanguageExtensions' to the template.`,
        'cfn-missing-transform',
      );
      const args = property.value;
      if (args?.type === 'array') visit(args.items[2]);
    }
  };
  for (const section of ['Resources', 'Outputs', 'Conditions']) visit(getProperty(template.root, section));
}
