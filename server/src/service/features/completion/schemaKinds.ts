/**
 * Completion for buildspec, appspec and ECS task definition files: keys and allowed values from
 * the kind's schema at the cursor, plus what the schema cannot say — the lifecycle event names of
 * an AppSpec file's platform and one spelling for AppSpec keys written in several letter cases.
 */
import type { CompletionItem } from 'vscode-languageserver-types';
import { CompletionItemKind } from 'vscode-languageserver-types';
import { getProperty } from '../../ast';
import { HOOK_EVENTS } from '../../rules/appspec/events';
import type { Platform } from '../../rules/appspec/platform';
import { detectPlatform } from '../../rules/appspec/platform';
import type { FeatureContext } from '../featureContext';
import type { Kind } from '../../kinds';
import { schemaAtPath } from '../../schemas/schemaStore';
import type { KeyProposal } from './items';
import { keyItem, valueItem } from './items';
import { numberProposals } from './numberProposals';
import { propertyProposals, valueProposals } from './schemaProposals';
import type { Site } from './site';

const EVENT_DOCS: Record<string, string> = {
  ApplicationStop: 'Runs first, before the new revision is downloaded: stop the application that is running.',
  BeforeInstall:
    'EC2: before the files are copied (decrypt files, back up). ECS: before the replacement task set is created.',
  AfterInstall:
    'EC2: after the files are copied (configure, set permissions). ECS: after the replacement task set is created.',
  ApplicationStart: 'Start the services that ApplicationStop stopped.',
  ValidateService: 'Check that the deployment worked. The last hook of an in-place deployment.',
  BeforeBlockTraffic: 'Before the instance is deregistered from its load balancer.',
  AfterBlockTraffic: 'After the instance is deregistered from its load balancer.',
  AfterAllowTestTraffic: 'ECS: after the test listener routes traffic to the replacement task set.',
  BeforeAllowTraffic:
    'Before production traffic shifts to the new version (instance, task set or Lambda version).',
  AfterAllowTraffic: 'After production traffic has shifted to the new version.',
};

const TOP_LEVEL: Record<Platform | 'any', string[]> = {
  ec2: ['version', 'os', 'files', 'file_exists_behavior', 'permissions', 'hooks'],
  ecs: ['version', 'Resources', 'Hooks'],
  lambda: ['version', 'Resources', 'Hooks'],
  any: ['version', 'os', 'files', 'file_exists_behavior', 'permissions', 'hooks', 'Resources', 'Hooks'],
};

function appspecPlatform(context: FeatureContext): Platform | undefined {
  const detected = detectPlatform(context.state.parsed.root);
  if (detected) return detected;
  const text = context.document.getText();
  if (text.includes('AWS::ECS::Service')) return 'ecs';
  if (text.includes('AWS::Lambda::Function')) return 'lambda';
  if (/^(os|files|permissions)\s*:/m.test(text)) return 'ec2';
  return undefined;
}

/** Events already hooked in list-form hooks (`- Event: function`), in any item. */
function usedListEvents(context: FeatureContext): Set<string> {
  const used = new Set<string>();
  const root = context.state.parsed.root;
  for (const key of ['Hooks', 'hooks']) {
    const list = getProperty(root, key);
    if (list?.type !== 'array') continue;
    for (const item of list.items)
      if (item.type === 'object') for (const p of item.properties) used.add(p.key.value);
  }
  return used;
}

function eventProposals(events: readonly string[], mapForm: boolean): KeyProposal[] {
  return events.map((name, order) => ({
    name,
    shape: mapForm ? 'array' : 'string',
    documentation: EVENT_DOCS[name],
    kind: CompletionItemKind.Event,
    group: 1,
    order,
    yamlBody: mapForm ? ['- location: $1', '  timeout: ${2:300}'] : undefined,
    jsonValue: mapForm ? '[{"location": "$1", "timeout": ${2:300}}]' : undefined,
  }));
}

/** Keys written in several letter cases (`TaskDefinition`, `taskdefinition`) are offered once. */
function oneSpelling(site: Site, proposals: KeyProposal[]): KeyProposal[] {
  const written = new Set([...site.existingKeys].map((k) => k.toLowerCase()));
  const chosen = new Map<string, KeyProposal>();
  for (const p of proposals) {
    const lower = p.name.toLowerCase();
    if (written.has(lower)) continue;
    const current = chosen.get(lower);
    if (!current || (/^[A-Z]/.test(p.name) && !/^[A-Z]/.test(current.name))) chosen.set(lower, p);
  }
  return [...chosen.values()];
}

function appspecKeys(context: FeatureContext, site: Site, proposals: KeyProposal[]): KeyProposal[] {
  const platform = appspecPlatform(context);
  const path = site.path;
  if (path.length === 0) {
    const allowed = new Set(TOP_LEVEL[platform ?? 'any']);
    const written = new Set([...site.existingKeys].map((k) => k.toLowerCase()));
    return proposals.filter((p) => allowed.has(p.name) && !written.has(p.name.toLowerCase()));
  }
  const section = String(path[0]).toLowerCase();
  if (section === 'hooks' && path.length === 1 && !site.flow) {
    const events = HOOK_EVENTS[platform === 'ecs' || platform === 'lambda' ? platform : 'ec2'];
    return eventProposals(events, true).filter((p) => !site.existingKeys.has(p.name));
  }
  if (section === 'hooks' && path.length === 2 && typeof path[1] === 'number') {
    const used = usedListEvents(context);
    const events = HOOK_EVENTS[platform === 'lambda' ? 'lambda' : 'ecs'];
    return eventProposals(events, false).filter((p) => !used.has(p.name) && !site.existingKeys.has(p.name));
  }
  return oneSpelling(site, proposals);
}

export function completeSchemaKind(
  context: FeatureContext,
  site: Site,
  kind: Exclude<Kind, 'cloudformation'>,
): CompletionItem[] {
  const root = context.schemas.kindSchema(kind);
  if (!root || site.tag || site.blockScalar) return [];
  const schema = schemaAtPath(root, site.path);
  const items: CompletionItem[] = [];
  if (site.mode === 'value' || site.ambiguous) {
    const valueSite: Site = { ...site, mode: 'value' };
    const name = String([...site.path].reverse().find((s) => typeof s === 'string') ?? '');
    const proposals = [...valueProposals(root, schema), ...numberProposals(root, schema, name)];
    items.push(...proposals.map((p) => valueItem(valueSite, p)));
  }
  if (site.mode === 'key') {
    let proposals = propertyProposals(root, schema, site.existingKeys);
    if (kind === 'appspec') proposals = appspecKeys(context, site, proposals);
    items.push(...proposals.map((p) => keyItem(site, p)));
  }
  return items;
}
