/**
 * Protocol tests of issue 9: hostile documents do not stall the server, analysis past its budget
 * is abandoned and said so, stale versions are not published, the server leaves with its client.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import { messageOf } from '../support/diagnostics';
import { ROOT } from '../support/helpers';
import { HOSTILE_CASES } from '../support/hostile';
import { TestClient, withServer } from '../support/lspClient';

const SMALL = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B:\n    Type: AWS::S3::Buckett\n";

/** A 5 MB template with a syntax error at its end, which takes seconds to parse whole. */
function slowTemplate(): string {
  const parts = ["AWSTemplateFormatVersion: '2010-09-09'\nResources:\n"];
  for (let i = 0; i < 36_000; i++) {
    parts.push(
      `  Queue${i}:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Sub '\${AWS::StackName}-${i}'\n      VisibilityTimeout: 30\n`,
    );
  }
  parts.push('  Bad: [\n');
  return parts.join('');
}

describe('hostile documents over --stdio', () => {
  const client = withServer();

  for (const hostile of HOSTILE_CASES) {
    it(`answers ${hostile.name} and keeps answering for other documents`, async () => {
      const uri = `file:///hostile/${hostile.file}`;
      const diagnostics = await client.open(
        uri,
        hostile.text,
        hostile.file.endsWith('.json') ? 'json' : 'yaml',
      );
      if (hostile.expectCode) assert.ok(diagnostics.some((d) => d.code === hostile.expectCode));
      await client.requestAt('textDocument/hover', uri, { line: 3, character: 6 });
      await client.requestFor('textDocument/documentSymbol', uri);
      const other = `file:///hostile/other-${hostile.file}.yaml`;
      const otherDiagnostics = await client.open(other, SMALL);
      assert.deepEqual(
        otherDiagnostics.map((d) => d.code),
        ['cfn-unknown-resource-type'],
      );
      const hover = await client.requestAt<Hover | null>('textDocument/hover', other, {
        line: 3,
        character: 6,
      });
      assert.ok(hover);
    });
  }
});

describe('analysis past its budget', () => {
  const client = new TestClient({ ...process.env, AWS_DEV_NOTES_ANALYSIS_BUDGET_MS: '1500' });
  after(() => client.shutdown());

  it('is abandoned with a diagnostic, other documents stay served, and an edit brings it back', async () => {
    await client.initialize({});
    const slow = 'file:///budget/slow.yaml';
    const stopped = await client.open(slow, slowTemplate());
    assert.deepEqual(
      stopped.map((d) => d.code),
      ['analysis-stopped'],
    );
    assert.match(messageOf(stopped[0]), /Analysis stopped: checking this document took longer than 1\.5 s/);
    // The stalled document is left alone by hover; others are validated and answered.
    assert.equal(await client.requestAt('textDocument/hover', slow, { line: 3, character: 12 }), null);
    const small = await client.open('file:///budget/small.yaml', SMALL);
    assert.deepEqual(
      small.map((d) => d.code),
      ['cfn-unknown-resource-type'],
    );
    const fixed = await client.change(slow, 2, SMALL);
    assert.deepEqual(
      fixed.map((d) => d.code),
      ['cfn-unknown-resource-type'],
    );
    assert.ok(await client.requestAt('textDocument/hover', slow, { line: 3, character: 6 }));
  });
});

describe('versions', () => {
  const client = withServer();

  it('never publishes an older version after a newer one', async () => {
    const uri = 'file:///versions/t.yaml';
    await client.open(uri, SMALL);
    for (let version = 2; version <= 12; version++) {
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ text: SMALL.replace('Buckett', `Bucket${'t'.repeat(version)}`) }],
      });
    }
    // The server may publish a version it had finished before the later changes reached it (the
    // debounce validates at once when the last run was fast): wait for the newest one.
    const newest = () => client.published.find((p) => p.uri === uri && p.version === 12);
    while (!newest()) await client.nextDiagnostics(uri);
    assert.match(messageOf(newest()!.diagnostics[0]), /Bucket{12}/);
    const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version ?? 0);
    assert.deepEqual(
      versions,
      [...versions].sort((a, b) => a - b),
    );
    assert.equal(versions[versions.length - 1], 12);
  });
});

describe('the server leaves with its client', () => {
  function waitExit(child: ReturnType<typeof spawn>, ms: number): Promise<number | null> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server still running after ${ms} ms`)), ms);
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
  }

  it('exits when its stdin closes', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'server.js'), '--stdio'], {
      stdio: 'pipe',
    });
    child.stdin.end();
    await waitExit(child, 15_000);
  });

  it('exits when the process that started it is gone', async () => {
    const parent = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 300)']);
    const client = new TestClient();
    await client.connection.sendRequest('initialize', {
      processId: parent.pid,
      rootUri: null,
      capabilities: {},
    });
    await waitExit(client.process, 20_000);
  });
});
