#!/usr/bin/env node
// `npm run test:vscode`: the extension-host suite (test/vscode/suite) in desktop VS Code, through
// @vscode/test-electron, with the repository as the extension under development and a copy of
// test/vscode/workspace open. It downloads VS Code into .vscode-test/ first (once), which needs
// network access to update.code.visualstudio.com; where that fails it stops with one message.
// The same suite runs offline inside code-server as part of `npm test` (test/vscode/code-server.mjs).
//
// Environment: VSCODE_TEST_VERSION (default 1.139.1, the VS Code of code-server 4.139.1),
// VSCODE_TEST_DOWNLOAD_TIMEOUT_MS (default 90000), EXTHOST_TEST_FILTER (a regexp of test names).
// On Linux without a display, run it under xvfb-run.

import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

import { SUITE } from './build.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const VERSION = process.env.VSCODE_TEST_VERSION || '1.139.1';
const DOWNLOAD_TIMEOUT = Number(process.env.VSCODE_TEST_DOWNLOAD_TIMEOUT_MS || 90_000);

async function download() {
  let timer;
  const expired = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no download after ${DOWNLOAD_TIMEOUT / 1000} s`)),
      DOWNLOAD_TIMEOUT,
    );
  });
  try {
    return await Promise.race([
      downloadAndUnzipVSCode({
        version: VERSION,
        cachePath: path.join(REPO, '.vscode-test'),
        timeout: 30_000,
      }),
      expired,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

let vscodeExecutablePath;
try {
  vscodeExecutablePath = await download();
} catch (error) {
  const reason = String(error instanceof Error ? error.message : error).split('\n')[0];
  console.error(
    `test:vscode: VS Code ${VERSION} could not be downloaded (${reason}). ` +
      '`npm test` runs the same extension-host suite offline, inside code-server (test/vscode/code-server.mjs).',
  );
  process.exit(1);
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'aws-dev-notes-vscode-'));
const workspace = path.join(tmp, 'workspace');
cpSync(path.join(HERE, 'workspace'), workspace, { recursive: true });
let code = 1;
try {
  code = await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: REPO,
    extensionTestsPath: SUITE,
    extensionTestsEnv: { EXTHOST_TEST_FILTER: process.env.EXTHOST_TEST_FILTER ?? '' },
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      `--user-data-dir=${path.join(tmp, 'user-data')}`,
      `--extensions-dir=${path.join(tmp, 'extensions')}`,
    ],
  }).then(
    () => 0,
    (error) => {
      console.error(`test:vscode: ${error instanceof Error ? error.message : error}`);
      return 1;
    },
  );
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);
