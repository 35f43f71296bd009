/**
 * A small neutral model of an ECS task definition, built from the camelCase JSON of
 * register-task-definition or from the PascalCase Properties of CloudFormation's
 * AWS::ECS::TaskDefinition, so that one set of checks serves both. Every field keeps its nodes
 * for positions; a value that is only known at deploy time (an intrinsic function, a `${…}` or
 * `<…>` placeholder) is marked dynamic and the checks leave it alone.
 */
import type { AstNode, ObjectNode, PropertyNode } from '../../ast';
import { findProperty } from '../../ast';

export type KeyStyle = 'camel' | 'pascal';

export interface Field {
  /** The property as written, when present. */
  property?: PropertyNode;
  /** Its value node. */
  node?: AstNode;
  /** The value is only known at deploy time. */
  dynamic: boolean;
}

export interface PortMappingModel {
  node: ObjectNode;
  containerPort: Field;
  hostPort: Field;
}

export interface ContainerModel {
  node: ObjectNode;
  index: number;
  name: Field;
  image: Field;
  essential: Field;
  memory: Field;
  memoryReservation: Field;
  portMappings: PortMappingModel[];
  logDriver: Field;
  logOptions: Field;
  logSecretOptions: Field;
  secrets: Field;
  repositoryCredentials: Field;
  dependsOn: { node: ObjectNode; containerName: Field }[];
}

export interface TaskModel {
  style: KeyStyle;
  root: ObjectNode;
  requiresCompatibilities: Field;
  networkMode: Field;
  cpu: Field;
  memory: Field;
  executionRoleArn: Field;
  taskRoleArn: Field;
  operatingSystemFamily: Field;
  containerDefinitions: Field;
  containers: ContainerModel[];
  /** Some container entries are not plain objects: checks over all containers are skipped. */
  containersIncomplete: boolean;
}

/** The key as written in a style: `networkMode` or `NetworkMode`. */
export function styledKey(style: KeyStyle, camel: string): string {
  return style === 'camel' ? camel : camel[0].toUpperCase() + camel.slice(1);
}

/** A `${…}` or `<…>` placeholder that a pipeline replaces before the definition is registered. */
export function isPlaceholder(node: AstNode | undefined): boolean {
  return node?.type === 'string' && /\$\{[^}]+\}|<[A-Za-z0-9_.-]+>/.test(node.value);
}

export function stringOf(field: Field): string | undefined {
  return !field.dynamic && field.node?.type === 'string' ? field.node.value : undefined;
}

export function numberOf(field: Field): number | undefined {
  if (field.dynamic || !field.node) return undefined;
  if (field.node.type === 'number') return field.node.value;
  // CloudFormation and JSON files sometimes quote numbers; the services read them as numbers.
  if (field.node.type === 'string' && /^\s*\d+\s*$/.test(field.node.value)) return Number(field.node.value);
  return undefined;
}

export function booleanOf(field: Field): boolean | undefined {
  if (field.dynamic || !field.node) return undefined;
  if (field.node.type === 'boolean') return field.node.value;
  if (field.node.type === 'string' && /^(true|false)$/i.test(field.node.value))
    return field.node.value.toLowerCase() === 'true';
  return undefined;
}

/** The items of a list field (none when absent, dynamic or not a list). */
export function itemsOf(field: Field): AstNode[] {
  return !field.dynamic && field.node?.type === 'array' ? field.node.items : [];
}

export function buildTaskModel(
  root: ObjectNode,
  style: KeyStyle,
  isDynamic: (node: AstNode) => boolean,
): TaskModel {
  const dynamic = (node: AstNode | undefined): boolean => !!node && (isDynamic(node) || isPlaceholder(node));
  const field = (object: AstNode | undefined, camel: string): Field => {
    if (object?.type !== 'object' || dynamic(object)) return { dynamic: dynamic(object) };
    const property = findProperty(object, styledKey(style, camel));
    return { property, node: property?.value, dynamic: dynamic(property?.value) };
  };
  const objects = (list: Field): { objects: ObjectNode[]; incomplete: boolean } => {
    if (list.dynamic) return { objects: [], incomplete: true };
    const items = itemsOf(list);
    const plain = items.filter((item): item is ObjectNode => item.type === 'object' && !dynamic(item));
    return { objects: plain, incomplete: plain.length !== items.length };
  };

  const containerDefinitions = field(root, 'containerDefinitions');
  const containerList = objects(containerDefinitions);
  const containers = containerList.objects.map((node, index): ContainerModel => {
    const logConfiguration = field(node, 'logConfiguration');
    return {
      node,
      index,
      name: field(node, 'name'),
      image: field(node, 'image'),
      essential: field(node, 'essential'),
      memory: field(node, 'memory'),
      memoryReservation: field(node, 'memoryReservation'),
      portMappings: objects(field(node, 'portMappings')).objects.map((mapping) => ({
        node: mapping,
        containerPort: field(mapping, 'containerPort'),
        hostPort: field(mapping, 'hostPort'),
      })),
      logDriver: field(logConfiguration.node, 'logDriver'),
      logOptions: field(logConfiguration.node, 'options'),
      logSecretOptions: field(logConfiguration.node, 'secretOptions'),
      secrets: field(node, 'secrets'),
      repositoryCredentials: field(node, 'repositoryCredentials'),
      dependsOn: objects(field(node, 'dependsOn')).objects.map((dependency) => ({
        node: dependency,
        containerName: field(dependency, 'containerName'),
      })),
    };
  });
  return {
    style,
    root,
    requiresCompatibilities: field(root, 'requiresCompatibilities'),
    networkMode: field(root, 'networkMode'),
    cpu: field(root, 'cpu'),
    memory: field(root, 'memory'),
    executionRoleArn: field(root, 'executionRoleArn'),
    taskRoleArn: field(root, 'taskRoleArn'),
    operatingSystemFamily: field(field(root, 'runtimePlatform').node, 'operatingSystemFamily'),
    containerDefinitions,
    containers,
    containersIncomplete: containerList.incomplete,
  };
}
