#!/usr/bin/env node
// Checks the study notes in notes/ (one Markdown file per section of the user's notes).
//
//   node scripts/check-notes.mjs [--strict] [--seed PATH] [--notes DIR]
//
// 1. Every note (notes/NN-slug.md, README.md excluded) has valid front matter: title, topics and,
//    for a section note, section + services; a questions file has `kind: questions`.
// 2. Topics are well formed, and every `<!-- topics: … -->` annotation sits right after a heading
//    and only names topics the front matter lists (exactly or through an `AWS::Service::*` pattern).
// 3. Against the seed (the user's original single file, ../shared/seed/aws-developer-notes.md by
//    default): every `##` section maps to exactly one file, and every heading and every bullet
//    line of the seed is in that file, in the same order, at the same level / nesting depth, after
//    the fixes listed in TEXT_FIXES and HEADING_LEVEL_FIXES below. With --strict the notes must
//    hold nothing else (no extra headings or bullets). Without the seed, step 3 is skipped.
//
// Exit code: 0 when everything passes, 1 when any check fails, 2 on usage error.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';

// ---------------------------------------------------------------------------------------------
// The fixes made while turning the seed into notes/. Each entry: [seed text, text in the notes,
// number of times the seed text occurs in the seed]. They are applied to the seed's lines before
// comparing. Whitespace runs are collapsed on both sides, so double spaces need no entry.
// ---------------------------------------------------------------------------------------------
export const TEXT_FIXES = [
  // Typos.
  ['Do many people us it?', 'Do many people use it?', 1],
  ["it'a all AWS", "it's all AWS", 1],
  ['most commong', 'most common', 1],
  ['the internate', 'the internet', 1],
  ['Spot insances', 'Spot instances', 1],
  ['on-demaind', 'on-demand', 1],
  ['while instance id stopped', 'while instance is stopped', 1],
  ['takes care a lot of the stup', 'takes care of a lot of the setup', 1],
  ['protocal', 'protocol', 1],
  ['ALB, NLD, or CloudFront', 'ALB, NLB, or CloudFront', 1],
  ['I/O Ops per Secons', 'I/O Ops per Second', 1],
  ['ONly GP2', 'Only GP2', 1],
  ['Availabe DBs', 'Available DBs', 1],
  ['Scalibility', 'Scalability', 1],
  ['scalibility', 'scalability', 1],
  ['_eventuall_', '_eventually_', 1],
  ['availibility', 'availability', 1],
  ['partioning', 'partitioning', 1],
  ['which fewer than 3', 'which is fewer than 3', 1],
  ['a range if IPs', 'a range of IPs', 1],
  ['VPC peering connects to VPCs', 'VPC peering connects two VPCs', 1],
  ['Nether above', 'Neither above', 1],
  ['resctricting', 'restricting', 1],
  ['fetch data form CSV', 'fetch data from CSV', 1],
  ['resisitant', 'resistant', 1],
  ['triggger', 'trigger', 1],
  ['other AWS service:', 'other AWS services:', 1],
  ['reproduce CloudBuild locally', 'reproduce CodeBuild locally', 1],
  ['withou their', 'without their', 1],
  ['AWs resources', 'AWS resources', 1],
  ['paramaters', 'parameters', 1],
  ['eveolution', 'evolution', 1],
  ['more-details groupings', 'more-detailed groupings', 1],
  ['collection a % of traces', 'collecting a % of traces', 1],
  ['resevoir', 'reservoir', 2],
  ['per EC2 instances)', 'per EC2 instance)', 1],
  ['invokations', 'invocations', 1],
  ['eachother', 'each other', 1],
  ['funtions similaraly', 'functions similarly', 1],
  ['distributeion', 'distribution', 1],
  ['deleta a whole', 'delete a whole', 1],
  // Broken Markdown: bold inside headings (and a missing space), names that rendered as
  // emphasis or as an (invisible) HTML tag.
  ['1.**SSH**', '1. SSH', 1],
  ['2. **Security Groups**', '2. Security Groups', 1],
  ['3. **IP**', '3. IP', 1],
  ['4. **EC2 User Data**', '4. EC2 User Data', 1],
  ['7. **Pricing**', '7. Pricing', 1],
  ['8. **AMIs**', '8. AMIs', 1],
  ['_X_AMZN_TRACE_ID: tracing header', '`_X_AMZN_TRACE_ID`: tracing header', 1],
  ['AWS_XRAY_CONTEXT_MISSING: LOG_ERROR by default', '`AWS_XRAY_CONTEXT_MISSING`: `LOG_ERROR` by default', 1],
  ['AWS_XRAY_DAEMON_ADDRESS: <IP address>:<port>', '`AWS_XRAY_DAEMON_ADDRESS`: `<IP address>:<port>`', 1],
];

// Headings whose level was wrong in the seed (levels as in the seed, before the one-level shift).
// "2. SQS" is the sibling of "1. Streams (Kinesis or DynamoDB)" under "C. Event Source Mapping".
export const HEADING_LEVEL_FIXES = [{ text: '2. SQS', from: 3, to: 4 }];

// Structural changes that need no entry above:
// - Each `## N. …` section becomes its own file: `##` → `#`, `###` → `##`, `####` → `###`.
// - The seed's "Points of Discussion" preamble becomes 00-open-questions.md: its first line is the
//   `#` title, each top-level bullet (a date) becomes a `##` heading, and the bullets under it move
//   up one nesting level.
// - The seed's `# AWS Certified Developer` is the title of the whole collection: notes/README.md.
// - Lists indented by two spaces under a heading ("1. Enabling X-Ray:", "F. Lambda Layers") start
//   at column 0 in the notes; nesting depth is compared, not raw indentation, so it is unchanged.

export const COLLECTION_TITLE = 'AWS Certified Developer';
export const PREAMBLE_TITLE = 'Points of Discussion';
export const QUESTIONS_FILE = '00-open-questions.md';

// The CloudFormation pseudo-parameters and intrinsic functions (besides Ref): topics may name them,
// and scripts/notes-coverage.mjs hovers each of them.
export const PSEUDO_PARAMETERS = [
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
];
export const INTRINSIC_FUNCTIONS = [
  'Base64',
  'Cidr',
  'FindInMap',
  'ForEach',
  'GetAtt',
  'GetAZs',
  'ImportValue',
  'Join',
  'Length',
  'Select',
  'Split',
  'Sub',
  'ToJsonString',
  'Transform',
  'And',
  'Equals',
  'If',
  'Not',
  'Or',
].map((name) => `Fn::${name}`);
const CLOUDFORMATION_NAMES = new Set([...PSEUDO_PARAMETERS, ...INTRINSIC_FUNCTIONS]);
const RESOURCE_TYPE = /^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$/;
const RESOURCE_PATTERN = /^[A-Za-z0-9]+::[A-Za-z0-9]+::\*$/;
const ROMAN = /^(X{0,3})(IX|IV|V?I{0,3})$/;
const NOTE_FILE = /^(\d\d)-[a-z0-9]+(?:-[a-z0-9]+)*\.md$/;
const TOPICS_COMMENT = /^\s*<!--\s*topics:(.*?)-->\s*$/;

// ---------------------------------------------------------------------------------------------
// Markdown outline: headings, list items and other text lines, with list nesting depth.
// ---------------------------------------------------------------------------------------------

function normalizeText(text) {
  return text.trim().replace(/\s+/g, ' ');
}

/**
 * @param {string[]} lines
 * @param {number} firstLine 1-based number of lines[0] in its file
 * @returns {Array<{kind: 'h'|'li'|'p'|'topics', level?: number, depth?: number, marker?: string,
 *   text: string, line: number}>}
 */
export function outline(lines, firstLine = 1) {
  const items = [];
  let stack = []; // content columns of the open list items
  let fence = null;
  lines.forEach((raw, i) => {
    const line = raw.replace(/\t/g, '    ');
    const lineNo = firstLine + i;
    const fenceMatch = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = null;
      return;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      return;
    }
    if (/^\s*$/.test(line)) return;
    const topics = TOPICS_COMMENT.exec(line);
    if (topics) {
      items.push({ kind: 'topics', text: topics[1].trim(), line: lineNo });
      return;
    }
    if (/^\s*<!--.*-->\s*$/.test(line)) return;
    const heading = /^ {0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$/.exec(line);
    if (heading) {
      stack = [];
      items.push({
        kind: 'h',
        level: heading[1].length,
        text: normalizeText(heading[2] ?? ''),
        line: lineNo,
      });
      return;
    }
    const indent = /^ */.exec(line)[0].length;
    while (stack.length > 0 && indent < stack[stack.length - 1]) stack.pop();
    const item = /^( *)([-*+]|\d{1,9}[.)])( +)(.*)$/.exec(line);
    if (item) {
      const depth = stack.length;
      const spaces = item[3].length > 4 ? 1 : item[3].length;
      stack.push(indent + item[2].length + spaces);
      const marker = /^\d/.test(item[2]) ? `${parseInt(item[2], 10)}.` : '-';
      items.push({ kind: 'li', depth, marker, text: normalizeText(item[4]), line: lineNo });
      return;
    }
    items.push({ kind: 'p', depth: stack.length, text: normalizeText(line), line: lineNo });
  });
  return items;
}

function describe(item) {
  if (item.kind === 'h') return `${'#'.repeat(item.level)} ${item.text}`;
  if (item.kind === 'li') return `${'  '.repeat(item.depth)}${item.marker} ${item.text}`;
  return `${'  '.repeat(item.depth ?? 0)}${item.text}`;
}

function sameItem(a, b) {
  return (
    a.kind === b.kind &&
    a.text === b.text &&
    (a.level ?? 0) === (b.level ?? 0) &&
    (a.depth ?? 0) === (b.depth ?? 0) &&
    (a.marker ?? '') === (b.marker ?? '')
  );
}

// ---------------------------------------------------------------------------------------------
// Front matter
// ---------------------------------------------------------------------------------------------

/** @returns {{ yaml: string, body: string[], bodyStart: number } | null} front matter text and body lines */
export function splitFrontMatter(source) {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  if (lines[0] !== '---') return null;
  const end = lines.indexOf('---', 1);
  if (end < 0) return null;
  return { yaml: lines.slice(1, end).join('\n'), body: lines.slice(end + 1), bodyStart: end + 2 };
}

function romanValue(numeral) {
  const values = { I: 1, V: 5, X: 10 };
  let total = 0;
  for (let i = 0; i < numeral.length; i++) {
    const v = values[numeral[i]];
    const next = values[numeral[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

function topicCovers(listed, topic) {
  if (listed === topic) return true;
  return RESOURCE_PATTERN.test(listed) && topic.startsWith(listed.slice(0, -1)) && !topic.endsWith('::*');
}

function checkTopic(topic, where, errors) {
  if (typeof topic !== 'string' || topic.trim() === '') {
    errors.push(`${where}: a topic must be a non-empty string (got ${JSON.stringify(topic)})`);
    return;
  }
  if (topic !== topic.trim() || /[,\n]|-->/.test(topic)) {
    errors.push(
      `${where}: topic ${JSON.stringify(topic)} has surrounding spaces, a comma, a newline or "-->"`,
    );
  }
  if (topic.startsWith('!')) errors.push(`${where}: use the long form of ${topic} (Fn::…, Ref)`);
  if (topic.includes('::')) {
    const ok = RESOURCE_TYPE.test(topic) || RESOURCE_PATTERN.test(topic) || CLOUDFORMATION_NAMES.has(topic);
    if (!ok) {
      errors.push(
        `${where}: ${JSON.stringify(topic)} is neither a resource type (pattern), a pseudo-parameter nor an intrinsic function`,
      );
    }
  }
}

function checkStringList(value, name, where, errors) {
  if (!Array.isArray(value) || value.length === 0) {
    errors.push(`${where}: "${name}" must be a non-empty list`);
    return [];
  }
  const seen = new Set();
  for (const entry of value) {
    if (typeof entry !== 'string' || entry.trim() === '') {
      errors.push(`${where}: "${name}" entries must be non-empty strings (got ${JSON.stringify(entry)})`);
      continue;
    }
    if (seen.has(entry)) errors.push(`${where}: "${name}" lists ${JSON.stringify(entry)} twice`);
    seen.add(entry);
  }
  return value.filter((entry) => typeof entry === 'string');
}

/** Checks one note; returns what the seed comparison needs. */
function checkNote(file, source, errors, warnings) {
  const fm = splitFrontMatter(source);
  if (!fm) {
    errors.push(`${file}: missing YAML front matter (a first line "---" and a closing "---")`);
    return null;
  }
  let data;
  try {
    data = parseYaml(fm.yaml);
  } catch (err) {
    errors.push(`${file}: front matter is not valid YAML: ${err.message.split('\n')[0]}`);
    return null;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    errors.push(`${file}: front matter must be a mapping`);
    return null;
  }
  const known = new Set(['title', 'section', 'services', 'topics', 'kind']);
  for (const key of Object.keys(data)) {
    if (!known.has(key)) warnings.push(`${file}: unknown front-matter key "${key}"`);
  }
  const kind = data.kind ?? 'note';
  if (kind !== 'note' && kind !== 'questions') errors.push(`${file}: kind must be "note" or "questions"`);
  if (typeof data.title !== 'string' || data.title.trim() === '') errors.push(`${file}: "title" is required`);
  const prefix = NOTE_FILE.exec(file)?.[1];
  if (kind === 'questions') {
    if (data.section !== undefined) errors.push(`${file}: a questions file has no "section"`);
    if (data.services !== undefined) checkStringList(data.services, 'services', file, errors);
    if (prefix !== '00') errors.push(`${file}: a questions file is numbered 00`);
  } else {
    if (typeof data.section !== 'string' || !ROMAN.test(data.section) || data.section === '') {
      errors.push(`${file}: "section" must be a Roman numeral in quotes, like "XVI"`);
    } else if (prefix !== undefined && Number(prefix) !== romanValue(data.section)) {
      errors.push(`${file}: file number ${prefix} does not match section ${data.section}`);
    }
    checkStringList(data.services, 'services', file, errors);
  }
  const topics = checkStringList(data.topics, 'topics', file, errors);
  for (const topic of topics) checkTopic(topic, `${file} topics`, errors);

  const items = outline(fm.body, fm.bodyStart);
  const headings = items.filter((item) => item.kind === 'h');
  if (headings.length === 0 || headings[0].level !== 1 || items[0].kind !== 'h') {
    errors.push(`${file}: the body must start with a "# " title`);
  }
  if (headings.filter((h) => h.level === 1).length > 1) errors.push(`${file}: more than one "# " heading`);
  for (let i = 1; i < headings.length; i++) {
    if (headings[i].level > headings[i - 1].level + 1) {
      errors.push(
        `${file}:${headings[i].line}: heading level jumps from ${headings[i - 1].level} to ${headings[i].level}`,
      );
    }
  }
  // Annotations: right after a heading (blank lines allowed), one per heading, topics from the front matter.
  items.forEach((item, i) => {
    if (item.kind !== 'topics') return;
    const where = `${file}:${item.line}`;
    if (i === 0 || items[i - 1].kind !== 'h') {
      errors.push(`${where}: a topics comment must directly follow a heading`);
    }
    const names = item.text.split(',').map((t) => t.trim());
    if (names.some((t) => t === '')) errors.push(`${where}: empty topic in the topics comment`);
    for (const name of names.filter((t) => t !== '')) {
      checkTopic(name, where, errors);
      if (!topics.some((listed) => topicCovers(listed, name))) {
        errors.push(`${where}: topic "${name}" is not in the front matter topics`);
      }
    }
  });
  const bodyText = fm.body.join('\n');
  if (/<!--\s*topics\b/i.test(bodyText.replace(/^\s*<!--\s*topics:.*-->\s*$/gm, ''))) {
    errors.push(`${file}: a topics comment must be on a line of its own: <!-- topics: A, B -->`);
  }
  return {
    file,
    kind,
    section: data.section,
    topicCount: topics.length,
    items: items.filter((item) => item.kind !== 'topics'),
  };
}

// ---------------------------------------------------------------------------------------------
// Seed
// ---------------------------------------------------------------------------------------------

/** Splits the seed into the preamble and its `##` sections, with the fixes applied. */
export function readSeed(source, errors) {
  let lines = source.replace(/\r\n?/g, '\n').split('\n');
  for (const [from, to, count] of TEXT_FIXES) {
    const found = lines.reduce((n, line) => n + line.split(from).length - 1, 0);
    if (found !== count) errors.push(`seed: fix ${JSON.stringify(from)} expected ${count}×, found ${found}×`);
    lines = lines.map((line) => line.split(from).join(to));
  }
  const items = outline(lines);
  for (const fix of HEADING_LEVEL_FIXES) {
    const hits = items.filter(
      (item) => item.kind === 'h' && item.text === fix.text && item.level === fix.from,
    );
    if (hits.length !== 1) errors.push(`seed: heading fix for "${fix.text}" matched ${hits.length}×`);
    for (const hit of hits) hit.level = fix.to;
  }
  const collection = items.findIndex((item) => item.kind === 'h' && item.level === 1);
  if (collection < 0 || items[collection].text !== COLLECTION_TITLE) {
    errors.push(`seed: no "# ${COLLECTION_TITLE}" heading`);
  }
  const preamble = items.slice(0, collection < 0 ? 0 : collection).map((item) => {
    if (item.kind === 'p' && item.depth === 0 && item.text === PREAMBLE_TITLE) {
      return { ...item, kind: 'h', level: 1, depth: undefined };
    }
    if (item.kind === 'li' && item.depth === 0)
      return { kind: 'h', level: 2, text: item.text, line: item.line };
    if (item.depth !== undefined && item.depth > 0) return { ...item, depth: item.depth - 1 };
    return item;
  });
  const sections = [];
  for (const item of items.slice(collection + 1)) {
    if (item.kind === 'h' && item.level === 1) {
      errors.push(`seed:${item.line}: unexpected second "# " heading`);
      continue;
    }
    if (item.kind === 'h' && item.level === 2) sections.push({ heading: item, items: [] });
    if (sections.length === 0) {
      errors.push(`seed:${item.line}: content before the first "## " section`);
      continue;
    }
    const shifted = item.kind === 'h' ? { ...item, level: item.level - 1 } : item;
    sections[sections.length - 1].items.push(shifted);
  }
  for (const section of sections) {
    section.numeral = /^([IVXLC]+)\.\s/.exec(section.heading.text)?.[1];
    if (!section.numeral)
      errors.push(`seed:${section.heading.line}: section heading without a Roman numeral`);
  }
  return { preamble, sections };
}

/** Seed items must appear in the note in order (a subsequence); --strict: exactly. */
function compare(label, seedItems, note, strict, errors) {
  let at = 0;
  const missing = [];
  for (const item of seedItems) {
    let j = at;
    while (j < note.items.length && !sameItem(item, note.items[j])) j++;
    if (j < note.items.length) at = j + 1;
    else missing.push(item);
  }
  const lostHeadings = missing.filter((item) => item.kind === 'h');
  const lostLines = missing.filter((item) => item.kind !== 'h');
  for (const item of lostHeadings.slice(0, 20)) {
    errors.push(
      `${note.file}: heading of ${label} (seed line ${item.line}) missing or out of order: ${describe(item)}`,
    );
  }
  for (const item of lostLines.slice(0, 20)) {
    errors.push(
      `${note.file}: line of ${label} (seed line ${item.line}) missing or moved: ${describe(item)}`,
    );
  }
  if (missing.length > 40) errors.push(`${note.file}: … and ${missing.length - 40} more from ${label}`);
  if (strict && missing.length === 0 && note.items.length !== seedItems.length) {
    const extra = note.items.find((item, i) => !seedItems[i] || !sameItem(item, seedItems[i]));
    errors.push(
      `${note.file}:${extra?.line}: --strict: not in ${label}: ${extra ? describe(extra) : '(end of file)'}`,
    );
  }
  return {
    headings: seedItems.filter((item) => item.kind === 'h').length,
    lines: seedItems.filter((item) => item.kind !== 'h').length,
  };
}

// ---------------------------------------------------------------------------------------------

function parseArgs(argv, root) {
  const options = { strict: false, notes: path.join(root, 'notes'), seed: process.env.NOTES_SEED };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--strict') options.strict = true;
    else if (arg === '--seed' && argv[i + 1]) options.seed = argv[++i];
    else if (arg === '--notes' && argv[i + 1]) options.notes = argv[++i];
    else return null;
  }
  options.seed ??= path.join(root, '..', 'shared', 'seed', 'aws-developer-notes.md');
  return options;
}

export function main(argv = process.argv.slice(2)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const options = parseArgs(argv, root);
  if (!options) {
    console.error('usage: node scripts/check-notes.mjs [--strict] [--seed PATH] [--notes DIR]');
    return 2;
  }
  const errors = [];
  const warnings = [];
  if (!existsSync(options.notes)) {
    console.error(`check-notes: no folder ${options.notes}`);
    return 1;
  }
  const files = readdirSync(options.notes)
    .filter((name) => name.endsWith('.md'))
    .sort();
  const notes = [];
  if (!files.includes('README.md'))
    errors.push('README.md: missing (what the folder is, the front matter, the topic comments)');
  for (const file of files) {
    const source = readFileSync(path.join(options.notes, file), 'utf8');
    if (file === 'README.md') {
      if (splitFrontMatter(source)) errors.push('README.md: must not have front matter (it is not a note)');
      if (!source.includes(COLLECTION_TITLE))
        errors.push(`README.md: should name the collection, "${COLLECTION_TITLE}"`);
      continue;
    }
    if (!NOTE_FILE.test(file)) {
      errors.push(`${file}: note file names are NN-slug.md (two digits, lower-case words joined by "-")`);
    }
    const note = checkNote(file, source, errors, warnings);
    if (note) notes.push(note);
  }
  const bySection = new Map();
  for (const note of notes.filter((n) => n.kind === 'note' && typeof n.section === 'string')) {
    if (bySection.has(note.section)) {
      errors.push(`${note.file}: section ${note.section} is also in ${bySection.get(note.section).file}`);
    } else bySection.set(note.section, note);
  }

  let compared = { sections: 0, headings: 0, lines: 0 };
  if (existsSync(options.seed)) {
    const seed = readSeed(readFileSync(options.seed, 'utf8'), errors);
    const questions = notes.find((n) => n.file === QUESTIONS_FILE);
    if (!questions) errors.push(`${QUESTIONS_FILE}: missing (the seed's "${PREAMBLE_TITLE}")`);
    else {
      const counts = compare('the seed preamble', seed.preamble, questions, options.strict, errors);
      compared = { sections: 1, headings: counts.headings, lines: counts.lines };
    }
    for (const section of seed.sections) {
      const note = bySection.get(section.numeral);
      if (!note) {
        errors.push(`seed section "${section.heading.text}" has no note with section: "${section.numeral}"`);
        continue;
      }
      const counts = compare(`section ${section.numeral}`, section.items, note, options.strict, errors);
      compared.sections++;
      compared.headings += counts.headings;
      compared.lines += counts.lines;
    }
    const seedNumerals = new Set(seed.sections.map((s) => s.numeral));
    for (const [numeral, note] of bySection) {
      if (!seedNumerals.has(numeral)) warnings.push(`${note.file}: section ${numeral} is not in the seed`);
    }
  } else if (options.strict) {
    errors.push(`seed not found at ${options.seed} (--strict needs it; use --seed PATH)`);
  } else {
    warnings.push(`seed not found at ${options.seed}: skipped the comparison with the seed`);
  }

  for (const warning of warnings) console.warn(`warning: ${warning}`);
  for (const error of errors) console.error(`error: ${error}`);
  const topicTotal = notes.reduce((n, note) => n + note.topicCount, 0);
  console.log(
    `check-notes: ${notes.length} notes, ${topicTotal} topics; seed: ${compared.sections} sections, ` +
      `${compared.headings} headings, ${compared.lines} bullet/text lines compared` +
      `${options.strict ? ' (strict)' : ''}; ${errors.length} error(s)`,
  );
  return errors.length > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main();
}
