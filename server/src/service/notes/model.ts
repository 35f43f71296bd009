/**
 * The shape of an indexed note: its front matter, its headings (a tree) and its bullets (a tree
 * under each heading), each with the line numbers it covers in the note file.
 */

export interface NoteFile {
  /** Path of the file, as found under its folder (`folder/relative/path.md`). */
  path: string;
  /** The folder the file was found in (bundled notes or one of the user's folders). */
  folder: string;
  /** Path relative to the folder, with `/` separators. */
  relativePath: string;
  /** True for the notes shipped with the extension. */
  bundled: boolean;
  /** From front matter, else the first heading, else the file name. */
  title: string;
  /** The section's Roman numeral (front matter `section`), when given. */
  section?: string;
  /** `questions` for a file of open questions (front matter `kind: questions`). */
  kind: 'note' | 'questions';
  services: string[];
  /** Front matter topics (exact names or `AWS::Service::*` patterns). */
  topics: string[];
  /** True when the file had YAML front matter. */
  hasFrontMatter: boolean;
  /** Every heading, in document order. */
  headings: NoteHeading[];
  /** Top-level headings (the roots of the heading tree). */
  roots: NoteHeading[];
  /** Bullets (and paragraphs) before the first heading. */
  preamble: NoteBullet[];
  /** The file's lines (for excerpts). */
  lines: string[];
  /** Problems found while reading the file (bad front matter …). */
  problems: string[];
}

export interface NoteHeading {
  note: NoteFile;
  /** 1–6. */
  level: number;
  /** The heading text as written (inline Markdown kept). */
  text: string;
  /** The heading text without inline Markdown, for labels. */
  label: string;
  /** 0-based line of the heading. */
  line: number;
  /** First line after the section, subsections included (exclusive). */
  endLine: number;
  /** Topics from the `<!-- topics: … -->` comment after the heading. */
  topics: string[];
  parent?: NoteHeading;
  children: NoteHeading[];
  /** Top-level bullets directly under this heading (before its first subsection). */
  bullets: NoteBullet[];
  /** The anchor the Markdown preview gives this heading (GitHub-style slug, made unique). */
  slug: string;
}

export interface NoteBullet {
  /** 0-based line of the bullet's marker (or a paragraph's first line). */
  line: number;
  /** First line after the bullet, sub-bullets included (exclusive). */
  endLine: number;
  /** Column of the marker. */
  indent: number;
  /** The bullet's own text (marker removed, continuation lines joined), without sub-bullets. */
  text: string;
  /** A paragraph of prose rather than a list item. */
  paragraph: boolean;
  children: NoteBullet[];
  parent?: NoteBullet;
  heading?: NoteHeading;
}

/** Where a note opens: the file and a 0-based line (and the preview anchor when known). */
export interface NoteTarget {
  path: string;
  line: number;
  fragment?: string;
}

/** All bullets below a list, depth first. */
export function flattenBullets(bullets: NoteBullet[]): NoteBullet[] {
  const out: NoteBullet[] = [];
  const visit = (list: NoteBullet[]): void => {
    for (const bullet of list) {
      out.push(bullet);
      visit(bullet.children);
    }
  };
  visit(bullets);
  return out;
}

/** Every heading of a section: the heading itself and its subsections, depth first. */
export function sectionHeadings(heading: NoteHeading): NoteHeading[] {
  const out: NoteHeading[] = [heading];
  for (const child of heading.children) out.push(...sectionHeadings(child));
  return out;
}

/** The heading and its ancestors, innermost first. */
export function headingChain(heading: NoteHeading | undefined): NoteHeading[] {
  const out: NoteHeading[] = [];
  for (let h = heading; h; h = h.parent) out.push(h);
  return out;
}

/** "Title › Section › Subsection" for a heading (the `#` title stands for the note's title). */
export function headingPath(heading: NoteHeading): string {
  const chain = headingChain(heading).reverse();
  const labels = chain.map((h, i) => (i === 0 && h.level === 1 ? h.note.title : h.label));
  if (chain[0]?.level !== 1) labels.unshift(heading.note.title);
  return [...new Set(labels)].join(' › ');
}

export function targetOf(heading: NoteHeading): NoteTarget {
  return { path: heading.note.path, line: heading.line, fragment: heading.slug };
}
