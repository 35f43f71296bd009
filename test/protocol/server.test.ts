/** Protocol tests: the real bundled server over stdio. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { messageOf } from '../support/diagnostics';
import { initializeResult, withServer } from '../support/lspClient';

describe('server over --stdio', () => {
  const client = withServer();

  it('announces its capabilities', async () => {
    const result = await initializeResult<{ capabilities: Record<string, unknown> }>();
    assert.equal(result.capabilities.hoverProvider, true);
    assert.ok(result.capabilities.completionProvider);
    assert.ok(result.capabilities.renameProvider);
  });

  it('publishes diagnostics for an opened template, at the right position', async () => {
    const text = 'Resources:\n  Bucket:\n    Type: AWS::S3::Buckett\n';
    const diagnostics = await client.open('file:///p/template.yaml', text);
    const unknown = diagnostics.find((d) => d.code === 'cfn-unknown-resource-type');
    assert.ok(unknown, JSON.stringify(diagnostics));
    assert.deepEqual(unknown.range, { start: { line: 2, character: 10 }, end: { line: 2, character: 26 } });
    assert.match(messageOf(unknown), /Did you mean 'AWS::S3::Bucket'\?/);
    assert.equal(unknown.source, 'aws-dev-notes');
  });

  it('re-validates on change and clears fixed problems', async () => {
    const uri = 'file:///p/change.yaml';
    const before = await client.open(uri, 'Resources:\n  Bucket:\n    Type: AWS::S3::Buckett\n');
    assert.equal(before.length, 1);
    const afterFix = await client.change(uri, 2, 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n');
    assert.deepEqual(afterFix, []);
  });

  it('publishes diagnostics for JSON templates', async () => {
    const text =
      '{\n  "Resources": {\n    "Q": {"Type": "AWS::SQS::Queue", "Properties": {"VisibilityTimeout": "abc"}}\n  }\n}';
    const diagnostics = await client.open('file:///p/template.json', text, 'json');
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line]),
      [['cfn-type-mismatch', 2]],
    );
  });

  it('answers the document-kind request', async () => {
    await client.open('file:///p/buildspec.yml', 'version: 0.2\nphases:\n  build:\n    commands: [make]\n');
    const kind = await client.request('awsDevNotes/documentKind', { uri: 'file:///p/buildspec.yml' });
    assert.equal(kind, 'buildspec');
  });

  it('survives garbage input and keeps answering', async () => {
    const diagnostics = await client.open(
      'file:///p/broken.yaml',
      'Resources:\n  A: [\n\u0001\u0002: : :\n  Type: AWS::S3::Bucket',
    );
    assert.ok(Array.isArray(diagnostics));
    const hover = await client.requestAt('textDocument/hover', 'file:///p/broken.yaml', {
      line: 1,
      character: 3,
    });
    assert.ok(hover === null || typeof hover === 'object');
  });
});
