#!/usr/bin/env node
// The extension-host suite (test/vscode/suite) inside code-server, offline, as part of `npm test`.
// code-server has no --extensionTestsPath, so the e2e harness (test/e2e/harness.mjs) installs the
// extension under test and the test-runner extension (built by test/vscode/build.mjs), opens
// test/vscode/workspace in chromium (the remote extension host starts when a browser connects),
// and the runner extension runs the suite once the workbench is up, writing its results to a
// JSON file after every test. Each result becomes a node:test subtest here, as it arrives.
//
//   node --test-reporter=spec test/vscode/code-server.mjs [path/to/extension.vsix]
//
// Prerequisites: as test/e2e/run.mjs (scripts/e2e/setup.sh, a build, the VSIX), plus
// node test/vscode/build.mjs. EXTHOST_TEST_FILTER=<regexp> runs only the matching tests.

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test, { after } from 'node:test';
import { fileURLToPath } from 'node:url';

import { Editor, REPO, SCREENSHOT_DIR, STEP_TIMEOUT, waitFor } from '../e2e/harness.mjs';
import { RUNNER_VSIX } from './build.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const vsix = path.resolve(REPO, argv[0] || process.env.E2E_VSIX || 'aws-dev-notes.vsix');
const LOG_DIR = path.join(SCREENSHOT_DIR, 'extension-host');
// The suite's own tests have timeouts (30 s, 60 s for the first); this bounds the whole suite.
const SUITE_TIMEOUT = Number(process.env.EXTHOST_SUITE_TIMEOUT_MS || 5 * 60_000);

const editor = new Editor();
const resultsDir = mkdtempSync(path.join(os.tmpdir(), 'aws-dev-notes-exthost-results-'));
const resultsFile = path.join(resultsDir, 'results.json');

/** The runner extension's report, or undefined before it has written one. */
function readReport() {
  if (!existsSync(resultsFile)) return undefined;
  return JSON.parse(readFileSync(resultsFile, 'utf8'));
}

/** The extension host's error and activation lines: enough to see why the suite did not run. */
async function hostLogExcerpt() {
  const lines = (await editor.extensionHostLog().catch(() => '')).split('\n');
  return lines
    .filter((l) => /\[error\]|activat/i.test(l))
    .slice(-40)
    .join('\n');
}

test('extension-host suite in code-server', { timeout: SUITE_TIMEOUT + 4 * STEP_TIMEOUT }, async (t) => {
  const t0 = Date.now();
  await editor.start({
    vsix,
    workspace: path.join(HERE, 'workspace'),
    readyFile: 'template.yaml',
    extraVsix: [RUNNER_VSIX],
    env: {
      AWS_DEV_NOTES_TEST_RESULTS: resultsFile,
      EXTHOST_TEST_FILTER: process.env.EXTHOST_TEST_FILTER ?? '',
    },
  });
  t.diagnostic(`editor ready in ${Date.now() - t0} ms`);

  // The runner extension activates on onStartupFinished and writes its first report at once.
  await waitFor(() => readReport(), {
    what: 'the test-runner extension to start',
    timeout: STEP_TIMEOUT,
  }).catch(async (e) => {
    throw new Error(`${e.message}\n--- extension host log ---\n${await hostLogExcerpt()}`);
  });
  const deadline = Date.now() + SUITE_TIMEOUT;
  let reported = 0;
  for (;;) {
    const report = await waitFor(
      () => {
        const r = readReport();
        return (r.results.length > reported || r.state !== 'running') && r;
      },
      { what: 'the next extension-host result', timeout: Math.max(1, deadline - Date.now()) },
    );
    for (const result of report.results.slice(reported)) {
      await t.test(`${result.name} (${result.ms} ms in the extension host)`, () => {
        if (!result.passed) throw new Error(result.error);
      });
    }
    reported = report.results.length;
    if (report.state === 'crashed') throw new Error(`the suite crashed: ${report.error}`);
    if (report.state === 'done') break;
  }
  if (!reported) throw new Error(`no test matched EXTHOST_TEST_FILTER=${process.env.EXTHOST_TEST_FILTER}`);
  t.diagnostic(`suite finished in ${Date.now() - t0} ms`);
});

after(
  async () => {
    await editor.saveLogs(LOG_DIR).catch((e) => console.error(`[exthost] saving logs failed: ${e.message}`));
    await editor.stop();
    rmSync(resultsDir, { recursive: true, force: true });
  },
  { timeout: 60_000 },
);
