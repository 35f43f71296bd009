// Builds the extension-host suite (test/vscode/suite) for both ways of running it:
//   out/vscode-tests/suite.js                                    extensionTestsPath of @vscode/test-electron
//   out/vscode-tests/aws-dev-notes-exthost-tests.vsix            the test-runner extension for code-server
// The extension under test is built separately (npm run build, vsce package).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
export const OUT = path.join(REPO, 'out', 'vscode-tests');
export const SUITE = path.join(OUT, 'suite.js');
export const RUNNER_VSIX = path.join(OUT, 'aws-dev-notes-exthost-tests.vsix');

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  logLevel: 'warning',
  external: ['vscode'],
};

export async function build() {
  const started = Date.now();
  const extensionDir = path.join(OUT, 'runner-extension');
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(extensionDir, { recursive: true });
  await Promise.all([
    esbuild.build({ ...common, entryPoints: [path.join(HERE, 'suite', 'index.ts')], outfile: SUITE }),
    esbuild.build({
      ...common,
      entryPoints: [path.join(HERE, 'runner-extension', 'extension.ts')],
      outfile: path.join(extensionDir, 'extension.js'),
    }),
  ]);
  copyFileSync(path.join(HERE, 'runner-extension', 'package.json'), path.join(extensionDir, 'package.json'));
  const vsce = spawnSync(
    path.join(REPO, 'node_modules', '.bin', 'vsce'),
    ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', RUNNER_VSIX],
    { cwd: extensionDir, encoding: 'utf8' },
  );
  if (vsce.status !== 0)
    throw new Error(`packaging the test-runner extension failed:\n${vsce.stdout}${vsce.stderr}`);
  console.log(
    `test/vscode: built ${path.relative(REPO, SUITE)} and ${path.relative(REPO, RUNNER_VSIX)} in ${Date.now() - started} ms`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await build();
