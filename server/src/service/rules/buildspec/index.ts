/**
 * Rules of buildspec files: the schema, then the rules beyond it. Schema errors that a dedicated
 * rule explains better are left to that rule (see filteredCollector.ts).
 */
import { checkSchema } from '../../schemas/schemaValidation';
import type { Rule } from '../validationContext';
import { checkEnv } from './env';
import { FilteredCollector, Replacements } from './filteredCollector';
import { checkOnFailure, onFailureReplacements } from './onFailure';
import { checkPhases, phaseReplacements } from './phases';
import { checkReports, reportReplacements } from './reports';
import { checkVersion, versionReplacements } from './version';
import { checkYamlNumbers } from './yamlNumbers';

const schemaRule: Rule = (context) => {
  const validate = context.schemas.kindValidator('buildspec');
  if (!validate) return;
  const replacements = new Replacements();
  phaseReplacements(context, replacements);
  onFailureReplacements(context, replacements);
  versionReplacements(context.root, replacements);
  reportReplacements(context.root, replacements);
  const collector = new FilteredCollector(context.document, context.collector, replacements.has);
  checkSchema(collector, validate, context.root, { prefix: 'buildspec', term: 'key', subject: 'buildspec' });
};

export const buildspecRules: Rule[] = [
  schemaRule,
  checkVersion,
  checkPhases,
  checkOnFailure,
  checkYamlNumbers,
  checkEnv,
  checkReports,
];
