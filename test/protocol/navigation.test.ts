/** Navigation over stdio: definition, references, rename (and prepareRename refusing a pseudo-parameter). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Location, Range, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { editsFor } from '../support/edits';
import { withServer } from '../support/lspClient';

const URI = 'file:///nav/template.yaml';
const TEXT = [
  'Parameters:', // 0
  '  Stage: {Type: String}', // 1
  'Resources:', // 2
  '  Bucket:', // 3
  '    Type: AWS::S3::Bucket', // 4
  '    Properties:', // 5
  '      BucketName: !Sub "${Stage}-${AWS::AccountId}"', // 6
  '  Policy:', // 7
  '    Type: AWS::S3::BucketPolicy', // 8
  '    DependsOn: Bucket', // 9
  '    Properties:', // 10
  '      Bucket: !Ref Bucket', // 11
  '      PolicyDocument:', // 12
  '        Statement:', // 13
  '          - Effect: Deny', // 14
  '            Principal: "*"', // 15
  '            Action: s3:*', // 16
  '            Resource: !Sub "${Bucket.Arn}/*"', // 17
  '            Condition: {Bool: {aws:SecureTransport: false}}', // 18
  'Outputs:', // 19
  '  Arn: {Value: !GetAtt [Bucket, Arn]}', // 20
].join('\n');

function position(line: number, needle: string, offset = 1): { line: number; character: number } {
  const character = TEXT.split('\n')[line].indexOf(needle);
  assert.ok(character >= 0, needle);
  return { line, character: character + offset };
}

function textOf(range: Range): string {
  return TEXT.split('\n')[range.start.line].slice(range.start.character, range.end.character);
}

describe('navigation over --stdio', () => {
  const client = withServer({}, async (started) => {
    await started.open(URI, TEXT);
  });

  it('goes to the definition of a Ref', async () => {
    const result = await client.requestAt<Location | Location[] | null>(
      'textDocument/definition',
      URI,
      position(11, 'Bucket', 17),
    );
    const location = Array.isArray(result) ? result[0] : result;
    assert.ok(location);
    assert.equal(location.uri, URI);
    assert.deepEqual(location.range, { start: { line: 3, character: 2 }, end: { line: 3, character: 8 } });
  });

  it('finds all references of a resource, inside Sub strings too', async () => {
    const result = await client.requestAt<Location[]>('textDocument/references', URI, position(3, 'Bucket'), {
      context: { includeDeclaration: true },
    });
    assert.deepEqual(
      result.map((l) => `${l.range.start.line}:${l.range.start.character}:${textOf(l.range)}`),
      ['3:2:Bucket', '9:15:Bucket', '11:19:Bucket', '17:30:Bucket', '20:24:Bucket'],
    );
  });

  it('renames a resource in Ref, GetAtt, Sub and DependsOn, touching only the names', async () => {
    const prepared = await client.requestAt<{ range: Range; placeholder: string } | null>(
      'textDocument/prepareRename',
      URI,
      position(17, '${Bucket', 3),
    );
    assert.ok(prepared);
    assert.equal(prepared.placeholder, 'Bucket');
    assert.equal(textOf(prepared.range), 'Bucket');

    const edit = await client.requestAt<WorkspaceEdit | null>(
      'textDocument/rename',
      URI,
      position(17, '${Bucket', 3),
      { newName: 'SiteBucket' },
    );
    const edits = editsFor(edit, URI);
    assert.deepEqual(
      edits.map((e) => `${e.range.start.line}:${e.range.start.character}:${textOf(e.range)}`).sort(),
      ['11:19:Bucket', '17:30:Bucket', '20:24:Bucket', '3:2:Bucket', '9:15:Bucket'],
    );
    assert.ok(edits.every((e) => e.newText === 'SiteBucket'));
  });

  it('refuses to rename a pseudo-parameter, saying why', async () => {
    await assert.rejects(
      client.requestAt<unknown>('textDocument/prepareRename', URI, position(6, 'AWS::AccountId', 6)),
      (error: unknown) =>
        error instanceof Error && /AWS::AccountId is a pseudo-parameter/.test(error.message),
    );
  });

  it('refuses an invalid new name with an error the editor shows', async () => {
    await assert.rejects(
      client.requestAt<WorkspaceEdit | null>('textDocument/rename', URI, position(3, 'Bucket'), {
        newName: 'site-bucket',
      }),
      (error: unknown) => error instanceof Error && /not a valid logical ID/.test(error.message),
    );
  });

  it('answers highlights, symbols and folding ranges', async () => {
    const highlights = await client.requestAt<unknown[]>(
      'textDocument/documentHighlight',
      URI,
      position(1, 'Stage'),
    );
    assert.equal(highlights.length, 2);
    const symbols = await client.requestFor<{ name: string }[]>('textDocument/documentSymbol', URI);
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['Parameters', 'Resources', 'Outputs'],
    );
    const folds = await client.requestFor<unknown[]>('textDocument/foldingRange', URI);
    assert.ok(folds.length > 3);
  });
});
