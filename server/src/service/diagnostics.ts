/**
 * What every rule reports through: a diagnostic at a node's exact range, with a stable code,
 * the `aws-dev-notes` source, and optional data that quick fixes read.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-types';

export const SOURCE = 'aws-dev-notes';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function severityName(severity: DiagnosticSeverity | undefined): Severity {
  switch (severity) {
    case DiagnosticSeverity.Warning:
      return 'warning';
    case DiagnosticSeverity.Information:
      return 'info';
    case DiagnosticSeverity.Hint:
      return 'hint';
    default:
      return 'error';
  }
}

/** Data carried by a diagnostic for its quick fixes. */
export interface DiagnosticData {
  /** The did-you-mean replacement for the diagnostic's range. */
  replacement?: string;
  /** Other acceptable replacements (allowed values). */
  alternatives?: string[];
  /** Missing required keys/properties, to insert. */
  missing?: string[];
  /** The key to remove (unknown property). */
  removable?: boolean;
  [key: string]: unknown;
}

export interface Span {
  offset: number;
  length: number;
}

export interface ReportOptions {
  severity?: Severity;
  data?: DiagnosticData;
  /** Marks the range as unnecessary (faded), e.g. unused parameters. */
  unnecessary?: boolean;
  deprecated?: boolean;
}

/** What rules report through: the collector, or a recorder whose reports are replayed later. */
export interface DiagnosticReporter {
  report(span: Span, message: string, code: string, options?: ReportOptions): void;
}

export class DiagnosticCollector implements DiagnosticReporter {
  readonly diagnostics: Diagnostic[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly document: TextDocument) {}

  report(span: Span, message: string, code: string, options: ReportOptions = {}): void {
    const start = this.document.positionAt(span.offset);
    const end = this.document.positionAt(span.offset + Math.max(span.length, 0));
    const key = `${span.offset}:${span.length}:${code}:${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const diagnostic: Diagnostic = {
      range: { start, end },
      severity: SEVERITIES[options.severity ?? 'error'],
      code,
      source: SOURCE,
      message,
    };
    const tags: DiagnosticTag[] = [];
    if (options.unnecessary) tags.push(DiagnosticTag.Unnecessary);
    if (options.deprecated) tags.push(DiagnosticTag.Deprecated);
    if (tags.length) diagnostic.tags = tags;
    if (options.data) diagnostic.data = options.data;
    this.diagnostics.push(diagnostic);
  }
}

/** One recorded report, its offset relative to the node it was recorded for. */
export interface RecordedReport {
  delta: number;
  length: number;
  message: string;
  code: string;
  options: ReportOptions;
}

/**
 * Records reports about one node with offsets relative to that node, so that they can be
 * replayed when the same node (unchanged, perhaps moved by an edit above it) is checked again.
 */
export class DiagnosticRecorder implements DiagnosticReporter {
  readonly records: RecordedReport[] = [];

  constructor(private readonly base: number) {}

  report(span: Span, message: string, code: string, options: ReportOptions = {}): void {
    this.records.push({ delta: span.offset - this.base, length: span.length, message, code, options });
  }
}

/** Reports recorded reports again, relative to the node's current offset. */
export function replayReports(reporter: DiagnosticReporter, records: RecordedReport[], base: number): void {
  for (const r of records)
    reporter.report({ offset: base + r.delta, length: r.length }, r.message, r.code, r.options);
}
