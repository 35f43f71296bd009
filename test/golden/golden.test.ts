/**
 * Golden-file tests: every folder test/fixtures/<case>/ holds one input file and expected.json,
 * the diagnostics the CLI's JSON format would give. UPDATE_GOLDEN=1 rewrites expected.json
 * (review the diff before committing).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { severityName } from '../../server/src/service/diagnostics';
import { ROOT, service } from '../support/helpers';

const FIXTURES = path.join(ROOT, 'test', 'fixtures');
const update = process.env.UPDATE_GOLDEN === '1';

interface Expected {
  kind: string | null;
  diagnostics: { range: string; severity: string; code: string; message: string }[];
}

function cases(): { name: string; dir: string; input: string }[] {
  const out: { name: string; dir: string; input: string }[] = [];
  for (const group of fs.readdirSync(FIXTURES).sort()) {
    const groupDir = path.join(FIXTURES, group);
    if (!fs.statSync(groupDir).isDirectory()) continue;
    for (const name of fs.readdirSync(groupDir).sort()) {
      const dir = path.join(groupDir, name);
      if (!fs.statSync(dir).isDirectory()) continue;
      const files = fs
        .readdirSync(dir)
        .filter(
          (f) => f !== 'expected.json' && !f.startsWith('.') && fs.statSync(path.join(dir, f)).isFile(),
        );
      if (files.length !== 1 || (!fs.existsSync(path.join(dir, 'expected.json')) && !update)) continue;
      out.push({ name: `${group}/${name}`, dir, input: files[0] });
    }
  }
  return out;
}

function run(dir: string, input: string): Expected {
  const text = fs.readFileSync(path.join(dir, input), 'utf8');
  const languageId = input.endsWith('.json') ? 'json' : 'yaml';
  const document = TextDocument.create(`file://${path.join(dir, input)}`, languageId, 1, text);
  const ls = service();
  const kind = ls.getKind(document);
  const diagnostics = ls
    .validate(document)
    .sort(
      (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
    )
    .map((d) => ({
      range: `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}`,
      severity: severityName(d.severity),
      code: String(d.code),
      message: typeof d.message === 'string' ? d.message : d.message.value,
    }));
  ls.forget(document.uri);
  return { kind, diagnostics };
}

describe('golden diagnostics', () => {
  for (const c of cases()) {
    it(c.name, () => {
      const actual = run(c.dir, c.input);
      const expectedFile = path.join(c.dir, 'expected.json');
      if (update) {
        fs.writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
        return;
      }
      const expected = JSON.parse(fs.readFileSync(expectedFile, 'utf8')) as Expected;
      assert.deepEqual(actual, expected);
    });
  }
});
