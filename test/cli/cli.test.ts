/** The CLI contract: formats, exit codes, folders, kinds. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../support/helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cli lint', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adn-cli-'));
    fs.writeFileSync(path.join(dir, 'bad.yaml'), 'Resources:\n  Bucket:\n    Type: AWS::S3::Buckett\n');
    fs.writeFileSync(path.join(dir, 'good.yaml'), 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n');
    fs.writeFileSync(path.join(dir, 'other.yaml'), 'services:\n  web:\n    image: nginx\n');
    fs.mkdirSync(path.join(dir, 'node_modules', 'x'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'node_modules', 'x', 'bad.yaml'),
      'Resources:\n  B:\n    Type: AWS::Nope::Nope\n',
    );
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints compiler-style text and exits 1 on errors', () => {
    const result = cli('lint', path.join(dir, 'bad.yaml'));
    assert.equal(result.status, 1);
    assert.match(
      result.stdout,
      /bad\.yaml:3:11: error cfn-unknown-resource-type Unknown resource type 'AWS::S3::Buckett'\. Did you mean 'AWS::S3::Bucket'\?/,
    );
  });

  it('exits 0 when there are no errors', () => {
    const result = cli('lint', path.join(dir, 'good.yaml'));
    assert.equal(result.status, 0, result.stdout + result.stderr);
  });

  it('prints the JSON contract, walks folders, skips node_modules and reports other files as kind null', () => {
    const result = cli('lint', '--format', 'json', dir);
    assert.equal(result.status, 1);
    const files = JSON.parse(result.stdout) as {
      file: string;
      kind: string | null;
      diagnostics: { range: unknown; severity: string; code: string; source: string; message: string }[];
    }[];
    assert.deepEqual(
      files.map((f) => [path.basename(f.file), f.kind]),
      [
        ['bad.yaml', 'cloudformation'],
        ['good.yaml', 'cloudformation'],
        ['other.yaml', null],
      ],
    );
    const [d] = files[0].diagnostics;
    assert.deepEqual(d.range, { start: { line: 2, character: 10 }, end: { line: 2, character: 26 } });
    assert.equal(d.severity, 'error');
    assert.equal(d.source, 'aws-dev-notes');
    assert.equal(d.code, 'cfn-unknown-resource-type');
    assert.deepEqual(files[2].diagnostics, []);
  });

  it('prints SARIF 2.1.0', () => {
    const result = cli('lint', '--format=sarif', path.join(dir, 'bad.yaml'));
    assert.equal(result.status, 1);
    const log = JSON.parse(result.stdout) as {
      version: string;
      runs: {
        tool: { driver: { name: string; rules: { id: string }[] } };
        results: {
          ruleId: string;
          level: string;
          locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[];
        }[];
      }[];
    };
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'aws-dev-notes');
    assert.equal(run.results[0].ruleId, 'cfn-unknown-resource-type');
    assert.equal(run.results[0].level, 'error');
    assert.deepEqual(run.results[0].locations[0].physicalLocation.region.startLine, 3);
    assert.ok(run.tool.driver.rules.some((r) => r.id === 'cfn-unknown-resource-type'));
  });

  it('exits 2 on usage errors and unreadable paths', () => {
    assert.equal(cli('lint').status, 2);
    assert.equal(cli('lint', '--format', 'xml', dir).status, 2);
    assert.equal(cli('frobnicate').status, 2);
    const missing = cli('lint', path.join(dir, 'does-not-exist.yaml'));
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /does-not-exist\.yaml/);
  });

  it('ends quietly when the reader of its output goes away', () => {
    const fixtures = path.join(ROOT, 'test', 'fixtures');
    const errors = path.join(dir, 'stderr.txt');
    const result = spawnSync(
      'bash',
      [
        '-c',
        `"$0" "$1" lint --format json "$2" 2>"$3" | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}"`,
        process.execPath,
        CLI,
        fixtures,
        errors,
      ],
      { encoding: 'utf8', timeout: 60000 },
    );
    assert.match(result.stdout.trim(), /^[01]$/, 'the exit code of a lint, not of a crash');
    assert.equal(fs.readFileSync(errors, 'utf8'), '');
  });

  it('prints help with exit 0', () => {
    const result = cli('--help');
    assert.equal(result.status, 0);
    assert.match(result.stdout, /Usage: aws-dev-notes lint/);
  });
});
