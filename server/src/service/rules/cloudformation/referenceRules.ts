/**
 * Every Ref, Fn::GetAtt, Fn::Sub variable and Condition name must resolve: to a parameter, a
 * resource, a pseudo-parameter, a resource attribute or a condition of the template. Each
 * problem is reported on the exact span of the name, with a did-you-mean for quick fixes.
 * (Fn::FindInMap and DependsOn have their own rules.)
 */
import type { DiagnosticCollector } from '../../diagnostics';
import type { SchemaStore } from '../../schemas/schemaStore';
import { closest, didYouMean, listWords } from '../../utils/suggest';
import type { Rule } from '../validationContext';
import type { NameResolver } from './names';
import { nameResolver } from './names';
import type { Reference } from './references';
import { collectReferences } from './references';
import { isCustomResourceType } from './resourceProperties';
import type { Template } from './template';
import { getTemplate, PSEUDO_PARAMETERS } from './template';

interface Checker {
  template: Template;
  resolver: NameResolver;
  collector: DiagnosticCollector;
  schemas: SchemaStore;
}

export const checkReferences: Rule = ({ root, parsed, collector, schemas }) => {
  const template = getTemplate(root);
  if (!template) return;
  const checker: Checker = { template, resolver: nameResolver(template), collector, schemas };
  for (const ref of collectReferences(template, parsed.text)) {
    if (ref.shadowed) continue;
    switch (ref.kind) {
      case 'Ref':
        checkRef(checker, ref);
        break;
      case 'GetAtt':
        checkGetAtt(checker, ref);
        break;
      case 'Sub':
        checkSubVariable(checker, ref);
        break;
      case 'Condition':
        checkCondition(checker, ref);
        break;
      default:
        break;
    }
  }
};

/** Why a name that is not a parameter or resource cannot be used, when it names something else. */
function otherKindHint(template: Template, name: string): string | undefined {
  if (template.conditions.has(name))
    return `'${name}' is a condition: use it with Fn::If or a Condition attribute, not Ref.`;
  if (template.mappings.has(name)) return `'${name}' is a mapping: read it with Fn::FindInMap, not Ref.`;
  if (template.outputs.has(name))
    return `'${name}' is an output: outputs cannot be referenced inside their own template.`;
  return undefined;
}

function refCandidates(template: Template): string[] {
  return [...template.parameters.keys(), ...template.resources.keys(), ...PSEUDO_PARAMETERS];
}

function checkRef(checker: Checker, ref: Reference): void {
  const { template, resolver, collector } = checker;
  if (ref.target === 'resource') {
    // SAM `!Ref MyFunction.Alias`: the part before the dot must be a SAM resource.
    if (!template.resources.has(ref.name) && !resolver.isImplicitResource(ref.name) && !resolver.opaque) {
      const suggestion = closest(ref.name, template.resources.keys());
      collector.report(
        ref.span,
        `'${ref.name}' is not a resource of this template.${didYouMean(suggestion)}`,
        'cfn-unknown-ref',
        {
          data: { replacement: suggestion },
        },
      );
    }
    return;
  }
  const target = resolver.refTarget(ref.name);
  if (target === 'resource' && ref.from?.section === 'Conditions') {
    collector.report(
      ref.span,
      `Conditions can only refer to parameters and pseudo-parameters: '${ref.name}' is a resource.`,
      'cfn-condition-ref-resource',
    );
    return;
  }
  if (target || resolver.isImplicitResource(ref.name) || resolver.opaque) return;
  reportUnknownName(checker, ref, 'cfn-unknown-ref', 'Ref');
}

function reportUnknownName(checker: Checker, ref: Reference, code: string, what: string): void {
  const { template, collector } = checker;
  if (ref.name.startsWith('AWS::')) {
    const suggestion = closest(ref.name, PSEUDO_PARAMETERS);
    collector.report(
      ref.span,
      `'${ref.name}' is not a pseudo-parameter.${didYouMean(suggestion)} Pseudo-parameters: ${listWords(PSEUDO_PARAMETERS)}.`,
      code,
      { data: { replacement: suggestion } },
    );
    return;
  }
  const hint = otherKindHint(template, ref.name);
  if (hint) {
    collector.report(ref.span, hint, code);
    return;
  }
  const suggestion = closest(ref.name, refCandidates(template));
  const local =
    what === 'Fn::Sub' && ref.node.parent?.type === 'array' ? ', nor a variable of this Fn::Sub' : '';
  collector.report(
    ref.span,
    `${what} '${ref.name}' is not a parameter, resource or pseudo-parameter of this template${local}.${didYouMean(suggestion)}`,
    code,
    { data: { replacement: suggestion } },
  );
}

function checkGetAtt(checker: Checker, ref: Reference): void {
  const { template, resolver, collector } = checker;
  if (ref.attribute === undefined) {
    const parent = ref.node.parent;
    const isList = parent?.type === 'array';
    if (!isList || parent.items.length < 2) {
      collector.report(
        isList ? parent : ref.node,
        `Fn::GetAtt needs a logical ID and an attribute name: '${ref.name}.Attribute' or [${ref.name}, Attribute].`,
        'cfn-invalid-getatt',
      );
    }
  }
  if (!template.resources.has(ref.name)) {
    if (resolver.isImplicitResource(ref.name) || resolver.opaque) return;
    if (template.parameters.has(ref.name)) {
      collector.report(
        ref.span,
        `'${ref.name}' is a parameter: Fn::GetAtt reads attributes of resources. Use Ref to read a parameter.`,
        'cfn-unknown-getatt-resource',
      );
      return;
    }
    const suggestion = closest(ref.name, template.resources.keys());
    collector.report(
      ref.span,
      `Fn::GetAtt refers to '${ref.name}', which is not a resource of this template.${didYouMean(suggestion)}`,
      'cfn-unknown-getatt-resource',
      {
        data: { replacement: suggestion },
      },
    );
    return;
  }
  checkAttribute(checker, ref);
}

/** The attribute of `Fn::GetAtt` / `${Resource.Attribute}` must be one the resource type returns. */
function checkAttribute(checker: Checker, ref: Reference): void {
  const { template, collector, schemas } = checker;
  if (ref.attribute === undefined || !ref.attributeSpan) return;
  const type = template.resources.get(ref.name)?.type;
  // Custom resources return whatever their provider sends; modules expose their inner resources.
  if (!type || isCustomResourceType(type) || type.endsWith('::MODULE')) return;
  const info = schemas.resourceType(type);
  if (!info) return; // a registry or third-party type: its attributes are unknown here
  const attributes = Object.keys(info.attributes);
  // SAM types whose attributes we do not model: SAM decides at transform time.
  if (type.startsWith('AWS::Serverless::') && attributes.length === 0) return;
  const attribute = ref.attribute;
  if (attributes.includes(attribute)) return;
  // SAM's AutoPublishAlias makes <Function>.Version and <Function>.Alias name the generated
  // AWS::Lambda::Version and AWS::Lambda::Alias, whose own attributes follow.
  if (type === 'AWS::Serverless::Function' && /^(Version|Alias)\.[A-Za-z]+$/.test(attribute)) return;
  // AWS::CloudFormation::Stack (and SAM applications): `Outputs.<NestedStackOutput>`.
  if (
    attributes.includes('Outputs') &&
    attribute.startsWith('Outputs.') &&
    attribute.length > 'Outputs.'.length
  )
    return;
  const name = `${ref.name}.${attribute}`;
  if (attributes.length === 0) {
    collector.report(
      ref.attributeSpan,
      `${type} has no attributes that Fn::GetAtt can read ('${name}').`,
      'cfn-unknown-getatt-attribute',
    );
    return;
  }
  const suggestion = closest(attribute, attributes);
  // CloudFormation also returns plain properties through Fn::GetAtt for some resource types
  // (AWS::SQS::Queue, AWS::SNS::Topic, …: cfn-lint keeps a list). We do not keep that list, so
  // a property name gets a warning, not an error.
  const propertyName = attribute.split('.')[0];
  const isProperty =
    !!info.schema.properties && Object.prototype.hasOwnProperty.call(info.schema.properties, propertyName);
  const valid = ` Valid attributes: ${listWords(sortAttributes(attributes), 15)}.`;
  if (isProperty && !suggestion) {
    collector.report(
      ref.attributeSpan,
      `'${attribute}' is a property of ${type}, not one of its documented Fn::GetAtt attributes: only some resource types return properties.${valid}`,
      'cfn-unknown-getatt-attribute',
      { severity: 'warning', data: { alternatives: attributes } },
    );
    return;
  }
  collector.report(
    ref.attributeSpan,
    `${type} has no attribute '${attribute}'.${didYouMean(suggestion)}${valid}`,
    'cfn-unknown-getatt-attribute',
    {
      data: { replacement: suggestion, alternatives: attributes },
    },
  );
}

/** Top-level attributes first (Arn before MetadataConfiguration.Destination), then by name. */
function sortAttributes(attributes: string[]): string[] {
  const depth = (a: string): number => a.split('.').length;
  return [...attributes].sort((a, b) => depth(a) - depth(b) || a.localeCompare(b));
}

function checkSubVariable(checker: Checker, ref: Reference): void {
  const { template, resolver, collector } = checker;
  if (ref.attribute === undefined) {
    if (resolver.refTarget(ref.name) || resolver.isImplicitResource(ref.name) || resolver.opaque) {
      if (resolver.refTarget(ref.name) === 'resource' && ref.from?.section === 'Conditions') {
        collector.report(
          ref.span,
          `Conditions can only refer to parameters and pseudo-parameters: '${ref.name}' is a resource.`,
          'cfn-condition-ref-resource',
        );
      }
      return;
    }
    reportUnknownName(checker, ref, 'cfn-unknown-sub-variable', 'Fn::Sub variable');
    return;
  }
  if (template.resources.has(ref.name)) {
    checkAttribute(checker, ref);
    return;
  }
  if (resolver.isImplicitResource(ref.name) || resolver.opaque) return;
  if (template.parameters.has(ref.name) || resolver.refTarget(ref.name) === 'pseudo') {
    collector.report(
      ref.attributeSpan ?? ref.span,
      `'${ref.name}' is a parameter and has no attributes: write \${${ref.name}} to insert its value.`,
      'cfn-unknown-sub-variable',
    );
    return;
  }
  const suggestion = closest(ref.name, template.resources.keys());
  collector.report(
    ref.span,
    `Fn::Sub variable '${ref.name}.${ref.attribute}' refers to '${ref.name}', which is not a resource of this template.${didYouMean(suggestion)}`,
    'cfn-unknown-sub-variable',
    { data: { replacement: suggestion } },
  );
}

function checkCondition(checker: Checker, ref: Reference): void {
  const { template, collector, resolver } = checker;
  if (template.conditions.has(ref.name) || resolver.opaque) return;
  const suggestion = closest(ref.name, template.conditions.keys());
  const known = template.conditions.size ? '' : ' The template has no Conditions section.';
  collector.report(
    ref.span,
    `'${ref.name}' is not a condition of this template.${didYouMean(suggestion)}${known}`,
    'cfn-unknown-condition',
    {
      data: { replacement: suggestion },
    },
  );
}
