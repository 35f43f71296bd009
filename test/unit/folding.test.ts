/** Folding ranges of multi-line objects and lists, YAML (block and flow) and JSON. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dedent, doc, service } from '../support/helpers';

/** Ranges as `start-end` with 1-based lines. */
function folds(text: string, name: string): string[] {
  return service()
    .getFoldingRanges(doc(text, name))
    .map((r) => `${r.startLine + 1}-${r.endLine + 1}`);
}

describe('folding ranges', () => {
  it('folds YAML maps and lists from the key line to the last line of the value', () => {
    const text = dedent(`
      Resources:
        Queue:
          Type: AWS::SQS::Queue
          Properties:
            Tags:
              - Key: a
                Value: b
              - Key: c
                Value: d

        Topic: {Type: AWS::SNS::Topic}
    `);
    assert.deepEqual(folds(text, 'template.yaml'), ['1-11', '2-9', '4-9', '5-9', '6-7', '8-9']);
  });

  it('folds multi-line flow collections and block scalars in YAML', () => {
    const text = dedent(`
      Resources:
        Fn:
          Type: AWS::Lambda::Function
          Properties:
            Layers: [
              a, b
            ]
            Code:
              ZipFile: |
                def handler(event, context):
                    return 1
    `);
    assert.deepEqual(folds(text, 'template.yaml'), ['1-11', '2-11', '4-11', '5-7', '8-11', '9-11']);
  });

  it('folds JSON objects and arrays, keeping the closing bracket visible', () => {
    const text = dedent(`
      {
        "Resources": {
          "Q": {
            "Type": "AWS::SQS::Queue"
          },
          "T": {"Type": "AWS::SNS::Topic"}
        },
        "Outputs": {"A": {"Value": [
          1
        ]}}
      }
    `);
    assert.deepEqual(folds(text, 'template.json'), ['1-10', '2-6', '3-4', '8-9']);
  });

  it('folds the other kinds too, and nothing in unknown files', () => {
    assert.deepEqual(
      folds('version: 0.2\nphases:\n  build:\n    commands:\n      - make\n', 'buildspec.yml'),
      ['2-5', '3-5', '4-5'],
    );
    assert.deepEqual(folds('a:\n  b: 1\n', 'notes.yaml'), []);
  });
});
