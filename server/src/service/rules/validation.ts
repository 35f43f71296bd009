/**
 * Diagnostics for a document: syntax problems first, then the rules of its kind.
 * A rule that throws is reported as one internal-error diagnostic instead of losing the rest.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { appspecRules } from './appspec';
import { buildspecRules } from './buildspec';
import { cloudformationRules } from './cloudformation';
import { DiagnosticCollector } from '../diagnostics';
import type { DocumentState } from '../parsing/documentCache';
import type { ParsedDocument } from '../parsing/parse';
import type { FileSystem } from '../fileSystem';
import type { Kind } from '../kinds';
import { uriPath } from '../kinds';
import type { SchemaStore } from '../schemas/schemaStore';
import type { Settings } from '../settings';
import { taskdefRules } from './taskdef';
import type { Rule, ValidationContext } from './validationContext';
import { applySuppressions, codesFor } from './cloudformation/suppression';

export const RULES: Record<Kind, Rule[]> = {
  cloudformation: cloudformationRules,
  buildspec: buildspecRules,
  appspec: appspecRules,
  'ecs-task-definition': taskdefRules,
};

export interface ValidationServices {
  schemas: SchemaStore;
  fs: FileSystem;
  settings: Settings;
  /** The clock; the real one unless a test injects another. */
  now?: () => Date;
}

export function validateDocument(
  document: TextDocument,
  state: DocumentState,
  services: ValidationServices,
): Diagnostic[] {
  const collector = new DiagnosticCollector(document);
  if (state.skipped) {
    collector.report({ offset: 0, length: 0 }, state.skipped, 'not-analysed', { severity: 'info' });
    return collector.diagnostics;
  }
  const { parsed, kind } = state;
  // Syntax problems matter in any YAML/JSON file only once we know it is one of ours.
  if (!kind) return [];
  for (const problem of parsed.problems) {
    collector.report(problem, problem.message, problem.code, { severity: problem.severity });
  }
  const root = parsed.root;
  if (!root) {
    collector.report({ offset: 0, length: 0 }, 'The document is empty.', 'empty-document', {
      severity: 'warning',
    });
    return collector.diagnostics;
  }
  const context = {
    document,
    parsed,
    root,
    kind,
    collector,
    schemas: services.schemas,
    fs: services.fs,
    settings: services.settings,
    now: services.now ?? (() => new Date()),
    documentPath:
      document.uri.startsWith('file:') || !document.uri.includes(':') ? uriPath(document.uri) : undefined,
  };
  runRules(RULES[kind], context);
  const diagnostics = onePerProblem(collector.diagnostics, unreadableLines(document, parsed.problems));
  return suppress(document, parsed, kind, diagnostics, services.settings);
}

/**
 * The diagnostics that survive the suppressions: the workspace's `validation.ignore` setting, and
 * for templates the `Metadata` ignores of the template and its resources. Validation applies it to
 * its own findings; the façade applies it to the advice from the notes too.
 */
export function suppress(
  document: TextDocument,
  parsed: ParsedDocument,
  kind: Kind | null,
  diagnostics: Diagnostic[],
  settings: Settings,
): Diagnostic[] {
  const ignore = settings.validationIgnore ?? [];
  const root = parsed.root;
  if (kind === 'cloudformation' && root) return applySuppressions(document, root, diagnostics, ignore);
  if (!ignore.length || !diagnostics.length) return diagnostics;
  const codes = codesFor(ignore);
  return diagnostics.filter((d) => !codes.has(String(d.code)));
}

function runRules(rules: Rule[], context: ValidationContext): void {
  const { collector } = context;
  for (const rule of rules) {
    try {
      rule(context);
    } catch (error) {
      collector.report(
        { offset: 0, length: 0 },
        `Internal error in rule ${rule.name || 'anonymous'}: ${error instanceof Error ? error.message : String(error)}`,
        'internal-error',
        { severity: 'warning' },
      );
    }
  }
}

/** The lines of syntax errors (and of what an indentation slip breaks). */
function unreadableLines(document: TextDocument, problems: ParsedDocument['problems']): Set<number> {
  const lines = new Set<number>();
  for (const problem of problems) {
    if (problem.severity !== 'error' || !SYNTAX_CODES.has(problem.code)) continue;
    const [from, to] = problem.affected ?? [problem.offset, problem.offset];
    const first = document.positionAt(from).line;
    const last = document.positionAt(to).line;
    for (let line = first; line <= last; line++) lines.add(line);
  }
  return lines;
}

const SYNTAX_CODES = new Set(['yaml-syntax', 'yaml-indentation', 'json-syntax']);

/**
 * One problem, one diagnostic: on a line the parser could not read, the rules' findings are
 * guesses (a slipped key is "not under Properties"), so only the syntax problem stays; and where
 * a rule explains a value the schema also rejects (a log driver Fargate does not support), the
 * rule's words replace the bare "not an allowed value".
 */
function onePerProblem(diagnostics: Diagnostic[], syntaxLines: Set<number>): Diagnostic[] {
  const rangeKey = (d: Diagnostic): string =>
    `${d.range.start.line}:${d.range.start.character}:${d.range.end.line}:${d.range.end.character}`;
  const explained = new Set(
    diagnostics
      .filter((d) => !String(d.code).endsWith('-invalid-value') && d.severity === DiagnosticSeverity.Error)
      .map(rangeKey),
  );
  return diagnostics.filter((d) => {
    const code = String(d.code);
    if (SYNTAX_CODES.has(code)) return true;
    if (syntaxLines.has(d.range.start.line)) return false;
    return !(code.endsWith('-invalid-value') && explained.has(rangeKey(d)));
  });
}
