// Papercut 1, in the real editor: with another YAML file open (other/words.yml, words starting
// with "ten"), typing `BatchSize: ten` in a template we own suggests none of that file's words —
// the server answers the value with its own items (defaults, bounds, references), which the
// editor filters away, so VS Code never falls back to its word-based suggestions there.
//
//   values.yaml, line 11: "      EventSourceArn: !GetAtt Jobs.Arn" (the test adds lines below)
import assert from 'node:assert/strict';
import test from 'node:test';

import { editor, sleep } from '../harness.mjs';

const T = { timeout: 120_000 };
const WORDS = ['tenacious', 'tentacle', 'tenement', 'tenderloin'];

/** Rows of the suggest widget seen during `ms` (it may open and close while we look). */
async function rowsDuring(ms) {
  const seen = new Set();
  const end = Date.now() + ms;
  while (Date.now() < end) {
    for (const row of await editor.suggestions()) seen.add(row.label);
    await sleep(100);
  }
  return [...seen];
}

test('the other YAML file offers its words in itself (word-based suggestions are on)', T, async () => {
  await editor.openFile('other/words.yml');
  await editor.page.keyboard.press('Control+End');
  await editor.page.keyboard.press('Enter');
  await editor.page.keyboard.type('ten', { delay: 60 });
  await editor.waitForSuggestion('tenacious');
  await editor.escape();
  for (let i = 0; i < 3; i++) await editor.page.keyboard.press('Control+Z');
});

test('typing a value the server has no item for suggests no word of another file', T, async () => {
  await editor.openFile('values.yaml');
  await editor.waitForActivation();
  await editor.waitForStatusBar(/CloudFormation/);
  await editor.goTo(11, 1);
  await editor.page.keyboard.press('End');
  await editor.page.keyboard.press('Enter'); // keeps the indentation of the properties
  await editor.page.keyboard.type('BatchSize: ten', { delay: 60 });
  const typed = await rowsDuring(3000);
  assert.deepEqual(
    typed.filter((label) => WORDS.includes(label)),
    [],
    `words of other/words.yml suggested: ${JSON.stringify(typed)}`,
  );
  await editor.page.keyboard.press('Control+Space'); // asked for: still none of them
  const asked = await rowsDuring(2000);
  assert.deepEqual(
    asked.filter((label) => WORDS.includes(label)),
    [],
    JSON.stringify(asked),
  );
  await editor.escape();
  // The server's own values are there once the typed word is gone: the documented default.
  for (let i = 0; i < 3; i++) await editor.page.keyboard.press('Backspace');
  await editor.page.keyboard.press('Control+Space');
  await editor.acceptSuggestion('10');
  await editor.waitForText((t) => t.split('\n')[11] === '      BatchSize: 10', {
    what: 'BatchSize: 10 on line 12',
  });
  await editor.waitForProblems((ms) => ms.length === 0, { file: 'values.yaml' });
});
