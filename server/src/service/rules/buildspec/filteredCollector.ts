/**
 * A collector that forwards only some diagnostics to another collector. The kinds' schema rules
 * run through it so that a schema error a dedicated rule explains better (at the same place) is
 * reported once, by the dedicated rule.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReportOptions, Span } from '../../diagnostics';
import { DiagnosticCollector } from '../../diagnostics';

/** Says whether a diagnostic (by its span and code) is replaced by a dedicated rule. */
export type Replaced = (span: Span, code: string) => boolean;

export class FilteredCollector extends DiagnosticCollector {
  constructor(
    document: TextDocument,
    private readonly target: DiagnosticCollector,
    private readonly replaced: Replaced,
  ) {
    super(document);
  }

  override report(span: Span, message: string, code: string, options: ReportOptions = {}): void {
    if (!this.replaced(span, code)) this.target.report(span, message, code, options);
  }
}

/** The (offset, code) pairs and whole ranges a dedicated rule covers. */
export class Replacements {
  private readonly entries = new Set<string>();
  private readonly ranges: Span[] = [];

  /** The schema error with this code at this node (or key) is replaced. */
  add(span: Span, code: string): void {
    this.entries.add(`${span.offset}:${code}`);
  }

  /** Every schema error inside this range is replaced (a rule reports the whole thing as misplaced). */
  addRange(span: Span): void {
    this.ranges.push(span);
  }

  readonly has: Replaced = (span, code) =>
    this.entries.has(`${span.offset}:${code}`) ||
    this.ranges.some((r) => span.offset >= r.offset && span.offset + span.length <= r.offset + r.length);
}
