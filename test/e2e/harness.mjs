/* global document, NodeFilter, fetch, AbortSignal -- document/NodeFilter are used inside page.evaluate() callbacks (browser) */
// Real-editor harness: code-server (VS Code in the browser) + Debian's chromium driven by
// playwright-core. Fully offline. Used by test/e2e/run.mjs; see test/e2e/README.md.
//
// Everything this module starts lives under one mkdtemp() folder (config, user data,
// extensions, workspace copy, browser profile), and every process it starts is killed in
// stop(), on SIGINT/SIGTERM and on exit, also when a step fails or times out.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(HERE, '..', '..');
export const SCREENSHOT_DIR = path.join(HERE, 'screenshots');
export const WORKSPACE_TEMPLATE = path.join(HERE, 'workspace');

/** Upper bound for any single wait in the harness (ms). */
export const STEP_TIMEOUT = Number(process.env.E2E_STEP_TIMEOUT_MS || 60_000);

const CACHE = process.env.E2E_CACHE_DIR || path.join(REPO, '.e2e-cache');
const NODE24 = process.env.E2E_NODE || path.join(CACHE, 'node', 'bin', 'node');
const CODE_SERVER_ENTRY =
  process.env.E2E_CODE_SERVER_ENTRY ||
  path.join(CACHE, 'code-server', 'lib', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
const EXTENSION_ID = process.env.E2E_EXTENSION_ID || 'aws-dev-notes.aws-dev-notes';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** User settings written to <user-data-dir>/User/settings.json. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'npm.fetchOnlinePackageInfo': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'files.autoSave': 'off',
  'editor.minimap.enabled': false,
  'editor.hover.delay': 200,
  'editor.hover.sticky': true,
  'editor.accessibilitySupport': 'off',
  'workbench.editor.enablePreview': false,
  'window.restoreWindows': 'none',
  'problems.decorations.enabled': true,
  'json.schemaDownload.enable': false,
  'yaml.schemaStore.enable': false,
};

const log = (...a) => {
  if (process.env.E2E_QUIET !== '1') console.error('[e2e]', ...a);
};

/** Rejects after `ms` with a message naming the step. */
export async function withTimeout(promise, ms, what) {
  let timer;
  const t = new Promise((_, rej) => {
    timer = setTimeout(() => rej(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, t]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Polls `fn` until it returns a truthy value (returned) or `timeout` ms pass (throws).
 * Errors thrown by `fn` count as "not yet", except those with `fatal: true`.
 */
export async function waitFor(fn, { timeout = STEP_TIMEOUT, interval = 250, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  let lastErr;
  while (Date.now() < end) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      if (e && e.fatal) throw e;
      lastErr = e;
    }
    await sleep(interval);
  }
  const detail = lastErr
    ? ` (last error: ${lastErr.message})`
    : last !== undefined
      ? ` (last value: ${JSON.stringify(last)})`
      : '';
  throw new Error(`timed out after ${timeout} ms waiting for ${what}${detail}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Runs a command to completion with a hard timeout; returns { code, stdout, stderr }. */
function run(cmd, args, { env, timeout = STEP_TIMEOUT } = {}) {
  const r = spawnSync(cmd, args, { env, timeout, encoding: 'utf8', killSignal: 'SIGKILL' });
  if (r.error) throw new Error(`${path.basename(cmd)} ${args.join(' ')}: ${r.error.message}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** pids of processes whose command line contains `marker` (our unique temp dir). */
function pidsWithMarker(marker) {
  const pids = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d) || Number(d) === process.pid) continue;
    try {
      const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8');
      if (cmd.includes(marker)) pids.push(Number(d));
    } catch {
      /* gone */
    }
  }
  return pids;
}

function killPids(pids, signal) {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

export class Editor {
  constructor() {
    this.tmp = undefined;
    this.port = undefined;
    this.server = undefined;
    this.context = undefined;
    this.page = undefined;
    this.serverLog = '';
    this.consoleLog = [];
    this._onExit = () => this._killSync();
    this._onSignal = (sig) => {
      this._killSync();
      process.exit(sig === 'SIGINT' ? 130 : 143);
    };
  }

  get paths() {
    const t = this.tmp;
    return {
      root: t,
      config: path.join(t, 'config.yaml'),
      userData: path.join(t, 'user-data'),
      extensions: path.join(t, 'extensions'),
      workspace: path.join(t, 'workspace'),
      browserProfile: path.join(t, 'chromium-profile'),
      xdg: path.join(t, 'xdg'),
      scratch: path.join(t, 'tmp'),
    };
  }

  _env() {
    const p = this.paths;
    return {
      ...process.env,
      PATH: `${path.dirname(NODE24)}:${process.env.PATH}`,
      XDG_CONFIG_HOME: path.join(p.xdg, 'config'),
      XDG_DATA_HOME: path.join(p.xdg, 'data'),
      XDG_CACHE_HOME: path.join(p.xdg, 'cache'),
      // code-server's IPC sockets and chromium's scratch dirs go here, not into /tmp
      TMPDIR: p.scratch,
      // keep code-server from reading a password or port from the caller's environment
      PASSWORD: '',
      HASHED_PASSWORD: '',
      PORT: '',
      VSCODE_PROXY_URI: '',
      // no extension gallery (code-server defaults to open-vsx.org): offline, and nothing to
      // query or auto-update
      EXTENSIONS_GALLERY: '{}',
    };
  }

  _csArgs() {
    const p = this.paths;
    return [
      CODE_SERVER_ENTRY,
      '--config',
      p.config,
      '--user-data-dir',
      p.userData,
      '--extensions-dir',
      p.extensions,
    ];
  }

  /** Creates the temp folders, installs the VSIX, starts code-server and the browser. */
  async start({ vsix }) {
    for (const [what, f] of [
      ['Node 24 (run scripts/e2e/setup.sh)', NODE24],
      ['code-server (run scripts/e2e/setup.sh)', CODE_SERVER_ENTRY],
      ['chromium (run scripts/e2e/setup.sh)', CHROMIUM],
      ['VSIX (build it with `npx vsce package --no-dependencies -o aws-dev-notes.vsix`)', vsix],
    ]) {
      if (!existsSync(f)) throw new Error(`missing ${what}: ${f}`);
    }
    process.once('exit', this._onExit);
    process.once('SIGINT', this._onSignal);
    process.once('SIGTERM', this._onSignal);

    this.tmp = mkdtempSync(path.join(os.tmpdir(), 'aws-dev-notes-e2e-'));
    const p = this.paths;
    for (const d of [
      p.userData,
      p.extensions,
      p.browserProfile,
      path.join(p.userData, 'User'),
      p.xdg,
      p.scratch,
    ]) {
      mkdirSync(d, { recursive: true });
    }
    await writeFile(p.config, 'auth: none\ncert: false\n');
    await writeFile(path.join(p.userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
    await cp(WORKSPACE_TEMPLATE, p.workspace, { recursive: true });
    log('temp dir', this.tmp);

    await this._installVsix(vsix);
    await this._startServer();
    await this._startBrowser();
    await this._openWorkbench();
  }

  async _installVsix(vsix) {
    const t0 = Date.now();
    const r = run(NODE24, [...this._csArgs(), '--install-extension', path.resolve(vsix), '--force'], {
      env: this._env(),
    });
    const out = `${r.stdout}\n${r.stderr}`;
    if (r.code !== 0 || !/successfully installed/i.test(out)) {
      throw new Error(`installing ${vsix} failed (exit ${r.code}):\n${out}`);
    }
    const list = run(NODE24, [...this._csArgs(), '--list-extensions', '--show-versions'], {
      env: this._env(),
    });
    this.installedExtensions = list.stdout.split('\n').filter((l) => l.includes('@'));
    log(`installed ${path.basename(vsix)} in ${Date.now() - t0} ms:`, this.installedExtensions.join(', '));
    if (!this.installedExtensions.some((l) => l.toLowerCase().startsWith(`${EXTENSION_ID.toLowerCase()}@`))) {
      throw new Error(`extension ${EXTENSION_ID} not listed after install: ${list.stdout}`);
    }
  }

  async _startServer() {
    const t0 = Date.now();
    this.port = await freePort();
    const args = [
      ...this._csArgs(),
      '--bind-addr',
      `127.0.0.1:${this.port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
    ];
    this.server = spawn(NODE24, args, {
      env: this._env(),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const append = (b) => {
      this.serverLog += b.toString();
      if (this.serverLog.length > 200_000) this.serverLog = this.serverLog.slice(-100_000);
    };
    this.server.stdout.on('data', append);
    this.server.stderr.on('data', append);
    let exited = null;
    this.server.once('exit', (code, sig) => {
      exited = { code, sig };
    });
    await waitFor(
      async () => {
        if (exited) {
          throw Object.assign(new Error(`code-server exited early (${JSON.stringify(exited)})`), {
            fatal: true,
          });
        }
        const res = await fetch(`http://127.0.0.1:${this.port}/healthz`, {
          signal: AbortSignal.timeout(2000),
        });
        return res.ok;
      },
      { what: `code-server on port ${this.port}`, interval: 300 },
    ).catch((e) => {
      throw new Error(`${e.message}\n--- code-server log ---\n${this.serverLog}`);
    });
    log(`code-server up on 127.0.0.1:${this.port} in ${Date.now() - t0} ms`);
  }

  async _startBrowser() {
    const t0 = Date.now();
    this.context = await withTimeout(
      chromium.launchPersistentContext(this.paths.browserProfile, {
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
        viewport: { width: 1400, height: 900 },
        env: this._env(),
        timeout: STEP_TIMEOUT,
      }),
      STEP_TIMEOUT + 5000,
      'launching chromium',
    );
    this.context.setDefaultTimeout(STEP_TIMEOUT / 2);
    this.page = this.context.pages()[0] || (await this.context.newPage());
    this.page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') this.consoleLog.push(`[${m.type()}] ${m.text()}`);
    });
    this.page.on('pageerror', (e) => this.consoleLog.push(`[pageerror] ${e.message}`));
    log(`chromium up in ${Date.now() - t0} ms`);
  }

  async _openWorkbench() {
    const t0 = Date.now();
    const url = `http://127.0.0.1:${this.port}/?folder=${encodeURIComponent(this.paths.workspace)}`;
    await this.page.goto(url, { waitUntil: 'domcontentloaded', timeout: STEP_TIMEOUT });
    const page = this.page;
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
    await page.locator('#workbench\\.parts\\.statusbar').waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
    // The explorer lists the workspace files once the remote file system is connected.
    await page
      .locator('.explorer-folders-view .monaco-list-row')
      .filter({ hasText: 'template.yaml' })
      .first()
      .waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
    await this.dismissNotifications();
    log(`workbench ready in ${Date.now() - t0} ms`);
  }

  // ------------------------------------------------------------------ helpers for tests

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

  /** Rows of the Problems panel: [{ text, ariaLabel, kind: 'file'|'marker' }]. */
  async problems() {
    await this.showProblems();
    return this.page.locator('.markers-panel .monaco-list-row').evaluateAll((els) =>
      els.map((el) => ({
        text: el.innerText.replace(/\s+/g, ' ').trim(),
        ariaLabel: (el.getAttribute('aria-label') || '').trim(),
        kind: el.querySelector('.marker-message-details, .marker-icon, .marker-message') ? 'marker' : 'file',
      })),
    );
  }

  /**
   * Opens the Problems panel and waits until `predicate(markers)` is truthy (default: at
   * least one marker). `markers` are the non-file rows; returns them.
   */
  async waitForProblems(predicate = (ms) => ms.length > 0, { timeout = STEP_TIMEOUT } = {}) {
    let markers = [];
    return waitFor(
      async () => {
        markers = (await this.problems()).filter((r) => r.kind === 'marker');
        return predicate(markers) ? markers : false;
      },
      { what: 'problems', timeout, interval: 500 },
    ).catch((e) => {
      throw new Error(`${e.message}; Problems panel: ${JSON.stringify(markers, null, 1)}`);
    });
  }

  /**
   * Moves the mouse over the first whole-token occurrence of `text` (string or RegExp) in the
   * active editor and returns the hover's text once it shows. Options: `occurrence` (0-based),
   * `contains` (wait until the hover text contains it).
   */
  async hoverAt(text, { occurrence = 0, contains, timeout = STEP_TIMEOUT / 2 } = {}) {
    const page = this.page;
    await this.escape();
    const source = typeof text === 'string' ? `(?<![\\w:-])${escapeRe(text)}(?![\\w:-])` : text.source;
    const box = await page.locator('.editor-group-container.active .monaco-editor .view-lines').evaluate(
      (root, { source, occurrence }) => {
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
                return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
              }
              pos += len;
            }
          }
        }
        return null;
      },
      { source, occurrence },
    );
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

  /** Saves a PNG of the whole window to test/e2e/screenshots/<name>.png; returns the path. */
  async screenshot(name) {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, `${slug(name)}.png`);
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

  // ------------------------------------------------------------------ teardown

  /** Closes the browser, stops code-server, removes the temp folder. Safe to call twice. */
  async stop({ keep = process.env.E2E_KEEP === '1' } = {}) {
    if (this.context) {
      await withTimeout(this.context.close(), 15_000, 'closing chromium').catch((e) => log(e.message));
      this.context = undefined;
    }
    if (this.server && this.server.exitCode === null && this.server.signalCode === null) {
      const exited = new Promise((r) => this.server.once('exit', r));
      try {
        process.kill(-this.server.pid, 'SIGTERM');
      } catch {
        /* gone */
      }
      await withTimeout(exited, 10_000, 'stopping code-server').catch(() => {
        try {
          process.kill(-this.server.pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      });
    }
    this._killSync();
    if (this.tmp && keep) log('kept temp dir', this.tmp);
    else if (this.tmp) rmSync(this.tmp, { recursive: true, force: true, maxRetries: 3 });
    this.tmp = undefined;
    process.off('exit', this._onExit);
    process.off('SIGINT', this._onSignal);
    process.off('SIGTERM', this._onSignal);
  }

  /** Synchronous last resort (process exit, signals): SIGKILL everything we started. */
  _killSync() {
    if (this.server && this.server.exitCode === null && this.server.signalCode === null) {
      try {
        process.kill(-this.server.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    // leftovers: browser processes, extension hosts, language servers (their command
    // lines contain our unique temp dir)
    if (this.tmp) {
      killPids(pidsWithMarker(this.tmp), 'SIGKILL');
      if (process.env.E2E_KEEP !== '1') {
        try {
          rmSync(this.tmp, { recursive: true, force: true });
        } catch {
          /* best effort */
        }
      }
    }
  }
}

export function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function slug(s) {
  return (
    String(s)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80) || 'screenshot'
  );
}

/** The one editor shared by all test cases of a run (set up by run.mjs). */
export const editor = new Editor();
