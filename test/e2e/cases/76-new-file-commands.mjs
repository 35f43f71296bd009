// "New …" commands: each opens an unsaved editor named like its kind, filled from a skeleton,
// recognised by the server (status bar) and without problems. A YAML file of no kind (a
// workflow) shows no AWS entry in the status bar at all.
import assert from 'node:assert/strict';
import test from 'node:test';

import { editor, sleep, waitFor } from '../harness.mjs';

const T = { timeout: 120_000 };

const CASES = [
  {
    title: 'AWS Dev Notes: New buildspec.yml',
    kind: /buildspec/,
    first: 'version: 0.2',
    file: 'buildspec.yml',
  },
  { title: 'AWS Dev Notes: New appspec.yml', kind: /appspec/, first: 'version: 0.0', file: 'appspec.yml' },
  {
    title: 'AWS Dev Notes: New ECS Task Definition',
    kind: /ECS task definition/,
    first: '"family"',
    file: 'taskdef.json',
  },
];

for (const c of CASES) {
  test(`${c.title} opens an unsaved ${c.file} the server recognises`, T, async () => {
    await editor.openFile('template.yaml');
    await editor.waitForActivation();
    await editor.runCommand(c.title);
    const page = editor.page;
    await waitFor(() => page.locator('.quick-input-widget input').first().isVisible(), {
      what: 'the skeleton picker',
    });
    await page.keyboard.press('Enter');
    await waitFor(
      () =>
        page
          .locator('.editor-group-container.active .tabs-container .tab.active')
          .evaluateAll((els, f) => els.some((el) => el.textContent.includes(f)), c.file),
      { what: `an editor tab named ${c.file}` },
    );
    await editor.waitForStatusBar(c.kind);
    const text = await editor.waitForText((t) => t.includes(c.first), { what: `the ${c.file} skeleton` });
    assert.ok(text.length > 40, text);
    await editor.escape();
  });
}

test('a YAML file of no kind shows no AWS entry in the status bar', T, async () => {
  await editor.openFile('other/workflow.yml');
  const ours = async () =>
    (await editor.statusBarItems()).filter((i) => i.id.includes('awsDevNotes.kind') || /^AWS\b/.test(i.text));
  // Wait for the server's answer (the spinner goes away), then make sure nothing comes back.
  await waitFor(async () => (await ours()).length === 0, { what: 'no AWS Dev Notes status entry' });
  await sleep(2000);
  assert.deepEqual(await ours(), []);
});

test('Enter after a YAML key with no value indents the next line', T, async () => {
  await editor.openFile('other/workflow.yml');
  await editor.goTo(3, 1); // "jobs:"
  const page = editor.page;
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('x', { delay: 40 });
  const text = await editor.waitForText((t) => t.includes('\n  x\n') || t.includes('\nx\n'), {
    what: 'the new line after "jobs:"',
  });
  await page.keyboard.press('Control+Z');
  await page.keyboard.press('Control+Z');
  assert.match(text, /\njobs:\n {2}x\n/);
});
