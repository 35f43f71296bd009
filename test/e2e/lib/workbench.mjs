// Workbench helpers mixed into Editor (see ../harness.mjs): notifications, Quick Open, the
// Command Palette, the status bar and the cursor position.
import path from 'node:path';

import { STEP_TIMEOUT, escapeRe, log, sleep, waitFor } from './util.mjs';

export class WorkbenchHelpers {
  /** Closes all toasts (they cover the status bar and the bottom panel). */
  async dismissNotifications() {
    const page = this.page;
    for (let i = 0; i < 10; i++) {
      const close = page.locator(
        '.notification-toast .codicon-notifications-clear, .notification-toast .codicon-close',
      );
      if ((await close.count()) === 0) break;
      await close
        .first()
        .click({ timeout: 2000 })
        .catch(() => {});
    }
  }

  /** Presses Escape a few times: closes quick input, hover, find widget, suggest. */
  async escape(times = 2) {
    for (let i = 0; i < times; i++) await this.page.keyboard.press('Escape');
  }

  /**
   * Opens the quick input with `key` (Ctrl+P: Quick Open, F1: Command Palette), types
   * `value` and waits for a row whose label is `label` (string: exact, or RegExp) to be the
   * active (focused) row. Returns false if that did not happen within `timeout`.
   */
  async _quickPick(key, value, label, { timeout = 15_000 } = {}) {
    const page = this.page;
    await this.escape();
    const widget = page.locator('.quick-input-widget');
    const input = widget.locator('input').first();
    await page.keyboard.press(key);
    if (
      !(await input.waitFor({ state: 'visible', timeout: 5000 }).then(
        () => true,
        () => false,
      ))
    )
      return false;
    await input.fill(value);
    const test = typeof label === 'string' ? (t) => t === label : (t) => label.test(t);
    const end = Date.now() + timeout;
    while (Date.now() < end) {
      const rows = await widget
        .locator('.quick-input-list .monaco-list-row')
        .evaluateAll((els) =>
          els.map((el) => ({
            label: (el.querySelector('.label-name')?.textContent || '').replace(/\u00a0/g, ' ').trim(),
            focused: el.classList.contains('focused'),
          })),
        )
        .catch(() => []);
      // never accept while the picker is still searching (its progress bar is showing)
      const busy = await widget
        .locator('.quick-input-progress .progress-bit')
        .isVisible()
        .catch(() => false);
      this._lastPicks = rows;
      if (!busy && rows.length && rows.some((r) => r.focused && test(r.label))) return true;
      if (
        !busy &&
        rows.length &&
        !rows.some((r) => r.focused && test(r.label)) &&
        rows.some((r) => test(r.label))
      ) {
        // the wanted row is there but not active: move the selection onto it
        const idx = rows.findIndex((r) => test(r.label));
        const cur = Math.max(
          0,
          rows.findIndex((r) => r.focused),
        );
        for (let i = cur; i < idx; i++) await page.keyboard.press('ArrowDown');
        for (let i = cur; i > idx; i--) await page.keyboard.press('ArrowUp');
      }
      await sleep(200);
    }
    return false;
  }

  /** Opens a workspace file through Quick Open (Ctrl+P) and waits until its editor is active. */
  async openFile(name, { attempts = 3 } = {}) {
    const page = this.page;
    const base = path.basename(name);
    const activeTab = () =>
      page
        .locator('.editor-group-container.active .tabs-container .tab.active')
        // (a tab's innerText splits "template" and ".yaml" onto two lines: use textContent)
        .evaluateAll((els, b) => els.some((el) => el.textContent.includes(b)), base)
        .catch(() => false);
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (await this._quickPick('Control+P', name, base)) {
        await page.keyboard.press('Enter');
        const opened = await waitFor(activeTab, { what: `active editor tab ${base}`, timeout: 10_000 }).catch(
          () => false,
        );
        if (opened) {
          await page
            .locator('.editor-group-container.active .monaco-editor .view-lines .view-line')
            .first()
            .waitFor({ state: 'visible', timeout: STEP_TIMEOUT / 2 });
          await waitFor(() => page.locator('.editor-group-container.active .monaco-editor.focused').count(), {
            what: `editor focus for ${name}`,
            timeout: 5000,
          }).catch(() => {});
          return;
        }
      }
      log(`openFile(${name}): attempt ${attempt} failed; picks: ${JSON.stringify(this._lastPicks)}`);
    }
    throw new Error(
      `openFile(${name}): no editor tab after ${attempts} attempts; last picks: ${JSON.stringify(this._lastPicks)}`,
    );
  }

  /** Runs a command from the Command Palette (F1) by its exact title, e.g. "View: Toggle Word Wrap". */
  async runCommand(title, { attempts = 2 } = {}) {
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (await this._quickPick('F1', `>${title}`, title)) {
        await this.page.keyboard.press('Enter');
        await this.page
          .locator('.quick-input-widget input')
          .first()
          .waitFor({ state: 'hidden', timeout: 10_000 })
          .catch(() => {});
        return;
      }
    }
    throw new Error(
      `runCommand: "${title}" not found in the Command Palette; it shows ${JSON.stringify(this._lastPicks?.slice(0, 10))}`,
    );
  }

  /** Texts of all visible status bar entries. */
  async statusBarItems() {
    return this.page.locator('#workbench\\.parts\\.statusbar .statusbar-item').evaluateAll((els) =>
      els
        .filter((el) => el.offsetParent !== null)
        .map((el) => ({
          id: el.id,
          text: el.innerText.trim(),
          ariaLabel: (
            el.getAttribute('aria-label') ||
            el.querySelector('[aria-label]')?.getAttribute('aria-label') ||
            ''
          ).trim(),
        })),
    );
  }

  /** Waits until a status bar entry's text or aria-label matches `pattern` (string or RegExp); returns it. */
  async waitForStatusBar(pattern, { timeout = STEP_TIMEOUT } = {}) {
    const re = typeof pattern === 'string' ? new RegExp(escapeRe(pattern)) : pattern;
    let items = [];
    return waitFor(
      async () => {
        items = await this.statusBarItems();
        return items.find((i) => re.test(i.text) || re.test(i.ariaLabel));
      },
      { what: `status bar entry ${re}`, timeout },
    ).catch((e) => {
      throw new Error(`${e.message}; status bar: ${JSON.stringify(items.map((i) => i.text || i.ariaLabel))}`);
    });
  }

  /** The cursor of the active editor, from the status bar ("Ln 5, Col 3"): { line, column }, 1-based. */
  async cursor() {
    const item = await this.waitForStatusBar(/^Ln \d+, Col \d+/, { timeout: 5000 });
    const m = /^Ln (\d+), Col (\d+)/.exec(item.text || item.ariaLabel);
    return { line: Number(m[1]), column: Number(m[2]) };
  }

  /** Waits until the cursor is at `line` (and `column`, if given); returns the position. */
  async waitForCursor(line, column, { timeout = 10_000 } = {}) {
    let last;
    return waitFor(
      async () => {
        last = await this.cursor();
        return last.line === line && (column === undefined || last.column === column) ? last : false;
      },
      { what: `cursor at ${line}:${column ?? '*'}`, timeout },
    ).catch((e) => {
      throw new Error(`${e.message}; cursor is at ${JSON.stringify(last)}`);
    });
  }

  /** Moves the cursor of the active editor to `line`:`column` (1-based) with Go to Line (Ctrl+G). */
  async goTo(line, column = 1, { attempts = 3 } = {}) {
    const page = this.page;
    const input = page.locator('.quick-input-widget input').first();
    for (let attempt = 1; attempt <= attempts; attempt++) {
      await this.escape();
      await page.keyboard.press('Control+G');
      if (
        await input.waitFor({ state: 'visible', timeout: 5000 }).then(
          () => true,
          () => false,
        )
      ) {
        await input.fill(`:${line}:${column}`);
        await sleep(150);
        await page.keyboard.press('Enter');
        const at = await this.waitForCursor(line, column, { timeout: 5000 }).catch(() => false);
        if (at) return at;
      }
      log(`goTo(${line}, ${column}): attempt ${attempt} failed`);
    }
    throw new Error(`goTo(${line}, ${column}): the cursor did not get there`);
  }

  /** Hides the bottom panel (Problems, Output, ...) if it is showing. */
  async hidePanel() {
    const panel = this.page.locator('#workbench\\.parts\\.panel');
    if (!(await panel.isVisible().catch(() => false))) return;
    await this.runCommand('View: Hide Panel').catch(() => {});
    await panel.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
  }
}
