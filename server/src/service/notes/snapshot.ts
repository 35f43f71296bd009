/**
 * Notes parsed at build time: a note read by parse.ts, as plain JSON (no links back to its note,
 * parent or heading) with the very text it was read from, so that the bundled notes need not be
 * parsed again in every process (the Markdown parser reads ~100 KB/s on a slow machine; each CLI
 * thread and each server start would pay it). A snapshot is used only for that exact text.
 */
import type { FileSystem } from '../fileSystem';
import { listMarkdownFiles } from './folders';
import type { NoteBullet, NoteFile, NoteHeading } from './model';
import { parseNote } from './parse';

/** A bullet or heading as JSON: its own fields, with children, parent and bullets as plain data. */
type BulletSnapshot = Pick<NoteBullet, 'line' | 'endLine' | 'indent' | 'text' | 'paragraph'> & {
  children: BulletSnapshot[];
};

type HeadingSnapshot = Pick<NoteHeading, 'level' | 'text' | 'label' | 'line' | 'endLine' | 'topics' | 'slug'> & {
  /** Index of the parent heading in `headings`, or -1. */
  parent: number;
  bullets: BulletSnapshot[];
};

export interface NoteSnapshot {
  /** The file's text as read (lines are split from it again). */
  text: string;
  title: string;
  section?: string;
  kind: NoteFile['kind'];
  services: string[];
  topics: string[];
  hasFrontMatter: boolean;
  headings: HeadingSnapshot[];
  preamble: BulletSnapshot[];
  problems: string[];
}

/** Bundled notes by path relative to their folder. */
export type NotesSnapshot = Record<string, NoteSnapshot>;

/** Where a snapshot's note is now (its folder at run time). */
export interface SnapshotPlace {
  path: string;
  folder: string;
  relativePath: string;
  bundled: boolean;
}

function bulletSnapshot(bullet: NoteBullet): BulletSnapshot {
  const { line, endLine, indent, text, paragraph } = bullet;
  return { line, endLine, indent, text, paragraph, children: bullet.children.map(bulletSnapshot) };
}

/** A parsed note (of `text`) as JSON. */
export function toSnapshot(note: NoteFile, text: string): NoteSnapshot {
  const index = new Map(note.headings.map((h, i) => [h, i]));
  return {
    text,
    title: note.title,
    ...(note.section !== undefined ? { section: note.section } : {}),
    kind: note.kind,
    services: note.services,
    topics: note.topics,
    hasFrontMatter: note.hasFrontMatter,
    headings: note.headings.map((h) => ({
      level: h.level,
      text: h.text,
      label: h.label,
      line: h.line,
      endLine: h.endLine,
      topics: h.topics,
      slug: h.slug,
      parent: h.parent ? (index.get(h.parent) ?? -1) : -1,
      bullets: h.bullets.map(bulletSnapshot),
    })),
    preamble: note.preamble.map(bulletSnapshot),
    problems: note.problems,
  };
}

function restoreBullets(
  list: BulletSnapshot[],
  heading: NoteHeading | undefined,
  parent: NoteBullet | undefined,
): NoteBullet[] {
  return list.map((snapshot) => {
    const bullet: NoteBullet = {
      line: snapshot.line,
      endLine: snapshot.endLine,
      indent: snapshot.indent,
      text: snapshot.text,
      paragraph: snapshot.paragraph,
      children: [],
      // As parse.ts makes them: a paragraph (or table row) has no parent key at all.
      ...(snapshot.paragraph ? {} : { parent }),
      heading,
    };
    bullet.children = restoreBullets(snapshot.children, heading, bullet);
    return bullet;
  });
}

/** The note a snapshot was taken of, at its place now: what parseNote gives for the same text. */
export function fromSnapshot(snapshot: NoteSnapshot, place: SnapshotPlace): NoteFile {
  const note: NoteFile = {
    ...place,
    title: snapshot.title,
    section: snapshot.section,
    kind: snapshot.kind,
    services: snapshot.services,
    topics: snapshot.topics,
    hasFrontMatter: snapshot.hasFrontMatter,
    headings: [],
    roots: [],
    preamble: [],
    lines: snapshot.text.replace(/^\uFEFF/, '').split(/\r?\n/),
    problems: snapshot.problems,
  };
  note.preamble = restoreBullets(snapshot.preamble, undefined, undefined);
  for (const h of snapshot.headings) {
    const parent = h.parent >= 0 ? note.headings[h.parent] : undefined;
    const heading: NoteHeading = {
      note,
      level: h.level,
      text: h.text,
      label: h.label,
      line: h.line,
      endLine: h.endLine,
      topics: h.topics,
      parent,
      children: [],
      bullets: [],
      slug: h.slug,
    };
    heading.bullets = restoreBullets(h.bullets, heading, undefined);
    if (parent) parent.children.push(heading);
    else note.roots.push(heading);
    note.headings.push(heading);
  }
  return note;
}

/** Every note of a folder, parsed now (the build's snapshot of the bundled notes). */
export function snapshotFolder(fs: FileSystem, folder: string): NotesSnapshot {
  const out: NotesSnapshot = {};
  for (const file of listMarkdownFiles(fs, folder, () => undefined)) {
    const text = fs.readFile(file.path);
    if (text === undefined) continue;
    const place = { path: file.path, folder, relativePath: file.relativePath, bundled: true };
    out[file.relativePath] = toSnapshot(parseNote({ ...place, text }), text);
  }
  return out;
}
