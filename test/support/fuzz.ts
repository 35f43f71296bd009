/**
 * A seeded mutation fuzzer over the fixtures, the examples and the hostile cases: each input is a
 * real file with a few mutations (deleted, repeated or swapped lines, indentation slips, stray
 * punctuation, truncation, YAML and intrinsic-function fragments, wrong shapes, line endings, a
 * BOM), run through parse and validation, hover, completion and symbols. It records what throws
 * and what takes longer than the budget; the same seed gives the same inputs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../../server/src/service/languageService';
import { HOSTILE_CASES } from './hostile';

export interface FuzzFinding {
  index: number;
  seed: number;
  file: string;
  call: string;
  problem: string;
  text: string;
}

export interface FuzzReport {
  inputs: number;
  calls: number;
  findings: FuzzFinding[];
  slowestMs: number;
  slowestCall: string;
}

/** mulberry32: a small seeded generator, enough to make inputs reproducible. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Seed {
  file: string;
  text: string;
}

/** The inputs mutated: fixtures, examples and the small hostile cases. */
export function seedCorpus(root: string): Seed[] {
  const seeds: Seed[] = [];
  const walk = (dir: string): void => {
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (fs.statSync(full).isDirectory()) walk(full);
      else if (/\.(ya?ml|json|template)$/i.test(name) && name !== 'expected.json') {
        seeds.push({ file: path.relative(root, full), text: fs.readFileSync(full, 'utf8') });
      }
    }
  };
  walk(path.join(root, 'examples'));
  walk(path.join(root, 'test', 'fixtures'));
  for (const hostile of HOSTILE_CASES) {
    if (hostile.text.length < 50_000) seeds.push({ file: `hostile/${hostile.file}`, text: hostile.text });
  }
  return seeds;
}

const PUNCTUATION = [
  ':',
  '-',
  '[',
  ']',
  '{',
  '}',
  '!',
  '&',
  '*',
  '|',
  '>',
  "'",
  '"',
  '#',
  ',',
  '%',
  '@',
  '`',
  '\t',
  '\r',
  '\n',
  '\u0000',
  '\\',
  '?',
];
const FRAGMENTS = [
  '!Ref',
  '!Ref {a: b}',
  '!GetAtt A.B.C',
  '!GetAtt [a]',
  '!Sub 42',
  '!Sub [x, {a: !Ref b}]',
  '!Join [",", !Split [a, b]]',
  '!If [c, !Ref AWS::NoValue, x]',
  '!FindInMap [m, !Ref a]',
  'Fn::Sub: ${Missing.Attr}',
  '&anchor',
  '*anchor',
  '<<: *anchor',
  '${',
  '${AWS::Region',
  'Type: AWS::S3::Bucket',
  'Type: Custom::',
  'Properties: null',
  'Resources: []',
  'DependsOn: [A, A]',
  'Condition: !Equals',
  'Ref:',
  '"Fn::GetAtt": ["a", "b", "c"]',
  '{"Ref": {"x": 1}}',
  '---',
  '...',
  '%YAML 1.2',
  '!!binary aGk=',
  '? complex key',
  '|-',
  '>',
  '- - - x',
  '1: 2',
  'true: false',
  '__proto__: {constructor: 1}',
  'constructor: prototype',
  '!constructor x',
  '!toString [a]',
  '!__proto__ {a: b}',
  'toString: x',
  'hasOwnProperty:',
  'valueOf: [1]',
];
const VALUES = [
  '0',
  '-1',
  '1e400',
  'true',
  'null',
  '~',
  '[]',
  '{}',
  '[1, [2, [3]]]',
  '{a: {b: {c: d}}}',
  '""',
  "''",
  '.inf',
  '0x1F',
  '2010-09-09',
];

type Mutation = (text: string, rnd: () => number) => string;

const pick = <T>(items: readonly T[], rnd: () => number): T => items[Math.floor(rnd() * items.length)];

function lineOp(text: string, rnd: () => number, op: (lines: string[], i: number) => void): string {
  const lines = text.split('\n');
  if (!lines.length) return text;
  op(lines, Math.floor(rnd() * lines.length));
  return lines.join('\n');
}

const MUTATIONS: Mutation[] = [
  (t, r) => lineOp(t, r, (l, i) => l.splice(i, 1)),
  (t, r) => lineOp(t, r, (l, i) => l.splice(i, 0, l[i])),
  (t, r) =>
    lineOp(t, r, (l, i) => {
      const j = Math.floor(r() * l.length);
      [l[i], l[j]] = [l[j], l[i]];
    }),
  (t, r) => lineOp(t, r, (l, i) => (l[i] = `${' '.repeat(1 + Math.floor(r() * 3))}${l[i]}`)),
  (t, r) => lineOp(t, r, (l, i) => (l[i] = l[i].replace(/^ {1,2}/, ''))),
  (t, r) => lineOp(t, r, (l, i) => (l[i] = l[i].replace(/^ +/, (s) => s.replace(/ {2}/, '\t')))),
  (t, r) => {
    const at = Math.floor(r() * (t.length + 1));
    return t.slice(0, at) + pick(PUNCTUATION, r) + t.slice(at);
  },
  (t, r) => t.slice(0, Math.floor(r() * t.length)),
  (t, r) => {
    const at = Math.floor(r() * (t.length + 1));
    return `${t.slice(0, at)} ${pick(FRAGMENTS, r)} ${t.slice(at)}`;
  },
  (t, r) => lineOp(t, r, (l, i) => l.splice(i + 1, 0, `${/^ */.exec(l[i])?.[0] ?? ''}${pick(FRAGMENTS, r)}`)),
  (t, r) =>
    lineOp(
      t,
      r,
      (l, i) => (l[i] = l[i].replace(/(:\s*)(\S.*)$/, (_, c: string) => `${c}${pick(VALUES, r)}`)),
    ),
  (t, r) => lineOp(t, r, (l, i) => (l[i] = l[i].replace(/"[^"]*"\s*$/, pick(VALUES, r)))),
  (t) => t.replace(/\n/g, '\r\n'),
  (t, r) => t.replace(/\n/g, () => (r() < 0.3 ? '\r\n' : r() < 0.1 ? '\r' : '\n')),
  (t) => `\uFEFF${t}`,
  (t, r) => {
    const a = Math.floor(r() * t.length);
    const b = Math.min(t.length, a + Math.floor(r() * 400));
    return t.slice(0, b) + t.slice(a, b).repeat(1 + Math.floor(r() * 5)) + t.slice(b);
  },
  (t, r) => {
    const a = Math.floor(r() * t.length);
    const b = Math.min(t.length, a + Math.floor(r() * 200));
    return `${t.slice(0, a)}[${t.slice(a, b)}]${t.slice(b)}`;
  },
  (t, r) => {
    const at = Math.floor(r() * (t.length + 1));
    const bytes = Array.from({ length: 1 + Math.floor(r() * 8) }, () =>
      String.fromCharCode(Math.floor(r() * 0xffff)),
    );
    return t.slice(0, at) + bytes.join('') + t.slice(at);
  },
];

export function mutate(text: string, rnd: () => number): string {
  let out = text;
  const count = 1 + Math.floor(rnd() * 4);
  for (let i = 0; i < count; i++) out = pick(MUTATIONS, rnd)(out, rnd);
  return out;
}

/** Runs `inputs` mutated documents through the service. */
export function fuzz(
  service: LanguageService,
  root: string,
  options: { inputs: number; seed: number; budgetMs: number; onProgress?: (done: number) => void },
): FuzzReport {
  const corpus = seedCorpus(root);
  const rnd = random(options.seed);
  const report: FuzzReport = { inputs: 0, calls: 0, findings: [], slowestMs: 0, slowestCall: '' };
  // Warm up: schemas compile on first use, which is not what the budget is about.
  for (const seed of corpus) {
    const warm = TextDocument.create(`file:///warm/${seed.file}`, languageOf(seed.file), 1, seed.text);
    try {
      service.validate(warm);
    } catch {
      // reported below when mutated inputs hit it
    }
    service.forget(warm.uri);
  }
  for (let index = 0; index < options.inputs; index++) {
    const seed = pick(corpus, rnd);
    const text = mutate(seed.text, rnd);
    const file = seed.file;
    const document = TextDocument.create(
      `file:///fuzz/${index}/${path.basename(file)}`,
      languageOf(file),
      1,
      text,
    );
    const positions = Array.from({ length: 3 }, () =>
      document.positionAt(Math.floor(rnd() * (text.length + 1))),
    );
    const calls: [string, () => unknown][] = [
      ['validate', () => service.validate(document)],
      ...positions.map((p): [string, () => unknown] => [
        `hover ${p.line}:${p.character}`,
        () => service.doHover(document, p),
      ]),
      ...positions.map((p): [string, () => unknown] => [
        `completion ${p.line}:${p.character}`,
        () => service.doComplete(document, p),
      ]),
      ['symbols', () => service.findDocumentSymbols(document)],
    ];
    for (const [call, run] of calls) {
      const started = performance.now();
      try {
        run();
      } catch (error) {
        const problem = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        report.findings.push({ index, seed: options.seed, file, call, problem, text });
      }
      const elapsed = performance.now() - started;
      report.calls++;
      if (elapsed > report.slowestMs) {
        report.slowestMs = elapsed;
        report.slowestCall = `${call} on input ${index} (${file})`;
      }
      if (elapsed > options.budgetMs) {
        report.findings.push({
          index,
          seed: options.seed,
          file,
          call,
          problem: `took ${elapsed.toFixed(0)} ms`,
          text,
        });
      }
    }
    service.forget(document.uri);
    report.inputs++;
    options.onProgress?.(report.inputs);
  }
  return report;
}

function languageOf(file: string): string {
  return /\.json$/i.test(file) ? 'json' : 'yaml';
}
