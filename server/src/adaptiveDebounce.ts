/**
 * How long the server waits after an edit before validating a document, per document, from what
 * validation cost there last and how fast the user is typing: at once when validation is cheap
 * or ends before the next keystroke is due (waiting would only delay the diagnostics), and when
 * the user types faster than it runs, long enough to coalesce the burst of keystrokes into one
 * run — never longer than MAX_DELAY_MS.
 */

/** When the last validation took at most this (ms), the next runs right after the edit. */
export const FAST_MS = 25;
/** The longest wait after an edit. */
export const MAX_DELAY_MS = 300;
/** Keystrokes closer than this (ms) are a burst. */
const BURST_GAP_MS = 400;
/** Weight of the newest gap in the moving average. */
const WEIGHT = 0.5;

interface DocumentTiming {
  /** The last validation's time, ms (not the first one's: that one also loads schemas). */
  cost?: number;
  validations?: number;
  /** Moving average of the gaps between the edits of a burst, ms. */
  gap?: number;
  lastEdit?: number;
}

export class AdaptiveDebounce {
  private readonly timings = new Map<string, DocumentTiming>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  private timing(uri: string): DocumentTiming {
    let timing = this.timings.get(uri);
    if (!timing) {
      timing = {};
      this.timings.set(uri, timing);
    }
    return timing;
  }

  /** Records an edit of `uri` and answers how long to wait before validating it (ms). */
  edited(uri: string): number {
    const timing = this.timing(uri);
    const now = this.now();
    if (timing.lastEdit !== undefined) {
      const gap = now - timing.lastEdit;
      if (gap < BURST_GAP_MS) timing.gap = average(timing.gap, gap);
      else timing.gap = undefined;
    }
    timing.lastEdit = now;
    return this.delay(uri);
  }

  /** The wait before validating `uri` after an edit, from what is known so far. */
  delay(uri: string): number {
    const { cost, gap } = this.timing(uri);
    if (cost === undefined || cost <= FAST_MS) return 0;
    // A slow validation still runs at once when it ends before the next keystroke is due (an
    // edit after a pause, or typing slower than validation): waiting would only delay the
    // diagnostics (and, when the gaps are measured from diagnostics the user waited for, feed
    // itself: each wait lengthens the next gap). Edits that come while a run is under way are
    // coalesced by the runner's queue anyway.
    if (gap === undefined || cost < gap) return 0;
    // The user types faster than validation runs: wait past the next keystroke of the burst.
    return Math.min(MAX_DELAY_MS, Math.round(Math.max(cost, gap * 1.5)));
  }

  /** Records how long a validation of `uri` took (ms). */
  validated(uri: string, ms: number): void {
    const timing = this.timing(uri);
    timing.validations = (timing.validations ?? 0) + 1;
    if (timing.validations > 1) timing.cost = ms;
  }

  forget(uri: string): void {
    this.timings.delete(uri);
  }
}

function average(previous: number | undefined, sample: number): number {
  return previous === undefined ? sample : previous * (1 - WEIGHT) + sample * WEIGHT;
}
