/**
 * Completion of the names a template refers to: Ref targets (parameters, resources,
 * pseudo-parameters), Fn::GetAtt resources then attributes, `${…}` in Fn::Sub, conditions
 * (resource/output `Condition`, Fn::If, `!Condition`), Fn::FindInMap mappings and keys,
 * and DependsOn resources.
 */
import type { CompletionItem } from 'vscode-languageserver-types';
import { CompletionItemKind } from 'vscode-languageserver-types';
import { getNodeAtPath } from '../../ast';
import { PSEUDO_PARAMETERS } from '../../rules/cloudformation/template';
import type { FeatureContext } from '../featureContext';
import type { CfnModel } from './cfnModel';
import { mappingKeys } from './cfnModel';
import type { ValueProposal } from './items';
import { valueItem } from './items';
import type { Site } from './site';

const PSEUDO_DOCS: Record<string, string> = {
  'AWS::AccountId': 'The ID of the AWS account the stack is created in, such as `123456789012`.',
  'AWS::NotificationARNs': 'The list of notification (SNS topic) ARNs of the stack.',
  'AWS::NoValue': 'Removes the property it is the value of. Use it as one branch of `Fn::If`.',
  'AWS::Partition': 'The partition of the Region: `aws`, `aws-cn` or `aws-us-gov`. Use it to build ARNs.',
  'AWS::Region': 'The Region the stack is created in, such as `us-east-1`.',
  'AWS::StackId': 'The ID (ARN) of the stack.',
  'AWS::StackName': 'The name of the stack.',
  'AWS::URLSuffix': 'The domain suffix of the Region, usually `amazonaws.com`.',
};

/** The resource whose definition holds the site, which may not refer to itself. */
function ownResource(site: Site): string | undefined {
  return site.path[0] === 'Resources' && typeof site.path[1] === 'string' ? site.path[1] : undefined;
}

function refTargets(site: Site, model: CfnModel, withPseudo: boolean): ValueProposal[] {
  const own = ownResource(site);
  const out: ValueProposal[] = [];
  for (const [name, p] of model.parameters) {
    out.push({
      value: name,
      kind: CompletionItemKind.Variable,
      group: 1,
      detail: `Parameter${p.type ? ` · ${p.type}` : ''}`,
      documentation: p.description,
    });
  }
  // Conditions and Rules may only refer to parameters (and pseudo-parameters), not resources.
  const parametersOnly = site.path[0] === 'Conditions' || site.path[0] === 'Rules';
  for (const [name, r] of parametersOnly ? [] : model.resources) {
    if (name !== own)
      out.push({ value: name, kind: CompletionItemKind.Reference, group: 2, detail: r.type ?? 'Resource' });
  }
  if (withPseudo) {
    for (const name of PSEUDO_PARAMETERS) {
      out.push({
        value: name,
        kind: CompletionItemKind.Constant,
        group: 3,
        detail: 'Pseudo parameter',
        documentation: PSEUDO_DOCS[name],
      });
    }
  }
  return out;
}

function attributeProposals(context: FeatureContext, model: CfnModel, resource: string): ValueProposal[] {
  const type = model.resources.get(resource)?.type;
  const info = type ? context.schemas.documentedResourceType(type) : undefined;
  return Object.entries(info?.attributes ?? {}).map(([name, attribute]) => ({
    value: name,
    kind: CompletionItemKind.Field,
    group: 1,
    detail: `${type ?? ''} attribute${attribute.type ? ` · ${attribute.type}` : ''}`,
    documentation: attribute.markdownDescription,
  }));
}

/** A site over part of the word (inside a string), where the text goes in as it is. */
function innerSite(site: Site, context: FeatureContext, start: number, end: number): Site {
  const document = context.document;
  return {
    ...site,
    start,
    end,
    quote: undefined,
    needsSpace: false,
    needsComma: false,
    prefix: document.getText().slice(start, site.offset),
    range: { start: document.positionAt(start), end: document.positionAt(end) },
  };
}

function raw(proposals: ValueProposal[], suffix = ''): ValueProposal[] {
  return proposals.map((p) => ({ ...p, text: `${String(p.value)}${suffix}` }));
}

function getAttString(context: FeatureContext, site: Site, model: CfnModel): CompletionItem[] {
  const text = context.document.getText();
  const wordStart = site.start + (site.quote ? 1 : 0);
  const wordEnd =
    site.quote && text[site.end - 1] === site.quote && site.end - 1 >= site.offset ? site.end - 1 : site.end;
  const dot = site.prefix.indexOf('.');
  if (dot >= 0) {
    const inner = innerSite(site, context, wordStart + dot + 1, wordEnd);
    return raw(attributeProposals(context, model, site.prefix.slice(0, dot))).map((p) => valueItem(inner, p));
  }
  const inner = innerSite(site, context, wordStart, wordEnd);
  const own = ownResource(site);
  return [...model.resources.entries()]
    .filter(([name]) => name !== own)
    .map(([name, r]) =>
      valueItem(inner, {
        value: name,
        text: `${name}.`,
        kind: CompletionItemKind.Reference,
        group: 1,
        detail: r.type,
        retrigger: true,
      }),
    );
}

function subVariables(
  context: FeatureContext,
  site: Site,
  model: CfnModel,
  listPath: (string | number)[] | undefined,
): CompletionItem[] {
  const text = context.document.getText();
  const open = /\$\{([^}!]*)$/.exec(site.textBefore);
  if (!open) {
    if (!site.textBefore.endsWith('$')) return [];
    const at = innerSite(site, context, site.offset, site.offset);
    const names = [...refTargets(site, model, true)];
    return names.map((p) =>
      valueItem(at, { ...p, label: `\${${String(p.value)}}`, text: `{${String(p.value)}}` }),
    );
  }
  const typed = open[1];
  let end = site.offset;
  while (end < text.length && /[\w:.]/.test(text[end])) end++;
  const close = text[end] === '}' ? '' : '}';
  const dot = typed.indexOf('.');
  if (dot >= 0) {
    const inner = innerSite(site, context, site.offset - typed.length + dot + 1, end);
    return raw(attributeProposals(context, model, typed.slice(0, dot)), close).map((p) =>
      valueItem(inner, p),
    );
  }
  const inner = innerSite(site, context, site.offset - typed.length, end);
  const proposals = refTargets(site, model, true);
  const list = listPath ? getNodeAtPath(context.state.parsed.root, listPath) : undefined;
  const variables = list?.type === 'array' ? list.items[1] : undefined;
  if (variables?.type === 'object') {
    for (const p of variables.properties)
      proposals.unshift({
        value: p.key.value,
        kind: CompletionItemKind.Variable,
        group: 0,
        detail: 'Fn::Sub variable',
      });
  }
  return raw(proposals, close).map((p) => valueItem(inner, p));
}

function names(site: Site, values: string[], kind: CompletionItemKind, detail: string): CompletionItem[] {
  return values.map((value) => valueItem(site, { value, kind, detail, group: 1 }));
}

/** True where a `Condition` key or `!Condition` names a condition (not a property called Condition). */
function isConditionName(path: (string | number)[]): boolean {
  if (path[path.length - 1] !== 'Condition') return false;
  if (path[0] === 'Conditions' || path[0] === 'Rules') return true;
  if (path.length === 3 && (path[0] === 'Resources' || path[0] === 'Outputs')) return true;
  return path.some((s) => s === 'Fn::And' || s === 'Fn::Or' || s === 'Fn::Not');
}

/** Completions for a value that names something in the template; undefined when the site is not such a value. */
export function referenceCompletions(
  context: FeatureContext,
  site: Site,
  model: CfnModel,
): CompletionItem[] | undefined {
  const path = site.path;
  const last = path[path.length - 1];
  const previous = path[path.length - 2];
  if (last === 'Fn::Sub' || (previous === 'Fn::Sub' && last === 0)) {
    return subVariables(context, site, model, last === 0 ? path.slice(0, -1) : undefined);
  }
  if (site.blockScalar) return undefined;
  if (last === 'Ref') return refTargets(site, model, true).map((p) => valueItem(site, p));
  if (last === 'Fn::GetAtt') return getAttString(context, site, model);
  if (previous === 'Fn::GetAtt' && last === 0) {
    const own = ownResource(site);
    return [...model.resources.entries()]
      .filter(([name]) => name !== own)
      .map(([name, r]) =>
        valueItem(site, { value: name, kind: CompletionItemKind.Reference, group: 1, detail: r.type }),
      );
  }
  if (previous === 'Fn::GetAtt' && last === 1) {
    return site.items[0]
      ? attributeProposals(context, model, site.items[0]).map((p) => valueItem(site, p))
      : [];
  }
  if ((previous === 'Fn::If' && last === 0) || isConditionName(path)) {
    return names(site, model.conditions, CompletionItemKind.Constant, 'Condition');
  }
  if (previous === 'Fn::FindInMap') {
    if (last === 0) return names(site, [...model.mappings.keys()], CompletionItemKind.Struct, 'Mapping');
    const mapping = site.items[0];
    if (!mapping) return [];
    if (last === 1)
      return names(site, mappingKeys(model, mapping), CompletionItemKind.Field, `Key of ${mapping}`);
    if (last === 2)
      return names(
        site,
        mappingKeys(model, mapping, site.items[1]),
        CompletionItemKind.Field,
        `Key in ${mapping}`,
      );
    return [];
  }
  const dependsOn =
    path[0] === 'Resources' &&
    path[2] === 'DependsOn' &&
    (path.length === 3 || (path.length === 4 && typeof last === 'number'));
  if (dependsOn) {
    const own = ownResource(site);
    const listed = new Set(site.items);
    return [...model.resources.entries()]
      .filter(([name]) => name !== own && !listed.has(name))
      .map(([name, r]) =>
        valueItem(site, { value: name, kind: CompletionItemKind.Reference, group: 1, detail: r.type }),
      );
  }
  return undefined;
}
