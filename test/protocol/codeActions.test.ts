/** Quick fixes over the real server (stdio): published diagnostics in, bound code actions out. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { applyTextEdits, editsFor } from '../support/edits';
import { withServer } from '../support/lspClient';

describe('code actions over --stdio', () => {
  const client = withServer();

  it('returns the did-you-mean fix for a published diagnostic, and applying it clears the problem', async () => {
    const uri = 'file:///p/actions/template.yaml';
    const text =
      'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Bucket:\n    Type: AWS::S3::Buckett\n';
    const diagnostics = await client.open(uri, text);
    const diagnostic = diagnostics.find((d) => d.code === 'cfn-unknown-resource-type');
    assert.ok(diagnostic);
    const actions = await client.requestFor<CodeAction[]>('textDocument/codeAction', uri, {
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    const fix = actions.find((a) => a.title === "Change to 'AWS::S3::Bucket'");
    assert.ok(fix, JSON.stringify(actions));
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics, [diagnostic]);
    const fixed = applyTextEdits(text, editsFor(fix.edit, uri));
    assert.equal(fixed, text.replace('Buckett', 'Bucket'));
    assert.deepEqual(await client.change(uri, 2, fixed), []);
  });

  it('adds missing properties and removes unknown ones in JSON', async () => {
    const uri = 'file:///p/actions/template.json';
    const text =
      '{\n  "Resources": {\n    "Fn": {\n      "Type": "AWS::Lambda::Function",\n      "Properties": {\n        "Colour": "red"\n      }\n    }\n  }\n}\n';
    const diagnostics = await client.open(uri, text, 'json');
    const actions = await client.requestFor<CodeAction[]>('textDocument/codeAction', uri, {
      range: { start: { line: 0, character: 0 }, end: { line: 9, character: 1 } },
      context: { diagnostics },
    });
    const add = actions.find((a) => a.title.startsWith('Add required properties'));
    const remove = actions.find((a) => a.title === "Remove 'Colour'");
    assert.ok(add && remove, JSON.stringify(actions.map((a) => a.title)));
    const added = applyTextEdits(text, editsFor(add.edit, uri));
    assert.match(added, /"Colour": "red",\n {8}"Code": \{\},\n {8}"Role": ""\n/);
    const removed = applyTextEdits(text, editsFor(remove.edit, uri));
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
    const actions = await client.requestFor<CodeAction[]>('textDocument/codeAction', uri, {
      range: diagnostics[0].range,
      context: { diagnostics, only: ['refactor'] },
    });
    assert.deepEqual(actions, []);
  });
});
