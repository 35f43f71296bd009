/**
 * V8's cached data of our own code (server/src/codeCache.ts), through the built CLI with its own
 * temporary folder: written by a run that had none, and the data of an earlier build of the same
 * file removed then, the data of other files left alone.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../support/helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');

describe('code cache', () => {
  it('replaces the data of an earlier build of a file and keeps the data of other files', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'code-cache-test-'));
    try {
      const cacheDir = path.join(tmp, 'aws-dev-notes-code-cache');
      const lint = (): void => {
        execFileSync(process.execPath, [CLI, 'lint', path.join(ROOT, 'examples', 'buildspec.yml')], {
          env: { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp },
          stdio: 'ignore',
        });
      };
      lint();
      const bundle = fs.readdirSync(cacheDir).find((name) => name.includes('-cli.main.js-'));
      assert.ok(bundle, 'the bundle has cached data after a first run');
      // `<family>-<version>-<size>-<time>.bin`: an earlier build differs in the last three fields.
      const family = bundle.split('-').slice(0, -3).join('-');
      const earlier = `${family}-0123456789abcdef-1-2.bin`;
      const other = `${family}x-0123456789abcdef-1-2.bin`;
      fs.writeFileSync(path.join(cacheDir, earlier), '');
      fs.writeFileSync(path.join(cacheDir, other), '');
      fs.rmSync(path.join(cacheDir, bundle));
      lint();
      const names = fs.readdirSync(cacheDir);
      assert.ok(names.includes(bundle), 'written again');
      assert.ok(!names.includes(earlier), 'the earlier build of the same file is removed');
      assert.ok(names.includes(other), 'the data of another file is kept');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
