// The seed (the user's original single file of notes) for scripts/check-notes.mjs: the fixes made
// while turning it into notes/, its preamble and `##` sections with those fixes applied, and the
// comparison of a section with its note (every seed heading and line, in order).
import { describe, outline, sameItem } from './notes-outline.mjs';

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
export function compare(label, seedItems, note, strict, errors) {
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
