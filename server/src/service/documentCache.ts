/**
 * Parse once per document version: the parsed tree and the detected kind are kept per URI and
 * replaced when the version changes. Old entries are evicted beyond a bound.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Kind } from './kinds';
import type { ParsedDocument } from './parse';

export interface DocumentState {
  version: number;
  parsed: ParsedDocument;
  kind: Kind | null;
  /** Set when the document is not analysed (too large, binary); the reason for the user. */
  skipped?: string;
}

export class DocumentCache {
  private readonly entries = new Map<string, DocumentState>();

  constructor(
    private readonly compute: (document: TextDocument) => DocumentState,
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
    const state = this.compute(document);
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
