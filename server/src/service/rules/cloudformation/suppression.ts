/**
 * Suppression as template authors expect it. A template or a resource silences codes in its
 * `Metadata`:
 *   Metadata: { aws-dev-notes: { ignore: [cfn-unused-parameter, …] } }
 * cfn-lint's own `Metadata: { cfn-lint: { config: { ignore_checks: [W2001, E30…] } } }` is honoured
 * for the rules we share (rule ids and id prefixes, mapped to our codes below), so a team moving
 * from cfn-lint keeps its suppressions. The `awsDevNotes.validation.ignore` setting does the same
 * for a whole workspace (our codes or cfn-lint ids). Template-level entries apply to the whole
 * file, resource-level ones to diagnostics inside that resource.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { AstNode } from '../../ast';
import { getProperty } from '../../ast';
import { getTemplate } from './template';

/** cfn-lint rule id → the codes of ours that report the same problem. */
export const CFN_LINT_EQUIVALENTS: Record<string, string[]> = {
  E0000: ['yaml-syntax', 'json-syntax'],
  E0001: [
    'yaml-syntax',
    'json-syntax',
    'cfn-sam-auto-publish-alias',
    'cfn-sam-ignore-globals',
    'cfn-sam-package-type',
  ],
  E1001: ['cfn-unknown-section', 'cfn-invalid-section', 'cfn-missing-resources'],
  E1002: ['cfn-quota-exceeded'],
  E1004: ['cfn-invalid-description'],
  E1010: ['cfn-unknown-getatt-resource', 'cfn-unknown-getatt-attribute', 'cfn-invalid-getatt'],
  E1011: ['cfn-unknown-mapping', 'cfn-unknown-mapping-key', 'cfn-invalid-findinmap'],
  E1012: ['cfn-unknown-ref'],
  E1015: ['cfn-invalid-intrinsic'],
  E1016: ['cfn-invalid-intrinsic'],
  E1017: ['cfn-invalid-intrinsic'],
  E1018: ['cfn-invalid-intrinsic'],
  E1019: ['cfn-unknown-sub-variable', 'cfn-sub-unused-variable'],
  E1021: ['cfn-invalid-intrinsic'],
  E1022: ['cfn-invalid-intrinsic'],
  E1024: ['cfn-invalid-intrinsic'],
  E1028: ['cfn-invalid-intrinsic'],
  E2001: ['cfn-invalid-parameter', 'cfn-missing-parameter-type', 'cfn-invalid-parameter-type'],
  E2015: ['cfn-parameter-default-not-allowed', 'cfn-parameter-default-type'],
  E2531: ['cfn-lambda-runtime-blocked'],
  E2533: ['cfn-lambda-runtime-blocked'],
  W2531: ['cfn-lambda-runtime-deprecated'],
  W2001: ['cfn-unused-parameter'],
  E3001: ['cfn-invalid-resource', 'cfn-missing-type', 'cfn-unknown-resource-attribute'],
  E3002: ['cfn-unknown-property', 'cfn-type-mismatch'],
  E3003: ['cfn-missing-property'],
  E3004: ['cfn-circular-dependency'],
  E3005: ['cfn-unknown-depends-on', 'cfn-depends-on-self', 'cfn-duplicate-depends-on'],
  W3005: ['cfn-redundant-depends-on'],
  E3006: ['cfn-unknown-resource-type', 'cfn-invalid-resource-type'],
  E3012: ['cfn-type-mismatch'],
  E3014: ['cfn-property-relationship'],
  E3017: ['cfn-property-relationship'],
  E3018: ['cfn-property-relationship'],
  E3020: ['cfn-property-relationship'],
  E1032: ['cfn-missing-transform'],
  E3030: ['cfn-invalid-value'],
  E3031: ['cfn-invalid-value'],
  E3032: ['cfn-value-out-of-range'],
  E3033: ['cfn-value-out-of-range'],
  E3034: ['cfn-value-out-of-range'],
  E3035: ['cfn-snapshot-unsupported'],
  E3036: ['cfn-snapshot-unsupported'],
  E3037: ['cfn-invalid-value'],
  W3002: ['cfn-package-required'],
  E6001: ['cfn-output-missing-value'],
  E6003: ['cfn-unknown-output-attribute'],
  W7001: ['cfn-unused-mapping'],
  W1028: ['cfn-unreachable-if-branch'],
  W8001: ['cfn-unused-condition'],
  E8002: ['cfn-unknown-condition'],
};

const CFN_LINT_ID = /^[EWI]\d{0,4}$/;

/** Our codes for a list of entries: our own codes as they are, cfn-lint ids and prefixes mapped. */
export function codesFor(entries: readonly string[]): Set<string> {
  const codes = new Set<string>();
  for (const entry of entries) {
    if (!CFN_LINT_ID.test(entry)) {
      codes.add(entry);
      continue;
    }
    for (const [id, ours] of Object.entries(CFN_LINT_EQUIVALENTS)) {
      if (id.startsWith(entry)) for (const code of ours) codes.add(code);
    }
  }
  return codes;
}

function strings(node: AstNode | undefined): string[] {
  if (node?.type === 'string') return [node.value];
  if (node?.type !== 'array') return [];
  return node.items.flatMap((item) => (item.type === 'string' ? [item.value] : []));
}

/** The entries a Metadata object lists, from both our key and cfn-lint's. */
function metadataEntries(metadata: AstNode | undefined): string[] {
  if (metadata?.type !== 'object') return [];
  const ours = strings(getProperty(getProperty(metadata, 'aws-dev-notes'), 'ignore'));
  const config = getProperty(getProperty(metadata, 'cfn-lint'), 'config');
  const theirs = strings(getProperty(config, 'ignore_checks'));
  return [...ours, ...theirs];
}

/** The diagnostics that survive the template's, its resources' and the workspace's suppressions. */
export function applySuppressions(
  document: TextDocument,
  root: AstNode,
  diagnostics: Diagnostic[],
  workspaceIgnore: readonly string[],
): Diagnostic[] {
  const everywhere = codesFor([...workspaceIgnore, ...metadataEntries(getProperty(root, 'Metadata'))]);
  const scoped: { start: number; end: number; codes: Set<string> }[] = [];
  const template = getTemplate(root);
  for (const resource of template?.resources.values() ?? []) {
    const entries = metadataEntries(getProperty(resource.node, 'Metadata'));
    if (!entries.length) continue;
    const span = resource.property;
    scoped.push({ start: span.offset, end: span.offset + span.length, codes: codesFor(entries) });
  }
  if (!everywhere.size && !scoped.length) return diagnostics;
  return diagnostics.filter((d) => {
    const code = String(d.code);
    if (everywhere.has(code)) return false;
    if (!scoped.length) return true;
    const offset = document.offsetAt(d.range.start);
    return !scoped.some((s) => s.codes.has(code) && offset >= s.start && offset < s.end);
  });
}
