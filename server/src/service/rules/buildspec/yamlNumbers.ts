/**
 * The YAML number trap: an unquoted `3.10` is the number 3.1, so `python: 3.10` asks CodeBuild
 * for Python 3.1. Warn wherever a version or a variable value loses characters that way.
 */
import type { AstNode, PropertyNode } from '../../ast';
import { getProperty } from '../../ast';
import type { ValidationContext } from '../validationContext';
import { envProperty, getPhases } from './model';

/** The text a number node stands for once YAML has read it (`3.10` → "3.1"), when it differs from what was written. */
export function numberReading(node: AstNode | undefined): { written: string; read: string } | undefined {
  if (node?.type !== 'number') return undefined;
  const read = String(node.value);
  return read === node.source ? undefined : { written: node.source, read };
}

function mapEntries(node: AstNode | undefined): PropertyNode[] {
  return node?.type === 'object' ? node.properties : [];
}

export function checkYamlNumbers({ root, collector }: ValidationContext): void {
  const install = getPhases(root).find((phase) => phase.name === 'install');
  for (const entry of mapEntries(getProperty(install?.node, 'runtime-versions'))) {
    const reading = numberReading(entry.value);
    if (!reading || !entry.value) continue;
    collector.report(
      entry.value,
      `YAML reads ${reading.written} as the number ${reading.read}, so CodeBuild is asked for ${entry.key.value} ${reading.read}. Quote the version: "${reading.written}".`,
      'buildspec-yaml-number',
      { severity: 'warning', data: { replacement: `"${reading.written}"` } },
    );
  }
  for (const entry of mapEntries(envProperty(root, 'variables')?.value)) {
    const reading = numberReading(entry.value);
    if (!reading || !entry.value) continue;
    collector.report(
      entry.value,
      `YAML reads ${reading.written} as the number ${reading.read}, so ${entry.key.value} is set to '${reading.read}'. Quote the value: "${reading.written}".`,
      'buildspec-yaml-number',
      { severity: 'warning', data: { replacement: `"${reading.written}"` } },
    );
  }
}
