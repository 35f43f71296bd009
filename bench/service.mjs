// Benchmark section: the language service in-process (dist/cli.js createService()) — the first
// validation of a template (schemas loaded), and validation after an edit at 10, 100 and 1,000
// resources against a bare `yaml` parse of the same text.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { generateTemplate } from './generate.mjs';
import { format, median, root, row, time } from './lib.mjs';

const require = createRequire(import.meta.url);
const YAML = require('yaml');
const { TextDocument } = require('vscode-languageserver-textdocument');

const RUNS = Number(process.env.BENCH_RUNS ?? 20);

export function serviceSection({ sizes = [10, 100, 1000] } = {}) {
  const rows = [];
  const section = 'service (in-process)';
  const cli = require(join(root, 'dist', 'cli.js'));
  const raw = [];
  for (const size of sizes) {
    const service = cli.createService();
    const text = generateTemplate(size);
    const uri = `file:///bench/service-${size}.yaml`;
    let version = 1;
    const first = time(() => service.validate(TextDocument.create(uri, 'yaml', version, text)));
    const parse = [];
    const validate = [];
    for (let i = 0; i < RUNS + 5; i++) {
      const edited = text.replace('VisibilityTimeout: 60', `VisibilityTimeout: ${'6'.repeat(1 + (i % 4))}`);
      const p = time(() => YAML.parseDocument(edited));
      const v = time(() => service.validate(TextDocument.create(uri, 'yaml', ++version, edited)));
      if (i >= 5) {
        parse.push(p);
        validate.push(v);
      }
    }
    const ms = median(validate);
    const parseMs = median(parse);
    raw.push({ size, first, ms, parseMs });
    rows.push(
      row(section, `validation after an edit, ${size} resources`, ms, 'ms', {
        text: `${format(ms)} ms = ${format(ms / parseMs)}x bare parse (${format(parseMs)} ms); first validation ${format(first)} ms`,
      }),
    );
  }
  return { rows, raw };
}
