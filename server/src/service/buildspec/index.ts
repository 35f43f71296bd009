/** Rules of buildspec files: the schema, then the rules beyond it. */
import { checkSchema } from '../schemaValidation';
import type { Rule } from '../validationContext';

const schemaRule: Rule = (context) => {
  const validate = context.schemas.kindValidator('buildspec');
  if (!validate) return;
  checkSchema(context.collector, validate, context.root, { prefix: 'buildspec', term: 'key', subject: 'buildspec' });
};

export const buildspecRules: Rule[] = [schemaRule];
