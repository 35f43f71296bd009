// Benchmark section: the CLI against cfn-lint (when on PATH) over a corpus of templates, the
// bare-parse floor of that corpus, and cold start-up on one small template and on the giant
// QuickSight types.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { generateTemplate } from './generate.mjs';
import { format, median, onPath, root, row, run } from './lib.mjs';

const CLI = join(root, 'dist', 'cli.js');
const CANDIDATE = /\.(ya?ml|json|template|cfn)$/i;

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      if (entry.name === 'node_modules' || entry.name === '.git') return [];
      const full = join(dir, entry.name);
      if (entry.isDirectory()) return listFiles(full);
      return entry.isFile() && CANDIDATE.test(entry.name) ? [full] : [];
    });
}

/** Without BENCH_CORPUS: 312 generated templates of 5 to 120 resources, YAML and JSON. */
function generatedCorpus(dir) {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < 312; i++) {
    const yaml = generateTemplate(5 + ((i * 37) % 116));
    writeFileSync(join(dir, `t${String(i).padStart(3, '0')}.yaml`), yaml);
  }
  return dir;
}

const SMALL = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 60
Outputs:
  QueueUrl:
    Value: !Ref Queue
`;

const QUICKSIGHT = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Dashboard:
    Type: AWS::QuickSight::Dashboard
    Properties:
      AwsAccountId: !Ref AWS::AccountId
      DashboardId: sales
      Name: Sales
  Analysis:
    Type: AWS::QuickSight::Analysis
    Properties:
      AwsAccountId: !Ref AWS::AccountId
      AnalysisId: sales
      Name: Sales
  Template:
    Type: AWS::QuickSight::Template
    Properties:
      AwsAccountId: !Ref AWS::AccountId
      TemplateId: sales
`;

/** The floor: the same files read and parsed (yaml / jsonc-parser) in one Node process. */
const BARE_PARSE = `
const fs = require('fs');
const YAML = require(${JSON.stringify(join(root, 'node_modules', 'yaml'))});
const jsonc = require(${JSON.stringify(join(root, 'node_modules', 'jsonc-parser'))});
for (const file of JSON.parse(process.argv[1])) {
  const text = fs.readFileSync(file, 'utf8');
  if (/\\.json$/i.test(file)) jsonc.parseTree(text); else YAML.parseDocument(text);
}`;

export async function cliSection({
  workDir,
  corpus = process.env.BENCH_CORPUS,
  cfnLint = onPath('cfn-lint'),
}) {
  const rows = [];
  const section = 'CLI';
  const corpusDir = corpus ?? generatedCorpus(join(workDir, 'corpus'));
  const files = listFiles(corpusDir);
  const corpusName = corpus ? relative(process.cwd(), corpus) || corpus : 'generated corpus';
  const what = `${files.length} files of ${corpusName}`;

  const ours = run(process.execPath, [CLI, 'lint', '--format', 'json', corpusDir]);
  const oneThread = run(process.execPath, [CLI, 'lint', '--format', 'json', corpusDir], {
    env: { ...process.env, AWS_DEV_NOTES_THREADS: '1' },
  });
  const bare = run(process.execPath, ['-e', BARE_PARSE, JSON.stringify(files)]);
  if (bare.result.status !== 0) throw new Error(`bare parse failed: ${bare.result.stderr}`);
  rows.push(row(section, `lint ${what} (${availableParallelism()} threads)`, ours.ms, 'ms'));
  rows.push(row(section, `  same, one thread`, oneThread.ms, 'ms'));
  rows.push(
    row(section, `  bare yaml parse of those files in one Node process (floor)`, bare.ms, 'ms', {
      note: `ours = ${format(ours.ms / bare.ms)}x the floor`,
    }),
  );
  if (cfnLint) {
    const theirs = run('cfn-lint', ['--format', 'json', '--', ...files]);
    const ratio = theirs.ms / ours.ms;
    rows.push(row(section, `  cfn-lint over the same files`, theirs.ms, 'ms'));
    rows.push(
      row(section, `  ahead of cfn-lint`, ratio, 'x', {
        text: `${format(ratio)}x`,
        target: '≥ 30x (aim 50x)',
        met: ratio >= 30,
      }),
    );
  } else {
    rows.push(
      row(section, `  cfn-lint over the same files`, NaN, '', { text: 'skipped: cfn-lint not on PATH' }),
    );
  }

  // Cold start: a fresh process per run, median of 5.
  mkdirSync(workDir, { recursive: true });
  const small = join(workDir, 'small.yaml');
  const quicksight = join(workDir, 'quicksight.yaml');
  writeFileSync(small, SMALL);
  writeFileSync(quicksight, QUICKSIGHT);
  const cold = (file) =>
    median(Array.from({ length: 5 }, () => run(process.execPath, [CLI, 'lint', file]).ms));
  const nodeFloor = median(Array.from({ length: 5 }, () => run(process.execPath, ['-e', '0']).ms));
  const smallMs = cold(small);
  const quickMs = cold(quicksight);
  rows.push(
    row(section, 'lint one small template, cold', smallMs, 'ms', {
      target: '≤ 150 ms',
      met: smallMs <= 150,
      note: `node -e 0 alone: ${format(nodeFloor)} ms`,
    }),
  );
  if (cfnLint) rows.push(row(section, '  cfn-lint on it', run('cfn-lint', ['--', small]).ms, 'ms'));
  rows.push(
    row(section, 'lint QuickSight Dashboard + Analysis + Template, cold', quickMs, 'ms', {
      text: `${format(quickMs)} ms = ${format(quickMs / smallMs)}x small`,
      target: '≤ 1.5x small',
      met: quickMs <= 1.5 * smallMs,
    }),
  );
  return { rows, raw: { files: files.length, corpus: corpusName } };
}
