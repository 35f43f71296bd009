// npm run bench (issue 9's part) — resource limits and the cost of the analysis worker:
//  1. the server's memory with 50 large templates open (500 resources each), after a hover in
//     each (so the main thread holds their trees too), and after closing them all;
//  2. edit → diagnostics over stdio for a small template and a 1,000-resource one (debounce
//     included), and what passing a document to the worker and its diagnostics back costs.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { generateTemplate } from './generate.mjs';

const require = createRequire(import.meta.url);

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 50);
const RESOURCES = Number(process.env.BENCH_DOC_RESOURCES ?? 500);
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];

function startServer() {
  const child = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let nextId = 100;
  const pending = new Map();
  const diagnosticWaiters = [];
  let buffer = Buffer.alloc(0);
  child.stdout.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const header = buffer.indexOf('\r\n\r\n');
      if (header < 0) return;
      const length = Number(/Content-Length: (\d+)/.exec(buffer.subarray(0, header).toString())?.[1]);
      if (buffer.length < header + 4 + length) return;
      const message = JSON.parse(buffer.subarray(header + 4, header + 4 + length).toString());
      buffer = buffer.subarray(header + 4 + length);
      if (message.id !== undefined && pending.has(message.id)) {
        pending.get(message.id)(message.result);
        pending.delete(message.id);
      } else if (message.method === 'textDocument/publishDiagnostics') {
        for (const waiter of [...diagnosticWaiters]) {
          if (waiter.uri === message.params.uri && waiter.version === message.params.version) {
            diagnosticWaiters.splice(diagnosticWaiters.indexOf(waiter), 1);
            waiter.resolve(message.params.diagnostics);
          }
        }
      }
    }
  });
  const send = (msg) => {
    const body = JSON.stringify({ jsonrpc: '2.0', ...msg });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  };
  return {
    child,
    notify: (method, params) => send({ method, params }),
    request: (method, params) =>
      new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        send({ id, method, params });
      }),
    diagnostics: (uri, version) =>
      new Promise((resolve) => diagnosticWaiters.push({ uri, version, resolve })),
    memory() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
      return { rss: kb('VmRSS'), peak: kb('VmHWM') };
    },
  };
}

async function fiftyDocuments() {
  const server = startServer();
  await server.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  server.notify('initialized', {});
  const base = generateTemplate(RESOURCES);
  const round = async (name) => {
    const uris = [];
    for (let i = 0; i < DOCUMENTS; i++) {
      const uri = `file:///bench/${name}/template-${i}.yaml`;
      uris.push(uri);
      const done = server.diagnostics(uri, 1);
      const text = base.replace('VisibilityTimeout: 60', `VisibilityTimeout: ${i + 1}`);
      server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
      await done;
    }
    const opened = server.memory();
    for (const uri of uris) {
      await server.request('textDocument/hover', {
        textDocument: { uri },
        position: { line: 5, character: 6 },
      });
    }
    const hovered = server.memory();
    for (const uri of uris) server.notify('textDocument/didClose', { textDocument: { uri } });
    await new Promise((r) => setTimeout(r, 2000));
    return { opened, hovered, closed: server.memory() };
  };
  const { opened, hovered, closed } = await round('first');
  // Another 50 after closing the first: if closing did not drop the caches, memory would grow.
  const again = await round('second');
  server.child.kill();
  return { opened, hovered, closed, again, kib: base.length / 1024 };
}

async function editLatency(text, uri, runs) {
  const server = startServer();
  await server.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  server.notify('initialized', {});
  let done = server.diagnostics(uri, 1);
  server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  await done;
  const times = [];
  for (let v = 2; v < runs + 2; v++) {
    done = server.diagnostics(uri, v);
    const started = performance.now();
    server.notify('textDocument/didChange', {
      textDocument: { uri, version: v },
      contentChanges: [{ text: text.replace('VisibilityTimeout: 60', `VisibilityTimeout: ${60 + v}`) }],
    });
    await done;
    times.push(performance.now() - started);
  }
  server.child.kill();
  return median(times);
}

/** What the hop to the worker costs: the text there, a thousand diagnostics back. */
async function workerHop(text) {
  const worker = new Worker(
    "const { parentPort } = require('node:worker_threads'); parentPort.on('message', (m) => parentPort.postMessage(m.diagnostics));",
    { eval: true },
  );
  const diagnostics = Array.from({ length: 1000 }, (_, i) => ({
    range: { start: { line: i, character: 4 }, end: { line: i, character: 20 } },
    severity: 1,
    code: 'cfn-type-mismatch',
    source: 'aws-dev-notes',
    message: `Expected a number for VisibilityTimeout but found the string 'x${i}'.`,
  }));
  const times = [];
  for (let i = 0; i < 30; i++) {
    const started = performance.now();
    await new Promise((resolve) => {
      worker.once('message', resolve);
      worker.postMessage({ text: `${text}#${i}`, diagnostics });
    });
    times.push(performance.now() - started);
  }
  await worker.terminate();
  return median(times.slice(5));
}

/** The service's heap with 50 documents held, then forgotten (what closing does), in-process. */
function heapWithFifty() {
  const gc = globalThis.gc;
  if (!gc) return undefined;
  const { TextDocument } = require('vscode-languageserver-textdocument');
  const service = require(join(root, 'dist', 'cli.js')).createService();
  const base = generateTemplate(RESOURCES);
  const heap = () => {
    gc();
    gc();
    return process.memoryUsage().heapUsed / 1048576;
  };
  const round = (name) => {
    const documents = [];
    for (let i = 0; i < DOCUMENTS; i++) {
      const text = base.replace('VisibilityTimeout: 60', `VisibilityTimeout: ${i + 1}`);
      const document = TextDocument.create(`file:///bench/${name}/t${i}.yaml`, 'yaml', 1, text);
      service.validate(document);
      service.doHover(document, { line: 5, character: 6 });
      documents.push(document);
    }
    const held = heap();
    for (const document of documents) service.forget(document.uri);
    return { held, forgotten: heap() };
  };
  const empty = heap();
  const first = round('first');
  const second = round('second');
  return { empty, first, second };
}

const heap = heapWithFifty();
const many = await fiftyDocuments();
const small =
  "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimeout: 60\n";
const large = generateTemplate(1000);
const smallMs = await editLatency(small, 'file:///bench/small.yaml', 15);
const largeMs = await editLatency(large, 'file:///bench/large.yaml', 15);
const hopMs = await workerHop(large);
const mb = (x) => `${x.toFixed(0)} MB`;
console.log(
  [
    `${DOCUMENTS} templates of ${RESOURCES} resources (${many.kib.toFixed(0)} KiB each) open: server ${mb(many.opened.rss)} RSS (peak ${mb(many.opened.peak)}); after a hover in each: ${mb(many.hovered.rss)} (peak ${mb(many.hovered.peak)}); after closing them: ${mb(many.closed.rss)}; 50 others opened, hovered and closed after them: ${mb(many.again.closed.rss)} (peak ${mb(many.again.closed.peak)})`,
    heap
      ? `in-process service heap (after GC): ${mb(heap.empty)} before; ${DOCUMENTS} documents validated and hovered ${mb(heap.first.held)}, all closed ${mb(heap.first.forgotten)}; ${DOCUMENTS} others ${mb(heap.second.held)}, closed ${mb(heap.second.forgotten)}`
      : 'in-process heap: run with node --expose-gc to measure',
    `edit → diagnostics over stdio, 120 ms debounce and the worker included (median of 15): small template ${smallMs.toFixed(1)} ms, 1,000 resources ${largeMs.toFixed(1)} ms`,
    `worker hop (1,000-resource text there, 1,000 diagnostics back; median of 25): ${hopMs.toFixed(2)} ms`,
  ].join('\n'),
);
