/**
 * Folders of notes: resolving the user's setting (relative to the first workspace folder, `~` to
 * the home folder) and listing the Markdown files below a folder through the injected FileSystem.
 */
import type { FileSystem } from '../fileSystem';

const MAX_DEPTH = 6;
const MAX_FILES = 2000;
/** Folder entries looked at in all (a folder of many thousand files is not listed whole). */
const MAX_ENTRIES = 20_000;
/** A note larger than this is not read (as notes.ts: what a study note could be). */
export const MAX_NOTE_BYTES = 2_000_000;
const SKIPPED_FOLDERS = new Set(['node_modules', 'out', 'dist']);

export function isAbsolutePath(path: string): boolean {
  return /^(?:[A-Za-z]:[\\/]|[\\/])/.test(path);
}

/** Joins and normalises paths with `/` (Windows drive letters and `\` are accepted). */
export function joinPath(base: string, relative: string): string {
  const combined = `${base.replace(/[\\/]+$/, '')}/${relative}`.replace(/\\/g, '/');
  const drive = /^[A-Za-z]:/.exec(combined)?.[0] ?? '';
  const rest = combined.slice(drive.length);
  const absolute = rest.startsWith('/');
  const parts: string[] = [];
  for (const part of rest.split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') {
      if (parts.length && parts[parts.length - 1] !== '..') parts.pop();
      else if (!absolute) parts.push(part);
    } else {
      parts.push(part);
    }
  }
  return `${drive}${absolute ? '/' : ''}${parts.join('/')}`;
}

export interface WorkspaceInfo {
  /** Workspace folder paths; relative note folders are resolved against the first one. */
  roots: string[];
  /** The user's home folder, for `~/…`. */
  home?: string;
}

/** The absolute folder for a setting entry, or a message saying why it cannot be used. */
export function resolveFolder(folder: string, workspace: WorkspaceInfo): { path?: string; problem?: string } {
  const trimmed = folder.trim();
  if (!trimmed) return { problem: 'awsDevNotes.notes.folders: an empty entry is ignored.' };
  if (trimmed === '~' || trimmed.startsWith('~/') || trimmed.startsWith('~\\')) {
    if (!workspace.home) return { problem: `awsDevNotes.notes.folders: cannot resolve "${trimmed}" (home folder unknown).` };
    return { path: joinPath(workspace.home, trimmed.slice(2)) };
  }
  if (isAbsolutePath(trimmed)) return { path: joinPath(trimmed, '') };
  const root = workspace.roots[0];
  if (!root) {
    return { problem: `awsDevNotes.notes.folders: "${trimmed}" is relative, and there is no workspace folder to resolve it against.` };
  }
  return { path: joinPath(root, trimmed) };
}

export interface ListedFile {
  path: string;
  relativePath: string;
}

/**
 * The Markdown files below a folder (sorted by relative path), skipping hidden and build folders.
 * Bounded: at most MAX_FILES notes, MAX_ENTRIES folder entries and MAX_DEPTH levels are looked
 * at, and files above MAX_NOTE_BYTES are left out without being read; `report` says so.
 */
export function listMarkdownFiles(
  fs: FileSystem,
  folder: string,
  report: (problem: string) => void = () => undefined,
): ListedFile[] {
  const out: ListedFile[] = [];
  if (!fs.readDirectory) return out;
  let entriesSeen = 0;
  let truncated = false;
  const visit = (dir: string, relative: string, depth: number): void => {
    if (depth > MAX_DEPTH || truncated) return;
    const entries = fs.readDirectory?.(dir) ?? [];
    for (const entry of [...entries].sort((a, b) => a.name.localeCompare(b.name))) {
      if (out.length >= MAX_FILES || ++entriesSeen > MAX_ENTRIES) {
        truncated = true;
        return;
      }
      if (entry.name.startsWith('.')) continue;
      const childRelative = relative ? `${relative}/${entry.name}` : entry.name;
      const childPath = `${dir.replace(/[\\/]+$/, '')}/${entry.name}`;
      if (entry.isDirectory) {
        if (!SKIPPED_FOLDERS.has(entry.name)) visit(childPath, childRelative, depth + 1);
      } else if (/\.(md|markdown)$/i.test(entry.name)) {
        const size = fs.size?.(childPath);
        if (size !== undefined && size > MAX_NOTE_BYTES) {
          report(`${childPath}: ${(size / 1_000_000).toFixed(1)} MB, larger than ${MAX_NOTE_BYTES / 1_000_000} MB; not indexed.`);
        } else {
          out.push({ path: childPath, relativePath: childRelative });
        }
      }
    }
  };
  visit(folder, '', 0);
  if (truncated) {
    report(
      `${folder}: more than ${MAX_FILES.toLocaleString('en-US')} notes or ${MAX_ENTRIES.toLocaleString('en-US')} entries; only the first are indexed.`,
    );
  }
  return out.sort((a, b) => a.relativePath.localeCompare(b.relativePath));
}
