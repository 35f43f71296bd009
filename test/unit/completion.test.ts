/** Completion in CloudFormation YAML templates: every context, with `|` marking the cursor. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accept, complete, find, labels, newText } from '../support/completion';
import { service } from '../support/helpers';

const HEADER = 'AWSTemplateFormatVersion: "2010-09-09"\n';

describe('completion: CloudFormation sections and resource types', () => {
  it('offers the sections not yet written at the top level', () => {
    const { items } = complete(`${HEADER}|\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n`);
    const names = labels(items);
    for (const section of ['Description', 'Parameters', 'Mappings', 'Conditions', 'Outputs', 'Transform'])
      assert.ok(names.includes(section), section);
    assert.ok(!names.includes('Resources'));
    assert.ok(!names.includes('AWSTemplateFormatVersion'));
    assert.ok(!names.includes('Globals'), 'Globals is SAM only');
  });

  it('inserts a section as a nested block and the format version with its only value', () => {
    const fresh = complete(`${HEADER}|\n`);
    assert.equal(accept(fresh.document, find(fresh.items, 'Resources')), `${HEADER}Resources:\n  \n`);
    const queue = 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n';
    const { document, items } = complete(`Description: x\n|\n${queue}`);
    assert.equal(
      accept(document, find(items, 'AWSTemplateFormatVersion')),
      `Description: x\nAWSTemplateFormatVersion: "2010-09-09"\n${queue}`,
    );
  });

  it('completes resource types, replacing the whole type being typed', () => {
    const { document, items } = complete(`${HEADER}Resources:\n  Bucket:\n    Type: AWS::S3::Bu|\n`);
    assert.ok(items.length > 1000, 'all types are offered; the editor filters them');
    const bucket = find(items, 'AWS::S3::Bucket');
    assert.equal(accept(document, bucket), `${HEADER}Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n`);
    assert.equal(bucket.documentation, undefined, 'documentation comes with completionItem/resolve');
    assert.ok(!labels(items).some((l) => l.startsWith('AWS::Serverless::')), 'SAM types need the transform');
  });

  it('completes a resource type in the middle of the word and while another line is broken', () => {
    const text = `${HEADER}Resources:\n  Bucket:\n    Type: AWS::S3::Bu|ck\n  Broken: [\n  Queue:\n    Type: AWS::SQS::Queue\n`;
    const { document, items } = complete(text);
    assert.equal(
      accept(document, find(items, 'AWS::S3::Bucket')),
      `${HEADER}Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n  Broken: [\n  Queue:\n    Type: AWS::SQS::Queue\n`,
    );
  });

  it('completes a type right after "Type: AWS::S3::", which YAML reads as a key', () => {
    const { document, items } = complete(
      `${HEADER}Resources:\n  Bucket:\n    Type: AWS::S3::|\n    Properties:\n      BucketName: b\n`,
    );
    assert.match(accept(document, find(items, 'AWS::S3::BucketPolicy')), /Type: AWS::S3::BucketPolicy\n/);
  });

  it('offers SAM types when the template has the SAM transform', () => {
    const { items } = complete(
      'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::|\n',
    );
    assert.ok(labels(items).includes('AWS::Serverless::Function'));
  });

  it('resolves a resource type item with its description and link', () => {
    const { items } = complete(`${HEADER}Resources:\n  Q:\n    Type: AWS::SQS::Q|\n`);
    const resolved = service().resolveCompletionItem(find(items, 'AWS::SQS::Queue'));
    const documentation = resolved.documentation as { kind: string; value: string };
    assert.equal(documentation.kind, 'markdown');
    assert.match(documentation.value, /SQS/);
    assert.match(documentation.value, /docs\.aws\.amazon\.com/);
  });

  it('offers transforms', () => {
    const { items } = complete('Transform: |\nResources: {}\nAWSTemplateFormatVersion: "2010-09-09"\n');
    assert.ok(labels(items).includes('AWS::Serverless-2016-10-31'));
    assert.ok(labels(items).includes('AWS::LanguageExtensions'));
  });
});

describe('completion: CloudFormation resource keys and properties', () => {
  const queue = `${HEADER}Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n`;

  it('offers resource attributes not yet written, Properties with the required properties', () => {
    const { document, items } = complete(
      `${HEADER}Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    |\n`,
    );
    const names = labels(items);
    assert.ok(!names.includes('Type'));
    for (const name of [
      'Properties',
      'DependsOn',
      'Condition',
      'DeletionPolicy',
      'UpdateReplacePolicy',
      'Metadata',
    ])
      assert.ok(names.includes(name), name);
    assert.equal(
      names[0] === 'Properties' ||
        items.sort((a, b) => String(a.sortText).localeCompare(String(b.sortText)))[0].label === 'Properties',
      true,
    );
    const text = accept(document, find(items, 'Properties'));
    assert.match(text, /\n {4}Properties:\n {6}Code: \n {6}Role: \n/);
    assert.equal(
      newText(find(items, 'DeletionPolicy')),
      'DeletionPolicy: ${1|Delete,Retain,RetainExceptOnCreate,Snapshot|}',
    );
  });

  it('offers the properties of the resource type, required first, without those already written', () => {
    const { items } = complete(
      `${HEADER}Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: nodejs20.x\n      |\n`,
    );
    const names = labels(items);
    assert.ok(names.includes('Handler') && names.includes('Code') && names.includes('Role'));
    assert.ok(!names.includes('Runtime'));
    const sorted = [...items].sort((a, b) => String(a.sortText).localeCompare(String(b.sortText)));
    assert.deepEqual(
      sorted.slice(0, 2).map((i) => i.label),
      ['Code', 'Role'],
    );
    assert.match(String(find(items, 'Code').detail), /Required/);
    assert.ok((find(items, 'Handler').documentation as { value: string }).value.length > 10);
  });

  it('inserts scalars, nested objects and lists of objects with the right indentation', () => {
    const { document, items } = complete(`${queue}    Properties:\n      |\n`);
    assert.equal(newText(find(items, 'VisibilityTimeout')), 'VisibilityTimeout: $1');
    assert.equal(newText(find(items, 'FifoQueue')), 'FifoQueue: ${1|true,false|}');
    assert.equal(newText(find(items, 'Tags')), 'Tags:\n        - Key: $1\n          Value: $2');
    assert.match(accept(document, find(items, 'Tags')), /\n {6}Tags:\n {8}- Key: \n {10}Value: \n/);
    assert.equal(newText(find(items, 'DeduplicationScope')), 'DeduplicationScope: ${1|messageGroup,queue|}');
  });

  it('offers the properties of a nested property type', () => {
    const { items } = complete(
      `${HEADER}Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration:\n        |\n`,
    );
    assert.deepEqual(
      labels(items).filter((l) => !l.startsWith('Fn::') && l !== 'Ref'),
      ['Status'],
    );
  });

  it('offers properties inside a list item, in block and flow style', () => {
    const block = complete(`${queue}    Properties:\n      Tags:\n        - Key: a\n          |\n`);
    assert.ok(labels(block.items).includes('Value'));
    assert.ok(!labels(block.items).includes('Key'));
    const dash = complete(`${queue}    Properties:\n      Tags:\n        - |\n`);
    assert.ok(labels(dash.items).includes('Key') && labels(dash.items).includes('Value'));
    const flow = complete(`${queue}    Properties:\n      Tags: [{Key: a, |}]\n`);
    assert.deepEqual(flow.items.filter((i) => i.label === 'Value').map(newText), ['Value: $1']);
  });

  it('completes a key with no colon yet, replacing the word', () => {
    const { document, items } = complete(`${queue}    Properties:\n      Visib|\n      DelaySeconds: 5\n`);
    assert.equal(
      accept(document, find(items, 'VisibilityTimeout')),
      `${queue}    Properties:\n      VisibilityTimeout: \n      DelaySeconds: 5\n`,
    );
    assert.ok(!labels(items).includes('DelaySeconds'));
  });

  it('renames a key that already has its colon: only the name is replaced', () => {
    const { document, items } = complete(`${queue}    Properties:\n      Visib|ility: 30\n`);
    assert.equal(newText(find(items, 'VisibilityTimeout')), 'VisibilityTimeout');
    assert.equal(
      accept(document, find(items, 'VisibilityTimeout')),
      `${queue}    Properties:\n      VisibilityTimeout: 30\n`,
    );
  });

  it('offers allowed values and booleans', () => {
    const versioning = complete(
      `${HEADER}Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration:\n        Status: |\n`,
    );
    assert.deepEqual(labels(versioning.items), ['Enabled', 'Suspended']);
    const fifo = complete(`${queue}    Properties:\n      FifoQueue: |\n`);
    assert.deepEqual(labels(fifo.items), ['true', 'false']);
    const inIf = complete(`${queue}    Condition: C\n    Properties:\n      FifoQueue: !If [C, |, false]\n`);
    assert.deepEqual(labels(inIf.items), ['true', 'false']);
  });

  it('offers DeletionPolicy and UpdateReplacePolicy values', () => {
    const { items } = complete(`${queue}    DeletionPolicy: R|\n`);
    assert.deepEqual(labels(items), ['Delete', 'Retain', 'RetainExceptOnCreate', 'Snapshot']);
    const replace = complete(`${queue}    UpdateReplacePolicy: |\n`);
    assert.deepEqual(labels(replace.items), ['Delete', 'Retain', 'Snapshot']);
  });

  it('offers intrinsic functions as the key of a value written on its own line', () => {
    const { items } = complete(`${queue}    Properties:\n      QueueName:\n        |\n`);
    assert.ok(labels(items).includes('Fn::Sub') && labels(items).includes('Ref'));
    assert.ok(!labels(items).includes('Fn::Equals'), 'condition functions belong in Conditions');
  });

  it('offers short-form tags while a tag is typed', () => {
    const { document, items } = complete(`${queue}    Properties:\n      QueueName: !Su|\n`);
    const sub = find(items, '!Sub');
    assert.equal(accept(document, sub), `${queue}    Properties:\n      QueueName: !Sub \n`);
    assert.ok(labels(items).includes('!GetAtt'));
  });

  it('offers policy keys for UpdatePolicy and CreationPolicy', () => {
    const { items } = complete(
      `${HEADER}Resources:\n  G:\n    Type: AWS::AutoScaling::AutoScalingGroup\n    CreationPolicy:\n      ResourceSignal:\n        |\n`,
    );
    assert.deepEqual(labels(items), ['Count', 'Timeout']);
  });

  it('offers ServiceToken for a custom resource', () => {
    const { items } = complete(
      `${HEADER}Resources:\n  C:\n    Type: Custom::Thing\n    Properties:\n      |\n`,
    );
    assert.deepEqual(labels(items), ['ServiceToken']);
  });

  it('offers nothing in a comment or in a free text value', () => {
    assert.deepEqual(complete(`${queue}    # a comment |\n`).items, []);
    assert.deepEqual(complete(`Description: some text |\n${queue}`).items, []);
  });
});

describe('completion: parameters, outputs, conditions', () => {
  it('offers parameter keys and parameter types', () => {
    const keys = complete(`${HEADER}Parameters:\n  Env:\n    |\nResources: {}\n`);
    assert.equal(
      keys.items.sort((a, b) => String(a.sortText).localeCompare(String(b.sortText)))[0].label,
      'Type',
    );
    assert.ok(labels(keys.items).includes('AllowedValues') && labels(keys.items).includes('NoEcho'));
    const types = complete(`${HEADER}Parameters:\n  Env:\n    Type: |\nResources: {}\n`);
    for (const type of [
      'String',
      'Number',
      'CommaDelimitedList',
      'AWS::EC2::VPC::Id',
      'List<AWS::EC2::Subnet::Id>',
      'AWS::SSM::Parameter::Value<String>',
    ]) {
      assert.ok(labels(types.items).includes(type), type);
    }
  });

  it('offers output keys and the Export name', () => {
    const keys = complete(`${HEADER}Resources: {}\nOutputs:\n  Out:\n    Value: x\n    |\n`);
    assert.deepEqual(labels(keys.items).sort(), ['Condition', 'Description', 'Export']);
    const exportKeys = complete(`${HEADER}Resources: {}\nOutputs:\n  Out:\n    Export:\n      |\n`);
    assert.deepEqual(labels(exportKeys.items), ['Name']);
  });

  it('offers condition functions as the key of a condition', () => {
    const { items } = complete(`${HEADER}Conditions:\n  IsProd:\n    |\nResources: {}\n`);
    assert.deepEqual(labels(items).sort(), ['Condition', 'Fn::And', 'Fn::Equals', 'Fn::Not', 'Fn::Or']);
  });
});
