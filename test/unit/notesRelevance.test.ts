/**
 * The relevance table: for names of the four kinds (and names only the user's own notes know),
 * the bullet the hover's notes excerpt must show, or `null` when the notes must stay silent.
 * Reports precision (shown excerpts that are right) and recall (expected bullets that are shown),
 * and checks that the notes part starts within the first 600 characters of the hover.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../../server/src/service/languageService';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';
import { ROOT, serviceWith } from '../support/helpers';
import { HELD_OUT, OTHER_KIND_CASES, SWEEP_CASES, USER_CASES } from './notesRelevanceCases';
import { CFN_CASES } from './notesRelevanceCfnCases';
import type { Case, Kind } from './notesRelevanceDocuments';

/** The hand-written table, in the order it was written: CloudFormation, then the other kinds. */
const CASES: Case[] = [...CFN_CASES, ...OTHER_KIND_CASES];

const FILE_NAMES: Record<Kind, string> = {
  cloudformation: 'template.yaml',
  buildspec: 'buildspec.yml',
  appspec: 'appspec.yml',
  'ecs-task-definition': 'taskdef.json',
};

let counter = 0;

interface Outcome {
  testCase: Case;
  /** The main excerpt of the notes part ('' when there is none). */
  excerpt: string;
  /** Where "From your notes" starts in the hover (-1: no notes part). */
  notesAt: number;
  correct: boolean;
}

/** The text between the notes heading and the first link of the notes part. */
function mainExcerpt(markdown: string): { excerpt: string; at: number } {
  const at = markdown.indexOf('#### From your notes');
  if (at < 0) return { excerpt: '', at };
  const rest = markdown.slice(at);
  const end = rest.search(/\[Open note:|\[\d+ more in your notes\]/);
  return { excerpt: end < 0 ? rest : rest.slice(0, end), at };
}

function run(service: LanguageService, testCase: Case): Outcome {
  const offset = testCase.text.indexOf('|');
  assert.ok(offset >= 0, `${testCase.name}: no cursor`);
  const text = testCase.text.slice(0, offset) + testCase.text.slice(offset + 1);
  const name = FILE_NAMES[testCase.kind];
  const document = TextDocument.create(
    `file:///relevance/${counter++}/${name}`,
    name.endsWith('.json') ? 'json' : 'yaml',
    1,
    text,
  );
  assert.equal(service.getKind(document), testCase.kind, `${testCase.name}: kind`);
  const hover = service.doHover(document, document.positionAt(offset));
  const value = hover ? (hover.contents as { value: string }).value : '';
  const { excerpt, at } = mainExcerpt(value);
  const unescaped = excerpt.replace(/\\([\\`*_[\]<>#|])/g, '$1');
  const correct = testCase.expected === null ? at < 0 : testCase.expected.some((e) => unescaped.includes(e));
  return { testCase, excerpt, notesAt: at, correct };
}

interface Measures {
  precision: number;
  recall: number;
  shown: number;
  expected: number;
  failures: Outcome[];
  late: Outcome[];
}

function measure(outcomes: Outcome[]): Measures {
  const shown = outcomes.filter((o) => o.notesAt >= 0);
  const expected = outcomes.filter((o) => o.testCase.expected !== null);
  const rightShown = shown.filter((o) => o.correct);
  return {
    precision: shown.length ? rightShown.length / shown.length : 1,
    recall: expected.length ? expected.filter((o) => o.correct).length / expected.length : 1,
    shown: shown.length,
    expected: expected.length,
    failures: outcomes.filter((o) => !o.correct),
    late: shown.filter((o) => o.notesAt > 600),
  };
}

const percent = (x: number): string => `${(x * 100).toFixed(1)} %`;

describe('notes relevance table', () => {
  const service = serviceWith({
    settings: { ...DEFAULT_SETTINGS, notesFolders: [path.join(ROOT, 'test', 'fixtures', 'notes-user')] },
  });
  const outcomes = [...CASES, ...HELD_OUT, ...SWEEP_CASES, ...USER_CASES].map((c) => run(service, c));
  const m = measure(outcomes);
  const report = [
    `relevance: ${outcomes.length} cases, precision ${percent(m.precision)} (${m.shown} shown), recall ${percent(m.recall)} (${m.expected} expected)`,
    ...m.failures.map(
      (f) =>
        `  ✗ ${f.testCase.kind} ${f.testCase.name}: expected ${f.testCase.expected ? JSON.stringify(f.testCase.expected[0]) : 'no note'}, shown ${JSON.stringify(f.excerpt.replace(/\s+/g, ' ').slice(21, 160)) || 'nothing'}`,
    ),
    ...m.late.map((o) => `  ⤓ notes start at ${o.notesAt}: ${o.testCase.name}`),
  ].join('\n');

  it('has at least 60 cases over the four kinds and the user folder', () => {
    assert.ok(outcomes.length >= 60);
    for (const kind of Object.keys(FILE_NAMES))
      assert.ok(
        CASES.some((c) => c.kind === kind),
        kind,
      );
    assert.ok(USER_CASES.length >= 5);
  });

  it('precision ≥ 95 % and recall ≥ 90 %', (t) => {
    t.diagnostic(report);
    if (process.env.RELEVANCE_REPORT) console.log(report);
    assert.ok(m.precision >= 0.95, report);
    assert.ok(m.recall >= 0.9, report);
  });

  it('the notes part of every hover starts within the first 600 characters', () => {
    assert.deepEqual(
      m.late.map((o) => `${o.testCase.name} @${o.notesAt}`),
      [],
    );
  });
});
