/** Circular dependencies (resources and conditions), and the template quotas, including large templates. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stronglyConnected } from '../../server/src/service/rules/cloudformation/cycles';
import { codesWhere, diagnostics, findDiagnostic, messageOf } from '../support/diagnostics';
import { codes, dedent } from '../support/helpers';

/** The codes starting with a prefix, sorted by position. */
const only = (prefix: string, text: string, name?: string): string[] =>
  codesWhere((c) => c.startsWith(prefix), text, name);

describe('stronglyConnected', () => {
  it('finds components, singletons included', () => {
    const components = stronglyConnected([[1], [2], [0], [4], [], [5]]);
    const sorted = components.map((c) => [...c].sort()).sort((a, b) => a[0] - b[0]);
    assert.deepEqual(sorted, [[0, 1, 2], [3], [4], [5]]);
  });

  it('handles a chain of 100,000 nodes without recursion', () => {
    const n = 100_000;
    const adjacency = Array.from({ length: n }, (_, i) => (i + 1 < n ? [i + 1] : [0]));
    const components = stronglyConnected(adjacency);
    assert.equal(components.length, 1);
    assert.equal(components[0].length, n);
  });
});

describe('circular dependencies', () => {
  it('reports each resource of a cycle with the cycle spelled out (Ref, GetAtt, Sub, DependsOn)', () => {
    const text = dedent(`
      Resources:
        A:
          Type: AWS::SNS::Topic
          Properties: {DisplayName: !Ref B}
        B:
          Type: AWS::SNS::Topic
          Properties: {DisplayName: !GetAtt C.TopicName}
        C:
          Type: AWS::SNS::Topic
          DependsOn: D
        D:
          Type: AWS::SNS::Topic
          Properties: {DisplayName: !Sub "\${A}"}
        Outside:
          Type: AWS::SNS::Topic
          Properties: {DisplayName: !Ref A}
    `);
    assert.deepEqual(only('cfn-circular', text), [
      'cfn-circular-dependency@2:3',
      'cfn-circular-dependency@5:3',
      'cfn-circular-dependency@8:3',
      'cfn-circular-dependency@11:3',
    ]);
    const messages = diagnostics(text)
      .filter((d) => d.code === 'cfn-circular-dependency')
      .map(messageOf);
    assert.match(messages[0], /A → B → C → D → A/);
    assert.match(messages[2], /C → D → A → B → C/);
  });

  it('reports a resource referring to itself at its logical ID, naming the reference', () => {
    const text =
      'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !GetAtt Q.QueueName\n';
    assert.deepEqual(only('cfn-circular', text), ['cfn-circular-dependency@2:3']);
    assert.match(
      messageOf(findDiagnostic(text, 'cfn-circular-dependency')),
      /refers to itself \(Fn::GetAtt on line 5\)/,
    );
  });

  it('reports circular conditions', () => {
    const text = dedent(`
      Conditions:
        A: !Or [!Condition B, !Equals [!Ref AWS::Region, x]]
        B: !Not [!Condition A]
      Resources:
        T: {Type: AWS::SNS::Topic, Condition: A}
    `);
    assert.deepEqual(only('cfn-circular', text), [
      'cfn-circular-condition@2:3',
      'cfn-circular-condition@3:3',
    ]);
  });

  it('works in JSON', () => {
    const text =
      '{"Resources": {"A": {"Type": "AWS::SNS::Topic", "DependsOn": "B"}, "B": {"Type": "AWS::SNS::Topic", "DependsOn": ["A"]}}}';
    assert.deepEqual(only('cfn-circular', text, 'template.json'), [
      'cfn-circular-dependency@1:16',
      'cfn-circular-dependency@1:68',
    ]);
  });

  it('copes with a 1,000-resource template: one long cycle and many independent resources', () => {
    const lines = ['Resources:'];
    for (let i = 0; i < 1000; i++) {
      const next = i < 300 ? (i + 1) % 300 : i - 1;
      lines.push(`  R${i}:`, '    Type: AWS::SNS::Topic', `    Properties: {DisplayName: !Ref R${next}}`);
    }
    const found = codes(lines.join('\n'));
    assert.equal(found.filter((c) => c.startsWith('cfn-circular-dependency')).length, 300);
    assert.deepEqual(
      found.filter((c) => c.startsWith('cfn-quota')),
      ['cfn-quota-exceeded@1:1'],
    );
  });
});

describe('quotas', () => {
  function section(name: string, count: number, entry: (i: number) => string): string {
    return [`${name}:`, ...Array.from({ length: count }, (_, i) => `  ${entry(i)}`)].join('\n');
  }

  it('allows 500 resources and reports 501 on the section key', () => {
    const resources = (n: number): string => section('Resources', n, (i) => `T${i}: {Type: AWS::SNS::Topic}`);
    assert.deepEqual(only('cfn-quota', resources(500)), []);
    assert.deepEqual(only('cfn-quota', resources(501)), ['cfn-quota-exceeded@1:1']);
  });

  it('reports more than 200 parameters, outputs or mappings', () => {
    const parameters = section('Parameters', 201, (i) => `P${i}: {Type: String}`);
    const outputs = section('Outputs', 201, (i) => `O${i}: {Value: x}`);
    const mappings = section('Mappings', 201, (i) => `M${i}: {a: {b: c}}`);
    const text = `${parameters}\n${mappings}\n${outputs}\nResources:\n  T: {Type: AWS::SNS::Topic}\n`;
    assert.deepEqual(only('cfn-quota', text), [
      'cfn-quota-exceeded@1:1',
      'cfn-quota-exceeded@203:1',
      'cfn-quota-exceeded@405:1',
    ]);
  });

  it('reports a mapping with more than 200 top-level keys', () => {
    const keys = Array.from({ length: 201 }, (_, i) => `    k${i}: {v: x}`).join('\n');
    const text = `Mappings:\n  Big:\n${keys}\nResources:\n  T: {Type: AWS::SNS::Topic, Properties: {DisplayName: !FindInMap [Big, k1, v]}}\n`;
    assert.deepEqual(only('cfn-quota', text), ['cfn-quota-exceeded@2:3']);
  });
});
