/**
 * What the server does about a document whose analysis ran past its budget (analysisWorker.ts):
 * the diagnostic that says so, and a guard that keeps the main thread's features (hover,
 * completion, symbols, …) off that document until a later version is analysed in time, so the
 * document cannot stall the main thread either.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { LanguageService } from './service/languageService';
import type { DocumentState } from './service/parsing/documentCache';

/** The time one validation may take before it is abandoned (overridable for tests). */
export function analysisBudgetMs(env: NodeJS.ProcessEnv = process.env): number {
  const fromEnv = Number(env.AWS_DEV_NOTES_ANALYSIS_BUDGET_MS);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 8000;
}

/** Why a document is not analysed: past the budget, or the worker died on it (`crash`). */
export function analysisStoppedDiagnostic(budgetMs: number, crash?: string): Diagnostic {
  const seconds =
    budgetMs >= 1000 ? `${(budgetMs / 1000).toFixed(budgetMs % 1000 ? 1 : 0)} s` : `${budgetMs} ms`;
  const why = crash
    ? `the analysis failed on this document (${crash})`
    : `checking this document took longer than ${seconds}, so it was abandoned`;
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Warning,
    code: 'analysis-stopped',
    source: 'aws-dev-notes',
    message: `Analysis stopped: ${why}. Hover, completion and the outline are off for it until an edit makes it quick to check again.`,
  };
}

/** The methods of LanguageService that take a document first. */
const DOCUMENT_METHODS = new Set<string>([
  'doHover',
  'doComplete',
  'findDefinition',
  'findReferences',
  'prepareRename',
  'doRename',
  'findDocumentHighlights',
  'findDocumentSymbols',
  'getFoldingRanges',
  'getCodeActions',
  'findDocumentLinks',
]);

/** Empty answers for a stalled document, per method. */
const EMPTY: Record<string, unknown> = {
  doHover: null,
  doComplete: { isIncomplete: false, items: [] },
  findDefinition: null,
  prepareRename: null,
  doRename: null,
};

function stalledState(document: TextDocument): DocumentState {
  return {
    version: document.version,
    parsed: { format: 'yaml', root: undefined, problems: [], text: '' },
    kind: null,
    skipped: 'Analysis stopped: the document took too long to check.',
  };
}

/**
 * The service, except that the per-document features answer empty for a document `stalled`
 * says is stalled (instead of parsing it on the main thread).
 */
export function guardStalledDocuments(
  service: LanguageService,
  stalled: (document: TextDocument) => boolean,
): LanguageService {
  return new Proxy(service, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (property === 'getKind' || property === 'getState') {
        return (document: TextDocument) => {
          if (!stalled(document))
            return property === 'getKind' ? target.getKind(document) : target.getState(document);
          return property === 'getKind' ? null : stalledState(document);
        };
      }
      if (typeof property !== 'string' || !DOCUMENT_METHODS.has(property) || typeof value !== 'function')
        return value;
      const method = value as (document: TextDocument, ...rest: unknown[]) => unknown;
      return (document: TextDocument, ...rest: unknown[]) =>
        stalled(document)
          ? property in EMPTY
            ? EMPTY[property]
            : []
          : method.call(target, document, ...rest);
    },
  });
}
