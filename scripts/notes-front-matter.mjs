// The front matter and topics of one note for scripts/check-notes.mjs: title, kind, section
// (a Roman numeral matching the file number), services, topics (resource types, patterns,
// pseudo-parameters, intrinsic functions), and the `<!-- topics: … -->` comments in the body.
import { parse as parseYaml } from 'yaml';
import { importTs } from './import-ts.mjs';
import { outline } from './notes-outline.mjs';

// The CloudFormation pseudo-parameters (the language service's own list) and intrinsic functions
// (besides Ref): topics may name them, and scripts/notes-coverage.mjs hovers each of them.
export const { PSEUDO_PARAMETERS } = await importTs('server/src/service/rules/cloudformation/template.ts');
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
export const NOTE_FILE = /^(\d\d)-[a-z0-9]+(?:-[a-z0-9]+)*\.md$/;

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
export function checkNote(file, source, errors, warnings) {
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
