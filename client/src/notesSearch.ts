/**
 * The live notes search behind the quick pick, without VS Code: each keystroke asks the server
 * (`awsDevNotes/notesSearch`) after a short pause, answers to older keystrokes are dropped, and the
 * server's items become picks in the server's order (best first). The quick pick itself is in
 * notesView.ts.
 */
import type { NoteLocation, NotesSearchItem } from '../../server/src/protocol';

export interface SearchPick {
  label: string;
  description?: string;
  target: NoteLocation;
  /** The server has matched the item already: the quick pick must not filter it out again. */
  alwaysShow: true;
}

/** Server items as quick pick items (`$(` in a note is not an icon). */
export function toPicks(items: NotesSearchItem[]): SearchPick[] {
  return items.map((item) => ({
    label: `$(${item.kind === 'heading' ? 'list-tree' : 'circle-small'}) ${item.label.replace(/\$\(/g, '\\$(')}`,
    description: item.description,
    target: item.target,
    alwaysShow: true,
  }));
}

export interface LiveSearchOptions {
  /** Asks the server. */
  search: (query: string) => Promise<NotesSearchItem[]>;
  /** Shows the picks for a query (only for the latest query). */
  show: (picks: SearchPick[], query: string) => void;
  /** Shows that a search is running, or not. */
  busy?: (busy: boolean) => void;
  /** Reports a failed search (the picks stay as they were). */
  failed?: (error: unknown) => void;
  /** Pause after a keystroke before asking, in ms. */
  delay?: number;
}

export const SEARCH_DELAY_MS = 120;

export class LiveSearch {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private latest = 0;
  private disposed = false;

  constructor(private readonly options: LiveSearchOptions) {}

  /** The query changed: search again after the pause (at once with `immediate`). */
  update(query: string, immediate = false): void {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    const ticket = ++this.latest;
    const run = (): void => {
      this.timer = undefined;
      void this.run(query, ticket);
    };
    if (immediate) run();
    else this.timer = setTimeout(run, this.options.delay ?? SEARCH_DELAY_MS);
  }

  private async run(query: string, ticket: number): Promise<void> {
    this.options.busy?.(true);
    try {
      const items = await this.options.search(query.trim());
      if (ticket === this.latest && !this.disposed) this.options.show(toPicks(items), query);
    } catch (error) {
      if (ticket === this.latest && !this.disposed) this.options.failed?.(error);
    } finally {
      if (ticket === this.latest && !this.disposed) this.options.busy?.(false);
    }
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
  }
}
