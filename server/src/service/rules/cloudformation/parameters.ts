/**
 * Parameter definitions: a valid Type, known keys, and a Default consistent with
 * AllowedValues, AllowedPattern, the length and value limits, and the type itself.
 */
import type { AstNode } from '../../ast';
import { getProperty, scalarText } from '../../ast';
import type { DiagnosticCollector } from '../../diagnostics';
import { closest, didYouMean, listWords } from '../../utils/suggest';
import type { Rule } from '../validationContext';
import { translateJavaRegex } from '../../utils/javaRegex';
import { getTemplate, isIntrinsic } from './template';

/** The AWS-specific parameter types (each also valid as List<…>). */
export const AWS_PARAMETER_TYPES = [
  'AWS::EC2::AvailabilityZone::Name',
  'AWS::EC2::Image::Id',
  'AWS::EC2::Instance::Id',
  'AWS::EC2::KeyPair::KeyName',
  'AWS::EC2::SecurityGroup::GroupName',
  'AWS::EC2::SecurityGroup::Id',
  'AWS::EC2::Subnet::Id',
  'AWS::EC2::Volume::Id',
  'AWS::EC2::VPC::Id',
  'AWS::Route53::HostedZone::Id',
];

const SSM_VALUE_INNER = [
  'String',
  'List<String>',
  'CommaDelimitedList',
  ...AWS_PARAMETER_TYPES,
  ...AWS_PARAMETER_TYPES.map((t) => `List<${t}>`),
];

/** Every valid parameter Type, for messages, completion and did-you-mean. */
export const PARAMETER_TYPES = [
  'String',
  'Number',
  'List<Number>',
  'CommaDelimitedList',
  ...AWS_PARAMETER_TYPES,
  ...AWS_PARAMETER_TYPES.map((t) => `List<${t}>`),
  'AWS::SSM::Parameter::Name',
  ...SSM_VALUE_INNER.map((t) => `AWS::SSM::Parameter::Value<${t}>`),
];

const PARAMETER_KEYS = [
  'Type',
  'Default',
  'Description',
  'AllowedValues',
  'AllowedPattern',
  'ConstraintDescription',
  'MaxLength',
  'MinLength',
  'MaxValue',
  'MinValue',
  'NoEcho',
];

export function isValidParameterType(type: string): boolean {
  return PARAMETER_TYPES.includes(type);
}

export const checkParameters: Rule = ({ root, collector }) => {
  const template = getTemplate(root);
  if (!template) return;
  for (const parameter of template.parameters.values()) {
    const node = parameter.node;
    if (!/^[A-Za-z0-9]+$/.test(parameter.name)) {
      collector.report(
        parameter.key,
        `Parameter name '${parameter.name}' must contain only letters and digits.`,
        'cfn-invalid-logical-id',
      );
    }
    if (node?.type !== 'object') {
      collector.report(
        node ?? parameter.key,
        `Parameter '${parameter.name}' must be an object with a 'Type'.`,
        'cfn-invalid-parameter',
      );
      continue;
    }
    for (const property of node.properties) {
      if (!PARAMETER_KEYS.includes(property.key.value)) {
        const suggestion = closest(property.key.value, PARAMETER_KEYS);
        collector.report(
          property.key,
          `Unknown parameter attribute '${property.key.value}'.${didYouMean(suggestion)}`,
          'cfn-unknown-parameter-attribute',
          { data: { replacement: suggestion, removable: true } },
        );
      }
    }
    const typeNode = getProperty(node, 'Type');
    const type = scalarText(typeNode);
    if (!typeNode) {
      collector.report(
        parameter.key,
        `Parameter '${parameter.name}' has no 'Type' (for example String or Number).`,
        'cfn-missing-parameter-type',
        {
          data: { missing: ['Type'] },
        },
      );
    } else if (type === undefined || !isValidParameterType(type)) {
      const suggestion = type ? closest(type, PARAMETER_TYPES) : undefined;
      collector.report(
        typeNode,
        `'${type ?? ''}' is not a valid parameter type.${didYouMean(suggestion)} Use String, Number, List<Number>, CommaDelimitedList, an AWS-specific type such as AWS::EC2::VPC::Id (or its List<…>), or AWS::SSM::Parameter::Value<…>.`,
        'cfn-invalid-parameter-type',
        { data: { replacement: suggestion } },
      );
    }
    checkDefault(collector, node, type);
  }
};

function numberOf(node: AstNode | undefined): number | undefined {
  const text = scalarText(node);
  if (text === undefined || text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

function checkDefault(collector: DiagnosticCollector, node: AstNode, type: string | undefined): void {
  const defaultNode = getProperty(node, 'Default');
  const allowedNode = getProperty(node, 'AllowedValues');
  if (allowedNode && allowedNode.type !== 'array') {
    collector.report(allowedNode, 'AllowedValues must be a list of values.', 'cfn-invalid-parameter');
  }
  if (!defaultNode || isIntrinsic(defaultNode)) return;
  const isList = type === 'CommaDelimitedList' || type?.startsWith('List<');
  const defaultText = defaultNode.type === 'array' ? undefined : scalarText(defaultNode);
  const defaults =
    defaultNode.type === 'array'
      ? defaultNode.items.map((i) => scalarText(i) ?? '')
      : isList && defaultText !== undefined
        ? defaultText.split(',').map((s) => s.trim())
        : defaultText !== undefined
          ? [defaultText]
          : [];
  if (allowedNode?.type === 'array') {
    const allowed = allowedNode.items.map((i) => scalarText(i)).filter((v): v is string => v !== undefined);
    const bad = defaults.filter((d) => !allowed.includes(d));
    if (bad.length) {
      const suggestion = closest(bad[0], allowed);
      collector.report(
        defaultNode,
        `Default ${bad.map((b) => `'${b}'`).join(', ')} is not one of the AllowedValues (${listWords(allowed, 20)}).${didYouMean(suggestion)}`,
        'cfn-parameter-default-not-allowed',
        {
          data: {
            replacement: bad.length === 1 && defaults.length === 1 ? suggestion : undefined,
            alternatives: allowed,
          },
        },
      );
    }
  }
  if (type === 'Number' || type === 'List<Number>') {
    for (const d of defaults) {
      if (d.trim() === '' || !Number.isFinite(Number(d))) {
        collector.report(
          defaultNode,
          `Default '${d}' is not a number, but the parameter's Type is ${type}.`,
          'cfn-parameter-default-type',
        );
        break;
      }
    }
    const min = numberOf(getProperty(node, 'MinValue'));
    const max = numberOf(getProperty(node, 'MaxValue'));
    for (const d of defaults.map(Number)) {
      if (min !== undefined && d < min)
        collector.report(
          defaultNode,
          `Default ${d} is less than MinValue ${min}.`,
          'cfn-parameter-default-not-allowed',
        );
      if (max !== undefined && d > max)
        collector.report(
          defaultNode,
          `Default ${d} is greater than MaxValue ${max}.`,
          'cfn-parameter-default-not-allowed',
        );
    }
  }
  if (type === 'String' && defaultText !== undefined) {
    const minLength = numberOf(getProperty(node, 'MinLength'));
    const maxLength = numberOf(getProperty(node, 'MaxLength'));
    if (minLength !== undefined && defaultText.length < minLength) {
      collector.report(
        defaultNode,
        `Default is shorter than MinLength ${minLength}.`,
        'cfn-parameter-default-not-allowed',
      );
    }
    if (maxLength !== undefined && defaultText.length > maxLength) {
      collector.report(
        defaultNode,
        `Default is longer than MaxLength ${maxLength}.`,
        'cfn-parameter-default-not-allowed',
      );
    }
    const pattern = scalarText(getProperty(node, 'AllowedPattern'));
    if (pattern !== undefined) {
      let regex: RegExp | undefined;
      // CloudFormation matches the whole value with Java's engine; a pattern JavaScript cannot
      // express faithfully is not judged (never a false error).
      const translated = translateJavaRegex(pattern);
      try {
        if (translated) regex = new RegExp(`^(?:${translated.source})$`, translated.flags);
      } catch {
        regex = undefined;
      }
      if (regex && !regex.test(defaultText)) {
        collector.report(
          defaultNode,
          `Default '${defaultText}' does not match AllowedPattern ${pattern}.`,
          'cfn-parameter-default-not-allowed',
        );
      }
    }
  }
}
