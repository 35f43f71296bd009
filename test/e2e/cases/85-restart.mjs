// Faults (issue 9): killing the language server's process brings it back — the client restarts
// it — and diagnostics come back from the new process: an edit made after the restart is
// validated. Runs after the settings case and leaves the file as it found it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import test from 'node:test';

import { editor, waitFor } from '../harness.mjs';

const T = { timeout: 180_000 };
const FILE = 'template.yaml'; // two errors: AWS::S3::Buckett, NotARealProperty

// The template's own markers (the panel is not filtered: few files are open).
const ours = (ms) => ms.filter((m) => m.file === FILE && /aws-dev-notes/.test(m.text));

/** The pids of this editor's language server (its command line names this run's extensions folder). */
function serverPids() {
  const pids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline;
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (cmdline.includes(editor.paths.extensions) && cmdline.includes('dist/server.js'))
      pids.push(Number(entry));
  }
  return pids;
}

test('a killed language server is restarted and its diagnostics come back', T, async () => {
  await editor.openFile(FILE);
  await editor.waitForActivation();
  await editor.waitForProblems((ms) => ours(ms).length === 2);
  const [killed] = await waitFor(() => (serverPids().length ? serverPids() : false), {
    what: 'the language server process',
  });
  process.kill(killed, 'SIGKILL');
  const restarted = await waitFor(() => serverPids().find((pid) => pid !== killed) ?? false, {
    what: 'a new language server process',
    timeout: 60_000,
  });
  assert.notEqual(restarted, killed);
  // Fixing the type's typo leaves one problem: only the new server can say so.
  await editor.clickAt('AWS::S3::Buckett', { at: 'end' });
  await editor.page.keyboard.press('End');
  await editor.page.keyboard.press('Backspace');
  try {
    await editor.waitForProblems((ms) => ours(ms).length === 1, { timeout: 60_000 });
  } finally {
    await editor.page.keyboard.type('t');
  }
  await editor.waitForProblems((ms) => ours(ms).length === 2, { timeout: 60_000 });
});
