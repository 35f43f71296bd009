/**
 * Parse once per document version: the parsed tree and the detected kind are kept per URI and
 * replaced when the version changes. A new version is computed with the previous one at hand, so
 * that the unchanged parts of a large YAML document are reused (incrementalParse.ts).
 *
 * The least recently used trees are dropped beyond a number of documents and beyond an amount
 * of text (a tree takes about 25 times its text in memory), so that the memory of the server
 * stays bounded however many documents are open; a dropped document is parsed again when it is
 * next used. The most recent document is always kept.
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

export interface DocumentCacheLimits {
  /** Documents kept at most. */
  entries: number;
  /** Characters of text, summed over the documents kept, beyond which the oldest are dropped. */
  textLength: number;
}

export const DEFAULT_CACHE_LIMITS: DocumentCacheLimits = { entries: 200, textLength: 1_000_000 };

export class DocumentCache {
  private readonly entries = new Map<string, DocumentState>();
  private textLength = 0;

  constructor(
    private readonly compute: (document: TextDocument, previous: DocumentState | undefined) => DocumentState,
    private readonly limits: DocumentCacheLimits = DEFAULT_CACHE_LIMITS,
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
    this.delete(document.uri);
    this.entries.set(document.uri, state);
    this.textLength += state.parsed.text.length;
    while (
      this.entries.size > 1 &&
      (this.entries.size > this.limits.entries || this.textLength > this.limits.textLength)
    ) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
    }
    return state;
  }

  /** Whether a document's tree is kept (for tests). */
  has(uri: string): boolean {
    return this.entries.has(uri);
  }

  delete(uri: string): void {
    const state = this.entries.get(uri);
    if (!state) return;
    this.textLength -= state.parsed.text.length;
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
    this.textLength = 0;
  }
}
