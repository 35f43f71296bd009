/**
 * The value types of a parameter's attributes (CloudFormation User Guide, "Parameters"):
 * Default, Description, ConstraintDescription and AllowedPattern are strings, MinLength,
 * MaxLength, MinValue and MaxValue numbers (a numeric string is accepted, as CloudFormation
 * converts it; a fractional length is left to CloudFormation), NoEcho a boolean ('true' or 'false' as a string too), and each
 * AllowedValues item a single value. An attribute written without a value (`NoEcho:` alone, which
 * YAML reads as null) is reported as well. Unknown attributes, Type and the Default against the
 * constraints are `parameters.ts`'s.
 */
import type { AstNode } from '../../ast';
import { getProperty, scalarText } from '../../ast';
import type { Rule } from '../validationContext';
import { getTemplate } from './template';

type Expected = 'string' | 'number' | 'boolean';

const ATTRIBUTE_TYPES: Record<string, Expected> = {
  Default: 'string',
  Description: 'string',
  ConstraintDescription: 'string',
  AllowedPattern: 'string',
  MinLength: 'number',
  MaxLength: 'number',
  MinValue: 'number',
  MaxValue: 'number',
  NoEcho: 'boolean',
};

const WORDS: Record<Expected, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
};

function fits(node: AstNode, expected: Expected): boolean {
  if (node.type === 'object' || node.type === 'array' || node.type === 'null') return false;
  const text = scalarText(node) ?? '';
  switch (expected) {
    case 'string':
      return true;
    case 'number':
      return text.trim() !== '' && Number.isFinite(Number(text));
    case 'boolean':
      return node.type === 'boolean' || /^(true|false)$/i.test(text);
  }
}

function found(node: AstNode): string {
  if (node.type === 'null') return 'it has no value';
  if (node.type === 'object') return 'found an object';
  if (node.type === 'array') return 'found a list';
  return `found '${scalarText(node) ?? ''}'`;
}

export const checkParameterAttributes: Rule = ({ root, collector }) => {
  const template = getTemplate(root);
  if (!template) return;
  for (const parameter of template.parameters.values()) {
    if (parameter.node?.type !== 'object') continue;
    for (const property of parameter.node.properties) {
      const name = property.key.value;
      const expected = ATTRIBUTE_TYPES[name];
      const value = property.value;
      if (!expected) continue;
      // A list default for a list-typed parameter is the same as its comma-joined string.
      if (name === 'Default' && value?.type === 'array') continue;
      if (value && fits(value, expected)) continue;
      collector.report(
        value && value.type !== 'null' ? value : property.key,
        `Parameter attribute ${name} must be ${WORDS[expected]}; ${value ? found(value) : 'it has no value'}.`,
        'cfn-invalid-parameter',
      );
    }
    const allowed = getProperty(parameter.node, 'AllowedValues');
    if (allowed?.type !== 'array') continue;
    for (const item of allowed.items) {
      if (item.type === 'object' || item.type === 'array' || item.type === 'null')
        collector.report(
          item,
          `Each of AllowedValues must be a single value; ${found(item)}.`,
          'cfn-invalid-parameter',
        );
    }
  }
};
