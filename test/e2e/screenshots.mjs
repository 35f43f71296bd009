#!/usr/bin/env node
/* global document -- used inside page.evaluate() callbacks (browser) */
// Takes the README's screenshots in the real editor (code-server + chromium, like the e2e
// tests) and writes them to docs/images/:
//
//   problems.png       the Problems panel with CloudFormation diagnostics beside the template
//   hover-notes.png    a hover with the property's documentation and "From your notes"
//   completion.png     completion of a resource's properties, with the details open
//   notes-sidebar.png  the Notes sidebar, with a note opened from it
//
//   node test/e2e/screenshots.mjs [path/to/extension.vsix]     (default aws-dev-notes.vsix)
//
// Prerequisites as for the e2e tests (test/e2e/README.md): setup.sh, a build and the VSIX.
// The workspace is test/e2e/screenshot-workspace/ (a template with three mistakes).

import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { REPO, editor, sleep, waitFor } from './harness.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(REPO, 'docs', 'images');
const VIEWPORT = { width: 1280, height: 800 };
const FILE = 'template.yaml';

const argv = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const vsix = path.resolve(REPO, argv[0] || process.env.E2E_VSIX || 'aws-dev-notes.vsix');

const watchdog = setTimeout(() => {
  console.error('[screenshots] took longer than 5 minutes; giving up');
  editor._killSync();
  process.exit(1);
}, 5 * 60_000);
watchdog.unref();

const page = () => editor.page;

/** Moves the mouse out of the way (no hover, no tooltips) and saves docs/images/<name>.png. */
async function shot(name) {
  await page().mouse.move(VIEWPORT.width - 5, VIEWPORT.height / 2);
  await sleep(300);
  await editor.dismissNotifications();
  const file = await editor.screenshot(name, { dir: OUT });
  console.error(`[screenshots] ${path.relative(REPO, file)}`);
}

async function sidebarVisible() {
  return page()
    .locator('#workbench\\.parts\\.sidebar')
    .isVisible()
    .catch(() => false);
}

async function showSidebar(show) {
  if ((await sidebarVisible()) !== show) await editor.runCommand('View: Toggle Primary Side Bar Visibility');
  await waitFor(async () => (await sidebarVisible()) === show, { what: 'the side bar', timeout: 5000 });
}

/** Drags the sash above the bottom panel so that the panel is `height` px tall. */
async function resizePanel(height) {
  const panel = await page().locator('#workbench\\.parts\\.panel').boundingBox();
  if (!panel) return;
  const sashes = await page()
    .locator('.monaco-sash.horizontal')
    .evaluateAll((els) =>
      els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height })),
    );
  const sash = sashes.find((r) => r.w > 100 && Math.abs(r.y + r.h / 2 - panel.y) < 6);
  if (!sash) return;
  const x = sash.x + sash.w / 2;
  await page().mouse.move(x, sash.y + sash.h / 2);
  await page().mouse.down();
  await page().mouse.move(x, panel.y + panel.height - height, { steps: 5 });
  await page().mouse.up();
}

/** The number of the first line fully shown in the active editor. */
async function firstVisibleLine() {
  return page()
    .locator('.editor-group-container.active .monaco-editor')
    .first()
    .evaluate((root) => {
      const top = root.querySelector('.overflow-guard').getBoundingClientRect().top;
      const nums = [...root.querySelectorAll('.margin-view-overlays .line-numbers')]
        .filter((e) => e.getBoundingClientRect().top >= top - 1)
        .map((e) => Number(e.textContent.trim()))
        .filter((n) => n > 0);
      return Math.min(...nums);
    });
}

/**
 * Scrolls the active editor line by line (Ctrl+Up / Ctrl+Down: the cursor stays) until
 * `line` is the first line shown.
 */
async function scrollTo(line) {
  for (let i = 0; i < 5; i++) {
    const first = await firstVisibleLine();
    if (first === line) return;
    const key = first < line ? 'Control+ArrowDown' : 'Control+ArrowUp';
    for (let n = 0; n < Math.abs(line - first); n++) await page().keyboard.press(key);
    await sleep(200);
  }
}

/** Drags the sash right of the primary side bar so that the side bar is `width` px wide. */
async function resizeSidebar(width) {
  const bar = await page().locator('#workbench\\.parts\\.sidebar').boundingBox();
  if (!bar) return;
  const sashes = await page()
    .locator('.monaco-sash.vertical')
    .evaluateAll((els) =>
      els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height })),
    );
  const edge = bar.x + bar.width;
  const sash = sashes.find((r) => r.h > 200 && Math.abs(r.x + r.w / 2 - edge) < 6);
  if (!sash) return;
  const y = sash.y + sash.h / 2;
  await page().mouse.move(sash.x + sash.w / 2, y);
  await page().mouse.down();
  await page().mouse.move(bar.x + width, y, { steps: 5 });
  await page().mouse.up();
}

async function problemsShot() {
  await editor.openFile(FILE);
  await editor.waitForActivation();
  await editor.waitForStatusBar(/CloudFormation/);
  await showSidebar(false);
  await editor.waitForProblems((ms) => ms.length === 3);
  await resizePanel(150);
  // the mistakes (lines 21, 32, 35) on screen above the panel
  await editor.goTo(21, 11);
  await scrollTo(13);
  await shot('problems');
}

async function hoverShot() {
  await editor.openFile(FILE);
  await editor.hidePanel();
  await editor.goTo(1, 1);
  await scrollTo(14); // the hover opens below line 15, with room to show all of it
  await editor.hoverAt('VisibilityTimeout', { contains: 'From your notes' });
  await sleep(500); // let the hover finish its layout
  // The hover is resizable: drag its lower edge down until all of it shows.
  const hover = page().locator('.monaco-hover:not(.hidden)').first();
  const box = await hover.boundingBox();
  const full = await hover.evaluate((h) => h.querySelector('.monaco-hover-content')?.scrollHeight ?? 0);
  const editorBox = await page()
    .locator('.editor-group-container.active .monaco-editor')
    .first()
    .boundingBox();
  const sash = await page()
    .locator('.monaco-resizable-hover .monaco-sash.orthogonal-edge-south')
    .first()
    .boundingBox();
  if (sash && full > box.height) {
    const x = sash.x + sash.width / 2;
    const y = sash.y + sash.height / 2;
    await page().mouse.move(x, y - 20, { steps: 3 });
    await page().mouse.move(x, y, { steps: 2 });
    await page().mouse.down();
    await page().mouse.move(x, Math.min(box.y + full + 4, editorBox.y + editorBox.height - 8), { steps: 8 });
    await page().mouse.up();
  }
  // rest the mouse inside the hover (it is sticky), away from its edges
  await page().mouse.move(box.x + box.width - 40, box.y + 30, { steps: 3 });
  await sleep(500);
  if (!(await hover.isVisible())) throw new Error('the hover closed');
  const file = await editor.screenshot('hover-notes', { dir: OUT });
  console.error(`[screenshots] ${path.relative(REPO, file)}`);
  await editor.escape();
}

async function completionShot() {
  await editor.openFile(FILE);
  await editor.goTo(15, 1); // "      VisibilityTimeout: 90"
  await page().keyboard.press('End');
  await page().keyboard.press('Enter');
  await page().keyboard.press('Control+Space');
  await editor.waitForSuggestion('MessageRetentionPeriod');
  const details = page().locator('.suggest-details-container .suggest-details').first();
  await waitFor(
    async () => {
      if (await details.isVisible().catch(() => false)) return true;
      await page().keyboard.press('Control+Space'); // "read more": the details beside the list
      await sleep(500);
      return false;
    },
    { what: 'the suggestion details', timeout: 10_000 },
  );
  await editor.selectSuggestion('MessageRetentionPeriod');
  await sleep(500);
  const file = await editor.screenshot('completion', { dir: OUT });
  console.error(`[screenshots] ${path.relative(REPO, file)}`);
  await editor.escape();
  await page().keyboard.press('Control+Z');
}

async function notesShot() {
  await editor.openFile(FILE);
  // fix the misspelt type first (a quick fix), so the notes are matched to real types only
  await editor.goTo(21, 12);
  await editor.applyCodeAction("Change to 'AWS::SQS::Queue'");
  await editor.waitForProblems((ms) => ms.length === 2);
  await editor.hidePanel();
  await page().locator('.activitybar .action-item a[aria-label^="AWS Dev Notes"]').first().click();
  await showSidebar(true);
  await resizeSidebar(440);
  const rows = page().locator('.pane-body .monaco-list-row');
  await waitFor(
    async () => (await rows.allTextContents()).some((t) => t.trim().startsWith('Notes for this file')),
    { what: 'the notes tree', timeout: 30_000 },
  );
  await rows.filter({ hasText: 'A. SQS' }).first().click();
  // the note opens in the Markdown preview (a webview), scrolled to its heading
  await waitFor(
    async () => {
      for (const frame of page().frames()) {
        const found = await frame
          .evaluate(() => Boolean(document.getElementById('a-sqs')))
          .catch(() => false);
        if (found) return true;
      }
      return false;
    },
    { what: 'the note preview', timeout: 30_000 },
  );
  await sleep(1000);
  await shot('notes-sidebar');
}

let failed = false;
try {
  await editor.start({
    vsix,
    workspace: path.join(HERE, 'screenshot-workspace'),
    viewport: VIEWPORT,
    // cleaner pictures: no sticky scroll header; hovers open below the line
    userSettings: { 'editor.stickyScroll.enabled': false, 'editor.hover.above': false },
  });
  await problemsShot();
  await hoverShot();
  await completionShot();
  await notesShot();
} catch (e) {
  failed = true;
  console.error(`[screenshots] failed: ${e.stack || e}`);
  await editor.screenshot('screenshots-failure').catch(() => {});
} finally {
  await editor.stop();
  clearTimeout(watchdog);
}
process.exit(failed ? 1 : 0);
