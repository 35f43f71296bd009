/**
 * Hover in CloudFormation templates: resource types, properties at any depth, the fixed keys of
 * the template, intrinsic functions and pseudo-parameters, and the targets of Ref / GetAtt / Sub.
 */
import { lambdaRuntimeNote } from '../runtimeNotes';
import type { AstNode, JsonPath, PropertyNode } from '../../ast';
import {
  getNodeAtOffset,
  getNodePath,
  getProperty,
  isScalar,
  keyOwner,
  scalarText,
  stringValue,
} from '../../ast';
import { collectReferences } from '../../rules/cloudformation/references';
import type { Template } from '../../rules/cloudformation/template';
import { getTemplate } from '../../rules/cloudformation/template';
import type { FeatureContext } from '../featureContext';
import { schemaForPath, stripIntrinsics } from '../schemaLookup';
import type { HoverResult } from './common';
import { firstParagraph, isNameLike, keyChain, owningProperty, spanOf } from './common';
import { intrinsicHover, pseudoParameterHover } from './functions';
import { PSEUDO_PARAMETER_DOCS } from './intrinsics';
import { referenceTargetHover } from './cloudformationTargets';
import { schemaDoc } from './schemaDocs';
import type { KeyDoc } from './templateDocs';
import { OUTPUT_KEY_DOCS, PARAMETER_KEY_DOCS, RESOURCE_KEY_DOCS, SECTION_DOCS } from './templateDocs';

const MAX_TYPE_DESCRIPTION = 1500;

function keyDoc(name: string, doc: KeyDoc, what: string): string {
  return [`**${name}** · ${what}`, doc.summary, doc.url ? `[Documentation](${doc.url})` : '']
    .filter(Boolean)
    .join('\n\n');
}

function isIntrinsicKey(property: PropertyNode, path: JsonPath): boolean {
  const key = property.key.value;
  if (property.parent?.properties.length !== 1) return false;
  if (key === 'Ref' || key.startsWith('Fn::')) return true;
  return key === 'Condition' && path[0] === 'Conditions';
}

/** The docs of a resource type, and the notes about its service. */
export function resourceTypeHover(
  context: FeatureContext,
  type: string,
  span: HoverResult['span'],
  logicalId?: string,
): HoverResult | undefined {
  const info = context.schemas.documentedResourceType(type);
  if (!info) return undefined;
  let description = info.markdownDescription ?? '';
  if (description.length > MAX_TYPE_DESCRIPTION) description = `${firstParagraph(description) ?? ''}`;
  const attributes = Object.keys(info.attributes);
  const docs = [
    logicalId ? `**${logicalId}** · resource of type \`${type}\`` : `**${type}** · resource type`,
    description,
    attributes.length ? `Attributes for \`!GetAtt\`: ${attributes.map((a) => `\`${a}\``).join(', ')}` : '',
    info.documentationUrl ? `[Documentation](${info.documentationUrl})` : '',
  ];
  return {
    docs: docs.filter(Boolean),
    notes: { terms: [type], resourceTypes: [type], sectionOnly: true },
    span,
  };
}

function propertyHover(
  context: FeatureContext,
  path: JsonPath,
  span: HoverResult['span'],
  value?: AstNode,
): HoverResult | undefined {
  const inner = path.slice(3);
  if (inner.some((s) => typeof s === 'string' && s !== 'Fn::If' && (s === 'Ref' || s.startsWith('Fn::'))))
    return undefined;
  const location = schemaForPath(context, path, { docs: true });
  if (!location?.resourceType || !location.schema) return undefined;
  const info = context.schemas.documentedResourceType(location.resourceType);
  const propertyPath = stripIntrinsics(inner);
  const today = context.now();
  const doc = schemaDoc(location, {
    context: `property of \`${location.resourceType}\``,
    cloudformation: true,
    fallbackUrl: info?.documentationUrl,
    enumNote: (v) => lambdaRuntimeNote(location.resourceType, propertyPath, v, today)?.short,
  });
  const runtime =
    value?.type === 'string'
      ? lambdaRuntimeNote(location.resourceType, propertyPath, value.value, today)
      : undefined;
  const terms = keyChain(path.slice(3));
  const text = value && isScalar(value) ? scalarText(value) : undefined;
  const notes = {
    value: text && isNameLike(text) ? text : undefined,
    terms,
    resourceTypes: [location.resourceType],
  };
  const docs = [runtime?.text, doc].filter((d): d is string => !!d);
  return { docs, notes, span };
}

function parameterSummary(template: Template, name: string): string | undefined {
  const parameter = template.parameters.get(name);
  if (!parameter) return undefined;
  const type = stringValue(getProperty(parameter.node, 'Type'));
  const lines = [`**${name}** · parameter${type ? ` (\`${type}\`)` : ''}`];
  const description = stringValue(getProperty(parameter.node, 'Description'));
  if (description) lines.push(description);
  const facts: string[] = [];
  const defaultValue = scalarText(getProperty(parameter.node, 'Default'));
  if (defaultValue !== undefined) facts.push(`Default: \`${defaultValue}\``);
  const allowed = getProperty(parameter.node, 'AllowedValues');
  if (allowed?.type === 'array') {
    const values = allowed.items.map(scalarText).filter((v): v is string => v !== undefined);
    if (values.length) facts.push(`Allowed values: ${values.map((v) => `\`${v}\``).join(', ')}`);
  }
  if (facts.length) lines.push(facts.map((f) => `- ${f}`).join('\n'));
  return lines.join('\n\n');
}

function keyHover(
  context: FeatureContext,
  template: Template,
  property: PropertyNode,
  path: JsonPath,
): HoverResult | undefined {
  const key = property.key.value;
  const span = spanOf(property.key);
  if (isIntrinsicKey(property, path)) return intrinsicHover(key, span);
  const [section, name, third] = path;
  if (path.length === 1) {
    const doc = SECTION_DOCS[key];
    return doc ? { docs: [keyDoc(key, doc, 'template section')], notes: { terms: [key] }, span } : undefined;
  }
  if (section === 'Resources' && typeof name === 'string') {
    const resource = template.resources.get(name);
    if (path.length === 2) {
      return resource?.type ? resourceTypeHover(context, resource.type, span, name) : undefined;
    }
    if (path.length === 3 && typeof third === 'string') {
      const doc = RESOURCE_KEY_DOCS[third];
      return doc
        ? { docs: [keyDoc(third, doc, 'resource attribute')], notes: { terms: [third] }, span }
        : undefined;
    }
    if (third === 'Properties') return propertyHover(context, path, span);
    return undefined;
  }
  if (section === 'Parameters' && typeof name === 'string') {
    if (path.length === 2) {
      const summary = parameterSummary(template, name);
      return summary ? { docs: [summary], span } : undefined;
    }
    const doc = path.length === 3 && typeof third === 'string' ? PARAMETER_KEY_DOCS[third] : undefined;
    return doc ? { docs: [keyDoc(key, doc, 'parameter setting')], span } : undefined;
  }
  if (section === 'Outputs' && typeof name === 'string') {
    const doc =
      path.length === 3 && typeof third === 'string'
        ? OUTPUT_KEY_DOCS[third]
        : path[2] === 'Export'
          ? OUTPUT_KEY_DOCS.Export
          : undefined;
    const notes = third === 'Export' || third === 'Condition' ? { terms: [third] } : undefined;
    return doc ? { docs: [keyDoc(key, doc, 'output setting')], notes, span } : undefined;
  }
  if ((section === 'Conditions' || section === 'Mappings') && path.length === 2 && typeof name === 'string') {
    const what = section === 'Conditions' ? 'condition' : 'mapping';
    const doc = SECTION_DOCS[section];
    return { docs: [`**${name}** · ${what}`, doc.summary], notes: { terms: [section] }, span };
  }
  return undefined;
}

function valueHover(context: FeatureContext, node: AstNode): HoverResult | undefined {
  const property = owningProperty(node);
  if (!property) return undefined;
  const span = spanOf(node);
  const path = getNodePath(property.key);
  if (isIntrinsicKey(property, path)) {
    const text = stringValue(node);
    if (property.key.value === 'Ref' && text && PSEUDO_PARAMETER_DOCS[text])
      return pseudoParameterHover(text, span);
    return intrinsicHover(property.key.value, span);
  }
  if (path.length === 3 && path[0] === 'Resources' && path[2] === 'Type' && node.type === 'string') {
    return resourceTypeHover(context, node.value, span);
  }
  if (path[0] === 'Resources' && path[2] === 'Properties' && path.length > 3) {
    return propertyHover(context, path, span, node);
  }
  if (node.type === 'string' && path.length === 1 && path[0] === 'Transform') {
    return { docs: [keyDoc('Transform', SECTION_DOCS.Transform, 'template section')], span };
  }
  return undefined;
}

export function cloudFormationHover(context: FeatureContext, offset: number): HoverResult | undefined {
  const root = context.state.parsed.root;
  const template = getTemplate(root);
  if (!template) return undefined;
  const reference = collectReferences(template, context.state.parsed.text).find(
    (r) =>
      (offset >= r.span.offset && offset <= r.span.offset + r.span.length) ||
      (r.attributeSpan &&
        offset >= r.attributeSpan.offset &&
        offset <= r.attributeSpan.offset + r.attributeSpan.length),
  );
  if (reference) {
    const hover = referenceTargetHover(context, template, reference, offset);
    if (hover) return hover;
  }
  const node = getNodeAtOffset(root, offset);
  if (!node) return undefined;
  const owner = keyOwner(node);
  if (owner) return keyHover(context, template, owner, getNodePath(node));
  if (node.type === 'object' || node.type === 'array') return undefined;
  return valueHover(context, node);
}
