/**
 * Parse once per document version: the parsed tree and the detected kind are kept per URI and
 * replaced when the version changes. Old entries are evicted beyond a bound. A new version is
 * computed with the previous one at hand, so that the unchanged parts of a large YAML document
 * are reused (incrementalParse.ts).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ChunkCache } from './incrementalParse';
import type { Kind } from '../kinds';
import type { ParsedDocument } from './parse';

export interface DocumentState {
  version: number;
  parsed: ParsedDocument;
  kind: Kind | null;
  /** Set when the document is not analysed (too large, binary); the reason for the user. */
  skipped?: string;
  /** The parsed pieces of this version that the next version may reuse. */
  chunks?: ChunkCache;
}

export class DocumentCache {
  private readonly entries = new Map<string, DocumentState>();

  constructor(
    private readonly compute: (document: TextDocument, previous: DocumentState | undefined) => DocumentState,
    private readonly maxEntries = 200,
  ) {}

  get(document: TextDocument): DocumentState {
    const existing = this.entries.get(document.uri);
    if (existing && existing.version === document.version) {
      // Refresh recency.
      this.entries.delete(document.uri);
      this.entries.set(document.uri, existing);
      return existing;
    }
    // The previous version's pieces are moved into the new tree: it must not be used again.
    const state = this.compute(document, existing);
    this.entries.delete(document.uri);
    this.entries.set(document.uri, state);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return state;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}
