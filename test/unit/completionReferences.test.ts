/** Completion of names a template refers to: Ref, GetAtt, Sub, conditions, FindInMap, DependsOn (YAML). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accept, complete, find, labels } from '../support/completion';

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env:
    Type: String
    Description: The environment
Mappings:
  RegionMap:
    us-east-1:
      Ami: ami-1
    eu-west-1:
      Ami: ami-2
      Size: small
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Equals [!Ref Env, dev]
Resources:
  Queue:
    Type: AWS::SQS::Queue
  Topic:
    Type: AWS::SNS::Topic
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
`;

describe('completion: Ref', () => {
  it('offers parameters, other resources and pseudo-parameters after !Ref', () => {
    const { items } = complete(`${TEMPLATE}      BucketName: !Ref |\n`);
    const names = labels(items);
    assert.ok(names.includes('Env') && names.includes('Queue') && names.includes('Topic'));
    assert.ok(!names.includes('Bucket'), 'a resource does not refer to itself');
    assert.ok(names.includes('AWS::Region') && names.includes('AWS::NoValue'));
    const sorted = [...items].sort((a, b) => String(a.sortText).localeCompare(String(b.sortText)));
    assert.equal(sorted[0].label, 'Env', 'parameters first');
    assert.equal(find(items, 'Queue').detail, 'AWS::SQS::Queue');
    assert.match(String(find(items, 'Env').detail), /Parameter · String/);
  });

  it('replaces the name being typed, in every form of Ref', () => {
    const short = complete(`${TEMPLATE}      BucketName: !Ref Qu|\n`);
    assert.match(accept(short.document, find(short.items, 'Queue')), /BucketName: !Ref Queue\n$/);
    const flow = complete(`${TEMPLATE}      BucketName: {Ref: |}\n`);
    assert.match(accept(flow.document, find(flow.items, 'Env')), /BucketName: \{Ref: Env\}\n$/);
    const block = complete(`${TEMPLATE}      BucketName:\n        Ref: E|\n`);
    assert.match(accept(block.document, find(block.items, 'Env')), /Ref: Env\n$/);
    const quoted = complete(`${TEMPLATE}      BucketName: !Ref "AWS::Re|"\n`);
    assert.match(accept(quoted.document, find(quoted.items, 'AWS::Region')), /!Ref "AWS::Region"\n$/);
  });

  it('offers only parameters and pseudo-parameters to Ref in Conditions', () => {
    const text = TEMPLATE.replace('  IsDev: !Equals [!Ref Env, dev]', '  IsDev: !Equals [!Ref |, dev]');
    const names = labels(complete(text).items);
    assert.ok(names.includes('Env') && names.includes('AWS::Region'));
    assert.ok(!names.includes('Queue'));
  });

  it('offers Ref targets inside other functions', () => {
    const { items } = complete(`${TEMPLATE}      BucketName: !Join ['-', [!Ref |, x]]\n`);
    assert.ok(labels(items).includes('Env'));
    const inIf = complete(
      `${TEMPLATE}    Condition: IsProd\n    Properties:\n      BucketName: !If [IsProd, !Ref |, !Ref AWS::NoValue]\n`,
    );
    assert.ok(labels(inIf.items).includes('Topic'));
  });
});

describe('completion: GetAtt', () => {
  it('offers resources, then inserts the dot to continue with an attribute', () => {
    const { document, items } = complete(`${TEMPLATE}      BucketName: !GetAtt |\n`);
    assert.deepEqual(labels(items).sort(), ['Queue', 'Topic']);
    const queue = find(items, 'Queue');
    assert.match(accept(document, queue), /!GetAtt Queue\.\n$/);
    assert.equal(queue.command?.command, 'editor.action.triggerSuggest');
  });

  it('offers the attributes of the resource after the dot, with their docs', () => {
    const { document, items } = complete(`${TEMPLATE}      BucketName: !GetAtt Queue.|\n`);
    assert.deepEqual(labels(items).sort(), ['Arn', 'QueueName', 'QueueUrl']);
    assert.match(
      String((find(items, 'Arn').documentation as { value: string }).value),
      /Amazon Resource Name/,
    );
    assert.match(accept(document, find(items, 'QueueName')), /!GetAtt Queue\.QueueName\n$/);
    const partial = complete(`${TEMPLATE}      BucketName: !GetAtt Queue.Ar|n\n`);
    assert.match(accept(partial.document, find(partial.items, 'Arn')), /!GetAtt Queue\.Arn\n$/);
  });

  it('offers resources then attributes in the list form', () => {
    const first = complete(`${TEMPLATE}      BucketName: !GetAtt [|]\n`);
    assert.deepEqual(labels(first.items).sort(), ['Queue', 'Topic']);
    const second = complete(`${TEMPLATE}      BucketName: !GetAtt [Topic, |]\n`);
    assert.ok(labels(second.items).includes('TopicArn'));
    const long = complete(
      `${TEMPLATE}      BucketName:\n        Fn::GetAtt:\n          - Queue\n          - |\n`,
    );
    assert.deepEqual(labels(long.items).sort(), ['Arn', 'QueueName', 'QueueUrl']);
  });
});

describe('completion: Fn::Sub variables', () => {
  it('offers names inside ${ and closes the brace', () => {
    const { document, items } = complete(`${TEMPLATE}      BucketName: !Sub "\${AWS::StackName}-\${|"\n`);
    const names = labels(items);
    assert.ok(names.includes('Env') && names.includes('Queue') && names.includes('AWS::Region'));
    assert.match(accept(document, find(items, 'Env')), /!Sub "\$\{AWS::StackName\}-\$\{Env\}"\n$/);
  });

  it('does not add a brace that is already there, and completes attributes after a dot', () => {
    const closed = complete(`${TEMPLATE}      BucketName: !Sub "\${Qu|}-x"\n`);
    assert.match(accept(closed.document, find(closed.items, 'Queue')), /!Sub "\$\{Queue\}-x"\n$/);
    const attribute = complete(`${TEMPLATE}      BucketName: !Sub "\${Queue.|}"\n`);
    assert.match(
      accept(attribute.document, find(attribute.items, 'QueueName')),
      /\$\{Queue\.QueueName\}"\n$/,
    );
  });

  it('offers the variables of the second argument first', () => {
    const { items } = complete(`${TEMPLATE}      BucketName: !Sub ['\${Prefix}-\${|}', {Prefix: x}]\n`);
    const sorted = [...items].sort((a, b) => String(a.sortText).localeCompare(String(b.sortText)));
    assert.equal(sorted[0].label, 'Prefix');
  });

  it('works in a block scalar and in the long form', () => {
    const block = complete(`${TEMPLATE}      BucketName: !Sub |\n        echo \${§\n`, 'template.yaml', '§');
    assert.ok(labels(block.items).includes('Env'));
    const long = complete(
      `${TEMPLATE}      BucketName:\n        Fn::Sub: arn:\${AWS::Partition}:s3:::\${|}\n`,
    );
    assert.ok(labels(long.items).includes('Env'));
  });

  it('offers nothing in a Sub string outside ${…}', () => {
    assert.deepEqual(complete(`${TEMPLATE}      BucketName: !Sub "plain |"\n`).items, []);
  });
});

describe('completion: conditions, mappings, DependsOn', () => {
  it('offers condition names for Condition, Fn::If and !Condition', () => {
    const attribute = complete(`${TEMPLATE}    Condition: |\n`);
    assert.deepEqual(labels(attribute.items).sort(), ['IsDev', 'IsProd']);
    const fnIf = complete(`${TEMPLATE}      BucketName: !If [|, a, b]\n`);
    assert.deepEqual(labels(fnIf.items).sort(), ['IsDev', 'IsProd']);
    const inConditions = complete(
      TEMPLATE.replace(
        '  IsDev: !Equals [!Ref Env, dev]',
        '  IsDev: !Equals [!Ref Env, dev]\n  Either: !Or [!Condition |, !Condition IsDev]',
      ),
    );
    assert.ok(labels(inConditions.items).includes('IsProd'));
    const output = complete(
      `${TEMPLATE}      BucketName: x\nOutputs:\n  Out:\n    Condition: Is|\n    Value: x\n`,
    );
    assert.deepEqual(labels(output.items).sort(), ['IsDev', 'IsProd']);
  });

  it('offers mapping names, then top-level keys, then second-level keys', () => {
    const names = complete(`${TEMPLATE}      BucketName: !FindInMap [|]\n`);
    assert.deepEqual(labels(names.items), ['RegionMap']);
    const first = complete(`${TEMPLATE}      BucketName: !FindInMap [RegionMap, |]\n`);
    assert.deepEqual(labels(first.items), ['us-east-1', 'eu-west-1']);
    const second = complete(`${TEMPLATE}      BucketName: !FindInMap [RegionMap, eu-west-1, |]\n`);
    assert.deepEqual(labels(second.items), ['Ami', 'Size']);
    const any = complete(`${TEMPLATE}      BucketName: !FindInMap [RegionMap, !Ref AWS::Region, |]\n`);
    assert.deepEqual(labels(any.items).sort(), ['Ami', 'Size']);
  });

  it('offers other resources for DependsOn, leaving out those listed', () => {
    const single = complete(`${TEMPLATE}    DependsOn: |\n`);
    assert.deepEqual(labels(single.items).sort(), ['Queue', 'Topic']);
    const list = complete(`${TEMPLATE}    DependsOn:\n      - Queue\n      - |\n`);
    assert.deepEqual(labels(list.items), ['Topic']);
    const flow = complete(`${TEMPLATE}    DependsOn: [Topic, |]\n`);
    assert.deepEqual(labels(flow.items), ['Queue']);
  });

  it('keeps offering names while the template is broken elsewhere', () => {
    const broken = TEMPLATE.replace(
      '  Topic:\n    Type: AWS::SNS::Topic\n',
      '  Topic:\n    Type: AWS::SNS::\n    Properties: [\n',
    );
    const { items } = complete(`${broken}      BucketName: !Ref |\n`);
    assert.ok(labels(items).includes('Queue') && labels(items).includes('Env'));
  });
});
