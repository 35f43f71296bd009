/** Rules of appspec files: the schema, then the rules beyond it. */
import { checkSchema } from '../schemaValidation';
import type { Rule } from '../validationContext';

const schemaRule: Rule = (context) => {
  const validate = context.schemas.kindValidator('appspec');
  if (!validate) return;
  checkSchema(context.collector, validate, context.root, { prefix: 'appspec', term: 'key', subject: 'appspec' });
};

export const appspecRules: Rule[] = [schemaRule];
