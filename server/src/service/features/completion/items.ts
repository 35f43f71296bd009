/**
 * Turns proposals (a key with the shape of its value, or a value) into completion items whose
 * text fits the site: YAML or JSON, quoted or not, a nested block indented under a key, a comma
 * when another JSON property follows, and a text edit over exactly the word being typed.
 */
import type { CompletionItem, MarkupContent } from 'vscode-languageserver-types';
import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  InsertTextMode,
} from 'vscode-languageserver-types';
import type { Site } from './site';

/** What a key's value looks like, for the text inserted after the key. */
export type ValueShape = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'any';

export interface KeyProposal {
  name: string;
  shape: ValueShape;
  /** Allowed values, offered as a snippet choice. */
  choices?: string[];
  required?: boolean;
  documentation?: string;
  detail?: string;
  deprecated?: boolean;
  kind?: CompletionItemKind;
  /** Sorts before others with a lower group. */
  group?: number;
  /** Position within the group (else alphabetical). */
  order?: number;
  /** Ask the editor for completion again after inserting (the value has its own completions). */
  retrigger?: boolean;
  /** YAML: the lines of a nested block to insert under the key, relative to it (snippet text). */
  yamlBody?: string[];
  /** Text after the key instead of the one the shape gives (snippet text, one line). */
  yamlValue?: string;
  jsonValue?: string;
}

export interface ValueProposal {
  /** The value (a string is quoted as the syntax needs). */
  value: string | number | boolean;
  /** Literal text to insert instead of the quoted value (numbers spelled as written, tags). */
  text?: string;
  /** `text` is a snippet. */
  snippet?: boolean;
  /** `text` replaces the whole value, quotes included (a reference such as `!Ref Name`). */
  literal?: boolean;
  /** What the editor matches the typed word against, when not the label (a reference's name). */
  filter?: string;
  label?: string;
  documentation?: string;
  detail?: string;
  kind?: CompletionItemKind;
  group?: number;
  order?: number;
  retrigger?: boolean;
  data?: unknown;
  /** Shown struck through, after the current values (e.g. a deprecated Lambda runtime). */
  deprecated?: boolean;
}

const RETRIGGER = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

/** Escapes literal text for a snippet. */
export function snippetText(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

function choice(values: string[]): string {
  return `\${1|${values.map((v) => v.replace(/[\\,|$}]/g, '\\$&')).join(',')}|}`;
}

function markdown(text: string | undefined): MarkupContent | undefined {
  return text ? { kind: 'markdown', value: text } : undefined;
}

const YAML_NON_STRING =
  /^(?:true|false|True|False|TRUE|FALSE|null|Null|NULL|~|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** A string as a YAML scalar: plain when that reads back as the same string, else double-quoted. */
export function yamlString(value: string): string {
  const unsafe =
    value === '' ||
    YAML_NON_STRING.test(value) ||
    /^[\s[\]{}#&*!|>'"%@`,?]/.test(value) ||
    /^[-:](\s|$)/.test(value) ||
    /:(\s|$)|\s#|\s$|[\n\t]/.test(value);
  return unsafe ? JSON.stringify(value) : value;
}

function quoteIn(quote: '"' | "'", value: string): string {
  return quote === '"' ? JSON.stringify(value) : `'${value.replace(/'/g, "''")}'`;
}

/** The value as text for the site. */
export function valueText(site: Site, proposal: ValueProposal): string {
  const { value } = proposal;
  if (typeof value !== 'string') return proposal.text ?? String(value);
  if (proposal.literal && proposal.text !== undefined) return proposal.text;
  if (site.quote) return quoteIn(site.quote, value);
  if (proposal.text !== undefined) return proposal.text;
  return site.format === 'json' ? JSON.stringify(value) : yamlString(value);
}

function base(
  label: string,
  kind: CompletionItemKind | undefined,
  group?: number,
  order?: number,
): CompletionItem {
  const item: CompletionItem = { label, kind };
  // Without a sort text the editor sorts by label: only grouped or ordered items need one.
  if (group !== undefined || order !== undefined) {
    const position = order === undefined ? '' : `${String(order).padStart(4, '0')}_`;
    item.sortText = `${group ?? 5}_${position}${label}`;
  }
  return item;
}

/** Sets the text edit, and what the editor needs to know about the text (snippet, multi-line). */
function setText(item: CompletionItem, site: Site, text: string, snippet: boolean): void {
  item.textEdit = { range: site.range, newText: text };
  if (snippet) item.insertTextFormat = InsertTextFormat.Snippet;
  if (text.includes('\n')) item.insertTextMode = InsertTextMode.asIs;
}

export function keyItem(site: Site, proposal: KeyProposal): CompletionItem {
  const group = proposal.group ?? (proposal.required ? 1 : 5);
  const item = base(proposal.name, proposal.kind ?? CompletionItemKind.Property, group, proposal.order);
  item.detail = proposal.detail;
  item.documentation = markdown(proposal.documentation);
  if (proposal.deprecated) item.tags = [CompletionItemTag.Deprecated];
  const json = site.format === 'json';
  const name = json ? JSON.stringify(proposal.name) : yamlString(proposal.name);
  let text: string;
  let snippet = false;
  if (site.hasColon) {
    text = json ? name : snippetText(name);
  } else if (json) {
    snippet = true;
    text = `${snippetText(name)}: ${proposal.jsonValue ?? jsonValueTemplate(proposal)}${site.needsComma ? ',' : ''}`;
  } else {
    snippet = true;
    text = `${snippetText(name)}:${yamlValueTemplate(site, proposal)}`;
  }
  if (site.needsSpace) text = ` ${text}`;
  setText(item, site, text, snippet);
  item.filterText = site.quote ? `"${proposal.name}"` : proposal.name;
  if (proposal.retrigger && !site.hasColon) item.command = RETRIGGER;
  return item;
}

function jsonValueTemplate(proposal: KeyProposal): string {
  switch (proposal.shape) {
    case 'object':
      return '{$1}';
    case 'array':
      return '[$1]';
    case 'string':
      return proposal.choices?.length ? `"${choice(proposal.choices)}"` : '"$1"';
    case 'boolean':
      return choice(['true', 'false']);
    default:
      return proposal.choices?.length ? choice(proposal.choices) : '$1';
  }
}

function yamlValueTemplate(site: Site, proposal: KeyProposal): string {
  const inner = ' '.repeat(site.column + site.indentUnit);
  if (proposal.yamlValue !== undefined) return ` ${proposal.yamlValue}`;
  if (proposal.yamlBody && !site.flow) return proposal.yamlBody.map((l) => `\n${inner}${l}`).join('');
  if (proposal.choices?.length) return ` ${choice(proposal.choices.map(yamlString))}`;
  switch (proposal.shape) {
    case 'object':
      return site.flow ? ' {$1}' : `\n${inner}$1`;
    case 'array':
      return site.flow ? ' [$1]' : `\n${inner}- $1`;
    case 'boolean':
      return ` ${choice(['true', 'false'])}`;
    default:
      return ' $1';
  }
}

export function valueItem(site: Site, proposal: ValueProposal): CompletionItem {
  const label = proposal.label ?? String(proposal.value);
  const item = base(label, proposal.kind ?? CompletionItemKind.Value, proposal.group, proposal.order);
  item.detail = proposal.detail;
  item.documentation = markdown(proposal.documentation);
  if (proposal.deprecated) {
    item.tags = [CompletionItemTag.Deprecated];
    item.detail ??= 'deprecated';
  }
  let text = valueText(site, proposal);
  if (site.needsSpace) text = ` ${text}`;
  if (site.needsComma) text = `${text},`;
  setText(item, site, text, !!proposal.snippet);
  if (proposal.filter !== undefined) item.filterText = `${site.quote ?? ''}${proposal.filter}`;
  else if (site.quote) item.filterText = `${site.quote}${label}${site.quote}`;
  else if (proposal.text !== undefined && proposal.text !== label && !proposal.snippet)
    item.filterText = label;
  if (proposal.retrigger) item.command = RETRIGGER;
  if (proposal.data !== undefined) item.data = proposal.data;
  return item;
}
