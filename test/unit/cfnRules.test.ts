/** The CloudFormation reference rules, on small templates in YAML and JSON. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticTag } from 'vscode-languageserver-types';
import { at, findDiagnostic, messageOf, refCodes } from '../support/diagnostics';
import { dedent } from '../support/helpers';

describe('Ref', () => {
  it('reports an unknown name at the name, with a did-you-mean replacement', () => {
    const text = dedent(`
      Parameters:
        Stage: {Type: String}
      Resources:
        Queue:
          Type: AWS::SQS::Queue
          Properties:
            QueueName: !Ref Stag
            DelaySeconds: !Ref Stage
    `);
    assert.deepEqual(refCodes(text), [at('cfn-unknown-ref', text, 'Stag\n')]);
    const d = findDiagnostic(text, 'cfn-unknown-ref');
    assert.deepEqual(d.range, { start: { line: 6, character: 22 }, end: { line: 6, character: 26 } });
    assert.deepEqual(d.data, { replacement: 'Stage' });
  });

  it('accepts parameters, resources and pseudo-parameters; explains conditions and mappings', () => {
    const text = dedent(`
      Parameters:
        Stage: {Type: String}
      Conditions:
        IsProd: !Equals [!Ref Stage, prod]
      Mappings:
        M: {a: {b: c}}
      Resources:
        Queue:
          Type: AWS::SQS::Queue
          Properties:
            QueueName: !Join ['-', [!Ref Stage, !Ref AWS::Region, !Ref AWS::StackName, !FindInMap [M, a, b]]]
        Topic:
          Type: AWS::SNS::Topic
          Condition: IsProd
          Properties:
            DisplayName: !Ref Queue
            TopicName: !Ref IsProd
            Tags: [{Key: k, Value: !Ref M}]
    `);
    assert.deepEqual(refCodes(text), [
      at('cfn-unknown-ref', text, 'IsProd', 2),
      at('cfn-unknown-ref', text, 'M}'),
    ]);
    assert.match(messageOf(findDiagnostic(text, 'cfn-unknown-ref')), /'IsProd' is a condition/);
  });

  it('reports misspelt pseudo-parameters with the right one', () => {
    const d = findDiagnostic(
      'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Ref AWS::Regoin\n',
      'cfn-unknown-ref',
    );
    assert.deepEqual(d.data, { replacement: 'AWS::Region' });
  });

  it('works on JSON, excluding the quotes from the range', () => {
    const text =
      '{"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": {"Ref": "Nope"}}}}}';
    const d = findDiagnostic(text, 'cfn-unknown-ref', 'template.json');
    assert.equal(d.range.start.character, text.indexOf('Nope'));
    assert.equal(d.range.end.character, text.indexOf('Nope') + 4);
  });

  it('reports Ref to a resource inside Conditions', () => {
    const text = dedent(`
      Conditions:
        HasQueue: !Not [!Equals [!Ref Queue, ""]]
      Resources:
        Queue: {Type: AWS::SQS::Queue, Condition: HasQueue}
    `);
    assert.deepEqual(refCodes(text), [at('cfn-condition-ref-resource', text, 'Queue,')]);
  });
});

describe('Fn::GetAtt', () => {
  const base = dedent(`
    Resources:
      Db:
        Type: AWS::RDS::DBInstance
        Properties: {DBInstanceClass: db.t3.micro, Engine: postgres, AllocatedStorage: "20"}
      Queue:
        Type: AWS::SQS::Queue
      Lookup:
        Type: Custom::Lookup
        Properties: {ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:f}
    Outputs:
  `);

  it('accepts valid attributes in both forms, dotted attributes and custom resources', () => {
    const text = `${base}  A: {Value: !GetAtt Db.Endpoint.Address}\n  B: {Value: !GetAtt [Queue, Arn]}\n  C: {Value: !GetAtt Lookup.Anything}\n`;
    assert.deepEqual(refCodes(text), []);
  });

  it('reports unknown resources and attributes in both forms', () => {
    const text = `${base}  A: {Value: !GetAtt Quue.Arn}\n  B: {Value: !GetAtt [Queue, Arnn]}\n  C: {Value: !GetAtt Db.Endpoint.Adress}\n`;
    assert.deepEqual(refCodes(text), [
      'cfn-unknown-getatt-resource@11:22',
      'cfn-unknown-getatt-attribute@12:30',
      'cfn-unknown-getatt-attribute@13:25',
    ]);
    const attribute = findDiagnostic(
      `${base}  B: {Value: !GetAtt [Queue, Arnn]}\n`,
      'cfn-unknown-getatt-attribute',
    );
    assert.deepEqual((attribute.data as { replacement?: string }).replacement, 'Arn');
    assert.match(messageOf(attribute), /Valid attributes: 'Arn', 'QueueName' or 'QueueUrl'/);
  });

  it('reports a GetAtt without attribute', () => {
    assert.deepEqual(refCodes(`${base}  A: {Value: !GetAtt Queue}\n`), ['cfn-invalid-getatt@11:22']);
  });

  it('warns (not errors) on a property name used as an attribute', () => {
    const d = findDiagnostic(
      `${base}  A: {Value: !GetAtt Queue.DelaySeconds}\n`,
      'cfn-unknown-getatt-attribute',
    );
    assert.equal(d.severity, 2);
  });

  it('works in JSON', () => {
    const text =
      '{"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}, "Outputs": {"A": {"Value": {"Fn::GetAtt": ["Q", "Nope"]}}}}';
    const d = findDiagnostic(text, 'cfn-unknown-getatt-attribute', 'template.json');
    assert.equal(d.range.start.character, text.indexOf('Nope'));
  });
});

describe('Fn::Sub', () => {
  it('reports unknown variables and attributes; ignores ${!Literal} and local variables', () => {
    const text = dedent(`
      Parameters:
        Stage: {Type: String}
      Resources:
        Queue:
          Type: AWS::SQS::Queue
          Properties:
            QueueName: !Sub "\${Stage}-\${!NotAVariable}"
        Topic:
          Type: AWS::SNS::Topic
          Properties:
            TopicName: !Sub ["\${Local}-\${Stage}", {Local: x}]
            DisplayName: !Sub "\${Stge}-\${Queue.Nope}"
    `);
    assert.deepEqual(refCodes(text), [
      at('cfn-unknown-sub-variable', text, 'Stge'),
      at('cfn-unknown-getatt-attribute', text, 'Nope'),
    ]);
  });

  it('warns when a Sub has no variables, and about unused map variables', () => {
    const text = dedent(`
      Resources:
        Topic:
          Type: AWS::SNS::Topic
          Properties:
            TopicName: !Sub plain
            DisplayName: !Sub ["\${A}", {A: a, B: b}]
    `);
    assert.deepEqual(refCodes(text), ['cfn-sub-not-needed@5:18', 'cfn-sub-unused-variable@6:41']);
    assert.equal(findDiagnostic(text, 'cfn-sub-not-needed').severity, 2);
  });

  it('reports in JSON strings at the variable', () => {
    const text =
      '{"Resources": {"T": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": {"Fn::Sub": "x-${Nope}"}}}}}';
    const d = findDiagnostic(text, 'cfn-unknown-sub-variable', 'template.json');
    assert.equal(d.range.start.character, text.indexOf('Nope'));
  });
});

describe('Fn::FindInMap', () => {
  const text = dedent(`
    Mappings:
      Amis:
        us-east-1: {Id: ami-1}
    Resources:
      A: {Type: AWS::EC2::Instance, Properties: {ImageId: !FindInMap [Ami, us-east-1, Id]}}
      B: {Type: AWS::EC2::Instance, Properties: {ImageId: !FindInMap [Amis, us-east-2, Id]}}
      C: {Type: AWS::EC2::Instance, Properties: {ImageId: !FindInMap [Amis, us-east-1, ID]}}
      D: {Type: AWS::EC2::Instance, Properties: {ImageId: !FindInMap [Amis, !Ref AWS::Region, Idd]}}
      E: {Type: AWS::EC2::Instance, Properties: {ImageId: !FindInMap [Amis, !Ref AWS::Region, Id]}}
  `);

  it('reports unknown maps and keys at the key', () => {
    assert.deepEqual(refCodes(text), [
      at('cfn-unknown-mapping', text, 'Ami,'),
      at('cfn-unknown-mapping-key', text, 'us-east-2'),
      at('cfn-unknown-mapping-key', text, 'ID'),
      at('cfn-unknown-mapping-key', text, 'Idd'),
    ]);
  });

  it('reports a wrong number of arguments', () => {
    const bad =
      '{"Mappings": {"M": {"a": {"b": 1}}}, "Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"DelaySeconds": {"Fn::FindInMap": ["M", "a"]}}}}}';
    assert.deepEqual(refCodes(bad, 'template.json'), [at('cfn-invalid-findinmap', bad, '["M", "a"]')]);
  });
});

describe('Condition names', () => {
  it('reports unknown conditions on resources, outputs, Fn::If and the Condition function', () => {
    const text = dedent(`
      Parameters:
        Env: {Type: String}
      Conditions:
        IsProd: !Equals [!Ref Env, prod]
        Both: !And [!Condition IsProd, !Condition IsEast]
      Resources:
        Queue:
          Type: AWS::SQS::Queue
          Condition: IsPrd
          Properties:
            DelaySeconds: !If [Both, 1, !If [Nope, 2, 3]]
      Outputs:
        Url: {Condition: Missing, Value: !Ref Queue}
    `);
    assert.deepEqual(refCodes(text), [
      at('cfn-unknown-condition', text, 'IsEast'),
      at('cfn-unknown-condition', text, 'IsPrd'),
      at('cfn-unknown-condition', text, 'Nope'),
      at('cfn-unknown-condition', text, 'Missing'),
    ]);
  });
});

describe('DependsOn', () => {
  it('reports unknown, self, duplicate and redundant entries', () => {
    const text = dedent(`
      Resources:
        Queue: {Type: AWS::SQS::Queue}
        Topic:
          Type: AWS::SNS::Topic
          DependsOn: [Queue, Topic, Queue, Queu]
          Properties:
            DisplayName: !GetAtt Queue.QueueName
    `);
    assert.deepEqual(refCodes(text), [
      at('cfn-redundant-depends-on', text, 'Queue, Topic'),
      at('cfn-depends-on-self', text, 'Topic, Queue'),
      at('cfn-duplicate-depends-on', text, 'Queue, Queu]'),
      at('cfn-unknown-depends-on', text, 'Queu]'),
    ]);
    const redundant = findDiagnostic(text, 'cfn-redundant-depends-on');
    assert.equal(redundant.severity, 3);
    assert.deepEqual(redundant.tags, [DiagnosticTag.Unnecessary]);
  });

  it('does not call a DependsOn redundant when the reference sits in an Fn::If branch', () => {
    const text = dedent(`
      Conditions:
        C: !Equals [!Ref AWS::Region, us-east-1]
      Resources:
        Queue: {Type: AWS::SQS::Queue}
        Topic:
          Type: AWS::SNS::Topic
          DependsOn: Queue
          Properties:
            DisplayName: !If [C, !GetAtt Queue.QueueName, none]
    `);
    assert.deepEqual(refCodes(text), []);
  });
});
