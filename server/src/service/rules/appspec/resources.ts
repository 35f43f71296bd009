/**
 * The `Resources` of ECS and Lambda AppSpec files: the keys each target needs (in any accepted
 * spelling), keys of the other platform, a Lambda deployment to the version already live, and
 * all-or-none awsvpc settings.
 */
import type { AstNode } from '../../ast';
import { scalarText } from '../../ast';
import type { DiagnosticCollector, Span } from '../../diagnostics';
import { findAny, getAny } from './keys';
import type { Platform } from './platform';
import { PLATFORM_LABELS, resourceTargets, resourceType } from './platform';

const REQUIRED: Record<'ecs' | 'lambda', string[]> = {
  ecs: ['TaskDefinition', 'LoadBalancerInfo'],
  lambda: ['Name', 'Alias', 'CurrentVersion', 'TargetVersion'],
};
const NETWORK_KEYS = ['Subnets', 'SecurityGroups', 'AssignPublicIp'];

/** Where a missing key of an object is reported: the key holding the object. */
function holderSpan(node: AstNode): Span {
  const parent = node.parent;
  if (parent?.type === 'property') return parent.key;
  return { offset: node.offset, length: Math.min(node.length, 1) };
}

function reportMissing(node: AstNode, keys: string[], where: string, collector: DiagnosticCollector): void {
  const missing = keys.filter((key) => !findAny(node, key));
  if (!missing.length) return;
  collector.report(
    holderSpan(node),
    `Missing required ${missing.length === 1 ? 'key' : 'keys'} ${missing.map((k) => `'${k}'`).join(', ')} in ${where}.`,
    'appspec-missing-key',
    { data: { missing } },
  );
}

export function checkResources(
  root: AstNode,
  platform: Platform | undefined,
  collector: DiagnosticCollector,
): void {
  if (root.type !== 'object') return;
  const resources = findAny(root, 'Resources');
  if ((platform === 'ecs' || platform === 'lambda') && !resources) {
    const first = root.properties[0];
    if (first) {
      collector.report(
        first.key,
        `${PLATFORM_LABELS[platform]} AppSpec files need 'Resources': the ${platform === 'ecs' ? 'service' : 'function'} to deploy.`,
        'appspec-missing-key',
        { data: { missing: ['Resources'] } },
      );
    }
  }
  for (const target of resourceTargets(root)) {
    const node = target.node;
    if (node?.type !== 'object') continue;
    reportMissing(node, ['Type', 'Properties'], `resource '${target.name}'`, collector);
    const type = resourceType(node);
    const targetPlatform =
      type === 'AWS::ECS::Service' ? 'ecs' : type === 'AWS::Lambda::Function' ? 'lambda' : undefined;
    const properties = getAny(node, 'Properties');
    if (!targetPlatform || properties?.type !== 'object') continue;
    reportMissing(properties, REQUIRED[targetPlatform], `the properties of ${type}`, collector);
    const other = targetPlatform === 'ecs' ? 'lambda' : 'ecs';
    for (const key of [
      ...REQUIRED[other],
      ...(other === 'ecs' ? ['PlatformVersion', 'NetworkConfiguration', 'CapacityProviderStrategy'] : []),
    ]) {
      const property = findAny(properties, key);
      if (!property) continue;
      collector.report(
        property.key,
        `'${property.key.value}' belongs to ${PLATFORM_LABELS[other]} deployments, not to ${type}.`,
        'appspec-wrong-platform-key',
        { data: { removable: true } },
      );
    }
    if (targetPlatform === 'ecs') checkEcsProperties(properties, collector);
    else checkLambdaVersions(properties, collector);
  }
}

function checkEcsProperties(properties: AstNode, collector: DiagnosticCollector): void {
  const loadBalancer = getAny(properties, 'LoadBalancerInfo');
  if (loadBalancer?.type === 'object') {
    reportMissing(loadBalancer, ['ContainerName', 'ContainerPort'], 'LoadBalancerInfo', collector);
  }
  const awsvpc = getAny(getAny(properties, 'NetworkConfiguration'), 'AwsvpcConfiguration');
  if (awsvpc?.type !== 'object') return;
  const missing = NETWORK_KEYS.filter((key) => !findAny(awsvpc, key));
  if (missing.length && missing.length < NETWORK_KEYS.length) {
    collector.report(
      holderSpan(awsvpc),
      `Give all of 'Subnets', 'SecurityGroups' and 'AssignPublicIp', or none of them (then the service keeps its current network settings). Missing: ${missing.map((k) => `'${k}'`).join(', ')}.`,
      'appspec-incomplete-network-configuration',
      { data: { missing } },
    );
  }
}

function checkLambdaVersions(properties: AstNode, collector: DiagnosticCollector): void {
  const current = getAny(properties, 'CurrentVersion');
  const target = getAny(properties, 'TargetVersion');
  const currentText = scalarText(current)?.trim();
  if (
    !target ||
    currentText === undefined ||
    currentText === '' ||
    scalarText(target)?.trim() !== currentText
  )
    return;
  collector.report(
    target,
    `TargetVersion is the same as CurrentVersion (${currentText}): the alias already points there, so the deployment shifts no traffic. Set TargetVersion to the newly published version.`,
    'appspec-same-version',
    { severity: 'warning' },
  );
}
