/**
 * Reports: at most five report groups per build project, and report file formats named in a
 * readable message (the schema only knows them as a case-insensitive pattern).
 */
import type { AstNode } from '../../ast';
import { getProperty } from '../../ast';
import { closest, didYouMean } from '../../utils/suggest';
import type { Rule } from '../validationContext';
import type { Replacements } from './filteredCollector';

export const MAX_REPORT_GROUPS = 5;
export const TEST_REPORT_FORMATS = [
  'JUNITXML',
  'CUCUMBERJSON',
  'TESTNGXML',
  'VISUALSTUDIOTRX',
  'NUNITXML',
  'NUNIT3XML',
];
export const COVERAGE_REPORT_FORMATS = ['CLOVERXML', 'COBERTURAXML', 'JACOCOXML', 'SIMPLECOV'];
const FORMATS = [...TEST_REPORT_FORMATS, ...COVERAGE_REPORT_FORMATS];

function formatNodes(root: AstNode): AstNode[] {
  const reports = getProperty(root, 'reports');
  if (reports?.type !== 'object') return [];
  return reports.properties
    .map((group) => getProperty(group.value, 'file-format'))
    .filter((node): node is AstNode => node?.type === 'string');
}

export function reportReplacements(root: AstNode, replacements: Replacements): void {
  for (const node of formatNodes(root)) replacements.add(node, 'buildspec-invalid-value');
}

export const checkReports: Rule = ({ root, collector }) => {
  const reports = getProperty(root, 'reports');
  if (reports?.type !== 'object') return;
  reports.properties.slice(MAX_REPORT_GROUPS).forEach((group, index) => {
    collector.report(
      group.key,
      `A build project can send reports to at most ${MAX_REPORT_GROUPS} report groups; '${group.key.value}' is number ${MAX_REPORT_GROUPS + index + 1}. Merge report files into fewer groups.`,
      'buildspec-too-many-report-groups',
    );
  });
  for (const node of formatNodes(root)) {
    if (node.type !== 'string' || FORMATS.includes(node.value.toUpperCase())) continue;
    const suggestion = closest(node.value.toUpperCase(), FORMATS);
    collector.report(
      node,
      `'${node.value}' is not a report file format.${didYouMean(suggestion)} Test reports: ${TEST_REPORT_FORMATS.join(', ')}. Code coverage reports: ${COVERAGE_REPORT_FORMATS.join(', ')}.`,
      'buildspec-invalid-value',
      { data: { replacement: suggestion, alternatives: FORMATS } },
    );
  }
};
