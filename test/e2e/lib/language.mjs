// Language features as a user reaches them, mixed into Editor (see ../harness.mjs): the suggest
// widget and quick fixes (lightbulb / Ctrl+.).
import { log, waitFor } from './util.mjs';

const SUGGEST = '.editor-group-container.active .editor-widget.suggest-widget.visible';
const ACTIONS = '.action-widget .monaco-list-row.action';

export class LanguageHelpers {
  /** Rows of the visible suggest widget: [{ label, ariaLabel, index, focused }] ([] if it is closed). */
  async suggestions() {
    return this.page
      .locator(`${SUGGEST} .monaco-list-row`)
      .evaluateAll((els) =>
        els
          .map((el) => ({
            label: (el.querySelector('.label-name')?.textContent || '').replace(/\u00a0/g, ' ').trim(),
            ariaLabel: el.getAttribute('aria-label') || '',
            index: Number(el.getAttribute('data-index')),
            // how many rows the whole list has (the widget renders only those in view)
            setSize: Number(el.getAttribute('aria-setsize')) || 0,
            focused: el.classList.contains('focused'),
          }))
          .sort((a, b) => a.index - b.index),
      )
      .catch(() => []);
  }

  /**
   * Every row of the open suggest widget, also those scrolled out of view (the list only
   * renders what shows): pages through it with PageDown, then goes back to the first row.
   */
  async allSuggestions({ maxPages = 20 } = {}) {
    const byIndex = new Map();
    const focusedIndex = (rows) => rows.find((r) => r.focused)?.index ?? -1;
    for (let i = 0; i < maxPages; i++) {
      const rows = await this.suggestions();
      for (const r of rows) byIndex.set(r.index, r);
      const total = rows[0]?.setSize ?? 0;
      const focused = focusedIndex(rows);
      if (!rows.length || byIndex.size >= total || focused >= total - 1) break;
      await this.page.keyboard.press('PageDown');
      // the widget moves the selection a page down (or to the last row) and renders those rows
      await waitFor(async () => focusedIndex(await this.suggestions()) > focused, {
        what: 'the suggest widget to page down',
        timeout: 5000,
        interval: 50,
      });
    }
    for (let i = 0; i < maxPages; i++) await this.page.keyboard.press('PageUp');
    return [...byIndex.values()].sort((a, b) => a.index - b.index).map((r) => ({ ...r, focused: false }));
  }

  /**
   * Waits for the suggest widget to list a row labelled `label` (string: exact, or RegExp) and
   * returns all rows. If the widget has not opened by itself after `autoWait` ms (typing
   * triggers it), it is invoked with Ctrl+Space; so is it once more if the row is still missing.
   */
  async waitForSuggestion(label, { timeout = 15_000, autoWait = 2500 } = {}) {
    const test = typeof label === 'string' ? (t) => t === label : (t) => label.test(t);
    const start = Date.now();
    let invoked = 0;
    let rows = [];
    return waitFor(
      async () => {
        rows = await this.suggestions();
        if (rows.some((r) => test(r.label))) return rows;
        const waited = Date.now() - start;
        if ((invoked === 0 && waited > autoWait) || (invoked === 1 && waited > autoWait * 2.5)) {
          invoked += 1;
          log(`suggest: no "${label}" after ${waited} ms; invoking with Ctrl+Space`);
          await this.page.keyboard.press('Control+Space');
        }
        return false;
      },
      { what: `suggestion ${label}`, timeout, interval: 200 },
    ).catch((e) => {
      throw new Error(`${e.message}; suggest widget: ${JSON.stringify(rows.map((r) => r.label))}`);
    });
  }

  /** Selects the suggestion `label` (see waitForSuggestion) with the arrow keys; the widget stays open. */
  async selectSuggestion(label, options = {}) {
    const test = typeof label === 'string' ? (t) => t === label : (t) => label.test(t);
    await this.waitForSuggestion(label, options);
    await waitFor(
      async () => {
        const rows = await this.suggestions();
        const target = rows.find((r) => test(r.label));
        const focused = rows.find((r) => r.focused);
        if (!target) return false;
        if (focused && focused.index === target.index) return true;
        const from = focused ? focused.index : 0;
        const key = target.index > from ? 'ArrowDown' : 'ArrowUp';
        for (let i = 0; i < Math.abs(target.index - from); i++) await this.page.keyboard.press(key);
        return false; // checked again at the next poll
      },
      { what: `suggestion ${label} selected`, timeout: 5000, interval: 100 },
    );
  }

  /** Selects the suggestion `label` (see selectSuggestion) and accepts it with Enter. */
  async acceptSuggestion(label, options = {}) {
    await this.selectSuggestion(label, options);
    await this.page.keyboard.press('Enter');
    await this.page
      .locator(SUGGEST)
      .waitFor({ state: 'hidden', timeout: 5000 })
      .catch(() => {});
  }

  /** Whether the lightbulb shows in the active editor (on the cursor's line). */
  async lightBulbVisible() {
    return this.page
      .locator('.editor-group-container.active .lightBulbWidget')
      .first()
      .isVisible()
      .catch(() => false);
  }

  /**
   * Opens the code action menu at the cursor, by clicking the lightbulb when it shows (else
   * with Ctrl+.), and returns the titles offered; the menu stays open. Retries while the
   * server's answer is not there yet.
   */
  async codeActions({ timeout = 15_000, via = 'lightbulb' } = {}) {
    const page = this.page;
    let titles = [];
    return waitFor(
      async () => {
        if (
          !(await page
            .locator(ACTIONS)
            .first()
            .isVisible()
            .catch(() => false))
        ) {
          await page.keyboard.press('Escape');
          if (via === 'lightbulb' && (await this.lightBulbVisible())) {
            await page.locator('.editor-group-container.active .lightBulbWidget').first().click();
          } else {
            await page.keyboard.press('Control+.');
          }
          await page
            .locator(ACTIONS)
            .first()
            .waitFor({ state: 'visible', timeout: 2500 })
            .catch(() => {});
        }
        titles = await page
          .locator(`${ACTIONS} .title`)
          .evaluateAll((els) => els.map((e) => e.textContent.trim()))
          .catch(() => []);
        return titles.length ? titles : false;
      },
      { what: 'code actions', timeout, interval: 500 },
    ).catch((e) => {
      throw new Error(`${e.message}; offered: ${JSON.stringify(titles)}`);
    });
  }

  /** Opens the code action menu (see codeActions) and applies the action titled `title`. */
  async applyCodeAction(title, options = {}) {
    const titles = await this.codeActions(options);
    if (!titles.includes(title)) {
      await this.escape();
      throw new Error(`code action "${title}" not offered; offered: ${JSON.stringify(titles)}`);
    }
    await this.page.locator(ACTIONS).filter({ hasText: title }).first().click();
    await this.page
      .locator(ACTIONS)
      .first()
      .waitFor({ state: 'hidden', timeout: 5000 })
      .catch(() => {});
  }
}
