/**
 * Properties that exclude each other, where the AWS documentation says so but the resource
 * schemas do not: a reviewed overlay of relationships, each entry with the page that states it.
 * Setting two of them is an error (`cfn-property-relationship`, what cfn-lint reports as E3014 and
 * E3020). Setting none is reported only where the service API requires one (`required`): for
 * security-group rules the older reference said the stack then deploys without adding the rule,
 * so it is not certain CloudFormation rejects it.
 * A key whose value is an `Fn::If` (it may become `AWS::NoValue`), `Ref: AWS::NoValue` or an empty
 * list does not count as set; each branch of an `Fn::If` that stands for an object or a list on
 * the way is checked as the value it may become.
 */
import type { AstNode, PropertyNode } from '../../ast';
import { getProperty } from '../../ast';
import type { Rule } from '../validationContext';
import { nameResolver } from './names';
import { getTemplate, intrinsicName } from './template';

interface Exclusive {
  type: string;
  /** From Properties to the objects checked; `*` is every item of a list. */
  path: string[];
  /** Groups of keys of which at most one group may be set (a key alone is a group of one). */
  keys: (string | string[])[];
  /** Why, in a few words (ends the message). */
  why: string;
  /** One group must be set: the service rejects the call otherwise. */
  required?: boolean;
}

// AWS::EC2::SecurityGroup Ingress and AWS::EC2::SecurityGroupIngress (CloudFormation Template
// Reference): "You must specify exactly one of the following sources: an IPv4 address range, an
// IPv6 address range, a prefix list, or a security group"; the earlier wording of the same pages:
// "You must specify only one of the following properties: CidrIp, CidrIpv6, SourcePrefixListId,
// SourceSecurityGroupId, or SourceSecurityGroupName".
const INGRESS = [
  'CidrIp',
  'CidrIpv6',
  'SourcePrefixListId',
  'SourceSecurityGroupId',
  'SourceSecurityGroupName',
];
const INGRESS_WHY =
  'an inbound rule has exactly one source (an IPv4 range, an IPv6 range, a prefix list or a security group)';
// AWS::EC2::SecurityGroup Egress and AWS::EC2::SecurityGroupEgress: "You must specify exactly one
// of the following destinations: an IPv4 address range, an IPv6 address range, a prefix list, or a
// security group".
const EGRESS = ['CidrIp', 'CidrIpv6', 'DestinationPrefixListId', 'DestinationSecurityGroupId'];
const EGRESS_WHY =
  'an outbound rule has exactly one destination (an IPv4 range, an IPv6 range, a prefix list or a security group)';
// AWS::EC2::Instance BlockDeviceMapping: "You must specify exactly one of the following
// properties: VirtualName, Ebs, or NoDevice". AWS::AutoScaling::LaunchConfiguration
// BlockDeviceMapping: "set the device name and exactly one of the following properties: Ebs,
// NoDevice, or VirtualName". AWS::EC2::SpotFleet BlockDeviceMapping: "You can specify Ebs or
// VirtualName, but not both".
const DEVICE = ['Ebs', 'NoDevice', 'VirtualName'];
const DEVICE_WHY = 'a block device mapping is an EBS volume, an instance store volume or a suppressed device';

// AWS::CloudWatch::Alarm, from the PutMetricAlarm API it calls (CloudWatch API Reference,
// PutMetricAlarm, MetricName and Metrics): "you must specify either MetricName or a Metrics array"
// and "If you use the Metrics parameter, you cannot include the Namespace, MetricName, Dimensions,
// Period, Unit, Statistic, or ExtendedStatistic parameters"; the same in the CloudFormation
// reference for AWS::CloudWatch::Alarm Metrics.
const SINGLE_METRIC = [
  'MetricName',
  'Namespace',
  'Dimensions',
  'Period',
  'Unit',
  'Statistic',
  'ExtendedStatistic',
];

export const EXCLUSIVE_PROPERTIES: readonly Exclusive[] = [
  {
    type: 'AWS::CloudWatch::Alarm',
    path: [],
    keys: [['Metrics'], SINGLE_METRIC],
    why: 'an alarm watches either one metric (MetricName and its Namespace, Dimensions, Period, Statistic …) or a Metrics array',
    required: true,
  },
  { type: 'AWS::EC2::SecurityGroup', path: ['SecurityGroupIngress', '*'], keys: INGRESS, why: INGRESS_WHY },
  { type: 'AWS::EC2::SecurityGroup', path: ['SecurityGroupEgress', '*'], keys: EGRESS, why: EGRESS_WHY },
  { type: 'AWS::EC2::SecurityGroupIngress', path: [], keys: INGRESS, why: INGRESS_WHY },
  { type: 'AWS::EC2::SecurityGroupEgress', path: [], keys: EGRESS, why: EGRESS_WHY },
  { type: 'AWS::EC2::Instance', path: ['BlockDeviceMappings', '*'], keys: DEVICE, why: DEVICE_WHY },
  {
    type: 'AWS::AutoScaling::LaunchConfiguration',
    path: ['BlockDeviceMappings', '*'],
    keys: DEVICE,
    why: DEVICE_WHY,
  },
  {
    type: 'AWS::EC2::SpotFleet',
    path: ['SpotFleetRequestConfigData', 'LaunchSpecifications', '*', 'BlockDeviceMappings', '*'],
    keys: ['Ebs', 'VirtualName'],
    why: 'a block device mapping is an EBS volume or an instance store volume',
  },
];

/** What a value may become: itself, or each branch of an `Fn::If` (nested ones too). */
function possibleValues(node: AstNode | undefined): AstNode[] {
  if (intrinsicName(node) !== 'Fn::If' || node?.type !== 'object') return node ? [node] : [];
  const args = node.properties[0].value;
  if (args?.type !== 'array' || args.items.length !== 3) return [];
  return [...possibleValues(args.items[1]), ...possibleValues(args.items[2])];
}

/**
 * The objects a path leads to, with their names for messages (`SecurityGroupIngress[1]`). Each
 * branch of an `Fn::If` on the way is followed, as the value it may become.
 */
function objectsAt(node: AstNode | undefined, path: string[], name: string, out: [AstNode, string][]): void {
  for (const value of possibleValues(node)) {
    if (value.type !== 'object' || intrinsicName(value)) continue;
    if (!path.length) {
      out.push([value, name]);
      continue;
    }
    const [step, next, ...rest] = path;
    const child = getProperty(value, step);
    const childName = name ? `${name}.${step}` : step;
    if (next !== '*') {
      objectsAt(child, next === undefined ? [] : [next, ...rest], childName, out);
      continue;
    }
    for (const list of possibleValues(child)) {
      if (list.type === 'array')
        list.items.forEach((item, i) => objectsAt(item, rest, `${childName}[${i}]`, out));
    }
  }
}

/** Set for sure: not an Fn::If (which may remove it), `Ref: AWS::NoValue` or an empty list. */
function surelySet(property: PropertyNode): boolean {
  const value = property.value;
  if (!value || value.type === 'null' || (value.type === 'array' && !value.items.length)) return false;
  const fn = intrinsicName(value);
  if (fn === 'Fn::If') return false;
  if (fn === 'Ref' && value.type === 'object') {
    const target = value.properties[0].value;
    return !(target?.type === 'string' && target.value === 'AWS::NoValue');
  }
  return true;
}

/**
 * Whether any key of the object is written, however, or may be added by a macro (an `Fn::Transform`
 * inside it, or a macro over the template): "none of them is set" is reported only when neither.
 */
function writtenOrMacro(object: AstNode, keys: string[], opaque: boolean): boolean {
  if (opaque || object.type !== 'object') return true;
  return object.properties.some((p) => keys.includes(p.key.value) || p.key.value === 'Fn::Transform');
}

function groupsOf(entry: Exclusive): string[][] {
  return entry.keys.map((k) => (typeof k === 'string' ? [k] : k));
}

function describeGroups(groups: string[][]): string {
  const names = groups.map((g) => `'${g[0]}'`);
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

export const checkExclusiveProperties: Rule = ({ root, collector }) => {
  const template = getTemplate(root);
  if (!template) return;
  const opaque = nameResolver(template).opaque;
  for (const resource of template.resources.values()) {
    for (const entry of EXCLUSIVE_PROPERTIES) {
      if (resource.type !== entry.type) continue;
      const objects: [AstNode, string][] = [];
      objectsAt(resource.properties, entry.path, '', objects);
      const groups = groupsOf(entry);
      for (const [object, name] of objects) {
        if (object.type !== 'object') continue;
        const where = name ? `${name} of ${resource.name}` : resource.name;
        if (entry.required && !writtenOrMacro(object, groups.flat(), opaque)) {
          const owner = object.parent?.type === 'property' ? object.parent.key : object;
          collector.report(
            owner,
            `One of ${describeGroups(groups)} is required in ${where}: ${entry.why}.`,
            'cfn-property-relationship',
            { severity: 'error' },
          );
          continue;
        }
        const set = object.properties.filter(
          (p) => surelySet(p) && groups.some((g) => g.includes(p.key.value)),
        );
        if (!set.length) continue;
        // The group listed first wins; the keys of the others are the ones reported.
        const kept = groups.find((g) => set.some((p) => g.includes(p.key.value))) ?? [];
        const keptKey = set.find((p) => kept.includes(p.key.value))?.key.value ?? '';
        for (const extra of set.filter((p) => !kept.includes(p.key.value))) {
          collector.report(
            extra.key,
            `'${extra.key.value}' cannot be set together with '${keptKey}' in ${where}: ${entry.why}.`,
            'cfn-property-relationship',
            { severity: 'error' },
          );
        }
      }
    }
  }
};
