/**
 * The hooks of an AppSpec file: the right form and key for the platform (EC2/on-premises:
 * lowercase `hooks`, a map of event → scripts; ECS/Lambda: a list of `- Event: function`),
 * event names valid for the platform, reserved events, and script timeouts (at most one hour
 * per lifecycle event).
 */
import type { AstNode, PropertyNode } from '../../ast';
import type { Replacements } from '../buildspec/filteredCollector';
import type { DiagnosticCollector } from '../../diagnostics';
import { closest, didYouMean, listWords } from '../../utils/suggest';
import {
  AROUND_RESERVED,
  HOOK_EVENTS,
  LIST_FORM_EVENTS,
  LIST_FORM_RESERVED,
  RESERVED_EVENTS,
} from './events';
import { spellingsOf } from './keys';
import type { Platform } from './platform';
import { PLATFORM_LABELS } from './platform';

export const MAX_EVENT_SECONDS = 3600;

/** The `hooks`/`Hooks` properties of the root. */
export function hookSections(root: AstNode): PropertyNode[] {
  return spellingsOf(root, 'hooks');
}

/** The event keys of a hooks section, in either form. */
function eventProperties(section: PropertyNode): PropertyNode[] {
  const value = section.value;
  if (value?.type === 'object') return value.properties;
  if (value?.type === 'array')
    return value.items.flatMap((item) => (item.type === 'object' ? item.properties : []));
  return [];
}

/** Why a hooks section is in the wrong place or form for the platform (undefined when right). */
function placementProblem(
  section: PropertyNode,
  platform: Platform | undefined,
): { message: string; replacement?: string } | undefined {
  const form = section.value?.type;
  if (platform === 'ec2') {
    if (form === 'array') {
      return {
        message:
          'EC2/on-premises hooks are a map from lifecycle event to scripts (`AfterInstall:` then `- location: scripts/x.sh`), not a list of Lambda functions.',
      };
    }
    if (section.key.value !== 'hooks') {
      return {
        message: `EC2/on-premises script hooks go under lowercase 'hooks', not '${section.key.value}'.`,
        replacement: 'hooks',
      };
    }
  } else if ((platform === 'ecs' || platform === 'lambda') && form === 'object') {
    return {
      message: `${PLATFORM_LABELS[platform]} hooks are a list of Lambda functions (\`- BeforeAllowTraffic: MyHookFunction\`), not a map of scripts.`,
    };
  }
  return undefined;
}

export function hookReplacements(
  root: AstNode,
  platform: Platform | undefined,
  replacements: Replacements,
): void {
  for (const section of hookSections(root)) {
    if (section.value && placementProblem(section, platform)) replacements.addRange(section.value);
    for (const timeout of scriptTimeouts(section)) {
      if (timeout.type === 'number' && timeout.value > MAX_EVENT_SECONDS)
        replacements.add(timeout, 'appspec-value-out-of-range');
    }
  }
}

function scriptTimeouts(section: PropertyNode): AstNode[] {
  if (section.value?.type !== 'object') return [];
  return section.value.properties.flatMap((event) => eventTimeouts(event.value));
}

function eventTimeouts(scripts: AstNode | undefined): AstNode[] {
  if (scripts?.type !== 'array') return [];
  return scripts.items.flatMap((script) => {
    if (script.type !== 'object') return [];
    const timeout = script.properties.find((p) => p.key.value === 'timeout')?.value;
    return timeout ? [timeout] : [];
  });
}

export function checkHooks(
  root: AstNode,
  platform: Platform | undefined,
  collector: DiagnosticCollector,
): void {
  for (const section of hookSections(root)) {
    const placement = placementProblem(section, platform);
    if (placement) {
      collector.report(section.key, placement.message, 'appspec-hook-placement', {
        data: { replacement: placement.replacement },
      });
    }
    const listForm = section.value?.type === 'array';
    for (const event of eventProperties(section)) checkEventName(event, platform, listForm, collector);
    if (!listForm) checkTimeouts(section, collector);
  }
}

function checkEventName(
  event: PropertyNode,
  platform: Platform | undefined,
  listForm: boolean,
  collector: DiagnosticCollector,
): void {
  const name = event.key.value;
  const allowed = platform ? HOOK_EVENTS[platform] : listForm ? LIST_FORM_EVENTS : HOOK_EVENTS.ec2;
  if (allowed.includes(name)) return;
  const label = platform ? `${PLATFORM_LABELS[platform]} deployments` : 'this deployment';
  const reserved = platform ? RESERVED_EVENTS[platform] : listForm ? LIST_FORM_RESERVED : RESERVED_EVENTS.ec2;
  const allReserved = Object.values(RESERVED_EVENTS).some((events) => events.includes(name));
  if (reserved.includes(name) || (allReserved && !isHookableSomewhere(name))) {
    const instead = (AROUND_RESERVED[name] ?? []).filter((e) => allowed.includes(e));
    const use = instead.length ? ` Use ${listWords(instead)} instead.` : '';
    collector.report(
      event.key,
      `'${name}' is run by CodeDeploy itself and cannot have hooks.${use}`,
      'appspec-reserved-hook',
      { data: { alternatives: instead } },
    );
    return;
  }
  const elsewhere = (Object.keys(HOOK_EVENTS) as Platform[]).filter((p) => HOOK_EVENTS[p].includes(name));
  const suggestion = elsewhere.length ? undefined : closest(name, allowed);
  const why = elsewhere.length
    ? `'${name}' is a lifecycle event of ${elsewhere.map((p) => PLATFORM_LABELS[p]).join(' and ')} deployments, not of ${label}.`
    : `'${name}' is not a lifecycle event of ${label}.${didYouMean(suggestion)}`;
  collector.report(event.key, `${why} Hooks can run at ${listWords(allowed)}.`, 'appspec-unknown-hook', {
    data: { replacement: suggestion, alternatives: [...allowed] },
  });
}

function isHookableSomewhere(name: string): boolean {
  return Object.values(HOOK_EVENTS).some((events) => events.includes(name));
}

function checkTimeouts(section: PropertyNode, collector: DiagnosticCollector): void {
  if (section.value?.type !== 'object') return;
  for (const event of section.value.properties) {
    let total = 0;
    for (const timeout of eventTimeouts(event.value)) {
      if (timeout.type !== 'number') continue;
      total += timeout.value;
      if (timeout.value > MAX_EVENT_SECONDS) {
        collector.report(
          timeout,
          `A script timeout can be at most ${MAX_EVENT_SECONDS} seconds (one hour, the limit for each lifecycle event); found ${timeout.source}.`,
          'appspec-hook-timeout',
          { data: { replacement: String(MAX_EVENT_SECONDS) } },
        );
      }
    }
    if (total > MAX_EVENT_SECONDS && eventTimeouts(event.value).length > 1) {
      collector.report(
        event.key,
        `The scripts of '${event.key.value}' may take ${total} seconds together, but each lifecycle event has at most ${MAX_EVENT_SECONDS} seconds: the deployment fails when the event runs longer.`,
        'appspec-hook-total-timeout',
        { severity: 'warning' },
      );
    }
  }
}
