/** Rename: exactly the names change, everywhere; invalid names and pseudo-parameters are refused. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RenameError } from '../../server/src/service/features/navigation/rename';
import { applyWorkspaceEdit } from '../support/edits';
import { cursorAt, dedent, docAt, service } from '../support/helpers';

/** The document text after applying a rename at the cursor. */
function renamed(textWithCursor: string, newName: string, name = 'template.yaml'): string {
  const { document, position } = docAt(textWithCursor, name);
  const edit = service().doRename(document, position, newName);
  assert.ok(edit?.changes, 'no edit');
  return applyWorkspaceEdit(document, edit);
}

const YAML = dedent(`
  Parameters:
    Stage: {Type: String}
  Resources:
    Bucket:
      Type: AWS::S3::Bucket
      Properties:
        BucketName: !Sub "\${Stage}-\${Bucket2.Arn}-bucket"
    Bucket2:
      Type: AWS::S3::Bucket
    Policy:
      Type: AWS::S3::BucketPolicy
      DependsOn: [Bucket2, Bucket]
      Properties:
        Bucket: !Ref Bucket2
        PolicyDocument:
          Statement:
            - Effect: Allow
              Resource: !GetAtt Bucket2.Arn
              Principal: {AWS: !GetAtt [Bucket2, Arn]}
  Outputs:
    Name:
      Value: {"Ref": "Bucket2"}
`);

describe('rename', () => {
  it('renames a resource used in Ref, GetAtt (both forms), Sub and DependsOn — and nothing else', () => {
    const expected = YAML.replace('Bucket2:\n', 'Store:\n')
      .replace('${Bucket2.Arn}', '${Store.Arn}')
      .replace('[Bucket2, Bucket]', '[Store, Bucket]')
      .replace('!Ref Bucket2', '!Ref Store')
      .replace('!GetAtt Bucket2.Arn', '!GetAtt Store.Arn')
      .replace('[Bucket2, Arn]', '[Store, Arn]')
      .replace('"Ref": "Bucket2"', '"Ref": "Store"');
    assert.equal(renamed(cursorAt(YAML, 'Bucket2.Arn}'), 'Store'), expected);
    assert.equal(renamed(cursorAt(YAML, 'Bucket2:\n'), 'Store'), expected);
    assert.equal(renamed(cursorAt(YAML, 'Bucket2, Bucket]'), 'Store'), expected);
  });

  it('edits exactly the names: the resource named Bucket is not touched by renaming Bucket2', () => {
    const { document, position } = docAt(cursorAt(YAML, 'Bucket2:\n'));
    const edit = service().doRename(document, position, 'Store');
    const edits = edit?.changes?.[document.uri] ?? [];
    assert.equal(edits.length, 7);
    for (const e of edits) {
      assert.equal(
        document.getText().slice(document.offsetAt(e.range.start), document.offsetAt(e.range.end)),
        'Bucket2',
      );
    }
  });

  it('renames a parameter inside Sub strings, and a condition', () => {
    const text = dedent(`
      Parameters:
        Env: {Type: String}
      Conditions:
        IsProd: !Equals [!Ref Env, prod]
      Resources:
        Q:
          Type: AWS::SQS::Queue
          Condition: IsProd
          Properties:
            QueueName: !Sub "\${Env}-\${ Env }"
            DelaySeconds: !If [IsProd, 1, 2]
    `);
    const env = renamed(cursorAt(text, 'Env: {'), 'Stage');
    assert.equal(
      env,
      text
        .replace('Env: {', 'Stage: {')
        .replace('!Ref Env', '!Ref Stage')
        .replace('${Env}-${ Env }', '${Stage}-${ Stage }'),
    );
    const condition = renamed(cursorAt(text, 'IsProd\n'), 'Production');
    assert.equal(condition.match(/Production/g)?.length, 3);
    assert.ok(!condition.includes('IsProd'));
  });

  it('renames inside JSON quotes only', () => {
    const text =
      '{"Parameters": {"A": {"Type": "String"}}, "Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": {"Fn::Sub": "${A}-x"}, "DelaySeconds": {"Ref": "A"}}}}}';
    const result = renamed(cursorAt(text, '"A": {', 1), 'Delay', 'template.json');
    assert.equal(
      result,
      text
        .replace('"A": {', '"Delay": {')
        .replace('${A}', '${Delay}')
        .replace('"Ref": "A"', '"Ref": "Delay"'),
    );
    assert.doesNotThrow(() => JSON.parse(result) as unknown);
  });

  it('renames a mapping and a Fn::Sub variable', () => {
    const text = dedent(`
      Mappings:
        Sizes: {dev: {Delay: 1}}
      Resources:
        Q:
          Type: AWS::SQS::Queue
          Properties:
            DelaySeconds: !FindInMap [Sizes, dev, Delay]
            QueueName: !Sub ["\${Who}-\${Who}", {Who: x}]
    `);
    assert.equal(renamed(cursorAt(text, 'Sizes, dev'), 'Limits'), text.replace(/Sizes/g, 'Limits'));
    assert.equal(renamed(cursorAt(text, 'Who: x'), 'Label'), text.replace(/Who/g, 'Label'));
  });

  it('refuses pseudo-parameters and unknown names with the reason', () => {
    const text =
      'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties: {QueueName: !Ref AWS::StackName, DelaySeconds: !Ref Nope}\n';
    const pseudo = docAt(cursorAt(text, 'AWS::StackName', 4));
    assert.throws(
      () => service().prepareRename(pseudo.document, pseudo.position),
      (e: unknown) => e instanceof RenameError && /AWS::StackName is a pseudo-parameter/.test(e.message),
    );
    const unknown = docAt(cursorAt(text, 'Nope'));
    assert.throws(
      () => service().prepareRename(unknown.document, unknown.position),
      (e: unknown) => e instanceof RenameError && /'Nope' is not defined/.test(e.message),
    );
  });

  it('answers nothing on positions that are not names', () => {
    const text =
      'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties: {QueueName: !Ref AWS::StackName, DelaySeconds: !Ref Nope}\n';
    for (const cursor of [cursorAt(text, 'SQS'), cursorAt(text, 'QueueName')]) {
      const { document, position } = docAt(cursor);
      assert.equal(service().prepareRename(document, position), null, cursor);
      assert.equal(service().doRename(document, position, 'Other'), null);
    }
  });

  it('prepareRename answers the exact range and the current name', () => {
    const { document, position } = docAt(cursorAt(YAML, 'Bucket2.Arn}', 3));
    const result = service().prepareRename(document, position);
    assert.ok(result);
    assert.equal(result.placeholder, 'Bucket2');
    assert.equal(
      document.getText().slice(document.offsetAt(result.range.start), document.offsetAt(result.range.end)),
      'Bucket2',
    );
  });

  it('rejects invalid and clashing new names with a clear error', () => {
    const { document, position } = docAt(cursorAt(YAML, 'Bucket2:\n'));
    assert.throws(
      () => service().doRename(document, position, 'my-bucket'),
      (e: unknown) => e instanceof RenameError && /not a valid logical ID/.test(e.message),
    );
    assert.throws(
      () => service().doRename(document, position, 'Stage'),
      (e: unknown) => e instanceof RenameError && /already defined/.test(e.message),
    );
    assert.deepEqual(service().doRename(document, position, 'Bucket2'), { changes: { [document.uri]: [] } });
  });
});
