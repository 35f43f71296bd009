/** Rules of ECS task definition files: the schema, then the rules beyond it. */
import { checkSchema } from '../../schemas/schemaValidation';
import type { Rule } from '../validationContext';
import { runTaskChecks } from './checks';
import { buildTaskModel } from './model';
import { checkOutputOnlyKeys } from './outputOnly';

const schemaRule: Rule = (context) => {
  const validate = context.schemas.kindValidator('ecs-task-definition');
  if (!validate) return;
  checkSchema(context.collector, validate, context.root, {
    prefix: 'taskdef',
    term: 'key',
    subject: 'ECS task definition',
  });
};

const taskRules: Rule = ({ root, collector }) => {
  if (root.type !== 'object') return;
  const model = buildTaskModel(root, 'camel', () => false);
  runTaskChecks(model, (span, message, name, options) =>
    collector.report(span, message, `taskdef-${name}`, options),
  );
};

export const taskdefRules: Rule[] = [schemaRule, checkOutputOnlyKeys, taskRules];
