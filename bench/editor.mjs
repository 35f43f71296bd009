// Benchmark section: the language server over --stdio — edit → diagnostics at 10, 100 and 1,000
// resources against a bare parse of the same text, resource-type completion payload, and the
// server's memory with the 1,000-resource template open.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { generateTemplate } from './generate.mjs';
import { format, initialize, median, p90, root, row, sleep, startServer, time } from './lib.mjs';

const require = createRequire(import.meta.url);
const YAML = require('yaml');
const { TextDocument } = require('vscode-languageserver-textdocument');

const EDITS = Number(process.env.BENCH_RUNS ?? 20);

/** Median bare `yaml` parse of the text after a warm-up (ms). */
function bareParse(text) {
  for (let i = 0; i < 3; i++) YAML.parseDocument(text);
  return median(Array.from({ length: 9 }, () => time(() => YAML.parseDocument(text))));
}

/** Edits one value near the top, one keystroke at a time with a pause, each waited for. */
async function editLatencies(server, uri, text) {
  const at = text.indexOf('VisibilityTimeout: 60') + 'VisibilityTimeout: '.length;
  const line = text.slice(0, at).split('\n').length - 1;
  const character = at - (text.lastIndexOf('\n', at - 1) + 1);
  const latencies = [];
  let value = '60';
  for (let version = 2; version < 2 + EDITS; version++) {
    const next = String(60 + ((version * 7) % 40));
    const published = server.diagnostics(uri, version);
    const sent = performance.now();
    server.notify('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [
        {
          range: { start: { line, character }, end: { line, character: character + value.length } },
          text: next,
        },
      ],
    });
    value = next;
    latencies.push((await published).at - sent);
    await sleep(40);
  }
  return latencies;
}

export async function editorSection({ sizes = [10, 100, 1000] } = {}) {
  const rows = [];
  const section = 'editor (--stdio)';
  const growth = [];
  for (const size of sizes) {
    const text = generateTemplate(size);
    const server = startServer();
    await initialize(server);
    const uri = `file:///bench/template-${size}.yaml`;
    const opened = server.diagnostics(uri, 1);
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    await opened;
    const afterOpen = server.rss();
    const latencies = await editLatencies(server, uri, text);
    const parse = bareParse(text);
    const ms = median(latencies);
    growth.push({ size, ms, parse });
    const last = size === sizes[sizes.length - 1];
    rows.push(
      row(section, `edit → diagnostics, ${size} resources (median of ${latencies.length})`, ms, 'ms', {
        text: `${format(ms)} ms (p90 ${format(p90(latencies))}) = ${format(ms / parse)}x bare parse (${format(parse)} ms)`,
        target: last ? '< 100 ms, ≤ 2x bare parse' : undefined,
        met: last ? ms < 100 && ms <= 2 * parse : undefined,
      }),
    );
    if (last) {
      await sleep(300);
      const afterEdits = server.rss();
      rows.push(
        row(section, `server memory, ${size} resources open, after ${EDITS} edits`, afterEdits.rssMb, 'MB', {
          text: `${format(afterEdits.rssMb)} MB RSS (after open ${format(afterOpen.rssMb)}, peak ${format(afterEdits.peakMb)})`,
          target: '< 150 MB',
          met: afterEdits.peakMb < 150,
        }),
      );
      rows.push(...(await completionRows(server, section)));
    }
    server.stop();
  }
  const first = growth[0];
  const lastGrowth = growth[growth.length - 1];
  const factor = lastGrowth.ms / first.ms;
  const sizeFactor = lastGrowth.size / first.size;
  rows.push(
    row(section, `growth ${first.size} → ${lastGrowth.size} resources (edit → diagnostics)`, factor, 'x', {
      text: `${format(factor)}x for ${sizeFactor}x the resources (bare parse ${format(lastGrowth.parse / first.parse)}x)`,
      target: 'linear or better',
      met: factor <= sizeFactor,
    }),
  );
  return { rows, raw: { growth } };
}

/** Resource-type completion: what the server sends to a client with item defaults, and without. */
async function completionRows(server, section) {
  const uri = 'file:///bench/completion.yaml';
  const text = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Queue:\n    Type: AWS::SQS::Q\n';
  const opened = server.diagnostics(uri, 1);
  server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  await opened;
  const position = { line: 3, character: 21 };
  const { message, bytes } = await server.request('textDocument/completion', {
    textDocument: { uri },
    position,
  });
  const cli = require(join(root, 'dist', 'cli.js'));
  const full = cli.createService().doComplete(TextDocument.create(uri, 'yaml', 1, text), position);
  const fullBytes = Buffer.byteLength(JSON.stringify(full));
  const kb = bytes / 1024;
  return [
    row(section, `resource-type completion (${message.result.items.length} items)`, kb, 'KB', {
      text: `${format(kb)} KB (${format(fullBytes / 1024)} KB without item defaults)`,
      target: 'a fraction of 399 KB',
      met: kb <= 399 / 3,
    }),
  ];
}
