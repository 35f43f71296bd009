/**
 * Quick fixes that change the text of a diagnostic's range: the did-you-mean replacement
 * (preferred), and the allowed alternatives, the closest to what is written first.
 */
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { DiagnosticData } from '../../diagnostics';
import { rankByMeaning } from '../../utils/suggest';
import type { FixContext } from './shared';
import { edit, likeOriginal, quickFix } from './shared';

/** At most this many alternatives are offered. */
export const MAX_ALTERNATIVES = 10;

function unquote(text: string): string {
  const t = text.trim();
  if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t.endsWith(t[0])) return t.slice(1, -1);
  return t;
}

/**
 * The alternatives ordered by how likely each is meant: numerically nearest; else by shared
 * meaning (ON_DEMAND → PAY_PER_REQUEST before PROVISIONED), then fewest edits.
 */
export function rankAlternatives(current: string, alternatives: string[]): string[] {
  const unique = [...new Set(alternatives)].filter((a) => a !== current);
  const number = Number(current);
  const numeric =
    current.trim() !== '' &&
    Number.isFinite(number) &&
    unique.every((a) => a.trim() !== '' && Number.isFinite(Number(a)));
  if (!numeric) return rankByMeaning(current, unique);
  return unique
    .map((a, index) => ({ a, index, s: Math.abs(Number(a) - number) }))
    .sort((x, y) => x.s - y.s || x.index - y.index)
    .map((x) => x.a);
}

export function replacementFixes(
  fix: FixContext,
  diagnostic: Diagnostic,
  data: DiagnosticData,
): CodeAction[] {
  const document = fix.context.document;
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  if (end < start || end > fix.text.length) return [];
  const current = unquote(fix.text.slice(start, end));
  const uri = document.uri;
  const actions: CodeAction[] = [];
  const replacement = typeof data.replacement === 'string' ? data.replacement : undefined;
  const original = fix.text.slice(start, end);
  if (replacement !== undefined) {
    const text = likeOriginal(fix, start, end, replacement);
    // A replacement written with its quotes ("0.10") is shown as written: the quotes are the fix.
    const shown = /^["']/.test(replacement) ? replacement : `'${replacement}'`;
    if (text !== original)
      actions.push(quickFix(`Change to ${shown}`, [diagnostic], uri, [edit(fix, start, end, text)], true));
  }
  const alternatives = Array.isArray(data.alternatives)
    ? data.alternatives.filter((a): a is string => typeof a === 'string')
    : [];
  const ranked = rankAlternatives(current, alternatives).filter((a) => a !== replacement);
  for (const alternative of ranked.slice(0, MAX_ALTERNATIVES - (replacement === undefined ? 0 : 1))) {
    const text = likeOriginal(fix, start, end, alternative);
    actions.push(quickFix(`Change to '${alternative}'`, [diagnostic], uri, [edit(fix, start, end, text)]));
  }
  return actions;
}
