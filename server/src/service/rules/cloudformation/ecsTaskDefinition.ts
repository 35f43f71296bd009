/**
 * The ECS task definition rules (taskdef/) through CloudFormation's front door: every
 * AWS::ECS::TaskDefinition resource's Properties become the same neutral model as a
 * register-task-definition JSON file, with intrinsic functions treated as deploy-time values.
 * Codes are `cfn-ecs-…`; messages use the PascalCase property names.
 */
import { runTaskChecks } from '../taskdef/checks';
import { buildTaskModel } from '../taskdef/model';
import type { Rule } from '../validationContext';
import { getTemplate, isIntrinsic } from './template';

export const checkEcsTaskDefinitions: Rule = ({ root, collector }) => {
  const template = getTemplate(root);
  if (!template) return;
  for (const resource of template.resources.values()) {
    if (resource.type !== 'AWS::ECS::TaskDefinition') continue;
    const properties = resource.properties;
    if (properties?.type !== 'object' || isIntrinsic(properties)) continue;
    const model = buildTaskModel(properties, 'pascal', isIntrinsic);
    runTaskChecks(model, (span, message, name, options) =>
      collector.report(span, message, `cfn-ecs-${name}`, options),
    );
  }
};
