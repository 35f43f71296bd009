// npm run bench — every speed and memory figure of the project in one table, with its target
// (never asserted in tests). Sections, one file each, return rows (bench/lib.mjs row()):
//   cli.mjs      the CLI over a corpus against cfn-lint (when on PATH) and the bare-parse floor;
//                cold start on a small template and on the giant QuickSight types
//   editor.mjs   the server over --stdio: edit → diagnostics at 10/100/1,000 resources, memory,
//                resource-type completion payload
//   service.mjs  the service in-process: validation after an edit against a bare parse
// The table is printed and written with the raw figures to bench/.generated/bench.json.
//
//   node bench/run.mjs [cli] [editor] [service]      (default: all)
//   BENCH_CORPUS=/path/to/aws-cloudformation-templates  (default: a generated corpus)
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { cliSection } from './cli.mjs';
import { editorSection } from './editor.mjs';
import { root } from './lib.mjs';
import { serviceSection } from './service.mjs';

const SECTIONS = {
  cli: (context) => cliSection(context),
  editor: () => editorSection(),
  service: () => serviceSection(),
};

const asked = process.argv.slice(2).filter((a) => SECTIONS[a]);
const workDir = join(root, 'bench', '.generated');
mkdirSync(workDir, { recursive: true });

const results = {};
const rows = [];
for (const name of asked.length ? asked : Object.keys(SECTIONS)) {
  const started = Date.now();
  const result = await SECTIONS[name]({ workDir });
  results[name] = { ...result, seconds: (Date.now() - started) / 1000 };
  rows.push(...result.rows);
}

/** One table: section, figure, measured, target, met. */
function table(rows) {
  const mark = (met) => (met === true ? 'yes' : met === false ? 'NO' : '');
  const cells = rows.map((r) => [
    r.section,
    r.what,
    r.note ? `${r.text}; ${r.note}` : r.text,
    r.target ?? '',
    mark(r.met),
  ]);
  const header = ['section', 'figure', 'measured', 'target', 'met'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => `| ${c.map((x, i) => x.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}

const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}`;
console.log(`${machine}\n\n${table(rows)}`);
const file = join(workDir, 'bench.json');
writeFileSync(
  file,
  `${JSON.stringify({ machine, date: new Date().toISOString(), rows, results }, null, 2)}\n`,
);
console.log(`\nwritten: ${file}`);
