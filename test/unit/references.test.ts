/** Find all references and document highlights, in YAML (block and flow) and JSON. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DocumentHighlightKind } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { cursorAt, dedent, docAt, service } from '../support/helpers';

/** Each range as `text@line:column` (1-based). */
function show(document: TextDocument, range: Range): string {
  const text = document.getText().slice(document.offsetAt(range.start), document.offsetAt(range.end));
  return `${text}@${range.start.line + 1}:${range.start.character + 1}`;
}

function references(textWithCursor: string, includeDeclaration = true, name = 'template.yaml'): string[] {
  const { document, position } = docAt(textWithCursor, name);
  return service()
    .findReferences(document, position, includeDeclaration)
    .map((l) => show(document, l.range));
}

const YAML = dedent(`
  Parameters:
    Stage: {Type: String}
  Conditions:
    IsProd: !Equals [!Ref Stage, prod]
  Resources:
    Queue:
      Type: AWS::SQS::Queue
      Properties:
        QueueName: !Sub "\${Stage}-\${Queue2.QueueName}-\${AWS::Region}"
    Queue2:
      Type: AWS::SQS::Queue
      Condition: IsProd
    Topic:
      Type: AWS::SNS::Topic
      DependsOn: [Queue2]
      Properties:
        DisplayName: !If [IsProd, !GetAtt Queue2.QueueName, !Ref AWS::Region]
        TopicName:
          Fn::GetAtt: [Queue2, QueueName]
`);

describe('find references', () => {
  it('finds every use of a resource (Sub, GetAtt both forms, DependsOn), from the definition or a use', () => {
    const expected = ['Queue2@10:3', 'Queue2@9:35', 'Queue2@15:17', 'Queue2@17:41', 'Queue2@19:22'];
    assert.deepEqual(references(cursorAt(YAML, 'Queue2:')), expected);
    assert.deepEqual(references(cursorAt(YAML, 'Queue2.QueueName}')), expected);
    assert.deepEqual(references(cursorAt(YAML, 'Queue2, QueueName]')), expected);
  });

  it('leaves out the declaration when asked', () => {
    assert.deepEqual(references(cursorAt(YAML, 'Queue2:'), false), [
      'Queue2@9:35',
      'Queue2@15:17',
      'Queue2@17:41',
      'Queue2@19:22',
    ]);
  });

  it('finds parameters inside Sub strings and conditions in Condition keys and Fn::If', () => {
    assert.deepEqual(references(cursorAt(YAML, 'Stage: {')), ['Stage@2:3', 'Stage@4:25', 'Stage@9:26']);
    assert.deepEqual(references(cursorAt(YAML, 'IsProd:')), ['IsProd@4:3', 'IsProd@12:16', 'IsProd@17:25']);
  });

  it('finds uses of a pseudo-parameter (it has no declaration)', () => {
    assert.deepEqual(references(cursorAt(YAML, 'AWS::Region}', 3)), [
      'AWS::Region@9:55',
      'AWS::Region@17:64',
    ]);
  });

  it('finds mappings used by FindInMap in JSON', () => {
    const text = dedent(`
      {
        "Mappings": {"Sizes": {"dev": {"Delay": 1}}},
        "Resources": {
          "A": {"Type": "AWS::SQS::Queue", "Properties": {"DelaySeconds": {"Fn::FindInMap": ["Sizes", "dev", "Delay"]}}},
          "B": {"Type": "AWS::SQS::Queue", "Properties": {"DelaySeconds": {"Fn::FindInMap": ["Sizes", "dev", "Delay"]}}}
        }
      }
    `);
    assert.deepEqual(references(cursorAt(text, '"Sizes"', 2), true, 'template.json'), [
      'Sizes@2:17',
      'Sizes@4:89',
      'Sizes@5:89',
    ]);
  });

  it('returns nothing away from names', () => {
    assert.deepEqual(references(cursorAt(YAML, 'AWS::SQS::Queue', 4)), []);
    assert.deepEqual(references(cursorAt(YAML, 'prod]', 2)), []);
  });
});

describe('document highlights', () => {
  it('marks the definition as write and the uses as read', () => {
    const { document, position } = docAt(cursorAt(YAML, 'IsProd, !GetAtt'));
    const highlights = service().findDocumentHighlights(document, position);
    assert.deepEqual(
      highlights.map((h) => [show(document, h.range), h.kind]),
      [
        ['IsProd@4:3', DocumentHighlightKind.Write],
        ['IsProd@12:16', DocumentHighlightKind.Read],
        ['IsProd@17:25', DocumentHighlightKind.Read],
      ],
    );
  });

  it('highlights the variables of one Fn::Sub and its map key', () => {
    const text =
      'Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties: {TopicName: !Sub ["${Name}-${Name}", {Name: x}]}\n';
    const { document, position } = docAt(cursorAt(text, '${Name}-', 3));
    const highlights = service().findDocumentHighlights(document, position);
    assert.deepEqual(
      highlights.map((h) => show(document, h.range)),
      ['Name@4:55', 'Name@4:38', 'Name@4:46'],
    );
  });
});
