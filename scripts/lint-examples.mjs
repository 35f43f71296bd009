// The main job (`npm start`): lint the bundled examples/ with the CLI, as CI would lint a repo.
// The files under examples/mistakes/ are wrong on purpose; every other example must be clean.
// Exits non-zero when the CLI fails (exit 2), a clean example gets an error, or a mistake is missed.
import { spawnSync } from 'node:child_process';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');

const text = spawnSync(process.execPath, [cli, 'lint', 'examples'], { cwd: root, encoding: 'utf8' });
process.stdout.write(text.stdout);
process.stderr.write(text.stderr);
if (text.status !== 0 && text.status !== 1) {
  console.error(`lint-examples: the CLI failed with exit code ${text.status}`);
  process.exit(2);
}

const json = spawnSync(process.execPath, [cli, 'lint', '--format', 'json', 'examples'], {
  cwd: root,
  encoding: 'utf8',
});
const results = JSON.parse(json.stdout);
let failed = false;
for (const result of results) {
  const deliberate = result.file.split(sep).includes('mistakes');
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  if (!result.kind) {
    console.error(`lint-examples: ${result.file} was not recognised as any kind`);
    failed = true;
  } else if (deliberate && errors === 0) {
    console.error(`lint-examples: ${result.file} has deliberate mistakes, but none was reported`);
    failed = true;
  } else if (!deliberate && errors > 0) {
    console.error(`lint-examples: ${result.file} should be clean but has ${errors} error(s)`);
    failed = true;
  }
}
const kinds = [...new Set(results.map((r) => r.kind))].sort().join(', ');
console.log(
  `lint-examples: ${results.length} example files (${kinds}); ${failed ? 'FAILED' : 'as expected'}`,
);
process.exit(failed ? 1 : 0);
