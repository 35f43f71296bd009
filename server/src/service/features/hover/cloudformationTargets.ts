/**
 * Hover on the target of a reference (`!Ref Name`, `!GetAtt Name.Attr`, `${Name}` in `!Sub`,
 * `DependsOn`, `Condition`, `!FindInMap [Map, …]`): what the name stands for.
 */
import type { AstNode } from '../../ast';
import { getProperty, stringValue } from '../../ast';
import type { Reference } from '../../rules/cloudformation/references';
import type { Template } from '../../rules/cloudformation/template';
import type { FeatureContext } from '../featureContext';
import type { HoverResult } from './common';
import { firstParagraph } from './common';
import { pseudoParameterHover } from './functions';

const MAX_SOURCE_LINES = 8;

function sourceExcerpt(text: string, node: AstNode | undefined): string | undefined {
  if (!node) return undefined;
  const lines = text.slice(node.offset, node.offset + node.length).split(/\r?\n/);
  const shown = lines.slice(0, MAX_SOURCE_LINES);
  const indent = Math.min(
    ...shown
      .slice(1)
      .filter((l) => l.trim())
      .map((l) => /^\s*/.exec(l)?.[0].length ?? 0),
    1000,
  );
  const body = [shown[0], ...shown.slice(1).map((l) => l.slice(Math.min(indent, l.length)))].join('\n');
  return `\`\`\`yaml\n${body.replace(/```/g, '` ` `')}${lines.length > MAX_SOURCE_LINES ? '\n…' : ''}\n\`\`\``;
}

function parameterDoc(template: Template, name: string): string | undefined {
  const parameter = template.parameters.get(name);
  if (!parameter) return undefined;
  const type = stringValue(getProperty(parameter.node, 'Type'));
  const lines = [`**${name}** · parameter${type ? ` of type \`${type}\`` : ''}`];
  const description = stringValue(getProperty(parameter.node, 'Description'));
  if (description) lines.push(description);
  const defaultValue = getProperty(parameter.node, 'Default');
  if (defaultValue && defaultValue.type !== 'object' && defaultValue.type !== 'array') {
    lines.push(`Default: \`${String(defaultValue.value)}\``);
  }
  return lines.join('\n\n');
}

function resourceDoc(context: FeatureContext, template: Template, name: string): string | undefined {
  const resource = template.resources.get(name);
  if (!resource) return undefined;
  const lines = [`**${name}** · resource${resource.type ? ` of type \`${resource.type}\`` : ''}`];
  const info = resource.type ? context.schemas.documentedResourceType(resource.type) : undefined;
  const summary = firstParagraph(info?.markdownDescription);
  if (summary) lines.push(summary);
  if (info?.documentationUrl) lines.push(`[Documentation](${info.documentationUrl})`);
  return lines.join('\n\n');
}

function attributeDoc(
  context: FeatureContext,
  template: Template,
  name: string,
  attribute: string,
): string | undefined {
  const type = template.resources.get(name)?.type;
  if (!type) return undefined;
  const info = context.schemas.documentedResourceType(type);
  const doc = info?.attributes[attribute];
  if (!doc) return undefined;
  const lines = [`**${attribute}** · attribute of \`${type}\`${doc.type ? ` (\`${doc.type}\`)` : ''}`];
  if (doc.markdownDescription) lines.push(doc.markdownDescription);
  return lines.join('\n\n');
}

export function referenceTargetHover(
  context: FeatureContext,
  template: Template,
  reference: Reference,
  offset: number,
): HoverResult | undefined {
  const text = context.state.parsed.text;
  const onAttribute =
    !!reference.attributeSpan &&
    offset >= reference.attributeSpan.offset &&
    offset <= reference.attributeSpan.offset + reference.attributeSpan.length;
  if (onAttribute && reference.attribute && reference.attributeSpan) {
    const doc = attributeDoc(context, template, reference.name, reference.attribute);
    return doc ? { docs: [doc], span: reference.attributeSpan } : undefined;
  }
  const span = reference.span;
  if (reference.shadowed) return undefined;
  const name = reference.name;
  if (reference.target === 'condition') {
    const condition = template.conditions.get(name);
    if (!condition) return undefined;
    const source = sourceExcerpt(text, condition.node);
    return { docs: [`**${name}** · condition`, source ?? ''].filter(Boolean), span };
  }
  if (reference.target === 'mapping') {
    const mapping = template.mappings.get(name);
    if (!mapping) return undefined;
    const keys =
      mapping.node?.type === 'object' ? mapping.node.properties.map((p) => `\`${p.key.value}\``) : [];
    const docs = [`**${name}** · mapping`];
    if (keys.length)
      docs.push(`Top-level keys: ${keys.slice(0, 20).join(', ')}${keys.length > 20 ? ', …' : ''}`);
    return { docs, span };
  }
  if (name.startsWith('AWS::')) return pseudoParameterHover(name, span);
  if (reference.target === 'parameter-or-resource') {
    const doc = parameterDoc(template, name);
    if (doc) return { docs: [doc], span };
  }
  const doc = resourceDoc(context, template, name);
  return doc ? { docs: [doc], span } : undefined;
}
