/**
 * `version`: 0.2, or 0.1, which still works but is outdated (warn and offer 0.2). YAML reads
 * `0.2` as a number and `"0.2"` as a string; both forms mean the same version.
 */
import type { AstNode } from '../../ast';
import { getProperty } from '../../ast';
import type { Rule } from '../validationContext';
import type { Replacements } from './filteredCollector';

function versionText(node: AstNode | undefined): string | undefined {
  if (node?.type === 'number') return node.source;
  if (node?.type === 'string') return node.value.trim();
  return undefined;
}

/** The schema's enum error on `version` lists each value twice (number and string): this rule says it once. */
export function versionReplacements(root: AstNode, replacements: Replacements): void {
  const version = getProperty(root, 'version');
  if (version && versionText(version) !== undefined) replacements.add(version, 'buildspec-invalid-value');
}

export const checkVersion: Rule = ({ root, collector }) => {
  const version = getProperty(root, 'version');
  const text = versionText(version);
  if (!version || text === undefined || text === '0.2') return;
  if (text === '0.1') {
    collector.report(
      version,
      'Buildspec version 0.1 is outdated: it still runs, but every command gets its own shell, so `cd` and variables set by one command are gone in the next. Use version 0.2.',
      'buildspec-deprecated-version',
      { severity: 'warning', deprecated: true, data: { replacement: '0.2' } },
    );
    return;
  }
  collector.report(
    version,
    `'${text}' is not a buildspec version: use 0.2 (or the outdated 0.1).`,
    'buildspec-invalid-value',
    {
      data: { replacement: '0.2', alternatives: ['0.2', '0.1'] },
    },
  );
};
