// Shared helpers of the benchmark sections: timing, statistics, processes, an LSP client over
// `node dist/server.js --stdio`, and the row format every section returns for the table.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const sorted = (xs) => [...xs].sort((a, b) => a - b);
export const median = (xs) => sorted(xs)[Math.floor((xs.length - 1) / 2)];
export const p90 = (xs) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))];

export function time(fn) {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Wall time of a command (ms) and its result. */
export function run(command, args, options = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}

/**
 * Wall and CPU time (user + system, ms) of a command whose output is not needed. CPU time says
 * what a run costs even when other work shares the machine (wall time then mostly says how busy
 * it was).
 */
export function runCpu(command, args, options = {}) {
  // The command's error output goes to a file, read afterwards (the pool report of the CLI).
  const stderrFile = join(tmpdir(), `aws-dev-notes-bench-${process.pid}.stderr`);
  const { ms, result } = run(
    'sh',
    ['-c', '"$@" >/dev/null 2>"$BENCH_STDERR"; times', 'sh', command, ...args],
    { ...options, env: { ...(options.env ?? process.env), BENCH_STDERR: stderrFile } },
  );
  const children = result.stdout.trim().split('\n').pop() ?? '';
  const [user, system] = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map(
    (m) => Number(m[1]) * 60000 + Number(m[2]) * 1000,
  );
  let stderr = '';
  try {
    stderr = readFileSync(stderrFile, 'utf8');
    rmSync(stderrFile, { force: true });
  } catch {
    // no output
  }
  return { ms, cpuMs: (user ?? NaN) + (system ?? NaN), stderr };
}

/** Is `command` on PATH? */
export function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

/**
 * A table row. `target` is text ("≤ 150 ms"); `met` true/false, or undefined for context figures.
 * `value` is a number in `unit`, `text` what the table shows.
 */
export function row(section, what, value, unit, { text, target, met, note } = {}) {
  return { section, what, value, unit, text: text ?? `${format(value)} ${unit}`.trim(), target, met, note };
}

export function format(value) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return String(value);
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

/** The server over stdio, with requests, notifications and the diagnostics it publishes. */
export function startServer() {
  const child = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let buffer = Buffer.alloc(0);
  let nextId = 1;
  const replies = new Map();
  const diagnosticWaiters = [];
  child.stdout.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const header = buffer.indexOf('\r\n\r\n');
      if (header < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, header).toString())?.[1]);
      if (buffer.length < header + 4 + length) return;
      const body = buffer.subarray(header + 4, header + 4 + length);
      buffer = buffer.subarray(header + 4 + length);
      const message = JSON.parse(body.toString());
      if (message.id !== undefined && replies.has(message.id)) {
        replies.get(message.id)({ message, bytes: body.length });
        replies.delete(message.id);
      } else if (message.method === 'textDocument/publishDiagnostics') {
        const at = performance.now();
        for (const waiter of [...diagnosticWaiters]) {
          if (waiter.uri === message.params.uri && waiter.version === message.params.version) {
            diagnosticWaiters.splice(diagnosticWaiters.indexOf(waiter), 1);
            waiter.resolve({ at, diagnostics: message.params.diagnostics });
          }
        }
      }
    }
  });
  const send = (message) => {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  };
  return {
    pid: child.pid,
    notify: (method, params) => send({ method, params }),
    request: (method, params) =>
      new Promise((resolve) => {
        const id = nextId++;
        replies.set(id, resolve);
        send({ id, method, params });
      }),
    /** Resolves with the time the diagnostics of `uri` at `version` arrived. */
    diagnostics: (uri, version) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri}@${version}`)), 120000);
        diagnosticWaiters.push({
          uri,
          version,
          resolve: (value) => {
            clearTimeout(timer);
            resolve(value);
          },
        });
      }),
    rss: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return {
        rssMb: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024,
        peakMb: Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024,
      };
    },
    stop: () => child.kill(),
  };
}

/** initialize + initialized, with the completion capabilities VS Code's client sends. */
export async function initialize(server) {
  await server.request('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: {
      textDocument: {
        completion: {
          completionItem: { snippetSupport: true },
          completionList: {
            itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'],
          },
        },
      },
    },
  });
  server.notify('initialized', {});
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
