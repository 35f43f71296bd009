/**
 * Parameters, mappings and conditions declared but never used: warnings, faded in the editor.
 * A use is any reference outside its own definition (Ref, Fn::Sub variable, Fn::FindInMap,
 * Fn::If, Condition) anywhere in the template, SAM Globals and Rules included. Nothing is
 * reported when a macro may use the names (see names.ts).
 */
import type { DiagnosticCollector } from '../../diagnostics';
import type { Rule } from '../validationContext';
import { nameResolver } from './names';
import { collectReferences } from './references';
import type { Entity } from './template';
import { getTemplate } from './template';

export const checkUnused: Rule = ({ root, parsed, collector }) => {
  const template = getTemplate(root);
  if (!template || nameResolver(template).opaque) return;
  const usedNames = new Set<string>();
  const usedMappings = new Set<string>();
  const usedConditions = new Set<string>();
  for (const ref of collectReferences(template, parsed.text)) {
    if (ref.shadowed) continue;
    if (ref.kind === 'FindInMap') usedMappings.add(ref.name);
    else if (ref.kind === 'Condition') {
      // A condition that only uses itself is still unused.
      if (!(ref.from?.section === 'Conditions' && ref.from.name === ref.name)) usedConditions.add(ref.name);
    } else if (ref.kind === 'Ref' || ref.kind === 'Sub') usedNames.add(ref.name);
  }
  reportUnused(
    collector,
    template.parameters,
    usedNames,
    'Parameter',
    'cfn-unused-parameter',
    'no Ref or Fn::Sub refers to it',
  );
  reportUnused(
    collector,
    template.mappings,
    usedMappings,
    'Mapping',
    'cfn-unused-mapping',
    'no Fn::FindInMap reads it',
  );
  reportUnused(
    collector,
    template.conditions,
    usedConditions,
    'Condition',
    'cfn-unused-condition',
    'no resource, output, Fn::If or other condition refers to it',
  );
};

function reportUnused(
  collector: DiagnosticCollector,
  entities: Map<string, Entity>,
  used: Set<string>,
  noun: string,
  code: string,
  how: string,
): void {
  for (const entity of entities.values()) {
    if (used.has(entity.name) || entity.name.startsWith('Fn::')) continue;
    collector.report(entity.key, `${noun} '${entity.name}' is declared but never used: ${how}.`, code, {
      severity: 'warning',
      unnecessary: true,
      data: { removable: true },
    });
  }
}
