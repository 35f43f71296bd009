/**
 * Reads one Markdown note into the model of model.ts with a CommonMark parser
 * (`mdast-util-from-markdown`, with YAML front matter and GFM tables): the front matter (title,
 * section, services, topics, kind), headings (ATX and setext) with the `<!-- topics: … -->`
 * comment that may follow them, list items (bulleted or numbered) nested as the parser nests
 * them, paragraphs of prose and table rows (indexed like bullets, so notes written without lists
 * still match). Code blocks are never read as headings or bullets; inside a list item they stay
 * in its line range. Every heading and bullet keeps its line.
 */
import type { Heading, ListItem, Nodes, Paragraph, Root, RootContent, Table } from 'mdast';
import type * as FromMarkdown from 'mdast-util-from-markdown';
import type * as FrontmatterMdast from 'mdast-util-frontmatter';
import type * as GfmTableMdast from 'mdast-util-gfm-table';
import { toString } from 'mdast-util-to-string';
import type * as Frontmatter from 'micromark-extension-frontmatter';
import type * as GfmTable from 'micromark-extension-gfm-table';
import { parse as parseYaml } from 'yaml';
import type { NoteBullet, NoteFile, NoteHeading } from './model';

const TOPICS_COMMENT = /^\s*<!--\s*topics\s*:([\s\S]*?)-->/i;

export interface ParseNoteInput {
  path: string;
  folder: string;
  relativePath: string;
  bundled: boolean;
  text: string;
}

interface FrontMatter {
  title?: string;
  section?: string;
  kind: 'note' | 'questions';
  services: string[];
  topics: string[];
}

function stringList(value: unknown): string[] {
  if (typeof value === 'string') return value.split(',').map((s) => s.trim()).filter(Boolean);
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number').map((v) => String(v).trim()).filter(Boolean);
}

function readFrontMatter(yamlText: string, problems: string[]): FrontMatter {
  let data: unknown;
  try {
    data = parseYaml(yamlText);
  } catch (error) {
    problems.push(`The front matter is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return { kind: 'note', services: [], topics: [] };
  }
  const record = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const text = (value: unknown): string | undefined =>
    typeof value === 'string' || typeof value === 'number' ? String(value).trim() || undefined : undefined;
  return {
    title: text(record.title),
    section: text(record.section),
    kind: record.kind === 'questions' ? 'questions' : 'note',
    services: stringList(record.services),
    topics: stringList(record.topics),
  };
}

/** Heading or bullet text without inline Markdown: links keep their text, code keeps its content. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[^\w*])([*_])(?=\S)(.+?)(?<=\S)\2(?![\w*])/g, '$1$3')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The anchor VS Code's Markdown preview gives a heading (GitHub style), before de-duplication. */
export function headingSlug(label: string): string {
  return label
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '-')
    // The CJK and typographic punctuation written as escapes: the bundles stay ASCII, which
    // Node reads into a string twice as fast as UTF-8 (esbuild.mjs checks it).
    .replace(/[\][!/'"#$%&()*+,.:;<=>?@\\^{|}~`\u3002\uff0c\u3001\uff1b\uff1a\uff1f\uff01\u2026\u2014\u00b7\u02c9\u00a8\u2018\u2019\u201c\u201d\u3005\uff5e\u2016\u2236\uff02\uff07\uff40\uff5c\u3003\u3014\u3015\u3008\u3009\u300a\u300b\u300c\u300d\u300e\u300f\uff0e\u3016\u3017\u3010\u3011\uff08\uff09\uff3b\uff3d\uff5b\uff5d]/g, '')
    .replace(/^-+/, '')
    .replace(/-+$/, '');
}

function parseTopics(comment: string): string[] {
  return comment
    .split(',')
    .map((t) => t.trim().replace(/^["']|["']$/g, ''))
    .filter(Boolean);
}

/** 0-based first and exclusive last line of a node. */
function linesOf(node: Nodes): { line: number; endLine: number } {
  const start = node.position?.start.line ?? 1;
  const end = node.position?.end.line ?? start;
  return { line: start - 1, endLine: end };
}

/** The Markdown source of a node's inline content, on one line (inline Markdown kept). */
function inlineSource(text: string, node: Heading | Paragraph): string {
  const first = node.children[0]?.position?.start.offset;
  const last = node.children[node.children.length - 1]?.position?.end.offset;
  if (first === undefined || last === undefined) return '';
  return text
    .slice(first, last)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .join(' ')
    .trim();
}

function syntaxTree(text: string): Root {
  // Required on first use: the Markdown parser (and its table of HTML entities) is set up only
  // in a run that reads notes, not in every lint.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { fromMarkdown } = require('mdast-util-from-markdown') as typeof FromMarkdown;
  const { frontmatterFromMarkdown } = require('mdast-util-frontmatter') as typeof FrontmatterMdast;
  const { gfmTableFromMarkdown } = require('mdast-util-gfm-table') as typeof GfmTableMdast;
  const { frontmatter } = require('micromark-extension-frontmatter') as typeof Frontmatter;
  const { gfmTable } = require('micromark-extension-gfm-table') as typeof GfmTable;
  /* eslint-enable @typescript-eslint/no-require-imports */
  return fromMarkdown(text, {
    extensions: [frontmatter(['yaml']), gfmTable()],
    mdastExtensions: [frontmatterFromMarkdown(['yaml']), gfmTableFromMarkdown()],
  });
}

export function parseNote(input: ParseNoteInput): NoteFile {
  const text = input.text.replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  const problems: string[] = [];
  const tree = syntaxTree(text);
  const yamlNode = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;
  if (!yamlNode && lines[0]?.trim() === '---') {
    problems.push('The front matter is not closed with a `---` line; it is read as text.');
  }
  const frontMatter = yamlNode ? readFrontMatter(yamlNode.value, problems) : undefined;
  const fileName = input.relativePath.slice(input.relativePath.lastIndexOf('/') + 1).replace(/\.(md|markdown)$/i, '');
  const note: NoteFile = {
    path: input.path,
    folder: input.folder,
    relativePath: input.relativePath,
    bundled: input.bundled,
    title: frontMatter?.title ?? fileName,
    section: frontMatter?.section,
    kind: frontMatter?.kind ?? 'note',
    services: frontMatter?.services ?? [],
    topics: frontMatter?.topics ?? [],
    hasFrontMatter: !!frontMatter,
    headings: [],
    roots: [],
    preamble: [],
    lines,
    problems,
  };

  const slugCounts = new Map<string, number>();
  const headingStack: NoteHeading[] = [];
  /** The last heading, while nothing but its topics comment may follow it. */
  let awaitingTopics: NoteHeading | undefined;

  const currentHeading = (): NoteHeading | undefined => headingStack[headingStack.length - 1];
  const container = (): NoteBullet[] => currentHeading()?.bullets ?? note.preamble;

  const addHeading = (node: Heading): void => {
    const level = node.depth;
    while (headingStack.length && headingStack[headingStack.length - 1].level >= level) headingStack.pop();
    const source = inlineSource(text, node);
    const label = toString(node, { includeHtml: false }).replace(/\s+/g, ' ').trim();
    const base = headingSlug(label);
    const seen = slugCounts.get(base);
    slugCounts.set(base, seen === undefined ? 0 : seen + 1);
    const parent = currentHeading();
    const heading: NoteHeading = {
      note,
      level,
      text: source,
      label: label || source,
      line: linesOf(node).line,
      endLine: lines.length,
      topics: [],
      parent,
      children: [],
      bullets: [],
      slug: seen === undefined ? base : `${base}-${seen + 1}`,
    };
    if (parent) parent.children.push(heading);
    else note.roots.push(heading);
    note.headings.push(heading);
    headingStack.push(heading);
    awaitingTopics = heading;
  };

  const addItem = (item: ListItem, list: NoteBullet[], parent: NoteBullet | undefined): void => {
    const { line, endLine } = linesOf(item);
    const bullet: NoteBullet = {
      line,
      endLine,
      indent: (item.position?.start.column ?? 1) - 1,
      text: '',
      paragraph: false,
      children: [],
      parent,
      heading: currentHeading(),
    };
    const texts: string[] = [];
    for (const child of item.children) {
      if (child.type === 'paragraph') texts.push(inlineSource(text, child));
      else if (child.type === 'list') for (const sub of child.children) addItem(sub, bullet.children, bullet);
      else if (child.type === 'heading') texts.push(inlineSource(text, child));
      // Code, tables and quotes inside an item stay in its line range without adding words.
    }
    bullet.text = texts.join(' ').trim();
    list.push(bullet);
  };

  const addParagraph = (node: Paragraph): void => {
    const { line, endLine } = linesOf(node);
    container().push({
      line,
      endLine,
      indent: (node.position?.start.column ?? 1) - 1,
      text: inlineSource(text, node),
      paragraph: true,
      children: [],
      heading: currentHeading(),
    });
  };

  /** Each row of a table under its header row, read like a paragraph ("cell — cell"). */
  const addTable = (node: Table): void => {
    for (const row of node.children.slice(1)) {
      const { line, endLine } = linesOf(row);
      const cells = row.children.map((cell) => text.slice(cell.position?.start.offset ?? 0, cell.position?.end.offset ?? 0));
      const words = cells.map((cell) => cell.replace(/^\s*\|?\s*|\s*\|?\s*$/g, '')).filter(Boolean);
      container().push({
        line,
        endLine,
        indent: (row.position?.start.column ?? 1) - 1,
        text: words.join(' — '),
        paragraph: true,
        children: [],
        heading: currentHeading(),
      });
    }
  };

  const visit = (node: RootContent): void => {
    const topicsFor = awaitingTopics;
    awaitingTopics = undefined;
    switch (node.type) {
      case 'heading':
        addHeading(node);
        break;
      case 'html': {
        const topics = topicsFor ? TOPICS_COMMENT.exec(node.value) : null;
        if (topicsFor && topics) topicsFor.topics.push(...parseTopics(topics[1]));
        break;
      }
      case 'list':
        for (const item of node.children) addItem(item, container(), undefined);
        break;
      case 'paragraph':
        addParagraph(node);
        break;
      case 'table':
        addTable(node);
        break;
      case 'blockquote':
        for (const child of node.children) visit(child);
        break;
      default:
        // Front matter, code, thematic breaks, definitions: nothing to index.
        break;
    }
  };
  for (const node of tree.children) visit(node);

  // Section ends: the next heading of the same or a higher level.
  for (let i = 0; i < note.headings.length; i++) {
    const heading = note.headings[i];
    const next = note.headings.slice(i + 1).find((h) => h.level <= heading.level);
    heading.endLine = next ? next.line : lines.length;
  }
  if (!frontMatter?.title && note.roots[0]?.level === 1) note.title = note.roots[0].label;
  return note;
}
