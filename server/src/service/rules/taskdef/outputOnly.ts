/**
 * Keys that only describe-task-definition returns (the schema marks them `outputOnly`):
 * register-task-definition does not take them, so a copied describe output must lose them.
 */
import type { JsonSchema } from '../../schemas/schemaStore';
import type { Rule } from '../validationContext';

function outputOnlyKeys(schema: JsonSchema | undefined): Set<string> {
  const keys = new Set<string>();
  for (const [name, sub] of Object.entries(schema?.properties ?? {})) {
    if (sub.outputOnly === true) keys.add(name);
  }
  return keys;
}

export const checkOutputOnlyKeys: Rule = ({ root, collector, schemas }) => {
  if (root.type !== 'object') return;
  const keys = outputOnlyKeys(schemas.kindSchema('ecs-task-definition'));
  for (const property of root.properties) {
    if (!keys.has(property.key.value)) continue;
    collector.report(
      property.key,
      `'${property.key.value}' is part of describe-task-definition output; register-task-definition does not accept it. Remove it before registering.`,
      'taskdef-output-only-key',
      { severity: 'warning', data: { removable: true } },
    );
  }
};
