// Benchmark section: the CLI against cfn-lint (when on PATH) over a corpus of templates, the
// bare-parse floor of that corpus, and cold start-up on one small template and on the giant
// QuickSight types.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { generateTemplate } from './generate.mjs';
import { format, median, onPath, root, row, run, runCpu } from './lib.mjs';

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
  // The options the service parses with (yamlConvert.ts), without its tags.
  if (/\\.json$/i.test(file)) jsonc.parseTree(text);
  else YAML.parseDocument(text, { uniqueKeys: false, prettyErrors: false, strict: false, keepSourceTokens: false });
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

  const ours = runCpu(process.execPath, [CLI, 'lint', '--format', 'json', corpusDir], {
    env: { ...process.env, AWS_DEV_NOTES_POOL_REPORT: '1' },
  });
  // The files each thread linted, the main thread's first (cliPool.ts).
  const shares = /^pool: (.*)$/m.exec(ours.stderr)?.[1] ?? '?';
  const oneThread = runCpu(process.execPath, [CLI, 'lint', '--format', 'json', corpusDir], {
    env: { ...process.env, AWS_DEV_NOTES_THREADS: '1' },
  });
  const bare = runCpu(process.execPath, ['-e', BARE_PARSE, JSON.stringify(files)]);
  const times = (t) => `${format(t.ms)} ms wall, ${format(t.cpuMs)} ms CPU`;
  const threads = shares.split(' ').length;
  rows.push(
    row(
      section,
      `lint ${what} (${threads} thread${threads > 1 ? 's' : ''}, files each: ${shares}; ${availableParallelism()} cores, load ${format(loadavg()[0])})`,
      ours.ms,
      'ms',
      { text: times(ours) },
    ),
  );
  rows.push(row(section, `  same, one thread`, oneThread.ms, 'ms', { text: times(oneThread) }));
  const twoThreads = runCpu(process.execPath, [CLI, 'lint', '--format', 'json', corpusDir], {
    env: { ...process.env, AWS_DEV_NOTES_THREADS: '2' },
  });
  rows.push(row(section, `  same, two threads`, twoThreads.ms, 'ms', { text: times(twoThreads) }));
  rows.push(
    row(section, `  bare yaml parse of those files in one Node process (floor)`, bare.ms, 'ms', {
      text: times(bare),
      note: `ours = ${format(Math.min(ours.ms, oneThread.ms) / bare.ms)}x the floor (wall), ${format(oneThread.cpuMs / bare.cpuMs)}x (CPU, one thread)`,
    }),
  );
  if (cfnLint) {
    const theirs = runCpu('cfn-lint', ['--format', 'json', '--', ...files]);
    const ratio = theirs.ms / ours.ms;
    const cpuRatio = theirs.cpuMs / oneThread.cpuMs;
    rows.push(row(section, `  cfn-lint over the same files`, theirs.ms, 'ms', { text: times(theirs) }));
    rows.push(
      row(section, `  ahead of cfn-lint`, ratio, 'x', {
        text: `${format(ratio)}x wall (${format(cpuRatio)}x in CPU time, one thread)`,
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
  const five = (args) => Array.from({ length: 5 }, () => runCpu(process.execPath, args));
  const medianRun = (runs) => ({
    ms: median(runs.map((r) => r.ms)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
  });
  const nodeFloor = medianRun(five(['-e', '0']));
  const smallRun = medianRun(five([CLI, 'lint', small]));
  const quickRun = medianRun(five([CLI, 'lint', quicksight]));
  const smallMs = smallRun.ms;
  const quickMs = quickRun.ms;
  rows.push(
    row(section, 'lint one small template, cold (median of 5)', smallMs, 'ms', {
      text: `${format(smallMs)} ms wall, ${format(smallRun.cpuMs)} ms CPU`,
      target: '≤ 150 ms',
      met: smallMs <= 150,
      note: `node -e 0 alone: ${format(nodeFloor.ms)} ms wall, ${format(nodeFloor.cpuMs)} ms CPU`,
    }),
  );
  if (cfnLint) rows.push(row(section, '  cfn-lint on it', run('cfn-lint', ['--', small]).ms, 'ms'));
  rows.push(
    row(section, 'lint QuickSight Dashboard + Analysis + Template, cold', quickMs, 'ms', {
      text: `${format(quickMs)} ms = ${format(quickMs / smallMs)}x small (CPU ${format(quickRun.cpuMs)} ms = ${format(quickRun.cpuMs / smallRun.cpuMs)}x)`,
      target: '≤ 1.5x small',
      met: quickMs <= 1.5 * smallMs,
    }),
  );
  return { rows, raw: { files: files.length, corpus: corpusName } };
}
