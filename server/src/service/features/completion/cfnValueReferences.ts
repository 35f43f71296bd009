/**
 * References as whole values of a property (`Role: |` → `!GetAtt ExecRole.Arn`, `!Ref RoleParam`):
 * the template's names whose value has the property's type. Parameters of a fitting type
 * (Number for numbers, list types for lists, the others for strings); attributes of other
 * resources whose name ends like the property (`…Arn` → `Arn`, `StreamArn`; "name or ARN" in the
 * docs counts); `!Ref` of a resource only where the property is that type's ID (`VpcId` ←
 * AWS::EC2::VPC), since what Ref returns differs by type; pseudo parameters and a
 * `!Sub ${AWS::StackName}-…` name for strings. Nothing is proposed whose type would not fit.
 */
import { CompletionItemKind } from 'vscode-languageserver-types';
import { getNodeAtPath, scalarText } from '../../ast';
import type { FeatureContext } from '../featureContext';
import type { ValueShape, ValueProposal } from './items';
import { snippetText } from './items';
import type { CfnModel } from './cfnModel';
import type { Site } from './site';

/** Pseudo parameters whose value is one string, and the words of a property they make sense for. */
const PSEUDO_WORDS: [string, string[]][] = [
  ['AWS::StackName', ['name', 'stack']],
  ['AWS::Region', ['region']],
  ['AWS::AccountId', ['account', 'owner']],
  ['AWS::Partition', ['partition']],
  ['AWS::URLSuffix', ['suffix', 'domain']],
  ['AWS::StackId', ['stack']],
];

/** The words of a CamelCase name, lower case (`SecurityGroupIds` → security, group, ids). */
function camelWords(name: string): string[] {
  return (name.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+/g) ?? []).map((w) => w.toLowerCase());
}

/** What a property holds, by the last word of its name (`SubnetIds` → id) or its docs ("ARN"). */
function valueWords(property: string, description: string): string[] {
  const last = (camelWords(property).pop() ?? '').replace(/^(arn|id|url|name)s$/, '$1');
  const out = new Set<string>();
  if (/^(arn|id|url|name)$/.test(last)) out.add(last);
  if (/\bARNs?\b|Amazon Resource Name/.test(description.split(/\n\n/)[0] ?? '')) out.add('arn');
  return [...out];
}

function typeWord(type: string | undefined): string | undefined {
  return type?.split('::')[2];
}

/** True when the words of `part` appear in a row among the words of `name`. */
function hasWords(name: string[], part: string[]): boolean {
  if (!part.length) return false;
  for (let i = 0; i + part.length <= name.length; i++)
    if (part.every((w, j) => name[i + j] === w)) return true;
  return false;
}

/** The property names the resource type (`SecurityGroupIds` ← AWS::EC2::SecurityGroup). */
function namesType(property: string, type: string | undefined): boolean {
  const word = typeWord(type);
  return !!word && hasWords(camelWords(property), camelWords(word));
}

const typeWordsCache = new WeakMap<object, string[][]>();

/** Type names that are also generic words of properties (`EventSourceArn`: a queue, a stream, a table …). */
const GENERIC = new Set(['EventSource', 'Source', 'Target', 'Resource', 'Destination']);

/** True when the property's name names any resource type there is (`Role`, `KmsKeyId`), not a generic target (`EventSourceArn`). */
function namesSomeType(context: FeatureContext, property: string): boolean {
  let all = typeWordsCache.get(context.schemas);
  if (!all) {
    const seen = new Set<string>();
    for (const type of context.schemas.resourceTypeNames()) seen.add(typeWord(type) ?? '');
    all = [...seen].filter((w) => w.length > 2 && !GENERIC.has(w)).map(camelWords);
    typeWordsCache.set(context.schemas, all);
  }
  const words = camelWords(property);
  return all.some((part) => hasWords(words, part));
}

function refText(site: Site, name: string): string {
  return site.format === 'json' ? `{"Ref": ${JSON.stringify(name)}}` : `!Ref ${name}`;
}

function getAttText(site: Site, resource: string, attribute: string): string {
  return site.format === 'json'
    ? `{"Fn::GetAtt": [${JSON.stringify(resource)}, ${JSON.stringify(attribute)}]}`
    : `!GetAtt ${resource}.${attribute}`;
}

function reference(text: string, filter: string, more: Partial<ValueProposal>): ValueProposal {
  return {
    value: text,
    label: text,
    text,
    literal: true,
    filter,
    kind: CompletionItemKind.Reference,
    ...more,
  };
}

function parameterFits(type: string | undefined, shape: ValueShape): boolean {
  const list =
    !!type &&
    (/^List<|^CommaDelimitedList$/.test(type) || /Value<List<|Value<CommaDelimitedList>/.test(type));
  if (shape === 'array') return list;
  if (shape === 'number') return type === 'Number';
  return shape === 'string' && !list && type !== 'Number';
}

export interface PropertyValue {
  /** The property's name (the last key of the path). */
  name: string;
  shape: ValueShape;
  description: string;
  /** The property has allowed values (offered already): only parameters are proposed besides. */
  choices: boolean;
}

/** `!Ref` / `!GetAtt` / `!Sub` values for a property, best first (names like the property's before others). */
export function propertyReferences(
  context: FeatureContext,
  site: Site,
  model: CfnModel,
  property: PropertyValue,
): ValueProposal[] {
  const own = site.path[0] === 'Resources' ? site.path[1] : undefined;
  const out: ValueProposal[] = [];
  const lowerName = property.name.toLowerCase();
  for (const [name, p] of model.parameters) {
    if (!parameterFits(p.type, property.shape)) continue;
    const alike = lowerName.includes(name.toLowerCase()) || name.toLowerCase().includes(lowerName);
    out.push(
      reference(refText(site, name), name, {
        kind: CompletionItemKind.Variable,
        detail: `Parameter${p.type ? ` · ${p.type}` : ''}`,
        documentation: p.description,
        group: alike ? 3 : 4,
      }),
    );
  }
  if (property.shape !== 'string' || property.choices) return out;
  const words = valueWords(property.name, property.description);
  const resources = [...model.resources].filter(([name]) => name !== own);
  const related = resources.filter(([, r]) => namesType(property.name, r.type));
  // A property that names a type takes only resources of that type; a generic one (EventSourceArn) any.
  const candidates = related.length || namesSomeType(context, property.name) ? related : resources;
  for (const [name, r] of candidates) {
    const ofType = related.some(([n]) => n === name);
    const idOfType =
      ofType && words.includes('id') && new RegExp(`${typeWord(r.type) ?? ''}Ids?$`, 'i').test(property.name);
    if (idOfType) out.push(reference(refText(site, name), name, { detail: `${r.type ?? ''} ID`, group: 3 }));
    const info = r.type ? context.schemas.resourceType(r.type) : undefined;
    for (const [attribute, a] of Object.entries(info?.attributes ?? {})) {
      if (a.type && a.type !== 'string') continue;
      const ending = camelWords(attribute.split('.').pop() ?? attribute).pop() ?? '';
      if (!words.includes(ending)) continue;
      // The documentation file is read only for a type that has a fitting attribute.
      const documented = context.schemas.documentedResourceType(info?.name ?? '');
      out.push(
        reference(getAttText(site, name, attribute), `${name}.${attribute}`, {
          detail: `${r.type ?? ''} · ${attribute}`,
          documentation: documented?.attributes[attribute]?.markdownDescription,
          group: ofType ? 4 : 5,
        }),
      );
    }
  }
  if (words.includes('name')) out.push(...stackNameSub(site, lowerName.replace(/names?$/, '')));
  const propertyWords = camelWords(property.name);
  for (const [name, needs] of PSEUDO_WORDS) {
    if (!needs.some((w) => propertyWords.includes(w) || words.includes(w))) continue;
    out.push(
      reference(refText(site, name), name, {
        kind: CompletionItemKind.Constant,
        detail: 'Pseudo parameter',
        group: 7,
      }),
    );
  }
  return out;
}

/** YAML: `!Sub ${AWS::StackName}-name`, a name unique to the stack (snippet, `name` selected). */
export function stackNameSub(site: Site, name: string): ValueProposal[] {
  if (site.format !== 'yaml') return [];
  const text = `!Sub \\\${AWS::StackName}-\${1:${snippetText(name || 'name')}}`;
  return [
    {
      value: text,
      label: '!Sub ${AWS::StackName}-…',
      text,
      snippet: true,
      literal: true,
      filter: 'Sub AWS::StackName',
      kind: CompletionItemKind.Snippet,
      detail: 'A name unique to the stack',
      group: 6,
    },
  ];
}

/** An output's value: any parameter or resource (`!Ref`) and every attribute of the resources (`!GetAtt`). */
export function outputValueReferences(context: FeatureContext, site: Site, model: CfnModel): ValueProposal[] {
  const out: ValueProposal[] = [];
  for (const [name, p] of model.parameters)
    out.push(
      reference(refText(site, name), name, {
        kind: CompletionItemKind.Variable,
        detail: `Parameter${p.type ? ` · ${p.type}` : ''}`,
        group: 1,
      }),
    );
  for (const [name, r] of model.resources) {
    out.push(reference(refText(site, name), name, { detail: r.type, group: 0 }));
    const info = r.type ? context.schemas.documentedResourceType(r.type) : undefined;
    for (const [attribute, a] of Object.entries(info?.attributes ?? {}))
      out.push(
        reference(getAttText(site, name, attribute), `${name}.${attribute}`, {
          detail: `${r.type ?? ''} · ${attribute}`,
          documentation: a.markdownDescription,
          group: 0,
        }),
      );
  }
  return out;
}

/** A parameter's default: one of its AllowedValues. */
export function parameterDefaults(context: FeatureContext, parameter: string): ValueProposal[] {
  const allowed = getNodeAtPath(context.state.parsed.root, ['Parameters', parameter, 'AllowedValues']);
  if (allowed?.type !== 'array') return [];
  const out: ValueProposal[] = [];
  for (const item of allowed.items) {
    const value = item.type === 'number' || item.type === 'boolean' ? item.value : scalarText(item);
    if (value !== undefined && !out.some((p) => p.value === value))
      out.push({ value, kind: CompletionItemKind.EnumMember, detail: 'Allowed value', order: out.length });
  }
  return out;
}
