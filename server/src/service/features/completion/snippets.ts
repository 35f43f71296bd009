/**
 * The bundled snippets (`snippets/*.json`), offered by the server only where they fit: a
 * whole-file template in an empty file (or at the root of a file of its kind that has none of
 * its top-level keys yet), a resource at the logical-ID level of `Resources`, a parameter,
 * output, condition or mapping under its section, a container in `containerDefinitions`.
 * The body is re-indented to the cursor and to the document's indentation step.
 */
import type { CompletionItem } from 'vscode-languageserver-types';
import { CompletionItemKind, InsertTextFormat, InsertTextMode } from 'vscode-languageserver-types';
import type { FileSystem } from '../../fileSystem';
import type { Kind } from '../../kinds';
import type { Site } from './site';

/** Where a snippet goes: a whole file, a key of a top-level section, or an item of a list. */
type Place = { type: 'file' } | { type: 'key'; section: string } | { type: 'item'; section: string };

export interface Snippet {
  title: string;
  prefix: string;
  description: string;
  body: string[];
  format: 'yaml' | 'json';
  kind: Kind;
  place: Place;
  /** Whole-file YAML templates: the top-level keys they write. */
  rootKeys: string[];
}

const FILES: { file: string; format: 'yaml' | 'json'; kind: Kind }[] = [
  { file: 'cloudformation.json', format: 'yaml', kind: 'cloudformation' },
  { file: 'buildspec.json', format: 'yaml', kind: 'buildspec' },
  { file: 'appspec.json', format: 'yaml', kind: 'appspec' },
  { file: 'cloudformation-json.json', format: 'json', kind: 'cloudformation' },
  { file: 'ecs-task-definition.json', format: 'json', kind: 'ecs-task-definition' },
];

/** CloudFormation snippets for a section entry, by the word after `cfn-`. */
const CFN_SECTIONS: Record<string, string> = {
  parameter: 'Parameters',
  output: 'Outputs',
  condition: 'Conditions',
  mapping: 'Mappings',
};

function placeOf(kind: Kind, prefix: string): Place {
  if (kind === 'ecs-task-definition') {
    return prefix === 'taskdef-container'
      ? { type: 'item', section: 'containerDefinitions' }
      : { type: 'file' };
  }
  if (kind !== 'cloudformation' || /^cfn-(?:sam-)?template$/.test(prefix)) return { type: 'file' };
  const word = /^cfn-([a-z]+)/.exec(prefix)?.[1] ?? '';
  return { type: 'key', section: CFN_SECTIONS[word] ?? 'Resources' };
}

function isSnippetRecord(value: unknown): value is { prefix: string; description?: string; body: string[] } {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.prefix === 'string' &&
    Array.isArray(record.body) &&
    record.body.every((line) => typeof line === 'string')
  );
}

/** The folder of snippets next to a schema folder (`…/schemas` → `…/snippets`). */
export function defaultSnippetsDir(schemaDir: string): string {
  const trimmed = schemaDir.replace(/[\\/]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return cut > 0 ? `${trimmed.slice(0, cut)}/snippets` : `${trimmed}/../snippets`;
}

/** The snippet files of a folder, read and parsed on first use. */
export class SnippetLibrary {
  private loaded: Snippet[] | undefined;

  constructor(
    private readonly fs: FileSystem,
    private readonly dir: string,
  ) {}

  get all(): Snippet[] {
    this.loaded ??= this.load();
    return this.loaded;
  }

  private load(): Snippet[] {
    const snippets: Snippet[] = [];
    for (const { file, format, kind } of FILES) {
      const text = this.fs.readFile(`${this.dir}/${file}`);
      if (text === undefined) continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        continue;
      }
      if (typeof parsed !== 'object' || parsed === null) continue;
      for (const [title, value] of Object.entries(parsed as Record<string, unknown>)) {
        if (!isSnippetRecord(value)) continue;
        const place = placeOf(kind, value.prefix);
        const rootKeys =
          format === 'yaml' && place.type === 'file'
            ? value.body.flatMap((line) => /^([A-Za-z][\w-]*):/.exec(line)?.[1] ?? [])
            : [];
        snippets.push({
          title,
          prefix: value.prefix,
          description: value.description ?? title,
          body: value.body,
          format,
          kind,
          place,
          rootKeys,
        });
      }
    }
    return snippets;
  }
}

/** The text is nothing but the word being typed, blank lines, comments and document markers. */
function nearlyEmpty(text: string, site: Site): boolean {
  const rest = text.slice(0, site.start) + text.slice(site.end);
  return rest.split('\n').every((line) => /^\s*(?:#.*|---\s*|\.\.\.\s*)?$/.test(line));
}

function fitsFile(snippet: Snippet, site: Site, kind: Kind | null, empty: boolean): boolean {
  if (site.path.length !== 0 || site.column !== 0) return false;
  if (empty) return !kind || kind === snippet.kind;
  // A file of the snippet's kind that has none of the template's top-level keys yet (YAML only).
  return (
    site.format === 'yaml' &&
    site.mode === 'key' &&
    kind === snippet.kind &&
    snippet.rootKeys.every((key) => !site.existingKeys.has(key))
  );
}

function fits(snippet: Snippet, site: Site, kind: Kind | null, empty: boolean): boolean {
  if (snippet.format !== site.format) return false;
  const { place } = snippet;
  if (place.type === 'file') return fitsFile(snippet, site, kind, empty);
  if (kind !== snippet.kind) return false;
  if (place.type === 'key') {
    return site.mode === 'key' && site.path.length === 1 && site.path[0] === place.section;
  }
  return (
    site.mode === 'value' &&
    site.path.length === 2 &&
    site.path[0] === place.section &&
    typeof site.path[1] === 'number'
  );
}

/** The snippet body indented for the site: nested lines start at the cursor's indentation. */
function bodyText(snippet: Snippet, site: Site, indentation: string): string {
  const scale = snippet.format === 'yaml' ? site.indentUnit / 2 : 1;
  const lines = snippet.body.map((line, index) => {
    const lead = /^ */.exec(line)?.[0].length ?? 0;
    const content = line.slice(lead);
    const indented = ' '.repeat(Math.round(lead * scale)) + content;
    return index === 0 ? indented : indentation + indented;
  });
  let text = lines.join('\n');
  if (site.format === 'json' && site.needsComma) text += ',';
  return text;
}

/** The snippet with its tab stops replaced by their defaults, to show in the documentation. */
function preview(body: string[]): string {
  return body
    .join('\n')
    .replace(/\$\{\d+\|([^,|}]*)[^}]*\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\([$}\\])/g, '$1')
    .trimEnd();
}

function lineIndentation(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))?.[0] ?? '';
}

/** The snippets that fit the site, as completion items. */
export function snippetItems(
  library: SnippetLibrary | undefined,
  text: string,
  site: Site,
  kind: Kind | null,
): CompletionItem[] {
  if (!library || site.hasColon || site.needsSpace || site.blockScalar || site.tag) return [];
  if (site.format === 'yaml' && (site.flow || site.quote)) return [];
  const empty = nearlyEmpty(text, site);
  const indentation = site.format === 'yaml' ? ' '.repeat(site.column) : lineIndentation(text, site.start);
  return library.all
    .filter((snippet) => fits(snippet, site, kind, empty))
    .map((snippet) => {
      const newText = bodyText(snippet, site, indentation);
      const language = snippet.format;
      return {
        label: snippet.prefix,
        kind: CompletionItemKind.Snippet,
        detail: snippet.description,
        documentation: {
          kind: 'markdown',
          value: `**${snippet.title}**\n\n\`\`\`${language}\n${preview(snippet.body)}\n\`\`\``,
        },
        insertTextFormat: InsertTextFormat.Snippet,
        insertTextMode: InsertTextMode.asIs,
        textEdit: { range: site.range, newText },
        filterText: site.quote ? `${site.quote}${snippet.prefix}${site.quote}` : snippet.prefix,
        sortText: `9_${snippet.prefix}`,
      };
    });
}
