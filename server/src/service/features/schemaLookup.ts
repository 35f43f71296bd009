/**
 * Which JSON schema describes a node: for CloudFormation, the resource type's schema at the
 * property path below `Properties`; for the other kinds, the kind's schema at the node's path.
 * Hover and completion both start here.
 */
import type { AstNode, JsonPath, PropertyNode } from '../ast';
import { getNodePath } from '../ast';
import { getTemplate } from '../rules/cloudformation/template';
import type { FeatureContext } from './featureContext';
import type { JsonSchema } from '../schemas/schemaStore';
import { schemaAtPath } from '../schemas/schemaStore';

export interface SchemaLocation {
  /** The root schema (a resource type's Properties schema, or a kind's schema). */
  root: JsonSchema;
  /** The schema at the path, if the path is known to it. */
  schema: JsonSchema | undefined;
  /** The path inside the root schema (intrinsic-function wrappers removed). */
  path: JsonPath;
  /** CloudFormation: the resource type and logical ID the node belongs to. */
  resourceType?: string;
  logicalId?: string;
}

/** Removes `Fn::If` wrappers from a path: [X, 'Fn::If', 1, Y] → [X, Y]. */
export function stripIntrinsics(path: JsonPath): JsonPath {
  const out: JsonPath = [];
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (segment === 'Fn::If' && typeof path[i + 1] === 'number') {
      i++;
      continue;
    }
    out.push(segment);
  }
  return out;
}

/**
 * `docs`: a CloudFormation schema with its documentation (hover, completion), which reads the
 * service's documentation file; without, only what validation reads (quick fixes).
 */
export function schemaForPath(
  context: FeatureContext,
  fullPath: JsonPath,
  { docs = false }: { docs?: boolean } = {},
): SchemaLocation | undefined {
  const kind = context.state.kind;
  if (!kind) return undefined;
  if (kind === 'cloudformation') {
    if (fullPath[0] !== 'Resources' || typeof fullPath[1] !== 'string' || fullPath[2] !== 'Properties')
      return undefined;
    const template = getTemplate(context.state.parsed.root);
    const resource = template?.resources.get(fullPath[1]);
    if (!resource?.type) return undefined;
    const info = docs
      ? context.schemas.documentedResourceType(resource.type)
      : context.schemas.resourceType(resource.type);
    if (!info) return undefined;
    const path = stripIntrinsics(fullPath.slice(3));
    return {
      root: info.schema,
      schema: schemaAtPath(info.schema, path),
      path,
      resourceType: resource.type,
      logicalId: resource.name,
    };
  }
  const root = context.schemas.kindSchema(kind);
  if (!root) return undefined;
  return { root, schema: schemaAtPath(root, fullPath), path: fullPath };
}

/** The schema of a node (a value, or a property by its key). */
export function schemaForNode(
  context: FeatureContext,
  node: AstNode | PropertyNode,
  options: { docs?: boolean } = {},
): SchemaLocation | undefined {
  return schemaForPath(context, getNodePath(node), options);
}
