/**
 * Lifecycle events per compute platform (AWS CodeDeploy AppSpec 'hooks' reference): the events
 * a hook can run at, and the events CodeDeploy runs itself, which cannot be scripted.
 */
import type { Platform } from './platform';

export const HOOK_EVENTS: Record<Platform, readonly string[]> = {
  ec2: [
    'ApplicationStop',
    'BeforeInstall',
    'AfterInstall',
    'ApplicationStart',
    'ValidateService',
    'BeforeBlockTraffic',
    'AfterBlockTraffic',
    'BeforeAllowTraffic',
    'AfterAllowTraffic',
  ],
  ecs: ['BeforeInstall', 'AfterInstall', 'AfterAllowTestTraffic', 'BeforeAllowTraffic', 'AfterAllowTraffic'],
  lambda: ['BeforeAllowTraffic', 'AfterAllowTraffic'],
};

export const RESERVED_EVENTS: Record<Platform, readonly string[]> = {
  ec2: ['Start', 'DownloadBundle', 'Install', 'BlockTraffic', 'AllowTraffic', 'End'],
  ecs: ['Start', 'Install', 'TestTraffic', 'AllowTraffic', 'End'],
  lambda: ['Start', 'AllowTraffic', 'End'],
};

/** The hookable events around a reserved one, to suggest instead. */
export const AROUND_RESERVED: Record<string, string[]> = {
  Start: [],
  End: [],
  DownloadBundle: ['ApplicationStop', 'BeforeInstall'],
  Install: ['BeforeInstall', 'AfterInstall'],
  TestTraffic: ['AfterAllowTestTraffic'],
  BlockTraffic: ['BeforeBlockTraffic', 'AfterBlockTraffic'],
  AllowTraffic: ['BeforeAllowTraffic', 'AfterAllowTraffic'],
};

/** Hookable events when the platform is unknown but the hooks are the list form (ECS or Lambda). */
export const LIST_FORM_EVENTS: readonly string[] = HOOK_EVENTS.ecs;
export const LIST_FORM_RESERVED: readonly string[] = RESERVED_EVENTS.ecs;
