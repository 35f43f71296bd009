/** Hover and the notes requests over stdio, against the bundled server (run `npm run build` first). */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import type { NoteLocation, NotesSearchItem, NotesTreeResult } from '../../server/src/protocol';
import { withServer } from '../support/lspClient';

function markdown(hover: Hover | null): string {
  return (hover?.contents as MarkupContent | undefined)?.value ?? '';
}

describe('hover over --stdio', () => {
  const client = withServer();

  it('returns Markdown with the docs, then the notes under their heading, ending with the open-note link', async () => {
    const uri = 'file:///p/queue.yaml';
    await client.open(
      uri,
      'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimeout: 30\n',
    );
    const hover = await client.requestAt<Hover | null>('textDocument/hover', uri, { line: 4, character: 10 });
    assert.equal((hover?.contents as MarkupContent).kind, 'markdown');
    const value = markdown(hover);
    assert.ok(value.includes('The length of time during which a message will be unavailable'));
    assert.ok(value.includes('#### From your notes'));
    assert.ok(value.includes('- Messages have a visibility timeout'));
    assert.match(value, /\[Open note: A\. SQS\]\(command:awsDevNotes\.openNote\?%5B%7B%22path%22[^)]*\)/);
    assert.ok(value.indexOf('#### From your notes') < 600, 'the notes are seen without scrolling');
    assert.deepEqual(hover?.range, { start: { line: 4, character: 6 }, end: { line: 4, character: 23 } });
  });

  it('answers null where there is nothing to say', async () => {
    const uri = 'file:///p/other.yaml';
    await client.open(uri, 'name: app\nversion: 1\n');
    assert.equal(await client.requestAt('textDocument/hover', uri, { line: 0, character: 1 }), null);
  });

  it('sends the notes tree, with the notes for an open file', async () => {
    const uri = 'file:///p/buildspec.yml';
    await client.open(uri, 'version: 0.2\nphases:\n  build:\n    commands: [make]\n');
    const result = await client.request<NotesTreeResult>('awsDevNotes/notesTree', { uri });
    assert.equal(result.nodes[0].label, 'Notes for this file');
    assert.ok(JSON.stringify(result.nodes[0]).includes('C. CodeBuild'));
    assert.ok(result.nodes.some((n) => n.label === 'Open questions'));
    assert.equal(result.folders.length, 1);
    assert.equal(result.folders[0].bundled, true);
    const filtered = await client.request<NotesTreeResult>('awsDevNotes/notesTree', { filter: 'binpack' });
    assert.ok(JSON.stringify(filtered.nodes).includes('1. ECS task placement'));
  });

  it('searches by meaning: { query, limit } → the items best first, each opening at its line', async () => {
    for (const query of ['dead letter', 'ded leter']) {
      const items = await client.request<NotesSearchItem[]>('awsDevNotes/notesSearch', { query, limit: 5 });
      assert.ok(items.length <= 5);
      const dlq = items.find((i) => i.label.includes('Dead-Letter Queue (DLQ)'));
      assert.ok(dlq, `${query}: ${items.map((i) => i.label).join(' | ')}`);
      assert.equal(dlq.kind, 'bullet');
      assert.equal(dlq.description, 'SQS, SNS & Kinesis › A. SQS');
      const lines = fs.readFileSync(dlq.target.path, 'utf8').split(/\r?\n/);
      assert.match(lines[dlq.target.line], /Dead-Letter Queue \(DLQ\)/, 'opens at the bullet');
      assert.equal(dlq.target.fragment, 'a-sqs');
    }
    for (const query of ['fargate memory', 'memory fargate', 'fargte memroy']) {
      const items = await client.request<NotesSearchItem[]>('awsDevNotes/notesSearch', { query, limit: 5 });
      assert.ok(
        items.some((i) => /Fargate/.test(i.label) && i.description?.startsWith('ECS, ECR & Fargate')),
        `${query}: ${items.map((i) => i.label).join(' | ')}`,
      );
    }
  });

  it('answers the search and the location of a line', async () => {
    const items = await client.request<NotesSearchItem[]>('awsDevNotes/notesSearch', {});
    const heading = items.find((i) => i.label === 'A. SQS');
    assert.ok(heading);
    const location = await client.request<NoteLocation>('awsDevNotes/noteLocation', {
      path: heading.target.path,
      line: heading.target.line + 5,
    });
    assert.deepEqual(location, {
      path: heading.target.path,
      line: heading.target.line + 5,
      fragment: 'a-sqs',
    });
  });
});

describe("the user's notes folder over --stdio", () => {
  let workspace = '';
  before(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-dev-notes-'));
    fs.mkdirSync(path.join(workspace, 'my-notes'));
    fs.writeFileSync(
      path.join(workspace, 'my-notes', 'queues.md'),
      '# My queue notes\n\n- Set the visibility timeout to 6x the function timeout\n',
    );
  });
  const client = withServer({ notes: { folders: ['my-notes'] } }, (started) =>
    started.connection.sendNotification('awsDevNotes/notesWorkspace', { roots: [workspace] }),
  );
  after(() => {
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('resolves the folder against the workspace, feeds hovers and the tree, and reads it again on change', async () => {
    const uri = 'file:///p/user.yaml';
    await client.open(
      uri,
      'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimeout: 30\n',
    );
    const hover = async (): Promise<string> =>
      markdown(await client.requestAt<Hover | null>('textDocument/hover', uri, { line: 4, character: 10 }));
    assert.ok((await hover()).includes('[Open note: My queue notes]'));
    const tree = await client.request<NotesTreeResult>('awsDevNotes/notesTree', {});
    const folder = tree.nodes.find((n) => n.kind === 'folder');
    assert.equal(folder?.label, 'my-notes');
    assert.deepEqual(
      folder?.children?.map((c) => c.label),
      ['My queue notes'],
    );

    const file = path.join(workspace, 'my-notes', 'queues.md');
    fs.writeFileSync(file, '# Renamed notes\n\n- The visibility timeout hides a received message\n');
    await client.connection.sendNotification('awsDevNotes/notesChanged', { paths: [file] });
    const changed = await hover();
    assert.ok(changed.includes('[Open note: Renamed notes]'), changed);
    assert.ok(!changed.includes('[Open note: My queue notes]'));
    const tree2 = await client.request<NotesTreeResult>('awsDevNotes/notesTree', {});
    assert.deepEqual(
      tree2.nodes.find((n) => n.kind === 'folder')?.children?.map((c) => c.label),
      ['Renamed notes'],
    );
  });
});
