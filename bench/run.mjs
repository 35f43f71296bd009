// npm run bench — speed and memory, measured (never asserted in tests):
//  1. validation of a 1,000-resource template after an edit, against a bare `yaml` parse of the
//     same text in the same process (median of repeated runs);
//  2. the server's resident memory with that template open (node dist/server.js --stdio).
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
// The test bundle exposes the service; load the bundled CLI module for its lintFiles/getLanguageService.
const cli = require(join(root, 'dist', 'cli.js'));

const RESOURCES = Number(process.env.BENCH_RESOURCES ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const text = generateTemplate(RESOURCES);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

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

const parseTimes = [];
const validateTimes = [];
for (let i = 0; i < RUNS; i++) {
  // An edit: change one value, as a keystroke would.
  const edited = text.replace('VisibilityTimeout: 60', `VisibilityTimeout: ${60 + (i % 9)}`);
  parseTimes.push(time(() => YAML.parseDocument(edited)));
  doc = TextDocument.create(uri, 'yaml', ++version, edited);
  validateTimes.push(time(() => service.validate(doc)));
}
const parseMs = median(parseTimes);
const validateMs = median(validateTimes);

async function serverMemory() {
  const child = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const send = (msg) => {
    const body = JSON.stringify({ jsonrpc: '2.0', ...msg });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  };
  let buffer = '';
  const published = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not publish diagnostics')), 60000);
    child.stdout.on('data', (chunk) => {
      buffer += chunk.toString();
      if (buffer.includes('textDocument/publishDiagnostics')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
  send({ method: 'initialized', params: {} });
  send({
    method: 'textDocument/didOpen',
    params: { textDocument: { uri, languageId: 'yaml', version: 1, text } },
  });
  await published;
  await new Promise((r) => setTimeout(r, 500));
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  const hwmKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  child.kill();
  return { rssMb: rssKb / 1024, peakMb: hwmKb / 1024 };
}

const memory = await serverMemory();
const lines = [
  `template: ${RESOURCES} resources, ${text.split('\n').length} lines, ${(text.length / 1024).toFixed(0)} KiB; ${firstCount} diagnostics`,
  `first validation (cold: loads and compiles schemas): ${firstMs.toFixed(1)} ms`,
  `bare yaml parseDocument after an edit (median of ${RUNS}): ${parseMs.toFixed(1)} ms`,
  `validation after an edit, parse included (median of ${RUNS}): ${validateMs.toFixed(1)} ms  = ${(validateMs / parseMs).toFixed(2)}x the bare parse`,
  `server memory with the template open: ${memory.rssMb.toFixed(0)} MB RSS (peak ${memory.peakMb.toFixed(0)} MB)`,
];
console.log(lines.join('\n'));
