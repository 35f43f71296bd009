/* global fetch, AbortSignal */
// Real-editor harness: code-server (VS Code in the browser) + Debian's chromium driven by
// playwright-core. Fully offline. Used by test/e2e/run.mjs and test/e2e/screenshots.mjs; see
// test/e2e/README.md.
//
// Everything this module starts lives under one mkdtemp() folder (config, user data,
// extensions, workspace copy, browser profile), and every process it starts is killed in
// stop(), on SIGINT/SIGTERM and on exit, also when a step fails or times out.
//
// This file is the editor's life cycle; the helpers tests call are in lib/ (workbench,
// problems, text, language, logs) and are mixed into Editor below.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { chromium } from 'playwright-core';

import {
  CHROMIUM,
  CHROMIUM_ARGS,
  CODE_SERVER_ENTRY,
  EXTENSION_ID,
  NODE24,
  USER_SETTINGS,
  WORKSPACE_TEMPLATE,
} from './lib/config.mjs';
import { LanguageHelpers } from './lib/language.mjs';
import { LogHelpers } from './lib/logs.mjs';
import { ProblemsHelpers } from './lib/problems.mjs';
import { TextHelpers } from './lib/text.mjs';
import {
  STEP_TIMEOUT,
  freePort,
  killPids,
  log,
  pidsWithMarker,
  run,
  waitFor,
  withTimeout,
} from './lib/util.mjs';
import { WorkbenchHelpers } from './lib/workbench.mjs';

export { REPO, SCREENSHOT_DIR, WORKSPACE_TEMPLATE } from './lib/config.mjs';
export { STEP_TIMEOUT, escapeRe, sleep, slug, waitFor, withTimeout } from './lib/util.mjs';

/** The browser window's size unless start() is given another. */
export const DEFAULT_VIEWPORT = { width: 1400, height: 900 };

export class Editor {
  constructor() {
    this.tmp = undefined;
    this.port = undefined;
    this.server = undefined;
    this.context = undefined;
    this.page = undefined;
    this.serverLog = '';
    this.consoleLog = [];
    this.extraEnv = {};
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
      ...this.extraEnv,
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

  /**
   * Creates the temp folders, installs the VSIX, starts code-server and the browser.
   * Options: `workspace` (folder copied and opened; default test/e2e/workspace), `viewport`
   * ({ width, height } of the window), `readyFile` (a top-level file of the workspace: the
   * workbench is ready when the Explorer lists it), `userSettings` (merged into the user
   * settings), `extraVsix` (more extensions to install, e.g. the extension-host test runner),
   * `env` (more environment for code-server and so its extension host).
   */
  async start({
    vsix,
    workspace = WORKSPACE_TEMPLATE,
    viewport = DEFAULT_VIEWPORT,
    readyFile = 'template.yaml',
    userSettings = {},
    extraVsix = [],
    env = {},
  }) {
    for (const [what, f] of [
      ['Node 24 (run scripts/e2e/setup.sh)', NODE24],
      ['code-server (run scripts/e2e/setup.sh)', CODE_SERVER_ENTRY],
      ['chromium (run scripts/e2e/setup.sh)', CHROMIUM],
      ['VSIX (build it with `npx vsce package --no-dependencies -o aws-dev-notes.vsix`)', vsix],
      ['workspace folder', workspace],
      ...extraVsix.map((f) => ['VSIX', f]),
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
    await writeFile(
      path.join(p.userData, 'User', 'settings.json'),
      JSON.stringify({ ...USER_SETTINGS, ...userSettings }, null, 2),
    );
    await cp(workspace, p.workspace, { recursive: true });
    log('temp dir', this.tmp);

    this.extraEnv = env;
    await this._installVsix([vsix, ...extraVsix]);
    await this._startServer();
    await this._startBrowser(viewport);
    await this._openWorkbench(readyFile);
  }

  async _installVsix(files) {
    const t0 = Date.now();
    const install = files.flatMap((f) => ['--install-extension', path.resolve(f)]);
    const r = run(NODE24, [...this._csArgs(), ...install, '--force'], {
      env: this._env(),
    });
    const out = `${r.stdout}\n${r.stderr}`;
    if (r.code !== 0 || (out.match(/successfully installed/gi) ?? []).length < files.length) {
      throw new Error(`installing ${files.join(', ')} failed (exit ${r.code}):\n${out}`);
    }
    const list = run(NODE24, [...this._csArgs(), '--list-extensions', '--show-versions'], {
      env: this._env(),
    });
    this.installedExtensions = list.stdout.split('\n').filter((l) => l.includes('@'));
    log(
      `installed ${files.map((f) => path.basename(f)).join(', ')} in ${Date.now() - t0} ms:`,
      this.installedExtensions.join(', '),
    );
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

  async _startBrowser(viewport) {
    const t0 = Date.now();
    this.context = await withTimeout(
      chromium.launchPersistentContext(this.paths.browserProfile, {
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
        viewport,
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

  async _openWorkbench(readyFile) {
    const t0 = Date.now();
    const url = `http://127.0.0.1:${this.port}/?folder=${encodeURIComponent(this.paths.workspace)}`;
    await this.page.goto(url, { waitUntil: 'domcontentloaded', timeout: STEP_TIMEOUT });
    const page = this.page;
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
    await page.locator('#workbench\\.parts\\.statusbar').waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
    // The explorer lists the workspace files once the remote file system is connected.
    await page
      .locator('.explorer-folders-view .monaco-list-row')
      .filter({ hasText: readyFile })
      .first()
      .waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
    await this.dismissNotifications();
    log(`workbench ready in ${Date.now() - t0} ms`);
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

// The helpers tests call (lib/*.mjs) become methods of Editor.
for (const helpers of [WorkbenchHelpers, ProblemsHelpers, TextHelpers, LanguageHelpers, LogHelpers]) {
  for (const name of Object.getOwnPropertyNames(helpers.prototype)) {
    if (name === 'constructor') continue;
    Object.defineProperty(Editor.prototype, name, Object.getOwnPropertyDescriptor(helpers.prototype, name));
  }
}

/** The one editor shared by all test cases of a run (set up by run.mjs). */
export const editor = new Editor();
