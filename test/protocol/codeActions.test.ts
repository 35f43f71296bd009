/** Quick fixes over the real server (stdio): published diagnostics in, bound code actions out. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol';
import { TestClient } from '../support/lspClient';

function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }): number =>
    lines.slice(0, p.line).reduce((sum, l) => sum + l.length + 1, 0) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
    out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  }
  return out;
}

describe('code actions over --stdio', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize();
  });
  after(async () => {
    await client.shutdown();
  });

  it('returns the did-you-mean fix for a published diagnostic, and applying it clears the problem', async () => {
    const uri = 'file:///p/actions/template.yaml';
    const text =
      'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Bucket:\n    Type: AWS::S3::Buckett\n';
    const diagnostics = await client.open(uri, text);
    const diagnostic = diagnostics.find((d) => d.code === 'cfn-unknown-resource-type');
    assert.ok(diagnostic);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    const fix = actions.find((a) => a.title === "Change to 'AWS::S3::Bucket'");
    assert.ok(fix, JSON.stringify(actions));
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics, [diagnostic]);
    const fixed = applyEdits(text, fix.edit?.changes?.[uri] ?? []);
    assert.equal(fixed, text.replace('Buckett', 'Bucket'));
    assert.deepEqual(await client.change(uri, 2, fixed), []);
  });

  it('adds missing properties and removes unknown ones in JSON', async () => {
    const uri = 'file:///p/actions/template.json';
    const text =
      '{\n  "Resources": {\n    "Fn": {\n      "Type": "AWS::Lambda::Function",\n      "Properties": {\n        "Colour": "red"\n      }\n    }\n  }\n}\n';
    const diagnostics = await client.open(uri, text, 'json');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 9, character: 1 } },
      context: { diagnostics },
    });
    const add = actions.find((a) => a.title.startsWith('Add required properties'));
    const remove = actions.find((a) => a.title === "Remove 'Colour'");
    assert.ok(add && remove, JSON.stringify(actions.map((a) => a.title)));
    const added = applyEdits(text, add.edit?.changes?.[uri] ?? []);
    assert.match(added, /"Colour": "red",\n {8}"Code": \{\},\n {8}"Role": ""\n/);
    const removed = applyEdits(text, remove.edit?.changes?.[uri] ?? []);
    assert.equal(
      removed,
      text
        .replace('\n        "Colour": "red"\n      ', '{}')
        .replace('"Properties": {{}}', '"Properties": {}'),
    );
  });

  it('returns no actions when only refactorings are asked for', async () => {
    const uri = 'file:///p/actions/only.yaml';
    const diagnostics = await client.open(
      uri,
      'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Buckett\n',
    );
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics, only: ['refactor'] },
    });
    assert.deepEqual(actions, []);
  });
});
