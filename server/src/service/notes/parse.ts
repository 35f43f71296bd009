/**
 * Reads one Markdown note into the model of model.ts: YAML front matter (title, section,
 * services, topics, kind), ATX and setext headings with the `<!-- topics: … -->` comment that may
 * follow them, and bullets nested by indentation (paragraphs of prose count as bullets too, so
 * notes written without lists still match). Fenced code stays inside the bullet it belongs to.
 */
import { parse as parseYaml } from 'yaml';
import type { NoteBullet, NoteFile, NoteHeading } from './model';

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const ATX = /^\s{0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$/;
const SETEXT = /^\s{0,3}(=+|-+)\s*$/;
const THEMATIC_BREAK = /^\s{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
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

function readFrontMatter(lines: string[], problems: string[]): { frontMatter: FrontMatter | undefined; bodyStart: number } {
  if (lines[0]?.trim() !== '---') return { frontMatter: undefined, bodyStart: 0 };
  const end = lines.findIndex((line, i) => i > 0 && (line.trim() === '---' || line.trim() === '...'));
  if (end < 0) {
    problems.push('The front matter is not closed with a `---` line; it is read as text.');
    return { frontMatter: undefined, bodyStart: 0 };
  }
  let data: unknown;
  try {
    data = parseYaml(lines.slice(1, end).join('\n'));
  } catch (error) {
    problems.push(`The front matter is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return { frontMatter: { kind: 'note', services: [], topics: [] }, bodyStart: end + 1 };
  }
  const record = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const text = (value: unknown): string | undefined =>
    typeof value === 'string' || typeof value === 'number' ? String(value).trim() || undefined : undefined;
  return {
    frontMatter: {
      title: text(record.title),
      section: text(record.section),
      kind: record.kind === 'questions' ? 'questions' : 'note',
      services: stringList(record.services),
      topics: stringList(record.topics),
    },
    bodyStart: end + 1,
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
    .replace(/[\][!/'"#$%&()*+,.:;<=>?@\\^{|}~`。，、；：？！…—·ˉ¨‘’“”々～‖∶＂＇｀｜〃〔〕〈〉《》「」『』．〖〗【】（）［］｛｝]/g, '')
    .replace(/^-+/, '')
    .replace(/-+$/, '');
}

function parseTopics(comment: string): string[] {
  return comment
    .split(',')
    .map((t) => t.trim().replace(/^["']|["']$/g, ''))
    .filter(Boolean);
}

function indentOf(line: string): number {
  let width = 0;
  for (const ch of line) {
    if (ch === ' ') width++;
    else if (ch === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

export function parseNote(input: ParseNoteInput): NoteFile {
  const lines = input.text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const problems: string[] = [];
  const { frontMatter, bodyStart } = readFrontMatter(lines, problems);
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
  let bulletStack: NoteBullet[] = [];
  let current: NoteBullet | undefined;
  let fence: string | undefined;
  let inComment = false;
  let previousBlank = true;
  /** Line of the last heading, while only blank lines followed it (its topics comment may come). */
  let awaitingTopics: NoteHeading | undefined;

  const container = (): NoteBullet[] => headingStack[headingStack.length - 1]?.bullets ?? note.preamble;

  const closeBullets = (): void => {
    bulletStack = [];
    current = undefined;
  };

  const addHeading = (level: number, text: string, line: number): void => {
    closeBullets();
    while (headingStack.length && headingStack[headingStack.length - 1].level >= level) {
      headingStack.pop();
    }
    const label = plainText(text);
    const base = headingSlug(label);
    const seen = slugCounts.get(base);
    slugCounts.set(base, seen === undefined ? 0 : seen + 1);
    const parent = headingStack[headingStack.length - 1];
    const heading: NoteHeading = {
      note,
      level,
      text,
      label: label || text,
      line,
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

  const extend = (bullet: NoteBullet | undefined, line: number): void => {
    for (let b = bullet; b; b = b.parent) b.endLine = Math.max(b.endLine, line + 1);
  };

  for (let i = bodyStart; i < lines.length; i++) {
    const line = lines[i];
    const blank = line.trim() === '';

    if (fence) {
      if (line.trim().startsWith(fence)) fence = undefined;
      extend(current, i);
      continue;
    }
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      continue;
    }
    if (blank) {
      previousBlank = true;
      continue;
    }

    if (line.trimStart().startsWith('<!--')) {
      const topicsMatch = awaitingTopics ? TOPICS_COMMENT.exec(lines.slice(i, i + 20).join('\n')) : null;
      if (awaitingTopics && topicsMatch) awaitingTopics.topics.push(...parseTopics(topicsMatch[1]));
      if (!line.includes('-->')) inComment = true;
      awaitingTopics = undefined;
      continue;
    }
    awaitingTopics = undefined;

    const fenceMatch = FENCE.exec(line);
    if (fenceMatch) {
      fence = fenceMatch[1];
      if (current && indentOf(line) > current.indent) {
        extend(current, i);
      } else {
        closeBullets();
      }
      previousBlank = false;
      continue;
    }

    const atx = ATX.exec(line);
    if (atx) {
      addHeading(atx[1].length, (atx[2] ?? '').trim(), i);
      previousBlank = false;
      continue;
    }

    const setext = SETEXT.exec(line);
    if (setext && !previousBlank && current?.paragraph && current.line === i - 1 && current.endLine === i) {
      // The paragraph just read is a heading's text.
      const paragraph = current;
      const list = paragraph.parent ? paragraph.parent.children : container();
      list.splice(list.indexOf(paragraph), 1);
      addHeading(setext[1].startsWith('=') ? 1 : 2, paragraph.text, i - 1);
      previousBlank = false;
      continue;
    }

    if (THEMATIC_BREAK.test(line)) {
      closeBullets();
      previousBlank = true;
      continue;
    }

    const item = LIST_ITEM.exec(line);
    const indent = indentOf(line);
    if (item) {
      while (bulletStack.length && bulletStack[bulletStack.length - 1].indent >= indent) bulletStack.pop();
      const parent = bulletStack[bulletStack.length - 1];
      const bullet: NoteBullet = {
        line: i,
        endLine: i + 1,
        indent,
        text: (item[3] ?? '').trim(),
        paragraph: false,
        children: [],
        parent,
        heading: headingStack[headingStack.length - 1],
      };
      if (parent) parent.children.push(bullet);
      else container().push(bullet);
      extend(parent, i);
      bulletStack.push(bullet);
      current = bullet;
      previousBlank = false;
      continue;
    }

    // A continuation line of the current bullet (indented, or lazily right after it).
    if (current && (indent > current.indent || (!previousBlank && current.endLine === i))) {
      current.text = `${current.text} ${line.trim()}`.trim();
      extend(current, i);
      previousBlank = false;
      continue;
    }

    // Prose: a paragraph, indexed like a bullet.
    closeBullets();
    const paragraph: NoteBullet = {
      line: i,
      endLine: i + 1,
      indent,
      text: line.trim(),
      paragraph: true,
      children: [],
      heading: headingStack[headingStack.length - 1],
    };
    container().push(paragraph);
    bulletStack = [paragraph];
    current = paragraph;
    previousBlank = false;
  }

  // Section ends: the next heading of the same or a higher level.
  for (let i = 0; i < note.headings.length; i++) {
    const heading = note.headings[i];
    const next = note.headings.slice(i + 1).find((h) => h.level <= heading.level);
    heading.endLine = next ? next.line : lines.length;
  }
  if (!frontMatter?.title && note.roots[0]?.level === 1) note.title = note.roots[0].label;
  return note;
}
