// Small helpers shared by the e2e harness modules: bounded waits, process utilities, names.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export { sleep };

/** Upper bound for any single wait in the harness (ms). */
export const STEP_TIMEOUT = Number(process.env.E2E_STEP_TIMEOUT_MS || 60_000);

export const log = (...a) => {
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

export function freePort() {
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
export function run(cmd, args, { env, timeout = STEP_TIMEOUT } = {}) {
  const r = spawnSync(cmd, args, { env, timeout, encoding: 'utf8', killSignal: 'SIGKILL' });
  if (r.error) throw new Error(`${path.basename(cmd)} ${args.join(' ')}: ${r.error.message}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** pids of processes whose command line contains `marker` (our unique temp dir). */
export function pidsWithMarker(marker) {
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

export function killPids(pids, signal) {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
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
