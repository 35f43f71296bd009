/**
 * The analysis runner (server/src/analysisWorker.ts) with stand-in workers: past the budget the
 * work is abandoned and the next request gets a fresh worker; a worker that dies is reported; an
 * older queued version of a document is answered `stale`.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { AnalysisRunner } from '../../server/src/analysisWorker';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adn-runner-'));

/** A worker script: answers each `validate` after `behaviour` decides (per document text). */
function workerScript(name: string, body: string): string {
  const file = path.join(dir, `${name}.js`);
  fs.writeFileSync(
    file,
    `const { parentPort } = require('node:worker_threads');
parentPort.postMessage({ type: 'ready' });
parentPort.on('message', (m) => {
  if (m.type !== 'validate') return;
  ${body}
});`,
  );
  return file;
}

const answer = `parentPort.postMessage({ type: 'result', id: m.id, diagnostics: [{ message: m.text }], kind: 'cloudformation', problems: [] });`;
const snapshot = (uri: string, version: number, text: string) => ({ uri, languageId: 'yaml', version, text });
const data = { schemaDir: '', notesDir: '' };

describe('AnalysisRunner', () => {
  const runners: AnalysisRunner[] = [];
  after(() => {
    for (const runner of runners) runner.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const runner = (script: string, budgetMs: number, log: string[] = []): AnalysisRunner => {
    const made = new AnalysisRunner(script, data, budgetMs, (m) => log.push(m));
    runners.push(made);
    return made;
  };

  it('abandons work past its budget and answers the next request with a fresh worker', async () => {
    const script = workerScript('hang', `if (m.text === 'hang') { for (;;) {} } ${answer}`);
    const log: string[] = [];
    const r = runner(script, 300, log);
    const hung = r.validate(snapshot('file:///a.yaml', 1, 'hang'));
    const next = r.validate(snapshot('file:///b.yaml', 1, 'fine'));
    assert.deepEqual(await hung, { status: 'timeout', budgetMs: 300 });
    const done = await next;
    assert.equal(done.status, 'done');
    assert.match(log.join('\n'), /Analysis of file:\/\/\/a\.yaml stopped after 300 ms/);
  });

  it('reports a worker that dies as crashed, and carries on', async () => {
    const script = workerScript('exit', `if (m.text === 'die') process.exit(3); ${answer}`);
    const r = runner(script, 5000);
    const died = await r.validate(snapshot('file:///a.yaml', 1, 'die'));
    assert.equal(died.status, 'crashed');
    assert.equal((await r.validate(snapshot('file:///a.yaml', 2, 'fine'))).status, 'done');
  });

  it('answers an older queued version stale and validates only the newest', async () => {
    const script = workerScript(
      'slow',
      `const end = Date.now() + 200; while (Date.now() < end) {} ${answer}`,
    );
    const r = runner(script, 5000);
    const first = r.validate(snapshot('file:///busy.yaml', 1, 'busy'));
    const v1 = r.validate(snapshot('file:///t.yaml', 1, 'one'));
    const v2 = r.validate(snapshot('file:///t.yaml', 2, 'two'));
    assert.equal((await first).status, 'done');
    assert.deepEqual(await v1, { status: 'stale' });
    const newest = await v2;
    assert.ok(newest.status === 'done');
    assert.deepEqual(
      newest.diagnostics.map((d) => d.message),
      ['two'],
    );
  });
});
