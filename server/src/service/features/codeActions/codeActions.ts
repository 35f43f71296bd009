/**
 * Quick fixes for diagnostics that carry a suggestion (`data` of diagnostics.ts): change to the
 * did-you-mean replacement or an allowed alternative, add missing required keys, remove an
 * unknown or needless key or list item. Each fix is bound to its diagnostic.
 */
import type { CodeAction, CodeActionContext, Diagnostic, Range } from 'vscode-languageserver-types';
import { CodeActionKind } from 'vscode-languageserver-types';
import { keyOwner, scalarText } from '../../ast';
import { missingEdit, missingTarget, targetId } from './addMissing';
import type { MissingTarget } from './addMissing';
import { removeNode } from './remove';
import { replacementFixes } from './replace';
import type { FixContext } from './shared';
import { edit, fixContext, nodeAtRange, quickFix } from './shared';
import type { DiagnosticData } from '../../diagnostics';
import { SOURCE } from '../../diagnostics';
import type { FeatureContext } from '../featureContext';

function wantsQuickFixes(actionContext: CodeActionContext): boolean {
  const only = actionContext.only;
  if (!only?.length) return true;
  return only.some(
    (kind) =>
      kind === '' || kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`),
  );
}

interface MissingPlan {
  diagnostic: Diagnostic;
  target: MissingTarget;
  names: string[];
}

function list(names: string[]): string {
  return names.map((n) => `'${n}'`).join(', ');
}

function missingTitle(fix: FixContext, names: string[]): string {
  const term = fix.context.state.kind === 'cloudformation' ? 'property' : 'key';
  return names.length === 1
    ? `Add required ${term} ${list(names)}`
    : `Add required ${term === 'key' ? 'keys' : 'properties'} ${list(names)}`;
}

function planMissing(fix: FixContext, diagnostic: Diagnostic, data: DiagnosticData): MissingPlan | undefined {
  const missing = Array.isArray(data.missing)
    ? data.missing.filter((m): m is string => typeof m === 'string')
    : [];
  if (!missing.length) return undefined;
  const anchor = nodeAtRange(fix, fix.context.document.offsetAt(diagnostic.range.start));
  const target = anchor && missingTarget(fix, anchor, missing[0]);
  if (!target) return undefined;
  const present =
    target.kind === 'object' ? new Set(target.node.properties.map((p) => p.key.value)) : new Set<string>();
  const names = missing.filter((m) => !present.has(m));
  return names.length ? { diagnostic, target, names } : undefined;
}

function removeFix(fix: FixContext, diagnostic: Diagnostic): CodeAction | undefined {
  const start = fix.context.document.offsetAt(diagnostic.range.start);
  const node = nodeAtRange(fix, start);
  if (!node) return undefined;
  const span = removeNode(fix, node);
  if (!span) return undefined;
  const name =
    keyOwner(node)?.key.value ??
    scalarText(node) ??
    fix.text.slice(start, fix.context.document.offsetAt(diagnostic.range.end));
  return quickFix(`Remove '${name}'`, [diagnostic], fix.context.document.uri, [
    edit(fix, span[0], span[1], ''),
  ]);
}

export function getCodeActions(
  context: FeatureContext,
  _range: Range,
  actionContext: CodeActionContext,
): CodeAction[] {
  if (!context.state.kind || context.state.skipped || !wantsQuickFixes(actionContext)) return [];
  const fix = fixContext(context);
  const uri = context.document.uri;
  const actions: CodeAction[] = [];
  const plans: MissingPlan[] = [];
  for (const diagnostic of actionContext.diagnostics) {
    const data = diagnostic.data as DiagnosticData | undefined;
    if (diagnostic.source !== SOURCE || !data || typeof data !== 'object') continue;
    actions.push(...replacementFixes(fix, diagnostic, data));
    const plan = planMissing(fix, diagnostic, data);
    if (plan) {
      plans.push(plan);
      const [start, end, text] = missingEdit(fix, plan.target, plan.names);
      actions.push(
        quickFix(missingTitle(fix, plan.names), [diagnostic], uri, [edit(fix, start, end, text)], true),
      );
    }
    if (data.removable === true) {
      const remove = removeFix(fix, diagnostic);
      if (remove) actions.push(remove);
    }
  }
  // Several diagnostics missing keys of the same object: one fix adds them all.
  const byTarget = new Map<string, MissingPlan[]>();
  for (const plan of plans)
    byTarget.set(targetId(plan.target), [...(byTarget.get(targetId(plan.target)) ?? []), plan]);
  for (const group of byTarget.values()) {
    const names = [...new Set(group.flatMap((p) => p.names))];
    if (group.length < 2 || names.length < 2) continue;
    const [start, end, text] = missingEdit(fix, group[0].target, names);
    actions.push(
      quickFix(
        `${missingTitle(fix, names)}`,
        group.map((p) => p.diagnostic),
        uri,
        [edit(fix, start, end, text)],
      ),
    );
  }
  return actions;
}
