// The Settings editor, filtered to the extension: "Validation: Enable" comes first (settings carry
// an explicit order). In search results VS Code prefixes every label with the key's category,
// wordified from `awsDevNotes` as "Aws Dev Notes" — that is VS Code's doing and not checked here.
import assert from 'node:assert/strict';
import test from 'node:test';

import { editor, sleep, waitFor } from '../harness.mjs';

const T = { timeout: 120_000 };

test('the Settings editor lists Validation: Enable first', T, async () => {
  await editor.openFile('template.yaml');
  await editor.waitForActivation();
  await editor.runCommand('Preferences: Open Settings (UI)');
  const page = editor.page;
  await waitFor(() => page.locator('.settings-editor').first().isVisible(), { what: 'the Settings editor' });
  await sleep(1000);
  // Into the search box (focus is not there yet on a slow machine).
  await page.locator('.settings-editor .search-container').first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('@ext:aws-dev-notes.aws-dev-notes', { delay: 20 });
  let rows = [];
  await waitFor(
    async () => {
      rows = await page
        .locator('.settings-editor .setting-item-contents .setting-item-title')
        .evaluateAll((els) =>
          els
            .filter((el) => el.offsetParent !== null)
            .map((el) => el.textContent.replace(/\s+/g, ' ').trim()),
        );
      return rows.length >= 5 && rows.some((r) => /Validation: Enable$/.test(r));
    },
    { what: 'the settings rows' },
  ).catch((e) => {
    throw new Error(`${e.message}; rows: ${JSON.stringify(rows)}`);
  });
  assert.match(rows[0], /Validation: Enable$/, JSON.stringify(rows));
  assert.match(rows[1], /Validation: Ignore$/, JSON.stringify(rows));
  await editor.escape();
});
