#!/usr/bin/env node
// Real-editor end-to-end tests: installs the extension's VSIX into code-server (VS Code in
// the browser), drives it with Debian's chromium through playwright-core and runs the cases
// in test/e2e/cases/*.mjs with node's test runner. See test/e2e/README.md.
//
//   node test/e2e/run.mjs [path/to/extension.vsix]     (or E2E_VSIX=...; default aws-dev-notes.vsix)
//
// Prerequisites: bash scripts/e2e/setup.sh (chromium, Node 24, code-server), npm run build,
// npx vsce package --no-dependencies -o aws-dev-notes.vsix.

import { after, afterEach, before } from 'node:test';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { REPO, SCREENSHOT_DIR, STEP_TIMEOUT, editor } from './harness.mjs';

const argv = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const vsix = path.resolve(REPO, argv[0] || process.env.E2E_VSIX || 'aws-dev-notes.vsix');
const casesDir = path.resolve(
  process.env.E2E_CASES_DIR || path.join(path.dirname(fileURLToPath(import.meta.url)), 'cases'),
);

// Hard ceiling for the whole run, whatever hangs: kill everything and fail.
const TOTAL_TIMEOUT = Number(process.env.E2E_TOTAL_TIMEOUT_MS || 15 * 60_000);
const watchdog = setTimeout(() => {
  console.error(`[e2e] whole run exceeded ${TOTAL_TIMEOUT} ms; killing code-server and chromium`);
  editor._killSync();
  process.exit(1);
}, TOTAL_TIMEOUT);
watchdog.unref();

if (!process.env.E2E_KEEP_SCREENSHOTS && existsSync(SCREENSHOT_DIR)) {
  for (const f of readdirSync(SCREENSHOT_DIR)) {
    if (f.endsWith('.png') || f.endsWith('.log')) rmSync(path.join(SCREENSHOT_DIR, f));
  }
}

let started = false;
before(
  async () => {
    const t0 = Date.now();
    await editor.start({ vsix });
    started = true;
    console.error(`[e2e] editor ready in ${Date.now() - t0} ms`);
  },
  { timeout: 4 * STEP_TIMEOUT + 30_000 },
);

// One screenshot per test, also (especially) when it failed.
let n = 0;
let failed = 0;
afterEach(
  async (t) => {
    n += 1;
    if (t.passed === false) failed += 1;
    if (!started || !editor.page) return;
    const file = await editor.screenshot(`${String(n).padStart(2, '0')}-${t.name}`).catch((e) => {
      console.error(`[e2e] screenshot failed: ${e.message}`);
    });
    if (file) console.error(`[e2e] screenshot ${path.relative(REPO, file)}`);
  },
  { timeout: 30_000 },
);

after(
  async () => {
    if (failed && started) {
      // enough to diagnose a CI failure from its output alone
      const errors = (await editor.extensionHostLog().catch(() => ''))
        .split('\n')
        .filter((l) => /\[error\]|activat/i.test(l))
        .slice(-40);
      console.error(`--- extension host log (errors, activation) ---\n${errors.join('\n')}`);
      console.error(
        `--- code-server output (tail) ---\n${editor.serverLog.split('\n').slice(-30).join('\n')}`,
      );
      console.error(`[e2e] full logs and screenshots: ${path.relative(REPO, SCREENSHOT_DIR)}/`);
    }
    if (process.env.E2E_DEBUG && editor.serverLog)
      console.error(`--- code-server log ---\n${editor.serverLog}`);
    if (process.env.E2E_DEBUG && editor.consoleLog.length)
      console.error(`--- browser console ---\n${editor.consoleLog.join('\n')}`);
    await editor.saveLogs().catch((e) => console.error(`[e2e] saving logs failed: ${e.message}`));
    await editor.stop();
    clearTimeout(watchdog);
  },
  { timeout: 60_000 },
);

// Test cases: every test/e2e/cases/*.mjs, in name order; they register tests with node:test.
for (const f of readdirSync(casesDir)
  .filter((f) => f.endsWith('.mjs'))
  .sort()) {
  await import(pathToFileURL(path.join(casesDir, f)).href);
}
