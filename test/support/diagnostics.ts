/** Diagnostic test helpers: the diagnostics of a text, one by code, codes by position, `code@line:col` of a needle. */
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { codes, doc, offsetOf, service } from './helpers';

export function diagnostics(text: string, name = 'template.yaml'): Diagnostic[] {
  return service().validate(doc(text, name));
}

export function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

/** The first diagnostic with a code (asserts there is one, listing the codes there are). */
export function findDiagnostic(text: string, code: string, name = 'template.yaml'): Diagnostic {
  const all = diagnostics(text, name);
  const found = all.find((d) => d.code === code);
  assert.ok(found, `no ${code} in ${JSON.stringify(all.map((d) => d.code))}`);
  return found;
}

/** The codes (`code@line:col`, 1-based) that pass a test, sorted by position. */
export function codesWhere(test: (code: string) => boolean, text: string, name = 'template.yaml'): string[] {
  const position = (c: string): number[] => c.split('@')[1].split(':').map(Number);
  return codes(text, name)
    .filter(test)
    .sort((a, b) => position(a)[0] - position(b)[0] || position(a)[1] - position(b)[1]);
}

const REFERENCE_RULES =
  /^cfn-(unknown-(ref|getatt|sub|condition|mapping|depends|output)|invalid-(getatt|findinmap)|sub-|condition-ref|depends-on|duplicate-depends|redundant|circular|unused|output|duplicate-export|quota)/;

/** The codes of the CloudFormation reference rules (schema checks left out), sorted by position. */
export function refCodes(text: string, name = 'template.yaml'): string[] {
  return codesWhere((c) => REFERENCE_RULES.test(c), text, name);
}

/** `code@line:col` (1-based) of the n-th (from 0) occurrence of a needle in the text. */
export function at(code: string, text: string, needle: string, occurrence = 0): string {
  const before = text.slice(0, offsetOf(text, needle, occurrence)).split('\n');
  return `${code}@${before.length}:${before[before.length - 1].length + 1}`;
}

/** Asserts that no text makes a rule fail (an `internal-error` diagnostic) in a document named `name`. */
export function assertNoInternalError(texts: readonly string[], name: string): void {
  for (const text of texts) {
    assert.ok(!codes(text, name).some((c) => c.startsWith('internal-error')), text);
  }
}
