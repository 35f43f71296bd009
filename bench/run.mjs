// npm run bench — speed and memory, measured (never asserted in tests):
//  1. validation of a 1,000-resource template: the first one (schemas load and compile), a cold
//     parse + validation of a document the service has not seen, and validation after an edit
//     (right after opening, and in the steady state, with edits that move everything below
//     them), against a bare `yaml` parse of the same text in the same process (medians);
//  2. the server's resident memory with that template open and after edits
//     (node dist/server.js --stdio).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTemplate } from './generate.mjs';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const YAML = require('yaml');
const { TextDocument } = require('vscode-languageserver-textdocument');
// The bundled CLI module exports createService(): the language service over the real schemas.
const cli = require(join(root, 'dist', 'cli.js'));

const RESOURCES = Number(process.env.BENCH_RESOURCES ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const text = generateTemplate(RESOURCES);
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
const p90 = (xs) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))];

function time(fn) {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const service = cli.createService();
let version = 1;
const uri = 'file:///bench/template.yaml';
let doc = TextDocument.create(uri, 'yaml', version, text);
const firstMs = time(() => service.validate(doc));
const firstCount = service.validate(doc).length;

// A document the service has not seen: the whole text is parsed (schemas are compiled by now).
const coldTimes = [];
for (let i = 0; i < 5; i++) {
  const coldUri = `file:///bench/cold-${i}.yaml`;
  coldTimes.push(time(() => service.validate(TextDocument.create(coldUri, 'yaml', 1, text))));
  service.forget(coldUri);
}

// An edit that keeps the length: change one value, as a keystroke would.
const parseTimes = [];
const validateTimes = [];
for (let i = 0; i < RUNS; i++) {
  const edited = text.replace('VisibilityTimeout: 60', `VisibilityTimeout: ${60 + (i % 9)}`);
  parseTimes.push(time(() => YAML.parseDocument(edited)));
  doc = TextDocument.create(uri, 'yaml', ++version, edited);
  validateTimes.push(time(() => service.validate(doc)));
}

// Steady state: after a warm-up, edits near the top that change the text's length, so every
// resource below the edit moves.
const steadyTimes = [];
for (let i = 0; i < 30 + RUNS * 3; i++) {
  const edited = text.replace('VisibilityTimeout: 60', `VisibilityTimeout: ${'6'.repeat(1 + (i % 4))}`);
  doc = TextDocument.create(uri, 'yaml', ++version, edited);
  const ms = time(() => service.validate(doc));
  if (i >= 30) steadyTimes.push(ms);
}

const parseMs = median(parseTimes);
const validateMs = median(validateTimes);
const steadyMs = median(steadyTimes);

async function serverMemory() {
  const child = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const send = (msg) => {
    const body = JSON.stringify({ jsonrpc: '2.0', ...msg });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  };
  let buffer = '';
  const waiters = [];
  child.stdout.on('data', (chunk) => {
    buffer += chunk.toString();
    for (const waiter of [...waiters]) {
      if (buffer.includes(waiter.needle)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  });
  const waitFor = (needle) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not send ${needle}`)), 60000);
      waiters.push({
        needle,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  const rss = () => {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    const hwmKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { rssMb: rssKb / 1024, peakMb: hwmKb / 1024 };
  };
  send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
  send({ method: 'initialized', params: {} });
  const published = (v) => waitFor(`"version":${v},"diagnostics"`);
  const opened = published(1);
  send({
    method: 'textDocument/didOpen',
    params: { textDocument: { uri, languageId: 'yaml', version: 1, text } },
  });
  await opened;
  await new Promise((r) => setTimeout(r, 500));
  const afterOpen = rss();
  // Edits of one value near the top, each validated before the next (the server debounces).
  const at = text.indexOf('VisibilityTimeout: 60') + 'VisibilityTimeout: '.length;
  const line = text.slice(0, at).split('\n').length - 1;
  const character = at - (text.lastIndexOf('\n', at) + 1);
  let value = '60';
  for (let v = 2; v <= 21; v++) {
    const next = String(60 + v * 7);
    const done = published(v);
    send({
      method: 'textDocument/didChange',
      params: {
        textDocument: { uri, version: v },
        contentChanges: [
          {
            range: { start: { line, character }, end: { line, character: character + value.length } },
            text: next,
          },
        ],
      },
    });
    value = next;
    await done;
  }
  await new Promise((r) => setTimeout(r, 500));
  const afterEdits = rss();
  child.kill();
  return { afterOpen, afterEdits };
}

const memory = await serverMemory();
const lines = [
  `template: ${RESOURCES} resources, ${text.split('\n').length} lines, ${(text.length / 1024).toFixed(0)} KiB; ${firstCount} diagnostics`,
  `first validation (cold: loads and compiles schemas): ${firstMs.toFixed(1)} ms`,
  `cold full parse + validation of a new document (schemas compiled, median of ${coldTimes.length}): ${median(coldTimes).toFixed(1)} ms`,
  `bare yaml parseDocument after an edit (median of ${RUNS}): ${parseMs.toFixed(1)} ms`,
  `validation after an edit, parse included (median of ${RUNS}): ${validateMs.toFixed(1)} ms  = ${(validateMs / parseMs).toFixed(2)}x the bare parse`,
  `steady state, validation after an edit that moves the rest (median of ${steadyTimes.length} after 30 warm-up edits): ${steadyMs.toFixed(1)} ms (p90 ${p90(steadyTimes).toFixed(1)} ms)  = ${(steadyMs / parseMs).toFixed(2)}x the bare parse`,
  `server memory with the template open: ${memory.afterOpen.rssMb.toFixed(0)} MB RSS (peak ${memory.afterOpen.peakMb.toFixed(0)} MB); after 20 edits: ${memory.afterEdits.rssMb.toFixed(0)} MB RSS (peak ${memory.afterEdits.peakMb.toFixed(0)} MB)`,
];
console.log(lines.join('\n'));
