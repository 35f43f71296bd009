/**
 * The notes sidebar as data: "Notes for this file", the open questions, the bundled notes
 * (note → sections → subsections) and each of the user's folders; with a filter, only what
 * contains the filter's words (and the matching bullets). Also the items of the notes search.
 * Pure data shaping: the client turns these nodes into tree items without logic of its own.
 */
import type { NoteLocation, NotesSearchItem, NotesTreeNode } from '../../protocol';
import type { DocumentState } from '../parsing/documentCache';
import { KIND_LABELS } from '../kinds';
import type { NotesIndex } from './notes';
import { documentResourceTypes, sectionsForResourceTypes } from './forDocument';
import type { NoteBullet, NoteFile, NoteHeading } from './model';
import { flattenBullets, headingPath } from './model';
import { plainText } from './parse';

const MAX_LABEL = 90;
const MAX_FILTER_BULLETS = 20;

export interface NotesTreeOptions {
  filter?: string;
  /** The active document (its uri's file name and its parsed state). */
  document?: { uri: string; state: DocumentState };
  /** Whether a resource type exists (a misspelt type gets no notes under "Notes for this file"). */
  knownType?: (type: string) => boolean;
}

function truncate(text: string, max = MAX_LABEL): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

function headingTarget(heading: NoteHeading): NoteLocation {
  return { path: heading.note.path, line: heading.line, fragment: heading.slug };
}

function bulletTarget(note: NoteFile, bullet: NoteBullet): NoteLocation {
  const target: NoteLocation = { path: note.path, line: bullet.line };
  if (bullet.heading) target.fragment = bullet.heading.slug;
  return target;
}

function noteTarget(note: NoteFile): NoteLocation {
  const title = note.roots[0];
  return title ? headingTarget(title) : { path: note.path, line: 0 };
}

function headingTooltip(heading: NoteHeading): string {
  const lines = [`**${headingPath(heading)}**`];
  if (heading.topics.length) lines.push(`Topics: ${heading.topics.map((t) => `\`${t}\``).join(', ')}`);
  return lines.join('\n\n');
}

/** The sections shown under a note: below its `#` title when it has one, else its top headings. */
function topSections(note: NoteFile): NoteHeading[] {
  if (note.roots.length === 1 && note.roots[0].level === 1) return note.roots[0].children;
  return note.roots;
}

class Filter {
  readonly words: string[];
  constructor(text: string | undefined) {
    this.words = (text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  }
  get active(): boolean {
    return this.words.length > 0;
  }
  matches(...texts: string[]): boolean {
    const haystack = texts.join(' ').toLowerCase();
    return this.words.every((w) => haystack.includes(w));
  }
}

function bulletNode(note: NoteFile, bullet: NoteBullet, prefix: string): NotesTreeNode {
  const text = plainText(bullet.text);
  return {
    id: `${prefix}:${note.path}:b${bullet.line}`,
    label: truncate(text),
    tooltip: text.length > MAX_LABEL ? text : undefined,
    kind: 'bullet',
    target: bulletTarget(note, bullet),
  };
}

function headingNode(heading: NoteHeading, filter: Filter, prefix: string, forced = false): NotesTreeNode | undefined {
  const children = heading.children
    .map((child) => headingNode(child, filter, prefix, forced))
    .filter((n): n is NotesTreeNode => !!n);
  const node: NotesTreeNode = {
    id: `${prefix}:${heading.note.path}:h${heading.line}`,
    label: heading.label,
    tooltip: headingTooltip(heading),
    kind: 'heading',
    target: headingTarget(heading),
  };
  if (filter.active && !forced) {
    const own = filter.matches(heading.label, heading.topics.join(' '));
    const bullets = flattenBullets(heading.bullets)
      .filter((b) => filter.matches(b.text))
      .slice(0, MAX_FILTER_BULLETS)
      .map((b) => bulletNode(heading.note, b, prefix));
    if (!own && !bullets.length && !children.length) return undefined;
    node.children = [...bullets, ...children];
    node.expanded = true;
    return node;
  }
  if (children.length) node.children = children;
  return node;
}

function noteNode(note: NoteFile, filter: Filter, prefix: string): NotesTreeNode | undefined {
  const titleMatches = filter.active && filter.matches(note.title, note.services.join(' '));
  const children = topSections(note)
    .map((h) => headingNode(h, filter, prefix, titleMatches))
    .filter((n): n is NotesTreeNode => !!n);
  const title = note.roots.length === 1 && note.roots[0].level === 1 ? note.roots[0] : undefined;
  const ownBullets = filter.active && !titleMatches ? [...note.preamble, ...(title?.bullets ?? [])] : [];
  const bulletNodes = flattenBullets(ownBullets)
    .filter((b) => filter.matches(b.text))
    .slice(0, MAX_FILTER_BULLETS)
    .map((b) => bulletNode(note, b, prefix));
  if (filter.active && !titleMatches && !children.length && !bulletNodes.length) return undefined;
  const node: NotesTreeNode = {
    id: `${prefix}:${note.path}`,
    label: note.title,
    description: note.section ?? (note.bundled ? undefined : note.relativePath),
    tooltip: [`**${note.title}**`, note.services.length ? `Services: ${note.services.join(', ')}` : '', note.path].filter(Boolean).join('\n\n'),
    kind: 'note',
    target: noteTarget(note),
  };
  const all = [...bulletNodes, ...children];
  if (all.length) node.children = all;
  if (filter.active) node.expanded = true;
  return node;
}

function questionsGroup(notes: NoteFile[], filter: Filter): NotesTreeNode | undefined {
  const children: NotesTreeNode[] = [];
  for (const note of notes.filter((n) => n.kind === 'questions')) {
    const headings = note.headings.filter((h) => h.bullets.length);
    for (const heading of headings) {
      const questions = heading.bullets
        .filter((b) => !filter.active || filter.matches(heading.label, b.text, ...flattenBullets(b.children).map((c) => c.text)))
        .map((b): NotesTreeNode => ({ ...bulletNode(note, b, 'questions'), kind: 'question', description: heading.label }));
      children.push(...questions);
    }
  }
  if (!children.length) return undefined;
  return { id: 'group:questions', label: 'Open questions', kind: 'group', children, expanded: filter.active, description: `${children.length}` };
}

function forDocumentGroup(index: NotesIndex, options: NotesTreeOptions): NotesTreeNode | undefined {
  const document = options.document;
  if (!document?.state.kind) return undefined;
  const name = decodeURIComponent(document.uri.slice(document.uri.lastIndexOf('/') + 1));
  const known = options.knownType;
  const types = documentResourceTypes(document.state).filter(
    (type) => !known || type === 'AWS::CloudFormation::Stack' || known(type),
  );
  const sections = sectionsForResourceTypes(index.notes(), types);
  const byNote = new Map<NoteFile, NotesTreeNode[]>();
  for (const section of sections) {
    const list = byNote.get(section.note) ?? [];
    const heading = section.heading;
    list.push({
      id: `file:${section.note.path}:h${heading?.line ?? -1}`,
      label: heading ? heading.label : section.note.title,
      description: section.resourceTypes.filter((t) => t !== 'AWS::CloudFormation::Stack').join(', ') || undefined,
      tooltip: heading ? headingTooltip(heading) : undefined,
      kind: 'heading',
      target: heading ? headingTarget(heading) : noteTarget(section.note),
    });
    byNote.set(section.note, list);
  }
  const children = [...byNote].map(
    ([note, headings]): NotesTreeNode => ({
      id: `file:${note.path}`,
      label: note.title,
      description: note.section,
      kind: 'note',
      target: noteTarget(note),
      children: headings,
      expanded: true,
    }),
  );
  if (!children.length) {
    children.push({ id: 'file:none', label: 'No notes about the services in this file', kind: 'message' });
  }
  return {
    id: 'group:file',
    label: 'Notes for this file',
    description: `${name} (${KIND_LABELS[document.state.kind]})`,
    kind: 'group',
    children,
    expanded: true,
  };
}

function folderName(path: string): string {
  const clean = path.replace(/[\\/]+$/, '');
  return clean.slice(Math.max(clean.lastIndexOf('/'), clean.lastIndexOf('\\')) + 1) || clean;
}

/** The whole sidebar tree. */
export function buildNotesTree(index: NotesIndex, options: NotesTreeOptions = {}): NotesTreeNode[] {
  const filter = new Filter(options.filter);
  const notes = index.notes();
  const nodes: NotesTreeNode[] = [];
  const forFile = filter.active ? undefined : forDocumentGroup(index, options);
  if (forFile) nodes.push(forFile);
  const questions = questionsGroup(notes, filter);
  if (questions && filter.active) questions.id = `filter(${filter.words.join(' ')}):questions`;
  if (questions) nodes.push(questions);
  // Filtered nodes get other ids, so that they show expanded instead of keeping their old state.
  const prefix = filter.active ? `filter(${filter.words.join(' ')})` : 'notes';
  for (const folder of index.folderInfos()) {
    const folderNotes = notes.filter((n) => n.folder === folder.path && n.kind !== 'questions');
    const children = folderNotes.map((n) => noteNode(n, filter, prefix)).filter((n): n is NotesTreeNode => !!n);
    if (folder.bundled) {
      nodes.push(...children);
      continue;
    }
    if (filter.active && !children.length) continue;
    if (!children.length) {
      const message = folder.exists ? 'No Markdown notes in this folder' : 'Folder not found';
      children.push({ id: `folder:${folder.path}:empty`, label: message, kind: 'message' });
    }
    nodes.push({
      id: `folder:${folder.path}`,
      label: folderName(folder.path),
      description: folder.path,
      tooltip: `Your notes folder \`${folder.path}\` (setting \`awsDevNotes.notes.folders\`)`,
      kind: 'folder',
      children,
      expanded: true,
    });
  }
  if (filter.active && !nodes.length) {
    nodes.push({ id: 'filter:none', label: `Nothing in the notes contains "${options.filter?.trim() ?? ''}"`, kind: 'message' });
  }
  return nodes;
}

function searchItem(note: NoteFile, heading: NoteHeading | undefined, bullet: NoteBullet | undefined): NotesSearchItem {
  if (bullet) {
    return {
      kind: 'bullet',
      label: truncate(plainText(bullet.text), 160),
      description: heading ? headingPath(heading) : note.title,
      target: bulletTarget(note, bullet),
    };
  }
  if (heading) return { kind: 'heading', label: heading.label, description: headingPath(heading), target: headingTarget(heading) };
  return { kind: 'heading', label: note.title, target: noteTarget(note) };
}

/** Every heading and bullet in note order (the search before anything is typed). */
function allSearchItems(index: NotesIndex): NotesSearchItem[] {
  const items: NotesSearchItem[] = [];
  for (const note of index.notes()) {
    for (const bullet of flattenBullets(note.preamble)) items.push(searchItem(note, undefined, bullet));
    for (const heading of note.headings) {
      items.push(searchItem(note, heading, undefined));
      for (const bullet of flattenBullets(heading.bullets)) items.push(searchItem(note, heading, bullet));
    }
  }
  return items.filter((i) => i.label);
}

export const DEFAULT_SEARCH_LIMIT = 50;
const MAX_SEARCH_LIMIT = 500;

/**
 * The notes search (`awsDevNotes/notesSearch`): the headings and bullets about the query, best
 * first — by meaning rather than exact phrase (word order, hyphens, plurals, typos and AWS
 * shorthand do not matter). Without a query: every heading and bullet, in note order.
 */
export function notesSearchItems(index: NotesIndex, params: { query?: unknown; limit?: unknown } = {}): NotesSearchItem[] {
  const limit =
    typeof params.limit === 'number' && Number.isFinite(params.limit) && params.limit > 0
      ? Math.min(Math.floor(params.limit), MAX_SEARCH_LIMIT)
      : undefined;
  const query = typeof params.query === 'string' ? params.query.trim() : '';
  if (!query) {
    const all = allSearchItems(index);
    return limit ? all.slice(0, limit) : all;
  }
  return index.search
    .query(query, limit ?? DEFAULT_SEARCH_LIMIT)
    .map(({ item }) => searchItem(item.note, item.heading, item.kind === 'bullet' ? item.bullet : undefined))
    .filter((i) => i.label);
}
