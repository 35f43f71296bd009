/* global document, NodeFilter -- used inside page.evaluate() callbacks (browser) */
// The active editor's text, mixed into Editor (see ../harness.mjs): finding a token on screen,
// clicking or hovering it, and reading the whole text back.
import { STEP_TIMEOUT, escapeRe, waitFor } from './util.mjs';

// (the rename box is a .monaco-editor too, inside the editor)
const ACTIVE_EDITOR = '.editor-group-container.active .monaco-editor:not(.rename-box)';

export class TextHelpers {
  /**
   * Screen coordinates of the `occurrence`-th (0-based) whole-token match of `text` (string, or
   * RegExp) among the visible lines of the active editor: { x, y } of its `at` point
   * ('center', 'start' or 'end'), or null.
   */
  async locate(text, { occurrence = 0, at = 'center' } = {}) {
    // a string matches whole tokens: not inside a longer name ("AWS::S3::Bucket" is not found in
    // "AWS::S3::Buckett"), but a YAML key followed by its colon ("VisibilityTimeout:") is found
    const source = typeof text === 'string' ? `(?<![\\w:-])${escapeRe(text)}(?![\\w-]|:[\\w:])` : text.source;
    return this.page
      .locator(`${ACTIVE_EDITOR} .view-lines`)
      .first()
      .evaluate(
        (root, { source, occurrence, at }) => {
          const re = new RegExp(source, 'g');
          const lines = [...root.querySelectorAll('.view-line')].sort(
            (a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top,
          );
          let seen = 0;
          for (const line of lines) {
            const content = line.textContent.replace(/\u00a0/g, ' ');
            for (const m of content.matchAll(re)) {
              if (seen++ < occurrence) continue;
              // map the character offsets onto text nodes to measure the match on screen
              const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
              let pos = 0;
              const range = document.createRange();
              let startSet = false;
              const start = m.index;
              const end = m.index + m[0].length;
              for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                const len = n.textContent.length;
                if (!startSet && start < pos + len) {
                  range.setStart(n, start - pos);
                  startSet = true;
                }
                if (startSet && end <= pos + len) {
                  range.setEnd(n, end - pos);
                  const r = range.getBoundingClientRect();
                  const x = at === 'start' ? r.left + 1 : at === 'end' ? r.right - 1 : r.left + r.width / 2;
                  return { x, y: r.top + r.height / 2 };
                }
                pos += len;
              }
            }
          }
          return null;
        },
        { source, occurrence, at },
      );
  }

  /** Clicks on a token (see locate()), putting the cursor there; returns the cursor { line, column }. */
  async clickAt(text, options = {}) {
    await this.escape();
    const box = await this.locate(text, options);
    if (!box) throw new Error(`clickAt: ${text} not found among the visible lines of the active editor`);
    const before = await this.cursor().catch(() => undefined);
    await this.page.mouse.click(box.x, box.y);
    // the status bar shows the new position a moment later
    const moved = await waitFor(
      async () => {
        const now = await this.cursor();
        return !before || now.line !== before.line || now.column !== before.column ? now : false;
      },
      { what: 'the cursor to move', timeout: 2000, interval: 100 },
    ).catch(() => undefined);
    return moved ?? this.cursor();
  }

  /**
   * Moves the mouse over the first whole-token occurrence of `text` (string or RegExp) in the
   * active editor and returns the hover's text once it shows. Options: `occurrence` (0-based),
   * `contains` (wait until the hover text contains it).
   */
  async hoverAt(text, { occurrence = 0, contains, timeout = STEP_TIMEOUT / 2 } = {}) {
    const page = this.page;
    await this.escape();
    const box = await this.locate(text, { occurrence });
    if (!box) throw new Error(`hoverAt: ${text} not found among the visible lines of the active editor`);
    await page.mouse.move(box.x - 40, box.y + 200);
    await page.mouse.move(box.x, box.y, { steps: 5 });
    const hover = page
      .locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden) .hover-contents')
      .first();
    let last = '';
    return waitFor(
      async () => {
        if (!(await hover.isVisible().catch(() => false))) {
          // nudge the mouse: Monaco only starts the hover timer on mouse move
          await page.mouse.move(box.x + 1, box.y);
          return false;
        }
        last = (await page.locator('.monaco-hover:not(.hidden)').first().innerText()).trim();
        if (!last) return false;
        return !contains || last.includes(contains) ? last : false;
      },
      { what: `hover at ${text}`, timeout, interval: 400 },
    ).catch((e) => {
      throw new Error(`${e.message}; hover text: ${JSON.stringify(last)}`);
    });
  }

  /**
   * The whole text of the active editor, read off the screen: scrolls through it with the mouse
   * wheel over the line numbers (the cursor does not move) and pairs each line number with its
   * line. Ends scrolled to the top. Fine for the small fixture files (word wrap is off).
   */
  async editorText({ maxSteps = 50 } = {}) {
    const page = this.page;
    const editorRoot = page.locator(ACTIVE_EDITOR).first();
    const box = await editorRoot.boundingBox();
    if (!box) throw new Error('editorText: no active editor');
    // over the line numbers: the wheel scrolls the editor, and no hover shows
    await page.mouse.move(box.x + 15, box.y + Math.min(box.height / 2, 150));
    const read = () =>
      editorRoot.evaluate((root) => {
        const lines = [...root.querySelectorAll('.view-lines .view-line')].map((e) => ({
          top: e.getBoundingClientRect().top,
          text: e.textContent.replace(/\u00a0/g, ' '),
        }));
        const out = [];
        for (const el of root.querySelectorAll('.margin-view-overlays .line-numbers')) {
          const top = el.getBoundingClientRect().top;
          const line = lines.find((l) => Math.abs(l.top - top) < 3);
          const n = Number(el.textContent.trim());
          if (line && n > 0) out.push([n, line.text]);
        }
        return out;
      });
    const byNumber = new Map();
    await page.mouse.wheel(0, -1_000_000);
    await page.waitForTimeout(100);
    for (let step = 0; step < maxSteps; step++) {
      const before = byNumber.size;
      for (const [n, t] of await read()) byNumber.set(n, t);
      if (step > 0 && byNumber.size === before) break;
      await page.mouse.wheel(0, box.height * 0.8);
      await page.waitForTimeout(100);
    }
    await page.mouse.wheel(0, -1_000_000);
    const count = Math.max(0, ...byNumber.keys());
    const out = [];
    for (let n = 1; n <= count; n++) {
      if (!byNumber.has(n)) throw new Error(`editorText: line ${n} was never on screen`);
      out.push(byNumber.get(n));
    }
    return out.join('\n');
  }

  /** Waits until the active editor's text satisfies `predicate(text)`; returns the text. */
  async waitForText(predicate, { what = 'editor text', timeout = 10_000 } = {}) {
    let last = '';
    return waitFor(
      async () => {
        last = await this.editorText();
        return predicate(last) ? last : false;
      },
      { what, timeout, interval: 300 },
    ).catch((e) => {
      throw new Error(`${e.message}; text:\n${last}`);
    });
  }
}
