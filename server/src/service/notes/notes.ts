/**
 * The notes index: the bundled notes and the user's folders of Markdown notes, read lazily on
 * first use and cached per folder; a folder is read again after `invalidate` names one of its
 * files (the client watches the user's folders and tells the server).
 */
import type { FileSystem } from '../fileSystem';
import type { WorkspaceInfo } from './folders';
import { listMarkdownFiles, resolveFolder } from './folders';
import type { NoteExcerpt, NotesQuery } from './lookup';
import { lookupNotes } from './lookup';
import type { NoteFile, NoteHeading, NoteTarget } from './model';
import { parseNote } from './parse';
import { NotesSearchIndex } from './search';
import type { NotesSnapshot } from './snapshot';
import { fromSnapshot } from './snapshot';

export interface NotesFolderInfo {
  /** Absolute path of the folder. */
  path: string;
  bundled: boolean;
  /** The entry of `awsDevNotes.notes.folders` it came from (user folders). */
  setting?: string;
  /** Whether the folder could be listed. */
  exists: boolean;
  noteCount: number;
}

/** A Markdown file larger than this is not a note (a generated document, a log). */
const MAX_NOTE_SIZE = 2_000_000;

interface FolderEntry {
  notes: NoteFile[];
  exists: boolean;
}

export class NotesIndex {
  private userFolders: string[] = [];
  private workspace: WorkspaceInfo = { roots: [] };
  private readonly cache = new Map<string, FolderEntry>();
  private all: NoteFile[] | undefined;
  private searchIndex: NotesSearchIndex | undefined;
  /** Problems with the user's folders or notes (logged by the server, once each). */
  readonly problems: string[] = [];
  private readonly reported = new Set<string>();

  /**
   * `prebuilt`: the bundled notes as parsed at build time (used for a file only while its text is
   * the one parsed then), read on first use.
   */
  constructor(
    readonly fs: FileSystem,
    readonly bundledFolders: string[],
    private readonly prebuilt?: () => NotesSnapshot | undefined,
  ) {}

  setUserFolders(folders: string[]): void {
    if (folders.length === this.userFolders.length && folders.every((f, i) => f === this.userFolders[i]))
      return;
    this.userFolders = [...folders];
    this.all = undefined;
  }

  /** Where relative folders of the setting are resolved (the client sends its workspace folders). */
  setWorkspace(workspace: WorkspaceInfo): void {
    this.workspace = { roots: [...workspace.roots], home: workspace.home };
    this.all = undefined;
  }

  private report(problem: string): void {
    if (this.reported.has(problem)) return;
    this.reported.add(problem);
    this.problems.push(problem);
  }

  private resolvedUserFolders(): { path: string; setting: string }[] {
    const out: { path: string; setting: string }[] = [];
    for (const setting of this.userFolders) {
      const { path, problem } = resolveFolder(setting, this.workspace);
      if (problem) this.report(problem);
      if (path && !out.some((f) => f.path === path) && !this.bundledFolders.includes(path))
        out.push({ path, setting });
    }
    return out;
  }

  /** The folders indexed: bundled first, then the user's (resolved). */
  get folders(): string[] {
    return [...this.bundledFolders, ...this.resolvedUserFolders().map((f) => f.path)];
  }

  folderInfos(): NotesFolderInfo[] {
    const bundled = this.bundledFolders.map((path) => ({ path, bundled: true }));
    const user = this.resolvedUserFolders().map(({ path, setting }) => ({ path, bundled: false, setting }));
    return [...bundled, ...user].map((f) => {
      const entry = this.folder(f.path, f.bundled);
      return { ...f, exists: entry.exists, noteCount: entry.notes.length };
    });
  }

  private folder(path: string, bundled: boolean): FolderEntry {
    let entry = this.cache.get(path);
    if (!entry) {
      const exists = this.fs.exists(path);
      if (!exists && !bundled) this.report(`awsDevNotes.notes.folders: the folder ${path} does not exist.`);
      const notes: NoteFile[] = [];
      for (const file of exists ? listMarkdownFiles(this.fs, path, (p) => this.report(p)) : []) {
        const text = this.fs.readFile(file.path);
        if (text === undefined) continue;
        if (text.length > MAX_NOTE_SIZE) {
          this.report(`${file.path}: larger than ${MAX_NOTE_SIZE / 1_000_000} MB; not indexed.`);
          continue;
        }
        const place = { path: file.path, folder: path, relativePath: file.relativePath, bundled };
        const snapshot = bundled ? this.prebuilt?.()?.[file.relativePath] : undefined;
        const note =
          snapshot?.text === text ? fromSnapshot(snapshot, place) : parseNote({ ...place, text });
        // A README without front matter explains the folder; it is not a note.
        if (/^readme\.(md|markdown)$/i.test(file.relativePath) && !note.hasFrontMatter) continue;
        for (const problem of note.problems) this.report(`${file.path}: ${problem}`);
        notes.push(note);
      }
      entry = { notes, exists };
      this.cache.set(path, entry);
    }
    return entry;
  }

  /** Every note, bundled first (indexed on first use). */
  notes(): NoteFile[] {
    if (!this.all) {
      this.all = [
        ...this.bundledFolders.flatMap((path) => this.folder(path, true).notes),
        ...this.resolvedUserFolders().flatMap(({ path }) => this.folder(path, false).notes),
      ];
    }
    return this.all;
  }

  /**
   * Forgets what was read from the folders holding these paths (files or folders), or from every
   * folder when no path is given, so that the next use reads them again.
   */
  invalidate(paths?: string[]): void {
    this.all = undefined;
    if (!paths) {
      this.cache.clear();
      return;
    }
    const normalized = paths.map((p) => p.replace(/\\/g, '/'));
    for (const folder of [...this.cache.keys()]) {
      const prefix = `${folder.replace(/\\/g, '/').replace(/\/+$/, '')}/`;
      if (normalized.some((p) => p.startsWith(prefix) || `${p}/` === prefix || prefix.startsWith(`${p}/`))) {
        this.cache.delete(folder);
      }
    }
  }

  /** The search index over every heading and bullet (built on first use, with the notes). */
  get search(): NotesSearchIndex {
    const notes = this.notes();
    if (!this.searchIndex || this.searchIndexOf !== notes) {
      this.searchIndex = new NotesSearchIndex(notes);
      this.searchIndexOf = notes;
    }
    return this.searchIndex;
  }

  private searchIndexOf: NoteFile[] | undefined;

  lookup(query: NotesQuery): NoteExcerpt[] {
    return lookupNotes(this.notes(), this.search, query);
  }

  noteAt(path: string): NoteFile | undefined {
    const wanted = path.replace(/\\/g, '/');
    return this.notes().find((n) => n.path.replace(/\\/g, '/') === wanted);
  }

  /** The heading a line of a note belongs to (the nearest at or above it). */
  headingAt(path: string, line: number): NoteHeading | undefined {
    const note = this.noteAt(path);
    if (!note) return undefined;
    let found: NoteHeading | undefined;
    for (const heading of note.headings) if (heading.line <= line) found = heading;
    return found;
  }

  /** Where to open a note at a line: the preview anchor of the heading the line is in. */
  target(path: string, line: number): NoteTarget {
    const heading = this.headingAt(path, line);
    return heading ? { path, line, fragment: heading.slug } : { path, line };
  }
}
