// `npm run agreement -- DIR...`: how far our CloudFormation diagnostics agree with cfn-lint's on the
// same templates. Runs cfn-lint (when it is on PATH; skipped cleanly otherwise) and our CLI
// (dist/cli.js, so `npm run build` first) over every template under the folders, then prints:
//   - recall per rule family: a cfn-lint finding counts as caught when we report anything within
//     one line of it in the same file;
//   - our errors where cfn-lint reports nothing within one line;
//   - both wall-clock times.
// A template is a .yaml/.yml/.json/.template file whose parsed top-level mapping has a `Resources`
// or `AWSTemplateFormatVersion` key; other files go to neither linter. cfn-lint's results are
// cached per set of files and contents in the OS temp folder (it takes minutes on a large corpus);
// `--no-cache` runs it again.
// Options: --details   list every miss and every extra error
//          --json      print the numbers as JSON instead of the tables
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTree } from 'jsonc-parser';
import { isMap, isScalar, parseDocument } from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const CACHE_DIR = path.join(os.tmpdir(), 'aws-dev-notes-agreement');
const REVIEWED = JSON.parse(
  fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'agreement-reviewed.json'), 'utf8'),
).entries.map((e) => ({
  ...e,
  rule: new RegExp(e.rule),
  message: new RegExp(e.message),
  parentKey: e.parentKey && new RegExp(e.parentKey),
  template: e.template && new RegExp(e.template),
}));

/** The key a (1-based) line sits under: the nearest less-indented `key:` line above it. */
function parentKeyOf(lines, line) {
  const indent = (l) => l.length - l.trimStart().length;
  const own = indent(lines[line - 1] ?? '');
  for (let i = line - 2; i >= 0; i--) {
    const m = /^\s*-?\s*"?([\w:.-]+)"?\s*:/.exec(lines[i]);
    if (m && lines[i].trim() && indent(lines[i]) < own) return m[1];
  }
  return undefined;
}

/** The reviewed entry (scripts/agreement-reviewed.json) a cfn-lint finding falls under, if any. */
function reviewedEntry(lines, text, finding) {
  return REVIEWED.find(
    (e) =>
      e.rule.test(finding.rule) &&
      e.message.test(finding.message) &&
      (!e.parentKey || e.parentKey.test(parentKeyOf(lines, finding.line) ?? '')) &&
      (!e.template || e.template.test(text)),
  );
}

/**
 * cfn-lint rule → family. Families we claim are checked by our rules; the others are listed for
 * information and left out of the overall recall.
 */
const FAMILIES = [
  ['syntax', /^E000[0-2]$/, true],
  ['template structure', /^(E1001|E1002|E1003|E1004|E1005|E3001|E3006|E3035|E3036|E3015)$/, true],
  ['properties (unknown, required, types)', /^(E3002|E3003|E3012)$/, true],
  ['allowed values', /^E3030$/, true],
  ['ranges', /^(E3034|W3034)$/, true],
  ['lengths', /^E3033$/, true],
  ['patterns', /^E3031$/, true],
  ['item counts', /^E3032$/, true],
  ['unique items', /^E3037$/, true],
  ['property relationships', /^(E3014|E3017|E3018|E3020)$/, true],
  ['runtimes', /^(E2531|W2531|E2533)$/, true],
  ['references (Ref, GetAtt, Sub, FindInMap)', /^(E1010|E1011|E1012|E1019|E1020|E1040|W1019|E1041)$/, true],
  ['intrinsic shapes', /^(E1015|E1016|E1017|E1018|E1021|E1022|E1024|E1028|E1032)$/, true],
  ['conditions', /^(E8\d{3}|W8001|W1028)$/, true],
  ['parameters', /^(E2001|E2002|E2003|E2015|W2001)$/, true],
  ['mappings', /^(E7001|W7001)$/, true],
  ['outputs', /^E6\d{3}$/, true],
  ['DependsOn', /^(E3005|W3005)$/, true],
  ['cycles', /^E3004$/, true],
  ['quotas', /^(E2010|E3010|E6010|E7010)$/, true],
];

function familyOf(ruleId) {
  for (const [name, pattern, claimed] of FAMILIES) if (pattern.test(ruleId)) return { name, claimed };
  return { name: `other (${ruleId[0]})`, claimed: false };
}

function parseArgs(argv) {
  const options = { dirs: [], details: false, json: false, cache: true };
  for (const arg of argv) {
    if (arg === '--details') options.details = true;
    else if (arg === '--json') options.json = true;
    else if (arg === '--no-cache') options.cache = false;
    else if (arg.startsWith('-')) usage(`unknown option ${arg}`);
    else options.dirs.push(arg);
  }
  if (options.dirs.length === 0) usage('give at least one folder');
  return options;
}

function usage(message) {
  console.error(
    `agreement: ${message}\nusage: npm run agreement -- [--details] [--json] [--no-cache] DIR...`,
  );
  process.exit(2);
}

const TEMPLATE_FILE = /\.(ya?ml|json|template)$/i;
const TEMPLATE_SECTIONS = new Set(['AWSTemplateFormatVersion', 'Resources']);

/**
 * Whether a file is a template: its top-level mapping has `Resources` or `AWSTemplateFormatVersion`
 * (a `Resources` key deeper down, as in a macro's event payload, does not count). Decided on the
 * parsed document, as our CLI does; both parsers recover from syntax errors, so a broken template
 * is still one.
 */
function isTemplate(file, text) {
  if (/\.json$/i.test(file) || /^\s*[{[]/.test(text)) {
    const root = parseTree(text);
    if (root?.type === 'object')
      return root.children.some((p) => TEMPLATE_SECTIONS.has(p.children?.[0]?.value));
  }
  const doc = parseDocument(text, { logLevel: 'silent', uniqueKeys: false });
  if (!isMap(doc.contents)) return false;
  return doc.contents.items.some((p) => TEMPLATE_SECTIONS.has(isScalar(p.key) ? p.key.value : p.key));
}

function templatesUnder(dir) {
  const out = [];
  const walk = (current) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === '.git') continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (TEMPLATE_FILE.test(entry.name) && isTemplate(full, fs.readFileSync(full, 'utf8')))
        out.push(full);
    }
  };
  if (fs.statSync(dir).isDirectory()) walk(dir);
  else out.push(dir);
  return out.sort();
}

function onPath(command) {
  const probe = spawnSync(command, ['--version'], { encoding: 'utf8' });
  return probe.status === 0 ? probe.stdout.trim() : undefined;
}

/** cfn-lint findings per absolute file: [{ line (1-based), rule, level, message }]. */
function runCfnLint(files, version, useCache) {
  const hash = createHash('sha256').update(version);
  for (const file of files) hash.update(file).update('\0').update(fs.readFileSync(file)).update('\0');
  const cacheFile = path.join(CACHE_DIR, `${hash.digest('hex').slice(0, 24)}.json`);
  if (useCache && fs.existsSync(cacheFile))
    return { ...JSON.parse(fs.readFileSync(cacheFile, 'utf8')), cached: true };
  const started = performance.now();
  const run = spawnSync('cfn-lint', ['--format', 'json', '--', ...files], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const seconds = (performance.now() - started) / 1000;
  if (!run.stdout.trim()) throw new Error(`cfn-lint printed nothing (exit ${run.status}): ${run.stderr}`);
  const byFile = {};
  for (const finding of JSON.parse(run.stdout)) {
    const file = path.resolve(finding.Filename);
    (byFile[file] ??= []).push({
      line: finding.Location.Start.LineNumber,
      rule: finding.Rule.Id,
      level: finding.Level,
      message: finding.Message,
    });
  }
  const result = { seconds, byFile };
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  fs.writeFileSync(cacheFile, JSON.stringify(result));
  return { ...result, cached: false };
}

/** Our diagnostics per absolute file: [{ line (1-based), code, severity, message }], and kinds. */
function runOurs(files) {
  const started = performance.now();
  const run = spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', ...files], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`our CLI failed (exit ${run.status}): ${run.stderr}`);
  const byFile = {};
  const kinds = {};
  for (const result of JSON.parse(run.stdout)) {
    const file = path.resolve(result.file);
    kinds[file] = result.kind;
    byFile[file] = result.diagnostics.map((d) => ({
      line: d.range.start.line + 1,
      endLine: d.range.end.line + 1,
      code: d.code,
      severity: d.severity,
      message: d.message,
    }));
  }
  return { seconds, byFile, kinds };
}

const near = (a, b) => Math.abs(a - b) <= 1;

/*
 * The SAM transform moves some of cfn-lint's findings off the line they are about: a translator
 * failure is reported at line 1 (`E0001 Error transforming template: Resource with id [MyApi] is
 * invalid. ...`) and a SAM function's runtime at the function's logical ID. Such a finding is
 * matched against the lines of the resource it is about: the resource the E0001 message names
 * (an event's generated id, `<Function><Event>`, names the event inside the function), or the
 * resource whose logical ID is on the finding's line for runtimes (only our runtime findings count
 * there). Our diagnostics matched this way are not counted as extra errors either.
 */
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const indentOf = (line) => line.length - line.trimStart().length;
const isFiller = (line) => !line.trim() || line.trimStart().startsWith('#');

/** Lines [first, last] (1-based) of the block under key `name` between lines `from`–`to`. */
function keyBlock(lines, name, from, to) {
  const key = new RegExp(`^\\s*(["']?)${escapeRegExp(name)}\\1\\s*:`);
  for (let i = from; i <= to && i <= lines.length; i++) {
    if (!key.test(lines[i - 1])) continue;
    const indent = indentOf(lines[i - 1]);
    let last = i;
    for (let j = i + 1; j <= to && j <= lines.length; j++) {
      if (isFiller(lines[j - 1])) continue;
      if (indentOf(lines[j - 1]) <= indent) break;
      last = j;
    }
    return [i, last];
  }
  return undefined;
}

function resourceBlock(lines, name) {
  const start = lines.findIndex((l) => /^\s*["']?Resources["']?\s*:/.test(l)) + 1;
  if (start === 0) return undefined;
  const block = keyBlock(lines, name, start + 1, lines.length);
  if (block) return block;
  for (let cut = name.length - 1; cut > 0; cut--) {
    const owner = keyBlock(lines, name.slice(0, cut), start + 1, lines.length);
    const inner = owner && keyBlock(lines, name.slice(cut), owner[0] + 1, owner[1]);
    if (inner) return inner;
  }
  return undefined;
}

const RUNTIME_FINDING = /^(E2531|W2531|E2533)$/;

/** Our diagnostics that stand for a finding the SAM transform moved, or undefined. */
function movedBySam(lines, finding, mine) {
  const named = finding.rule === 'E0001' && /Resource with id \[([A-Za-z0-9]+)\]/.exec(finding.message);
  if (named) {
    const block = resourceBlock(lines, named[1]);
    // A runtime finding inside the resource is another finding (cfn-lint reports it separately).
    return (
      block &&
      mine.filter(
        (d) =>
          d.severity === 'error' &&
          !d.code.startsWith('cfn-lambda-runtime') &&
          d.line >= block[0] &&
          d.line <= block[1],
      )
    );
  }
  if (RUNTIME_FINDING.test(finding.rule)) {
    const key = /^\s*["']?([A-Za-z0-9]+)["']?\s*:/.exec(lines[finding.line - 1] ?? '');
    const block = key && resourceBlock(lines, key[1]);
    if (!block || block[0] !== finding.line) return undefined;
    return mine.filter(
      (d) => d.code.startsWith('cfn-lambda-runtime') && d.line >= block[0] && d.line <= block[1],
    );
  }
  return undefined;
}

function compare(files, cfn, ours) {
  const families = new Map();
  const misses = [];
  const extras = [];
  for (const file of files) {
    const theirs = (cfn.byFile[file] ?? []).filter((f) => f.level !== 'Informational');
    const mine = ours.byFile[file] ?? [];
    const text = fs.readFileSync(file, 'utf8');
    const lines = text.split(/\r?\n/);
    const explained = new Set();
    for (const finding of theirs) {
      const family = familyOf(finding.rule);
      const row = families.get(family.name) ?? { ...family, total: 0, caught: 0, reviewed: 0 };
      row.total++;
      const moved = movedBySam(lines, finding, mine) ?? [];
      for (const d of moved) explained.add(d);
      const caught =
        moved.length > 0 ||
        mine.some((d) => near(d.line, finding.line) || (d.line <= finding.line && finding.line <= d.endLine));
      const reviewed = caught ? undefined : reviewedEntry(lines, text, finding);
      if (caught) row.caught++;
      else if (reviewed) row.reviewed++;
      if (!caught) misses.push({ file, ...finding, family: family.name, claimed: family.claimed, reviewed });
      families.set(family.name, row);
    }
    const all = cfn.byFile[file] ?? [];
    for (const d of mine) {
      if (d.severity !== 'error' || explained.has(d)) continue;
      if (!all.some((f) => near(f.line, d.line))) extras.push({ file, ...d });
    }
  }
  return { families, misses, extras };
}

function pct(caught, total) {
  return total ? `${((100 * caught) / total).toFixed(1)} %` : '—';
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(CLI)) usage('dist/cli.js is missing: run `npm run build` first');
  const files = options.dirs.flatMap((dir) => templatesUnder(path.resolve(dir)));
  const ours = runOurs(files);
  const version = onPath('cfn-lint');
  if (!version) {
    console.log(
      `cfn-lint is not on PATH: nothing to compare. Our CLI: ${files.length} templates in ${ours.seconds.toFixed(1)} s.`,
    );
    return;
  }
  const cfn = runCfnLint(files, version, options.cache);
  const { families, misses, extras } = compare(files, cfn, ours);
  const rows = [...families.values()].sort(
    (a, b) => Number(b.claimed) - Number(a.claimed) || b.total - a.total,
  );
  const claimed = rows.filter((r) => r.claimed);
  const total = claimed.reduce((n, r) => n + r.total, 0);
  const caught = claimed.reduce((n, r) => n + r.caught, 0);
  const reviewed = claimed.reduce((n, r) => n + r.reviewed, 0);
  const unrecognised = files.filter((f) => ours.kinds[f] !== 'cloudformation');
  const summary = {
    templates: files.length,
    notRecognised: unrecognised.length,
    recall: { caught, total },
    recallWithoutReviewed: { caught, total: total - reviewed, reviewed },
    families: rows,
    extraErrors: extras.length,
    seconds: { cfnLint: cfn.seconds, ours: ours.seconds, cfnLintCached: cfn.cached },
  };
  if (options.json) {
    console.log(JSON.stringify(summary, null, 2));
    return;
  }
  console.log(`${files.length} templates under ${options.dirs.join(', ')}; ${version}`);
  console.log('');
  console.log('| family | cfn-lint findings | we report within one line | recall |');
  console.log('|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.claimed ? r.name : `*${r.name}* (not claimed)`} | ${r.total} | ${r.caught} | ${pct(r.caught, r.total)} |`,
    );
  }
  console.log(`| **families we claim** | **${total}** | **${caught}** | **${pct(caught, total)}** |`);
  console.log('');
  console.log(
    `recall without the ${reviewed} findings docs/agreement.md shows cfn-lint is wrong about ` +
      `(scripts/agreement-reviewed.json): ${caught}/${total - reviewed} = ${pct(caught, total - reviewed)}`,
  );
  console.log(`our errors where cfn-lint reports nothing within one line: ${extras.length}`);
  console.log(`templates we do not recognise as CloudFormation: ${unrecognised.length}`);
  console.log(
    `time: cfn-lint ${cfn.seconds.toFixed(1)} s${cfn.cached ? ' (cached)' : ''}, ours ${ours.seconds.toFixed(1)} s`,
  );
  if (options.details) {
    const rel = (f) => path.relative(process.cwd(), f);
    console.log('\nmisses in claimed families:');
    for (const m of misses.filter((x) => x.claimed))
      console.log(
        `  ${rel(m.file)}:${m.line} ${m.rule} [${m.family}] ${m.message}${m.reviewed ? ` (reviewed: ${m.reviewed.doc})` : ''}`,
      );
    console.log('\nmisses in other families:');
    for (const m of misses.filter((x) => !x.claimed))
      console.log(`  ${rel(m.file)}:${m.line} ${m.rule} ${m.message.slice(0, 160)}`);
    console.log('\nour errors where cfn-lint reports nothing:');
    for (const e of extras) console.log(`  ${rel(e.file)}:${e.line} ${e.code} ${e.message}`);
    console.log('\nnot recognised:');
    for (const f of unrecognised) console.log(`  ${rel(f)} (${ours.kinds[f] ?? 'none'})`);
  }
}

try {
  main();
} catch (error) {
  console.error(`agreement: ${error.message}`);
  process.exit(2);
}
