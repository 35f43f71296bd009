/**
 * The CloudFormation template model: its sections and named entities (parameters, resources,
 * conditions, mappings, outputs) with their nodes. Built once per parsed document and shared
 * by every rule and feature.
 */
import type { AstNode, ObjectNode, PropertyNode, StringNode } from '../../ast';
import { getProperty, stringValue } from '../../ast';

export interface Entity {
  name: string;
  /** The logical-ID key node. */
  key: StringNode;
  /** The definition (value of the key). */
  node: AstNode | undefined;
  property: PropertyNode;
}

export interface ResourceEntity extends Entity {
  type: string | undefined;
  typeNode: AstNode | undefined;
  properties: AstNode | undefined;
}

export interface Template {
  root: ObjectNode;
  sections: Map<string, PropertyNode>;
  parameters: Map<string, Entity>;
  resources: Map<string, ResourceEntity>;
  conditions: Map<string, Entity>;
  mappings: Map<string, Entity>;
  outputs: Map<string, Entity>;
  /** The template uses the SAM transform (AWS::Serverless-2016-10-31). */
  isSam: boolean;
  transforms: string[];
}

export const PSEUDO_PARAMETERS = [
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
] as const;

export { TOP_LEVEL_SECTIONS } from '../../kinds';

/** Keys an intrinsic function object may have (long form). */
export function intrinsicName(node: AstNode | undefined): string | undefined {
  if (node?.type !== 'object' || node.properties.length !== 1) return undefined;
  const key = node.properties[0].key.value;
  return key === 'Ref' || key.startsWith('Fn::') ? key : undefined;
}

export function isIntrinsic(node: AstNode | undefined): boolean {
  return intrinsicName(node) !== undefined;
}

function entities(section: AstNode | undefined): Map<string, Entity> {
  const map = new Map<string, Entity>();
  if (section?.type !== 'object') return map;
  for (const property of section.properties) {
    if (!map.has(property.key.value)) {
      map.set(property.key.value, {
        name: property.key.value,
        key: property.key,
        node: property.value,
        property,
      });
    }
  }
  return map;
}

const cache = new WeakMap<ObjectNode, Template>();

export function getTemplate(root: AstNode | undefined): Template | undefined {
  if (root?.type !== 'object') return undefined;
  const cached = cache.get(root);
  if (cached) return cached;
  const sections = new Map(root.properties.map((p) => [p.key.value, p] as const));
  const transformNode = getProperty(root, 'Transform');
  const transformNodes =
    transformNode?.type === 'array' ? transformNode.items : transformNode ? [transformNode] : [];
  const transforms = transformNodes.map(stringValue).filter((t): t is string => !!t);
  const resources = new Map<string, ResourceEntity>();
  for (const entity of entities(getProperty(root, 'Resources')).values()) {
    const typeNode = getProperty(entity.node, 'Type');
    // An object literal, not a spread of `entity`: V8 copies spreads slowly (~4 µs each here).
    resources.set(entity.name, {
      name: entity.name,
      key: entity.key,
      node: entity.node,
      property: entity.property,
      type: stringValue(typeNode),
      typeNode,
      properties: getProperty(entity.node, 'Properties'),
    });
  }
  const template: Template = {
    root,
    sections,
    parameters: entities(getProperty(root, 'Parameters')),
    resources,
    conditions: entities(getProperty(root, 'Conditions')),
    mappings: entities(getProperty(root, 'Mappings')),
    outputs: entities(getProperty(root, 'Outputs')),
    isSam: transforms.some((t) => t.startsWith('AWS::Serverless')),
    transforms,
  };
  cache.set(root, template);
  return template;
}
