/** Completion over the real server (stdio): items with text edits, resolve for resource types. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-protocol';
import { initializeResult, withServer } from '../support/lspClient';

describe('completion over --stdio', () => {
  const client = withServer();

  it('announces completion with trigger characters and resolve', async () => {
    const result = await initializeResult<{
      capabilities: { completionProvider?: { resolveProvider?: boolean; triggerCharacters?: string[] } };
    }>();
    assert.equal(result.capabilities.completionProvider?.resolveProvider, true);
    assert.ok(result.capabilities.completionProvider?.triggerCharacters?.includes('!'));
  });

  it('completes resource types and resolves the documentation of one', async () => {
    const uri = 'file:///p/completion/template.yaml';
    await client.open(
      uri,
      'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Queue:\n    Type: AWS::SQS::Q\n',
    );
    const list = await client.requestAt<CompletionList>('textDocument/completion', uri, {
      line: 3,
      character: 21,
    });
    const queue = list.items.find((i) => i.label === 'AWS::SQS::Queue');
    assert.ok(queue, 'AWS::SQS::Queue offered');
    assert.deepEqual(queue.textEdit && 'range' in queue.textEdit ? queue.textEdit.range : undefined, {
      start: { line: 3, character: 10 },
      end: { line: 3, character: 21 },
    });
    assert.equal(queue.documentation, undefined);
    const resolved = await client.request<CompletionItem>('completionItem/resolve', queue);
    assert.match(JSON.stringify(resolved.documentation), /SQS/);
  });

  it('completes property names of a JSON template with quoted snippets', async () => {
    const uri = 'file:///p/completion/template.json';
    const text =
      '{\n  "Resources": {\n    "Queue": {\n      "Type": "AWS::SQS::Queue",\n      "Properties": {\n        \n      }\n    }\n  }\n}\n';
    await client.open(uri, text, 'json');
    const list = await client.requestAt<CompletionList>('textDocument/completion', uri, {
      line: 5,
      character: 8,
    });
    const item = list.items.find((i) => i.label === 'VisibilityTimeout');
    assert.ok(item);
    assert.equal(
      item.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : undefined,
      '"VisibilityTimeout": $1',
    );
    assert.equal(item.insertTextFormat, 2);
  });

  it('completes after a change, in a document broken by the edit', async () => {
    const uri = 'file:///p/completion/broken.yaml';
    await client.open(
      uri,
      'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Queue:\n    Type: AWS::SQS::Queue\n',
    );
    await client.change(
      uri,
      2,
      'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      Visib\n  Other: [\n',
    );
    const list = await client.requestAt<CompletionList>('textDocument/completion', uri, {
      line: 5,
      character: 11,
    });
    assert.ok(list.items.some((i) => i.label === 'VisibilityTimeout'));
  });

  it('answers for an unknown document and for a file of no kind', async () => {
    const unknown = await client.requestAt<CompletionList | null>(
      'textDocument/completion',
      'file:///p/completion/never-opened.yaml',
      { line: 0, character: 0 },
    );
    assert.equal(unknown, null);
    const uri = 'file:///p/completion/other.yaml';
    await client.open(uri, 'name: value\n');
    const list = await client.requestAt<CompletionList>('textDocument/completion', uri, {
      line: 1,
      character: 0,
    });
    assert.deepEqual(list.items, []);
  });
});
