/** The CLI's worker pool: the same output, in the same order, with any number of threads. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { largestFirst, threadCount } from '../../server/src/cliPool';
import { ROOT } from '../support/helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const TARGETS = [path.join(ROOT, 'test', 'fixtures'), path.join(ROOT, 'examples')];

function lint(threads: number, format: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, 'lint', '--format', format, ...TARGETS, 'missing.yaml'], {
    encoding: 'utf8',
    timeout: 120000,
    env: { ...process.env, AWS_DEV_NOTES_THREADS: String(threads) },
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

  it('uses one thread for a few files and the idle cores for many', () => {
    assert.equal(threadCount(1, {}, 8, 0), 1);
    assert.equal(threadCount(7, {}, 8, 0), 1);
    assert.equal(threadCount(20, {}, 8, 0), 2);
    assert.equal(threadCount(500, {}, 8, 0.2), 8);
    assert.equal(threadCount(500, {}, 8, 4), 5);
    assert.equal(threadCount(500, {}, 2, 9), 1, 'a saturated machine');
    assert.equal(threadCount(500, { AWS_DEV_NOTES_THREADS: '3' }), 3);
    assert.equal(threadCount(2, { AWS_DEV_NOTES_THREADS: '3' }), 2);
    assert.equal(threadCount(500, { AWS_DEV_NOTES_THREADS: 'x' }, 4, 0), 4);
  });

  it("hands out the largest files first, ties in the files' order", () => {
    const sizes: Record<string, number> = { a: 10, b: 300, c: 10, d: 0, e: 42 };
    assert.deepEqual(
      largestFirst(Object.keys(sizes), (f) => sizes[f]),
      [1, 4, 0, 2, 3],
    );
  });
});
