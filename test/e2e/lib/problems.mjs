// The Problems panel, mixed into Editor (see ../harness.mjs).
import { STEP_TIMEOUT, waitFor } from './util.mjs';

const FILTER =
  '.markers-panel-container input[aria-label="Filter Problems"], .part.panel input[aria-label="Filter Problems"]';

export class ProblemsHelpers {
  /** Shows the Problems panel (View: Focus Problems). */
  async showProblems() {
    const panel = this.page.locator('.markers-panel');
    if (await panel.isVisible().catch(() => false)) return;
    await this.page.keyboard.press('Control+Shift+M');
    await panel.waitFor({ state: 'visible', timeout: 5000 }).catch(async () => {
      await this.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
      await panel.waitFor({ state: 'visible', timeout: STEP_TIMEOUT / 2 });
    });
  }

  /**
   * Rows of the Problems panel: [{ text, ariaLabel, kind: 'file'|'marker', file }]. `file` is
   * the file row's name ("appspec.yaml") on the file row and on the markers under it.
   */
  async problems() {
    await this.showProblems();
    const rows = await this.page.locator('.markers-panel .monaco-list-row').evaluateAll((els) =>
      els
        .map((el) => ({
          top: el.getBoundingClientRect().top,
          text: el.innerText.replace(/\s+/g, ' ').trim(),
          ariaLabel: (el.getAttribute('aria-label') || '').trim(),
          kind: el.querySelector('.marker-message-details, .marker-icon, .marker-message')
            ? 'marker'
            : 'file',
        }))
        .sort((a, b) => a.top - b.top),
    );
    let file;
    return rows.map(({ text, ariaLabel, kind }) => {
      if (kind === 'file') file = /problems? in file (.+?) of folder /.exec(ariaLabel)?.[1] ?? text;
      return { text, ariaLabel, kind, file };
    });
  }

  /**
   * Types `text` into the Problems panel's filter box ('' clears it). A glob like
   * `**\/appspec.yaml` keeps one file's problems.
   */
  async filterProblems(text) {
    await this.showProblems();
    const input = this.page.locator(FILTER).first();
    await input.fill(text);
    // the panel applies the filter after a short delay
    await waitFor(async () => (await input.inputValue()) === text, {
      what: 'problems filter',
      timeout: 5000,
    });
    await this.page.waitForTimeout(400);
  }

  /**
   * Opens the Problems panel and waits until `predicate(markers)` is truthy (default: at
   * least one marker). `markers` are the non-file rows; returns them. With `file` (a path
   * relative to the workspace, e.g. 'bad/appspec.yaml'), only that file's markers count: the
   * panel is filtered to it meanwhile, so long lists of other files do not hide them.
   */
  async waitForProblems(predicate = (ms) => ms.length > 0, { timeout = STEP_TIMEOUT, file } = {}) {
    let markers = [];
    const base = file && file.split('/').pop();
    if (file) await this.filterProblems(`**/${file}`);
    try {
      return await waitFor(
        async () => {
          markers = (await this.problems()).filter((r) => r.kind === 'marker' && (!base || r.file === base));
          return predicate(markers) ? markers : false;
        },
        { what: file ? `problems of ${file}` : 'problems', timeout, interval: 500 },
      );
    } catch (e) {
      throw new Error(`${e.message}; Problems panel: ${JSON.stringify(markers, null, 1)}`);
    } finally {
      if (file) await this.filterProblems('').catch(() => {});
    }
  }
}
