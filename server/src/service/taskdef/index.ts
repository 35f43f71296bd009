/** Rules of ECS task definition files: the schema, then the rules beyond it. */
import { checkSchema } from '../schemaValidation';
import type { Rule } from '../validationContext';

const schemaRule: Rule = (context) => {
  const validate = context.schemas.kindValidator('ecs-task-definition');
  if (!validate) return;
  checkSchema(context.collector, validate, context.root, { prefix: 'taskdef', term: 'key', subject: 'ECS task definition' });
};

export const taskdefRules: Rule[] = [schemaRule];
