/**
 * Papercut 1: in a file we own, a value being typed gets our items, never an empty list (an empty
 * list lets the editor fill in words of other files, which Enter would insert). Numbers → the
 * documented defaults and the bounds; strings → references of the template whose type fits;
 * lists → list parameters; and the intrinsic functions that give such a value. `|` is the cursor.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accept, complete, find, labels, newText } from '../support/completion';
import { service } from '../support/helpers';
import { documentedDefaults } from '../../server/src/service/features/completion/numberProposals';

const HEADER = 'AWSTemplateFormatVersion: "2010-09-09"\n';
const PARAMETERS = `${HEADER}Parameters:
  Size:
    Type: Number
  Subnets:
    Type: List<AWS::EC2::Subnet::Id>
  Stage:
    Type: String
    AllowedValues: [dev, prod]
    Default: |
`;
const RESOURCES = `Resources:
  Jobs:
    Type: AWS::SQS::Queue
  Network:
    Type: AWS::EC2::VPC
  Group:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      VpcId: !Ref Network
  ExecRole:
    Type: AWS::IAM::Role
`;
const TEMPLATE = `${PARAMETERS.replace('Default: |', 'Default: dev')}${RESOURCES}`;
const FUNCTION = `${TEMPLATE}  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n`;
const MAPPING = `${TEMPLATE}  Mapping:\n    Type: AWS::Lambda::EventSourceMapping\n    Properties:\n`;

describe('completion: values of properties without a list of allowed values', () => {
  it('proposes the documented defaults and the bounds of a number property, then Number parameters', () => {
    const { document, items } = complete(`${MAPPING}      BatchSize: |\n`);
    const numbers = labels(items).filter((l) => /^\d+$/.test(l));
    assert.deepEqual(numbers, ['1', '10', '100', '10000'], 'smallest first: a typed 10 selects 10, not 100');
    const ten = find(items, '10');
    assert.equal(ten.detail, 'default · integer 1–10,000');
    assert.match(accept(document, ten), /\n {6}BatchSize: 10\n$/);
    assert.equal(find(items, '10000').detail, 'maximum · integer 1–10,000');
    assert.equal(newText(find(items, '!Ref Size')), '!Ref Size');
    assert.ok(!labels(items).includes('!Ref Stage'), 'a String parameter is not a number');
    assert.ok(!labels(items).includes('!Sub'), 'Sub gives a string');
  });

  it('answers a word that is none of the values with items all the same (the editor filters them away)', () => {
    const { items } = complete(`${MAPPING}      BatchSize: ten|\n`);
    assert.ok(items.length > 0, 'an empty list would let the editor propose words of other files');
    assert.ok(items.every((i) => !/^ten/i.test(i.filterText ?? i.label)));
  });

  it('reads defaults in the words of the docs, and only in the unit of the property', () => {
    assert.deepEqual(
      documentedDefaults('Default 10. For FIFO: Default 100. Max 10,000.', 'BatchSize'),
      [10, 100],
    );
    assert.deepEqual(documentedDefaults('The default is `30`.', 'VisibilityTimeout'), [30]);
    assert.deepEqual(documentedDefaults('The default value is 5 minutes.', 'TimeoutInSeconds'), []);
    assert.deepEqual(documentedDefaults('The default value is 300 seconds.', 'TimeoutInSeconds'), [300]);
    assert.deepEqual(
      documentedDefaults('Seconds between checks. The default is 30 seconds.', 'Interval'),
      [],
    );
    assert.deepEqual(
      documentedDefaults('The period in seconds. The default is 30 seconds.', 'Interval'),
      [30],
    );
    assert.deepEqual(documentedDefaults('The default netmask, for example 10.0.0.0/16.', 'Netmask'), []);
  });

  it('proposes the attributes and IDs of the resources a string property names, never other types', () => {
    const role = labels(complete(`${FUNCTION}      Role: |\n`).items);
    assert.ok(role.includes('!GetAtt ExecRole.Arn'), role.join(', '));
    assert.ok(!role.includes('!GetAtt Jobs.Arn'), 'a queue is not a role');
    assert.ok(!role.includes('!Ref ExecRole'), 'Ref of a role is its name, the property wants the ARN');
    assert.ok(!role.includes('!Ref AWS::Region'));
    const groups = complete(`${FUNCTION}      VpcConfig:\n        SecurityGroupIds:\n          - |\n`);
    assert.ok(labels(groups.items).includes('!Ref Group'), 'Ref of a security group is its ID');
    assert.ok(!labels(groups.items).includes('!Ref Network'));
    assert.match(accept(groups.document, find(groups.items, '!Ref Group')), /\n {10}- !Ref Group\n$/);
  });

  it('proposes any ARN for a property that names no type (an event source)', () => {
    const { items } = complete(`${MAPPING}      EventSourceArn: |\n`);
    assert.ok(labels(items).includes('!GetAtt Jobs.Arn'), labels(items).join(', '));
    assert.ok(!labels(items).includes('!GetAtt Jobs.QueueUrl'));
  });

  it('proposes a stack-unique name, String parameters and the functions for a name', () => {
    const { document, items } = complete(`${FUNCTION}      FunctionName: |\n`);
    const names = labels(items);
    assert.ok(names.includes('!Ref Stage') && names.includes('!Ref AWS::StackName'), names.join(', '));
    assert.ok(!names.includes('!Ref Size') && !names.includes('!Ref Subnets'));
    const sub = find(items, '!Sub ${AWS::StackName}-…');
    assert.match(accept(document, sub), /\n {6}FunctionName: !Sub \$\{AWS::StackName\}-function\n$/);
    const ref = find(items, '!Ref');
    assert.equal(newText(ref), '!Ref $1');
    assert.equal(ref.command?.command, 'editor.action.triggerSuggest', 'the name is completed next');
  });

  it('proposes list parameters for a list property', () => {
    const { items } = complete(`${FUNCTION}      VpcConfig:\n        SubnetIds: |\n`);
    const names = labels(items);
    assert.ok(names.includes('!Ref Subnets') && names.includes('!GetAZs') && names.includes('!Split'));
    assert.ok(!names.includes('!Ref Stage') && !names.includes('!Sub'));
  });

  it('writes references as JSON objects in a JSON template, over the quotes typed', () => {
    const json = `{"Parameters": {"Size": {"Type": "Number"}}, "Resources": {"ExecRole": {"Type": "AWS::IAM::Role"},
  "Fn": {"Type": "AWS::Lambda::Function", "Properties": {"Role": "|"}},
  "Mapping": {"Type": "AWS::Lambda::EventSourceMapping", "Properties": {"BatchSize": 5}}}}`;
    const { document, items } = complete(json, 'template.json');
    const role = find(items, '{"Fn::GetAtt": ["ExecRole", "Arn"]}');
    assert.match(accept(document, role), /"Role": \{"Fn::GetAtt": \["ExecRole", "Arn"\]\}\}/);
    assert.equal(role.filterText, '"ExecRole.Arn');
    assert.ok(labels(items).includes('Fn::Sub'));
    const size = complete(
      json.replace('"Role": "|"', '"Role": "x"').replace('"BatchSize": 5', '"BatchSize": |'),
      'template.json',
    );
    assert.ok(labels(size.items).includes('10') && labels(size.items).includes('{"Ref": "Size"}'));
  });

  it('proposes outputs any reference, an export a stack-unique name, a default its allowed values', () => {
    const outputs = complete(`${TEMPLATE}Outputs:\n  QueueUrl:\n    Value: |\n`);
    for (const label of ['!Ref Jobs', '!GetAtt Jobs.Arn', '!GetAtt ExecRole.Arn', '!Ref Stage'])
      assert.ok(labels(outputs.items).includes(label), label);
    const exported = complete(
      `${TEMPLATE}Outputs:\n  QueueUrl:\n    Value: !Ref Jobs\n    Export:\n      Name: |\n`,
    );
    assert.match(
      accept(exported.document, find(exported.items, '!Sub ${AWS::StackName}-…')),
      /Name: !Sub \$\{AWS::StackName\}-QueueUrl\n$/,
    );
    assert.deepEqual(labels(complete(`${PARAMETERS}${RESOURCES}`).items), ['dev', 'prod']);
  });

  it('never leaves a property of everyday types without items (an object: Fn::If)', () => {
    const types = [
      'AWS::Lambda::EventSourceMapping',
      'AWS::SQS::Queue',
      'AWS::Lambda::Function',
      'AWS::S3::Bucket',
    ];
    const empty: string[] = [];
    for (const type of types) {
      const info = service().schemas.resourceType(type);
      for (const name of Object.keys(info?.schema.properties ?? {})) {
        const text = `${HEADER}Resources:\n  R:\n    Type: ${type}\n    Properties:\n      ${name}: |\n`;
        if (complete(text).items.length === 0) empty.push(`${type}.${name}`);
      }
    }
    assert.deepEqual(empty, []);
    const policy = complete(`${FUNCTION}      VpcConfig: |\n`);
    assert.deepEqual(labels(policy.items), ['!If']);
  });
});

describe('completion: number values in the other kinds', () => {
  it('proposes the bounds of an appspec hook timeout', () => {
    const { items } = complete(
      'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: |\n',
      'appspec.yml',
    );
    assert.deepEqual(labels(items), ['1', '3600']);
  });
});
