/**
 * CloudFormation template quotas ("Understand CloudFormation quotas", AWS CloudFormation User
 * Guide): at most 500 resources, 200 parameters, 200 outputs and 200 mappings in a template,
 * at most 200 attributes in each mapping, and names of parameters, outputs and mappings up to
 * 255 characters (resource logical IDs are checked by structure.ts). cfn-lint 1.51 uses the
 * same numbers. SAM templates are counted as written: the transform adds resources, so a SAM
 * template can pass this check and still exceed the quota once expanded.
 */
import type { PropertyNode } from '../../ast';
import type { DiagnosticCollector } from '../../diagnostics';
import type { Rule } from '../validationContext';
import type { Entity } from './template';
import { getTemplate } from './template';

export const QUOTAS = {
  Resources: 500,
  Parameters: 200,
  Outputs: 200,
  Mappings: 200,
  mappingAttributes: 200,
  nameLength: 255,
} as const;

export const checkQuotas: Rule = ({ root, collector }) => {
  const template = getTemplate(root);
  if (!template) return;
  const counted: ['Resources' | 'Parameters' | 'Outputs' | 'Mappings', Map<string, Entity>, string][] = [
    ['Resources', template.resources, 'resources'],
    ['Parameters', template.parameters, 'parameters'],
    ['Outputs', template.outputs, 'outputs'],
    ['Mappings', template.mappings, 'mappings'],
  ];
  for (const [section, entities, noun] of counted) {
    const limit = QUOTAS[section];
    const property = template.sections.get(section);
    if (property && entities.size > limit) {
      collector.report(
        property.key,
        `The template declares ${entities.size} ${noun}; CloudFormation allows at most ${limit}. Split it, for example into nested stacks.`,
        'cfn-quota-exceeded',
      );
    }
  }
  for (const [noun, entities] of [
    ['Parameter', template.parameters],
    ['Output', template.outputs],
    ['Mapping', template.mappings],
  ] as const) {
    for (const entity of entities.values()) {
      if (entity.name.length > QUOTAS.nameLength) {
        collector.report(
          entity.key,
          `${noun} names can be at most ${QUOTAS.nameLength} characters long (this one has ${entity.name.length}).`,
          'cfn-quota-exceeded',
        );
      }
    }
  }
  for (const mapping of template.mappings.values()) {
    if (mapping.node?.type !== 'object') continue;
    checkAttributes(collector, mapping.key, mapping.node.properties, `Mapping '${mapping.name}'`);
    for (const entry of mapping.node.properties) {
      if (entry.value?.type === 'object')
        checkAttributes(
          collector,
          entry.key,
          entry.value.properties,
          `Key '${entry.key.value}' of mapping '${mapping.name}'`,
        );
    }
  }
};

function checkAttributes(
  collector: DiagnosticCollector,
  key: PropertyNode['key'],
  properties: PropertyNode[],
  subject: string,
): void {
  if (properties.length <= QUOTAS.mappingAttributes) return;
  collector.report(
    key,
    `${subject} has ${properties.length} entries; CloudFormation allows at most ${QUOTAS.mappingAttributes}.`,
    'cfn-quota-exceeded',
  );
}
