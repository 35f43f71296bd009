/**
 * Hover in buildspec, appspec and ECS task definition files: the key's documentation from the
 * kind's schema, the CodeDeploy lifecycle events with their order, and the notes about them.
 */
import type { AstNode, JsonPath } from '../../ast';
import { getNodeAtOffset, getNodePath, isScalar, keyOwner, scalarText } from '../../ast';
import type { FeatureContext } from '../featureContext';
import type { Kind } from '../../kinds';
import { KIND_LABELS } from '../../kinds';
import { KIND_RESOURCE_TYPES } from '../../notes/topics';
import { schemaForPath } from '../schemaLookup';
import { detectPlatform } from '../../rules/appspec/platform';
import { lifecycleEventDoc } from './appspecHooks';
import type { HoverResult } from './common';
import { isNameLike, keyChain, owningProperty, spanOf } from './common';
import { schemaDoc } from './schemaDocs';

type FileKind = Exclude<Kind, 'cloudformation'>;

/** `hooks.<Event>` (EC2 map) or `hooks[i].<Event>` / `Hooks[i].<Event>` (ECS and Lambda lists). */
function lifecycleEvent(path: JsonPath): string | undefined {
  const [first, second, third] = path;
  if (typeof first !== 'string' || !/^hooks$/i.test(first)) return undefined;
  if (path.length === 2 && typeof second === 'string') return second;
  if (path.length === 3 && typeof second === 'number' && typeof third === 'string') return third;
  return undefined;
}

function keyHover(
  context: FeatureContext,
  kind: FileKind,
  path: JsonPath,
  span: HoverResult['span'],
  value?: AstNode,
  listed: string[] = [],
): HoverResult | undefined {
  const resourceTypes = KIND_RESOURCE_TYPES[kind];
  if (kind === 'appspec') {
    const event = lifecycleEvent(path);
    const doc = event ? lifecycleEventDoc(event, detectPlatform(context.state.parsed.root)) : undefined;
    if (event && doc) return { docs: [doc], notes: { terms: [event, 'hooks'], resourceTypes }, span };
  }
  const location = schemaForPath(context, path, { docs: true });
  const doc = location ? schemaDoc(location, { context: `${KIND_LABELS[kind]} key` }) : undefined;
  const terms = keyChain(path);
  const text = value && isScalar(value) ? scalarText(value) : undefined;
  if (!doc && !location?.schema) return undefined;
  const named = text && isNameLike(text) ? text : undefined;
  return {
    docs: doc ? [doc] : [],
    // The names listed under a key (`requiresCompatibilities: ["FARGATE"]`) refine its notes.
    notes: terms.length
      ? { value: named, terms, resourceTypes, related: listed.length ? listed : undefined }
      : undefined,
    span,
  };
}

export function fileKindHover(
  context: FeatureContext,
  offset: number,
  kind: FileKind,
): HoverResult | undefined {
  const node = getNodeAtOffset(context.state.parsed.root, offset);
  if (!node) return undefined;
  const owner = keyOwner(node);
  if (owner) {
    const items = owner.value?.type === 'array' ? owner.value.items.map(scalarText) : [];
    const listed = items.filter((t): t is string => !!t && isNameLike(t)).slice(0, 5);
    return keyHover(context, kind, getNodePath(node), spanOf(node), undefined, listed);
  }
  if (node.type === 'object' || node.type === 'array') return undefined;
  const property = owningProperty(node);
  if (!property) return undefined;
  return keyHover(context, kind, getNodePath(property.key), spanOf(node), node);
}
