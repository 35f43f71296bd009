// The Settings editor (papercut 10). Filtered to the extension (`@ext:<id>`), "Validation: Enable"
// comes first (settings carry an explicit order); search results always show a setting's category
// before its label ("Aws Dev Notes › Validation: Enable", as "Editor: Tab Size" for VS Code's own),
// since they have no group to name it — VS Code's doing. In the settings tree (Extensions › AWS Dev
// Notes) the labels have no prefix: VS Code drops a key's category there only when it starts with a
// part of the extension id `publisher.name` (letter case aside). The publisher `awsdevnotes`
// matches the keys' `awsDevNotes.`; the former publisher `aws-dev-notes` did not, so every label of
// the group read "Aws Dev Notes › …" there too.
import assert from 'node:assert/strict';
import test from 'node:test';

import { editor, sleep, waitFor } from '../harness.mjs';
import { EXTENSION_ID } from '../lib/config.mjs';

const T = { timeout: 120_000 };

/** The titles of the settings rows on screen. */
function visibleRows() {
  return editor.page
    .locator('.settings-editor .setting-item-contents .setting-item-title')
    .evaluateAll((els) =>
      els.filter((el) => el.offsetParent !== null).map((el) => el.textContent.replace(/\s+/g, ' ').trim()),
    );
}

async function search(text) {
  const page = editor.page;
  // Into the search box (focus is not there yet on a slow machine).
  await page.locator('.settings-editor .search-container').first().click();
  await page.keyboard.press('Control+A');
  if (text) await page.keyboard.type(text, { delay: 20 });
  else await page.keyboard.press('Backspace');
}

test(
  'the Settings editor lists Validation: Enable first, without the key prefix in its tree',
  T,
  async () => {
    await editor.openFile('template.yaml');
    await editor.waitForActivation();
    await editor.runCommand('Preferences: Open Settings (UI)');
    const page = editor.page;
    await waitFor(() => page.locator('.settings-editor').first().isVisible(), {
      what: 'the Settings editor',
    });
    await sleep(1000);
    await search(`@ext:${EXTENSION_ID}`);
    let rows = [];
    await waitFor(
      async () => {
        rows = await visibleRows();
        return rows.length >= 5 && rows.some((r) => /Validation: Enable$/.test(r));
      },
      { what: 'the settings rows' },
    ).catch((e) => {
      throw new Error(`${e.message}; rows: ${JSON.stringify(rows)}`);
    });
    assert.match(rows[0], /Validation: Enable$/, JSON.stringify(rows));
    assert.match(rows[1], /Validation: Ignore$/, JSON.stringify(rows));

    // The tree: Extensions › AWS Dev Notes in the table of contents.
    await search('');
    // The whole tree again (during the search the table of contents shows only the matching groups).
    await waitFor(async () => (await visibleRows()).some((r) => /^Editor: /.test(r)), {
      what: 'the settings tree after the search is cleared',
    });
    const entry = (label) =>
      page.locator('.settings-toc-container .monaco-list-row').filter({
        has: page.locator('.settings-toc-entry', { hasText: new RegExp(`^${label}$`) }),
      });
    await waitFor(
      async () => {
        if (await entry('AWS Dev Notes').count()) return true;
        const extensions = entry('Extensions');
        if (await extensions.count()) {
          await extensions.first().click();
          await page.keyboard.press('ArrowRight'); // expands the group
        }
        return false;
      },
      { what: 'AWS Dev Notes in the table of contents', interval: 1000 },
    );
    await waitFor(
      async () => {
        rows = await visibleRows();
        if (rows.some((r) => /Validation: Enable$/.test(r))) return true;
        await entry('AWS Dev Notes').first().click();
        return false;
      },
      { what: 'the AWS Dev Notes group', interval: 1000 },
    ).catch((e) => {
      throw new Error(`${e.message}; rows: ${JSON.stringify(rows)}`);
    });
    assert.ok(rows.includes('Validation: Enable'), JSON.stringify(rows));
    assert.deepEqual(
      rows.filter((r) => /Aws Dev Notes/i.test(r)),
      [],
      `labels keep the category prefix: ${JSON.stringify(rows)}`,
    );
    await editor.escape();
  },
);
