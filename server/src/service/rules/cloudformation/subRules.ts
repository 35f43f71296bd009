/**
 * Fn::Sub beyond its variables' names (checked with the other references): a Sub without any
 * `${…}` is not needed, and variables declared in its map but never used are dead weight.
 */
import type { Rule } from '../validationContext';
import { collectSubFunctions, subVariables } from './references';
import { getTemplate } from './template';

export const checkSubFunctions: Rule = ({ root, parsed, collector }) => {
  const template = getTemplate(root);
  if (!template) return;
  for (const sub of collectSubFunctions(template, parsed.text)) {
    const { key, value } = sub.properties[0];
    if (!value) continue;
    const text =
      value.type === 'string'
        ? value
        : value.type === 'array' && value.items[0]?.type === 'string'
          ? value.items[0]
          : undefined;
    if (!text) continue;
    const variables = subVariables(text, parsed.text);
    if (variables.length === 0) {
      // `${!Literal}` needs the Sub: it is what turns it into `${Literal}`.
      if (!/\$\{!/.test(text.value)) {
        collector.report(
          key,
          'Fn::Sub is not needed: the string has no ${…} variables. Use the plain string instead.',
          'cfn-sub-not-needed',
          {
            severity: 'warning',
          },
        );
      }
    }
    const map = value.type === 'array' ? value.items[1] : undefined;
    if (map?.type !== 'object') continue;
    const used = new Set(variables.map((v) => v.text));
    const usedNames = new Set(variables.map((v) => v.text.split('.')[0]));
    for (const property of map.properties) {
      const name = property.key.value;
      if (used.has(name) || usedNames.has(name)) continue;
      collector.report(
        property.key,
        `Variable '${name}' is defined but the Fn::Sub string never uses \${${name}}.`,
        'cfn-sub-unused-variable',
        {
          severity: 'warning',
          unnecessary: true,
          data: { removable: true },
        },
      );
    }
  }
};
