/**
 * The shape of each phase beyond the schema: `runtime-versions` outside `install`, `finally`
 * without `commands`, and empty command lists.
 */
import type { PropertyNode } from '../../ast';
import { findProperty } from '../../ast';
import type { ValidationContext } from '../validationContext';
import type { Replacements } from './filteredCollector';
import { getPhases } from './model';

/** Schema errors these checks explain better: record them so the schema rule skips them. */
export function phaseReplacements(context: ValidationContext, replacements: Replacements): void {
  for (const phase of getPhases(context.root)) {
    const runtimeVersions = findProperty(phase.node, 'runtime-versions');
    if (runtimeVersions && phase.name !== 'install')
      replacements.add(runtimeVersions.key, 'buildspec-unknown-key');
    for (const list of commandLists(phase.node.properties)) {
      if (list.value?.type === 'null') replacements.add(list.value, 'buildspec-type-mismatch');
    }
  }
}

function commandLists(properties: PropertyNode[]): PropertyNode[] {
  return properties.filter((p) => p.key.value === 'commands' || p.key.value === 'finally');
}

export function checkPhases({ root, collector }: ValidationContext): void {
  for (const phase of getPhases(root)) {
    const runtimeVersions = findProperty(phase.node, 'runtime-versions');
    if (runtimeVersions && phase.name !== 'install') {
      collector.report(
        runtimeVersions.key,
        `'runtime-versions' is only allowed in the install phase, not in '${phase.name}'. Move it to phases.install.`,
        'buildspec-runtime-versions-outside-install',
      );
    }
    const commands = findProperty(phase.node, 'commands');
    const final = findProperty(phase.node, 'finally');
    if (final && !commands) {
      collector.report(
        final.key,
        `Phase '${phase.name}' has 'finally' but no 'commands': 'finally' runs after the phase's commands, and a phase needs a 'commands' list. Add 'commands' (or move these commands there).`,
        'buildspec-finally-without-commands',
        { data: { missing: ['commands'] } },
      );
    }
    for (const list of commandLists(phase.node.properties)) {
      const value = list.value;
      const empty = value?.type === 'null' || (value?.type === 'array' && value.items.length === 0);
      if (!value || !empty) continue;
      collector.report(
        list.key,
        `The '${list.key.value}' list of phase '${phase.name}' is empty, so it runs nothing. Add commands or remove '${list.key.value}'.`,
        'buildspec-empty-commands',
        { severity: 'warning' },
      );
    }
  }
}
