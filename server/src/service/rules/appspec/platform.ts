/**
 * Which compute platform an AppSpec file deploys to: EC2/on-premises (os, files, permissions,
 * script hooks), Amazon ECS (a `Resources` entry of type AWS::ECS::Service) or AWS Lambda (type
 * AWS::Lambda::Function). Undefined when the file does not say.
 */
import type { AstNode } from '../../ast';
import { getProperty, stringValue } from '../../ast';
import { getAny } from './keys';

export type Platform = 'ec2' | 'ecs' | 'lambda';

export const PLATFORM_LABELS: Record<Platform, string> = {
  ec2: 'EC2/on-premises',
  ecs: 'Amazon ECS',
  lambda: 'AWS Lambda',
};

/** Top-level keys only EC2/on-premises AppSpec files have. */
export const EC2_ONLY_KEYS = ['os', 'files', 'permissions', 'file_exists_behavior'] as const;

/** Hook events only an ECS deployment has (Lambda deployments have the other two). */
const ECS_ONLY_EVENTS = new Set(['BeforeInstall', 'AfterInstall', 'AfterAllowTestTraffic']);

/** The deployment targets listed under Resources: each list item is `- Name: {Type, Properties}`. */
export function resourceTargets(root: AstNode | undefined): { name: string; node: AstNode | undefined }[] {
  const resources = getAny(root, 'Resources');
  if (resources?.type !== 'array') return [];
  return resources.items.flatMap((item) =>
    item.type === 'object' ? item.properties.map((p) => ({ name: p.key.value, node: p.value })) : [],
  );
}

export function resourceType(target: AstNode | undefined): string | undefined {
  return stringValue(getAny(target, 'Type'));
}

/** Event names of list-form hooks (`- EventName: function`). */
export function listHookEvents(hooks: AstNode | undefined): string[] {
  if (hooks?.type !== 'array') return [];
  return hooks.items.flatMap((item) =>
    item.type === 'object' ? item.properties.map((p) => p.key.value) : [],
  );
}

export function detectPlatform(root: AstNode | undefined): Platform | undefined {
  if (root?.type !== 'object') return undefined;
  for (const target of resourceTargets(root)) {
    const type = resourceType(target.node);
    if (type === 'AWS::ECS::Service') return 'ecs';
    if (type === 'AWS::Lambda::Function') return 'lambda';
  }
  if (EC2_ONLY_KEYS.some((key) => getProperty(root, key) !== undefined)) return 'ec2';
  const hooks = getAny(root, 'hooks');
  if (hooks?.type === 'object') return 'ec2';
  if (listHookEvents(hooks).some((event) => ECS_ONLY_EVENTS.has(event))) return 'ecs';
  return undefined;
}
