/** The CLI's worker pool: the same output, in the same order, with any number of threads. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { BYTES_PER_WORKER, largestFirst, threadCount } from '../../server/src/cliPool';
import { ROOT } from '../support/helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const TARGETS = [path.join(ROOT, 'test', 'fixtures'), path.join(ROOT, 'examples')];

function lint(
  threads: number,
  format: string,
  extraEnv: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, 'lint', '--format', format, ...TARGETS, 'missing.yaml'], {
    encoding: 'utf8',
    timeout: 120000,
    env: { ...process.env, AWS_DEV_NOTES_THREADS: String(threads), ...extraEnv },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cli worker pool', () => {
  it('gives one thread’s results, in order, with 2 and 3 threads', () => {
    const one = lint(1, 'json');
    const files = (JSON.parse(one.stdout) as { file: string }[]).map((r) => r.file);
    assert.ok(files.length > 40, `only ${files.length} files linted`);
    assert.equal(one.status, 2, 'missing.yaml is a usage error');
    assert.match(one.stderr, /missing\.yaml/);
    for (const threads of [2, 3]) {
      const many = lint(threads, 'json');
      assert.equal(many.stdout, one.stdout, `${threads} threads`);
      assert.equal(many.stderr, one.stderr);
      assert.equal(many.status, one.status);
    }
    assert.equal(lint(2, 'text').stdout, lint(1, 'text').stdout);
  });

  it('shares the files among the main thread and the workers', () => {
    const one = lint(1, 'json');
    const count = (JSON.parse(one.stdout) as unknown[]).length;
    const report = /^pool: (.*)$/m.exec(lint(3, 'json', { AWS_DEV_NOTES_POOL_REPORT: '1' }).stderr);
    assert.ok(report, 'the pool reports how it shared the files');
    const shares = report[1].split(' ').map(Number);
    assert.equal(shares.length, 3, 'the main thread and two workers');
    assert.equal(
      shares.reduce((a, b) => a + b, 0),
      count,
    );
    assert.ok(shares[0] > 0, 'the main thread lints too');
  });

  it('uses one thread for little text and the idle cores for much', () => {
    const plenty = 100 * BYTES_PER_WORKER;
    assert.equal(threadCount(1, plenty, {}, 8, 0), 1, 'one file');
    assert.equal(threadCount(15, plenty, {}, 8, 0), 1, 'few files');
    assert.equal(threadCount(20, plenty, {}, 8, 0), 2);
    assert.equal(threadCount(500, BYTES_PER_WORKER - 1, {}, 8, 0), 1, 'many small files');
    assert.equal(threadCount(500, 2 * BYTES_PER_WORKER, {}, 8, 0), 3);
    assert.equal(threadCount(500, plenty, {}, 8, 0.2), 8);
    assert.equal(threadCount(500, plenty, {}, 8, 4), 5);
    assert.equal(threadCount(500, plenty, {}, 2, 9), 1, 'a saturated machine');
    assert.equal(threadCount(500, 0, { AWS_DEV_NOTES_THREADS: '3' }), 3);
    assert.equal(threadCount(2, 0, { AWS_DEV_NOTES_THREADS: '3' }), 2);
    assert.equal(threadCount(500, plenty, { AWS_DEV_NOTES_THREADS: 'x' }, 4, 0), 4);
  });

  it("hands out the largest files first, ties in the files' order", () => {
    assert.deepEqual(largestFirst([10, 300, 10, 0, 42]), [1, 4, 0, 2, 3]);
  });
});
