/**
 * SAM's `IgnoreGlobals` resource attribute: `'*'` or a list of the properties of the matching
 * `Globals` section (`Globals.Function` for a function, …) that the resource does not take. The
 * SAM transform fails on any other item ("invalid resource attribute 'IgnoreGlobals'"), so a typo
 * such as `Timeot` is an error at the item.
 */
import { getProperty } from '../../ast';
import { closest, didYouMean } from '../../utils/suggest';
import type { Rule } from '../validationContext';
import { getTemplate } from './template';

/** SAM resource type → its section under Globals. */
const GLOBALS_SECTION: Record<string, string> = {
  'AWS::Serverless::Function': 'Function',
  'AWS::Serverless::Api': 'Api',
  'AWS::Serverless::HttpApi': 'HttpApi',
  'AWS::Serverless::SimpleTable': 'SimpleTable',
  'AWS::Serverless::StateMachine': 'StateMachine',
  'AWS::Serverless::LayerVersion': 'LayerVersion',
};

export const checkSamIgnoreGlobals: Rule = ({ root, collector }) => {
  const template = getTemplate(root);
  if (!template?.isSam) return;
  const globals = getProperty(root, 'Globals');
  for (const resource of template.resources.values()) {
    const ignore = getProperty(resource.node, 'IgnoreGlobals');
    const section = resource.type ? GLOBALS_SECTION[resource.type] : undefined;
    if (!ignore || !section) continue;
    if (ignore.type === 'string') {
      if (ignore.value !== '*')
        collector.report(
          ignore,
          `IgnoreGlobals must be '*' or a list of properties of Globals.${section}.`,
          'cfn-sam-ignore-globals',
          { data: { replacement: '*' } },
        );
      continue;
    }
    const sectionNode = getProperty(globals, section);
    if (ignore.type !== 'array' || sectionNode?.type !== 'object') continue;
    const names = sectionNode.properties.map((p) => p.key.value);
    for (const item of ignore.items) {
      if (item.type !== 'string' || names.includes(item.value)) continue;
      const suggestion = closest(item.value, names);
      collector.report(
        item,
        `'${item.value}' is not a property of Globals.${section}, so IgnoreGlobals cannot ignore it.${didYouMean(suggestion)} Globals.${section} sets ${names.map((n) => `'${n}'`).join(', ')}.`,
        'cfn-sam-ignore-globals',
        { data: { replacement: suggestion, removable: true } },
      );
    }
  }
};
