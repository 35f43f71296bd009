/**
 * The bundled notes as parsed at build time (esbuild.mjs → dist/notes-index.json, see
 * service/notes/snapshot.ts), read on first use; undefined when the build made none.
 */
import { readFileSync } from 'node:fs';
import type { NotesSnapshot } from './service/notes/snapshot';

export function loadPrebuiltNotes(file: string): () => NotesSnapshot | undefined {
  let snapshot: NotesSnapshot | null | undefined;
  return () => {
    if (snapshot === undefined) {
      try {
        snapshot = JSON.parse(readFileSync(file, 'utf8')) as NotesSnapshot;
      } catch {
        snapshot = null;
      }
    }
    return snapshot ?? undefined;
  };
}

/** The file's name beside the bundles. */
export const NOTES_INDEX = 'notes-index.json';
