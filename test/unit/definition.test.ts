/** Go to definition: from every kind of use to the logical-ID key, in YAML (block and flow) and JSON. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Location } from 'vscode-languageserver-types';
import { cursorAt, dedent, docAt, service } from '../support/helpers';

/** The text the definition range covers, or undefined when there is no definition. */
function definitionText(textWithCursor: string, name = 'template.yaml'): string | undefined {
  const { document, position } = docAt(textWithCursor, name);
  const result = service().findDefinition(document, position) as Location | null;
  if (!result) return undefined;
  assert.equal(result.uri, document.uri);
  const text = document.getText();
  return `${text.slice(document.offsetAt(result.range.start), document.offsetAt(result.range.end))}@${result.range.start.line + 1}`;
}

const YAML = dedent(`
  Parameters:
    Stage: {Type: String}
  Mappings:
    Sizes:
      dev: {Delay: 1}
  Conditions:
    IsProd: !Equals [!Ref Stage, prod]
  Resources:
    Queue:
      Type: AWS::SQS::Queue
      Condition: IsProd
      Properties:
        QueueName: !Sub "\${Stage}-\${AWS::Region}"
        DelaySeconds: !FindInMap [Sizes, dev, Delay]
    Topic:
      Type: AWS::SNS::Topic
      DependsOn: [Queue]
      Properties:
        DisplayName: !If [IsProd, !GetAtt Queue.QueueName, !Sub ["\${Local}", {Local: x}]]
        TopicName: {"Fn::GetAtt": [Queue, QueueName]}
`);

describe('go to definition (YAML)', () => {
  it('goes from Ref, Sub, GetAtt (both forms), DependsOn, Condition, Fn::If and FindInMap to the key', () => {
    assert.equal(definitionText(cursorAt(YAML, 'Stage, prod')), 'Stage@2');
    assert.equal(definitionText(cursorAt(YAML, '${Stage}', 3)), 'Stage@2');
    assert.equal(definitionText(cursorAt(YAML, 'Queue.QueueName')), 'Queue@9');
    assert.equal(definitionText(cursorAt(YAML, '[Queue, QueueName]', 2)), 'Queue@9');
    assert.equal(definitionText(cursorAt(YAML, '[Queue]', 3)), 'Queue@9');
    assert.equal(definitionText(cursorAt(YAML, 'IsProd\n', 2)), 'IsProd@7');
    assert.equal(definitionText(cursorAt(YAML, 'IsProd, !GetAtt')), 'IsProd@7');
    assert.equal(definitionText(cursorAt(YAML, 'Sizes, dev')), 'Sizes@4');
  });

  it('goes from a FindInMap key to the mapping key, and from a Sub variable to its map entry', () => {
    assert.equal(definitionText(cursorAt(YAML, 'dev, Delay')), 'dev@5');
    assert.equal(definitionText(cursorAt(YAML, 'Delay]')), 'Delay@5');
    assert.equal(definitionText(cursorAt(YAML, '${Local}', 3)), 'Local@19');
  });

  it('works with the cursor at either end of the name', () => {
    assert.equal(definitionText(cursorAt(YAML, 'Queue.QueueName', 0)), 'Queue@9');
    assert.equal(definitionText(cursorAt(YAML, 'Queue.QueueName', 5)), 'Queue@9');
  });

  it('has no definition for pseudo-parameters, attributes, unknown names and non-names', () => {
    assert.equal(definitionText(cursorAt(YAML, 'AWS::Region', 3)), undefined);
    assert.equal(definitionText(cursorAt(YAML, 'QueueName, !Sub', 2)), undefined);
    assert.equal(definitionText(cursorAt(YAML, 'AWS::SQS::Queue', 3)), undefined);
    assert.equal(
      definitionText(
        'Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties: {DisplayName: !Ref Nop|e}\n',
      ),
      undefined,
    );
  });

  it('returns the key itself from a definition', () => {
    assert.equal(definitionText(cursorAt(YAML, 'Queue:\n')), 'Queue@9');
  });

  it('does nothing outside CloudFormation templates', () => {
    assert.equal(
      definitionText('version: 0.2\nphases:\n  build:\n    commands: [ma|ke]\n', 'buildspec.yml'),
      undefined,
    );
  });
});

describe('go to definition (JSON)', () => {
  const JSON_TEXT = dedent(`
    {
      "Parameters": {"Stage": {"Type": "String"}},
      "Resources": {
        "Queue": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": {"Fn::Sub": "\${Stage}-q"}}},
        "Topic": {"Type": "AWS::SNS::Topic", "DependsOn": "Queue",
          "Properties": {"DisplayName": {"Fn::GetAtt": ["Queue", "QueueName"]}, "TopicName": {"Ref": "Stage"}}}
      }
    }
  `);

  it('selects the name inside the quotes', () => {
    assert.equal(definitionText(cursorAt(JSON_TEXT, '"Stage"}', 2, 0), 'template.json'), 'Stage@2');
    assert.equal(definitionText(cursorAt(JSON_TEXT, '${Stage}', 3), 'template.json'), 'Stage@2');
    assert.equal(definitionText(cursorAt(JSON_TEXT, '"Queue", "QueueName"', 2), 'template.json'), 'Queue@4');
    assert.equal(definitionText(cursorAt(JSON_TEXT, '"Queue",\n', 2), 'template.json'), 'Queue@4');
  });
});
