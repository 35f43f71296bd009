/**
 * Rules of appspec files: the schema, then the rules beyond it, all knowing the compute platform
 * the file deploys to. Schema errors a dedicated rule explains better are left to that rule.
 */
import { FilteredCollector, Replacements } from '../buildspec/filteredCollector';
import { checkSchema } from '../../schemas/schemaValidation';
import type { Rule } from '../validationContext';
import { checkHooks, hookReplacements } from './hooks';
import { detectPlatform } from './platform';
import { checkResources } from './resources';
import { checkScripts } from './scripts';
import {
  checkDuplicateSpellings,
  checkPlatformStructure,
  checkVersion,
  versionReplacements,
} from './structure';

const schemaRule: Rule = (context) => {
  const validate = context.schemas.kindValidator('appspec');
  if (!validate) return;
  const replacements = new Replacements();
  hookReplacements(context.root, detectPlatform(context.root), replacements);
  versionReplacements(context.root, replacements);
  const collector = new FilteredCollector(context.document, context.collector, replacements.has);
  checkSchema(collector, validate, context.root, { prefix: 'appspec', term: 'key', subject: 'appspec' });
};

const platformRules: Rule = ({ root, parsed, collector, schemas, fs, documentPath }) => {
  const platform = detectPlatform(root);
  checkVersion(root, collector);
  checkPlatformStructure(root, platform, parsed.format, collector);
  checkDuplicateSpellings(root, schemas.kindSchema('appspec'), collector);
  checkResources(root, platform, collector);
  checkHooks(root, platform, collector);
  checkScripts(root, documentPath, fs, collector);
};

export const appspecRules: Rule[] = [schemaRule, platformRules];
