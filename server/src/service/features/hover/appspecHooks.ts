/**
 * CodeDeploy lifecycle events: what each one is for and where it runs in the deployment of each
 * compute platform, in our own words (facts from the CodeDeploy User Guide, "AppSpec 'hooks'
 * section"). Events in parentheses belong to CodeDeploy itself and cannot run a hook.
 */
import type { Platform } from '../../rules/appspec/platform';
import { PLATFORM_LABELS } from '../../rules/appspec/platform';

interface EventDoc {
  summary: string;
  platforms: Platform[];
  /** Reserved for CodeDeploy (no script or function can run). */
  reserved?: boolean;
}

export const LIFECYCLE_EVENTS: Record<string, EventDoc> = {
  ApplicationStop: {
    summary:
      'Stop the running application before the new revision is downloaded, or uninstall what the next install replaces. The scripts come from the **last successfully deployed** revision, so this hook does not run on the first deployment to an instance.',
    platforms: ['ec2'],
  },
  DownloadBundle: {
    summary: 'The CodeDeploy agent copies the revision to a temporary folder on the instance.',
    platforms: ['ec2'],
    reserved: true,
  },
  BeforeInstall: {
    summary:
      'EC2/on-premises: preparation before the files are copied, such as decrypting files or backing up the current version. ECS: runs before the replacement task set is created (no rollback is possible yet).',
    platforms: ['ec2', 'ecs'],
  },
  Install: {
    summary:
      "EC2/on-premises: the agent copies the revision's `files` to their destinations. ECS: the replacement task set is created.",
    platforms: ['ec2', 'ecs'],
    reserved: true,
  },
  AfterInstall: {
    summary:
      'EC2/on-premises: after the files are in place — configure the application, change permissions. ECS: runs once the replacement task set exists and a target group points at it.',
    platforms: ['ec2', 'ecs'],
  },
  ApplicationStart: {
    summary: 'Start (or restart) the services stopped in `ApplicationStop`.',
    platforms: ['ec2'],
  },
  ValidateService: {
    summary:
      'Runs after `ApplicationStart`: check that the new version works (a health check). A failing script fails the deployment.',
    platforms: ['ec2'],
  },
  BeforeBlockTraffic: {
    summary: 'Runs on an instance before it is deregistered from its load balancer.',
    platforms: ['ec2'],
  },
  BlockTraffic: {
    summary: 'The instance is deregistered from the load balancer, so it stops receiving traffic.',
    platforms: ['ec2'],
    reserved: true,
  },
  AfterBlockTraffic: {
    summary: 'Runs on an instance after it is deregistered from its load balancer.',
    platforms: ['ec2'],
  },
  TestTraffic: {
    summary: 'ECS: the test listener sends traffic to the replacement task set.',
    platforms: ['ecs'],
    reserved: true,
  },
  AfterAllowTestTraffic: {
    summary:
      'ECS: runs after the test listener sends traffic to the replacement task set — the place for tests against the new version.',
    platforms: ['ecs'],
  },
  BeforeAllowTraffic: {
    summary:
      'EC2/on-premises: before the instance is registered with the load balancer. ECS: after the second target group is attached to the replacement task set, before production traffic moves. Lambda: before traffic shifts to the new function version.',
    platforms: ['ec2', 'ecs', 'lambda'],
  },
  AllowTraffic: {
    summary:
      'Production traffic moves to the new version (instance registered, task set or function version serving).',
    platforms: ['ec2', 'ecs', 'lambda'],
    reserved: true,
  },
  AfterAllowTraffic: {
    summary:
      'Runs after production traffic has moved to the new version (instance, replacement task set or function version).',
    platforms: ['ec2', 'ecs', 'lambda'],
  },
};

const EC2_IN_PLACE = [
  'ApplicationStop',
  'DownloadBundle',
  'BeforeInstall',
  'Install',
  'AfterInstall',
  'ApplicationStart',
  'ValidateService',
];

export const LIFECYCLE_ORDER: Record<string, { platform: Platform; label: string; events: string[] }> = {
  ec2: { platform: 'ec2', label: 'EC2/on-premises, in-place', events: EC2_IN_PLACE },
  ec2LoadBalancer: {
    platform: 'ec2',
    label:
      'EC2/on-premises behind a load balancer (in-place; in blue/green, the original instances run the block events and the replacement instances the rest)',
    events: [
      'BeforeBlockTraffic',
      'BlockTraffic',
      'AfterBlockTraffic',
      ...EC2_IN_PLACE,
      'BeforeAllowTraffic',
      'AllowTraffic',
      'AfterAllowTraffic',
    ],
  },
  ecs: {
    platform: 'ecs',
    label: 'Amazon ECS (blue/green)',
    events: [
      'BeforeInstall',
      'Install',
      'AfterInstall',
      'TestTraffic',
      'AfterAllowTestTraffic',
      'BeforeAllowTraffic',
      'AllowTraffic',
      'AfterAllowTraffic',
    ],
  },
  lambda: {
    platform: 'lambda',
    label: 'AWS Lambda',
    events: ['BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic'],
  },
};

export const HOOKS_DOC_URL =
  'https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-hooks.html';

function orderLine(events: string[], current: string): string {
  return events
    .map((e) => {
      const name = LIFECYCLE_EVENTS[e]?.reserved ? `(${e})` : e;
      return e === current ? `**${name}**` : name;
    })
    .join(' → ');
}

/** Hover Markdown for a lifecycle event name (undefined when the name is not one). */
export function lifecycleEventDoc(event: string, platform: Platform | undefined): string | undefined {
  const doc = Object.hasOwn(LIFECYCLE_EVENTS, event) ? LIFECYCLE_EVENTS[event] : undefined;
  if (!doc) return undefined;
  const where = platform ? [platform] : doc.platforms;
  const lines = [
    `**${event}** — CodeDeploy lifecycle event (${doc.platforms.map((p) => PLATFORM_LABELS[p]).join(', ')})`,
    doc.summary,
  ];
  if (doc.reserved) lines.push('Reserved for CodeDeploy: an AppSpec file cannot attach a hook to it.');
  if (platform && !doc.platforms.includes(platform)) {
    lines.push(`Not an event of ${PLATFORM_LABELS[platform]} deployments.`);
  }
  const orders = Object.values(LIFECYCLE_ORDER).filter(
    (o) => where.includes(o.platform) && o.events.includes(event),
  );
  if (orders.length) {
    lines.push(
      [
        "Order of the lifecycle events (CodeDeploy's own in parentheses):",
        ...orders.map((o) => `- ${o.label}: ${orderLine(o.events, event)}`),
      ].join('\n'),
    );
  }
  lines.push(`[AppSpec hooks reference](${HOOKS_DOC_URL})`);
  return lines.join('\n\n');
}
