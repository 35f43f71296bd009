/**
 * Note excerpts as hover Markdown: under the heading "From your notes", the note and section,
 * the bullets as written (sub-bullets kept, long ones cut), and a command link that opens the
 * note at that heading. Text from a note is data: HTML is escaped and `command:` links are
 * reduced to their text, so a note can never run a command from a hover.
 */
import type { NoteExcerpt } from './lookup';
import type { NoteBullet, NoteTarget } from './model';
import { headingPath } from './model';

export const NOTES_HEADING = 'From your notes';
export const OPEN_NOTE_COMMAND = 'awsDevNotes.openNote';
export const SEARCH_NOTES_COMMAND = 'awsDevNotes.searchNotes';

const MAX_LINES_PER_BULLET = 12;
const MAX_LINES = 16;
const SECTION_START_LINES = 8;

/** Escapes text for use inside Markdown emphasis or link text. */
export function escapeMarkdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (ch) => `\\${ch}`);
}

/** Makes a note's Markdown inert: no HTML, no comments, no command links. */
export function sanitizeNoteMarkdown(text: string): string {
  const withoutComments = text.replace(/<!--[\s\S]*?(-->|$)/g, '');
  const withoutCommands = withoutComments
    .replace(/\[([^\]]*)\]\(\s*<?\s*command:[^)]*\)/gi, '$1')
    .replace(/<\s*command:[^>]*>/gi, '')
    .replace(/^\s*\[[^\]]+\]:\s*<?\s*command:.*$/gim, '');
  // Escape `<` that could open a tag, outside code spans.
  return withoutCommands
    .split(/(`+[^`]*`+)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/<(?=[A-Za-z/!?])/g, '&lt;')))
    .join('');
}

export function openNoteCommandUri(target: NoteTarget): string {
  const args: NoteTarget = { path: target.path, line: target.line };
  if (target.fragment) args.fragment = target.fragment;
  return `command:${OPEN_NOTE_COMMAND}?${encodeURIComponent(JSON.stringify([args]))}`;
}

/** "N more in your notes": opens the notes search on the name. */
export function moreInNotesLink(count: number, query: string): string {
  const uri = `command:${SEARCH_NOTES_COMMAND}?${encodeURIComponent(JSON.stringify([query]))}`;
  return `[${count} more in your notes](${uri})`;
}

export function openNoteLink(label: string, target: NoteTarget): string {
  return `[Open note: ${escapeMarkdownText(label)}](${openNoteCommandUri(target)})`;
}

function dedentLines(lines: string[], indent: number): string[] {
  return lines.map((line) => {
    let i = 0;
    while (i < indent && i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
    return line.slice(i);
  });
}

function keepContent(lines: string[]): string[] {
  const out: string[] = [];
  let inComment = false;
  for (const line of lines) {
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      continue;
    }
    const trimmed = line.trim();
    if (trimmed.startsWith('<!--')) {
      if (!trimmed.includes('-->')) inComment = true;
      continue;
    }
    if (!trimmed) continue;
    out.push(line.replace(/\s+$/, ''));
  }
  return out;
}

function bulletLines(lines: string[], bullet: NoteBullet, base: number): string[] {
  const content = keepContent(dedentLines(lines.slice(bullet.line, bullet.endLine), base));
  if (content.length <= MAX_LINES_PER_BULLET) return content;
  const indent = /^\s*/.exec(content[MAX_LINES_PER_BULLET - 1])?.[0] ?? '';
  return [...content.slice(0, MAX_LINES_PER_BULLET - 1), `${indent}- …`];
}

/** The Markdown of an excerpt's body (bullets, or the start of its section). */
export function excerptBody(excerpt: NoteExcerpt): string {
  const { note, heading } = excerpt;
  let out: string[] = [];
  if (excerpt.bullets.length) {
    // A nested bullet keeps the first line of each bullet above it, for context.
    const printed = new Set<NoteBullet>();
    for (const bullet of excerpt.bullets) {
      if (out.length >= MAX_LINES) break;
      const chain: NoteBullet[] = [];
      for (let b = bullet.parent; b; b = b.parent) chain.unshift(b);
      const base = (chain[0] ?? bullet).indent;
      for (const ancestor of chain) {
        if (printed.has(ancestor)) continue;
        printed.add(ancestor);
        out.push(...keepContent(dedentLines([note.lines[ancestor.line]], base)));
      }
      out.push(...bulletLines(note.lines, bullet, base).slice(0, MAX_LINES - out.length));
    }
  } else {
    const start = heading ? heading.line + 1 : 0;
    const firstChild = heading?.children[0]?.line;
    const end = firstChild ?? heading?.endLine ?? note.lines.length;
    const first = heading?.bullets[0] ?? note.preamble[0];
    const from = first ? first.line : start;
    const indent = first?.indent ?? 0;
    out = keepContent(dedentLines(note.lines.slice(from, end), indent));
    if (out.length > SECTION_START_LINES) out = [...out.slice(0, SECTION_START_LINES), '- …'];
    if (!out.length && heading?.children.length) {
      out = heading.children.map((child) => `- ${child.text}`);
    }
  }
  return sanitizeNoteMarkdown(out.join('\n')).trim();
}

function targetOfExcerpt(excerpt: NoteExcerpt): { label: string; path: string; target: NoteTarget } {
  const { note, heading } = excerpt;
  if (!heading) return { label: note.title, path: note.title, target: { path: note.path, line: 0 } };
  return {
    label: heading.label,
    path: headingPath(heading),
    target: { path: note.path, line: heading.line, fragment: heading.slug },
  };
}

/**
 * The notes part of a hover: "From your notes", the main excerpt (its best bullets, ranked), the
 * link that opens its section, links to the other sections about the name, and "N more in your
 * notes", which opens the notes search on the name when other bullets are about it too. Empty
 * when there is nothing to show.
 */
export function renderNotesSection(excerpts: NoteExcerpt[], maxOthers = 3): string {
  const main = excerpts.find((e) => excerptBody(e));
  if (!main) return '';
  const { label, path, target } = targetOfExcerpt(main);
  const parts = [`#### ${NOTES_HEADING}`, `*${escapeMarkdownText(path)}*`, excerptBody(main)];
  const links = [openNoteLink(label, target)];
  if (main.more > 0) links.push(moreInNotesLink(main.more, main.term));
  parts.push(links.join(' · '));
  const others = excerpts.filter((e) => e !== main).slice(0, maxOthers);
  const otherLinks = others.map((e) => {
    const other = targetOfExcerpt(e);
    return openNoteLink(other.label === label ? other.path : other.label, other.target);
  });
  if (otherLinks.length) parts.push(`Also in your notes: ${otherLinks.join(' · ')}`);
  return parts.join('\n\n');
}
