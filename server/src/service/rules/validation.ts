/**
 * Diagnostics for a document: syntax problems first, then the rules of its kind.
 * A rule that throws is reported as one internal-error diagnostic instead of losing the rest.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { appspecRules } from './appspec';
import { buildspecRules } from './buildspec';
import { cloudformationRules } from './cloudformation';
import { DiagnosticCollector } from '../diagnostics';
import type { DocumentState } from '../parsing/documentCache';
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
  const ignore = services.settings.validationIgnore ?? [];
  if (kind === 'cloudformation') return applySuppressions(document, root, collector.diagnostics, ignore);
  if (!ignore.length) return collector.diagnostics;
  const codes = codesFor(ignore);
  return collector.diagnostics.filter((d) => !codes.has(String(d.code)));
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
