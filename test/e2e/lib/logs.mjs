// Logs and screenshots, mixed into Editor (see ../harness.mjs): the remote extension host's
// log (activation checks), saving all logs after a run, PNGs of the window.
import { mkdirSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { EXTENSION_ID, SCREENSHOT_DIR } from './config.mjs';
import { STEP_TIMEOUT, escapeRe, slug, waitFor } from './util.mjs';

export class LogHelpers {
  /**
   * Saves a PNG of the whole window as <dir>/<slug of name>.png (default dir:
   * test/e2e/screenshots); returns the path.
   */
  async screenshot(name, { dir = SCREENSHOT_DIR } = {}) {
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${slug(name)}.png`);
    await this.page.screenshot({ path: file, timeout: 15_000 });
    return file;
  }

  /** Contents of code-server's extension host logs (remote side), for activation checks. */
  async extensionHostLog() {
    const logs = path.join(this.paths.userData, 'logs');
    const out = [];
    const walk = async (d) => {
      for (const e of await readdir(d, { withFileTypes: true }).catch(() => [])) {
        const f = path.join(d, e.name);
        if (e.isDirectory()) await walk(f);
        else if (/exthost/i.test(f) && f.endsWith('.log')) out.push(await readFile(f, 'utf8'));
      }
    };
    await walk(logs);
    return out.join('\n');
  }

  /**
   * Waits until the extension host has activated `id` (default: the extension under test,
   * E2E_EXTENSION_ID); throws with the log's error lines if activation failed.
   */
  async waitForActivation(id = EXTENSION_ID, { timeout = STEP_TIMEOUT } = {}) {
    const activated = new RegExp(`_doActivateExtension ${escapeRe(id)}\\b`, 'i');
    const failed = new RegExp(`Activating extension ${escapeRe(id)} failed`, 'i');
    let logText = '';
    return waitFor(
      async () => {
        logText = await this.extensionHostLog();
        if (failed.test(logText)) {
          const errors = logText.split('\n').filter((l) => /\[error\]/.test(l));
          throw Object.assign(new Error(`activation of ${id} failed:\n${errors.join('\n')}`), {
            fatal: true,
          });
        }
        return logText.split('\n').find((l) => activated.test(l));
      },
      { what: `activation of ${id}`, timeout, interval: 500 },
    ).catch((e) => {
      throw new Error(
        `${e.message}\n--- extension host log (errors) ---\n${logText
          .split('\n')
          .filter((l) => /error|activat/i.test(l))
          .join('\n')}`,
      );
    });
  }

  /** Writes code-server's output, the browser console and the extension host logs into `dir`. */
  async saveLogs(dir = SCREENSHOT_DIR) {
    mkdirSync(dir, { recursive: true });
    await writeFile(path.join(dir, 'code-server.log'), this.serverLog);
    await writeFile(path.join(dir, 'browser-console.log'), this.consoleLog.join('\n'));
    if (this.tmp) await writeFile(path.join(dir, 'exthost.log'), await this.extensionHostLog());
  }
}
