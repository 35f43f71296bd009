/** The CLI on hostile files (issue 9): an answer for each, exit 2 with one line for unreadable paths. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../support/helpers';
import { HOSTILE_CASES } from '../support/hostile';

const CLI = path.join(ROOT, 'dist', 'cli.js');

interface FileResult {
  file: string;
  kind: string | null;
  diagnostics: { code: string; message: string }[];
}

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function listing(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .map(
      (d) =>
        `${path.relative(dir, path.join(d.parentPath, d.name))}:${fs.statSync(path.join(d.parentPath, d.name)).mtimeMs}`,
    )
    .sort();
}

describe('cli lint on hostile files', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adn-hostile-'));
    for (const hostile of HOSTILE_CASES) fs.writeFileSync(path.join(dir, hostile.file), hostile.text);
    // Invalid UTF-8 bytes as such, and a 100 MB file that must not be read whole (sparse: no disk used).
    fs.writeFileSync(
      path.join(dir, 'bytes.yaml'),
      Buffer.from([0x52, 0x65, 0x73, 0x3a, 0x20, 0xff, 0xfe, 0xc3, 0x0a]),
    );
    const huge = fs.openSync(path.join(dir, 'huge.json'), 'w');
    fs.ftruncateSync(huge, 100 * 1024 * 1024);
    fs.closeSync(huge);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('answers every hostile file in one run, with the expected diagnostics, and writes nothing', () => {
    const before = listing(dir);
    const result = cli('lint', '--format', 'json', dir);
    assert.ok(result.status === 0 || result.status === 1, result.stderr);
    const results = JSON.parse(result.stdout) as FileResult[];
    const byName = new Map(results.map((r) => [path.basename(r.file), r]));
    for (const hostile of HOSTILE_CASES) {
      const found = byName.get(hostile.file);
      assert.ok(found, hostile.file);
      if (hostile.expectCode) {
        assert.ok(
          found.diagnostics.some((d) => d.code === hostile.expectCode),
          `${hostile.file}: ${JSON.stringify(found.diagnostics.map((d) => d.code))}`,
        );
      }
    }
    assert.equal(byName.get('huge.json')?.kind, null);
    assert.match(
      result.stderr,
      /^note: .*huge\.json: Not analysed: the file is 100\.0 MB, above the 5\.0 MB limit\.$/m,
    );
    assert.match(
      result.stderr,
      /^note: .*deep\.json: Not analysed: values are nested more than 200 levels deep \(line 1\)\.$/m,
    );
    assert.deepEqual(listing(dir), before);
  });

  it('names an alias bomb in text output and exits 1', () => {
    const result = cli('lint', path.join(dir, 'bomb.yaml'));
    assert.equal(result.status, 1);
    assert.match(
      result.stdout,
      /bomb\.yaml:\d+:\d+: error alias-limit Aliases expand to more than 100,000 values \(an alias bomb\?\)/,
    );
  });

  it('exits 2 with one clear line for a path that cannot be read', () => {
    const missing = path.join(dir, 'missing.yaml');
    const result = cli('lint', missing);
    assert.equal(result.status, 2);
    assert.equal(result.stderr, `error: Cannot read '${missing}': no such file or folder.\n`);
    const under = path.join(dir, 'bomb.yaml', 'x.yaml');
    const notFolder = cli('lint', under);
    assert.equal(notFolder.status, 2);
    assert.equal(notFolder.stderr.trim().split('\n').length, 1);
  });
});
