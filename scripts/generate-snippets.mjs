// Writes the CloudFormation snippet files from their one source: snippets/src/cloudformation/*.mjs
// → snippets/cloudformation.json (YAML, short tags) and snippets/cloudformation-json.json (JSON).
// `--check` writes nothing and fails when a committed file differs from what the sources give.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { Block, Intrinsic, Raw } from '../snippets/src/dsl.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIR = path.join(ROOT, 'snippets/src/cloudformation');

/** The text a snippet string shows with its placeholders at their defaults. */
function shown(text) {
  let previous;
  let out = text;
  do {
    previous = out;
    out = out
      .replace(/\$\{\d+\|([^,|}]*)[^}]*\}/g, '$1')
      .replace(/\$\{\d+:([^${}]*)\}/g, '$1')
      .replace(/\$\{\d+\}|\$\d+/g, '');
  } while (out !== previous);
  return out.replace(/\\([$}\\])/g, '$1');
}

const PLAIN = /^[A-Za-z0-9_/.][\w./:@*+() -]*$/;
const NOT_A_STRING =
  /^(?:true|false|yes|no|on|off|null|~|[-+]?[\d._]+(?:e[-+]?\d+)?|0x[\da-f]+|\d{4}-\d\d-\d\d.*)$/i;

function yamlString(text, flow = false) {
  const value = shown(text);
  const plain =
    value !== '' &&
    PLAIN.test(value) &&
    !NOT_A_STRING.test(value) &&
    !value.endsWith(' ') &&
    !/: | #/.test(value) &&
    !(flow && /[,[\]{}]/.test(value));
  if (plain) return text;
  // Double quotes read best, but treat a backslash as an escape: single quotes then.
  return /["\\]/.test(value) ? `'${text}'` : `"${text}"`;
}

function isScalar(value) {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value) || value instanceof Raw;
}

function yamlScalar(value, flow = false) {
  if (value instanceof Raw) return value.text;
  if (typeof value === 'string') return yamlString(value, flow);
  return String(value);
}

/** An intrinsic function or list that fits on one line in YAML flow style, or undefined. */
function yamlFlow(value) {
  if (isScalar(value)) return yamlScalar(value, true);
  if (Array.isArray(value)) {
    const items = value.map(yamlFlow);
    return items.every((item) => item !== undefined) ? `[${items.join(', ')}]` : undefined;
  }
  if (value instanceof Intrinsic) return yamlTag(value);
  return undefined;
}

function yamlTag(call) {
  if (call.name === 'GetAtt' && Array.isArray(call.args) && call.args.every((a) => typeof a === 'string')) {
    return `!GetAtt ${call.args.join('.')}`;
  }
  const args = yamlFlow(call.args);
  if (args === undefined) throw new Error(`!${call.name}: arguments too complex for one line`);
  return `!${call.name} ${args}`;
}

function yamlLines(value, indent) {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      if (isScalar(item) || item instanceof Intrinsic) return [`${pad}- ${yamlFlow(item)}`];
      const lines = yamlLines(item, indent + 2);
      return [`${pad}- ${lines[0].trimStart()}`, ...lines.slice(1)];
    });
  }
  return Object.entries(value).flatMap(([key, item]) => {
    const head = `${pad}${yamlString(key)}:`;
    if (item instanceof Block) return [`${head} |`, ...item.lines.map((line) => `${pad}  ${line}`)];
    if (item instanceof Intrinsic && item.args instanceof Block) {
      return [`${head} !${item.name} |`, ...item.args.lines.map((line) => `${pad}  ${line}`)];
    }
    if (isScalar(item) || item instanceof Intrinsic) return [`${head} ${yamlFlow(item)}`];
    if (Array.isArray(item) && item.length === 0) return [`${head} []`];
    if (!Array.isArray(item) && Object.keys(item).length === 0) return [`${head} {}`];
    return [head, ...yamlLines(item, indent + 2)];
  });
}

function jsonScalar(value) {
  if (value instanceof Raw) return value.text;
  if (typeof value === 'string') return `"${value.replace(/"/g, '\\"')}"`;
  return String(value);
}

function jsonInline(value) {
  if (isScalar(value)) return jsonScalar(value);
  if (value instanceof Block) return `"${value.lines.join('\\n')}"`;
  if (value instanceof Intrinsic) {
    const name = value.name === 'Ref' ? 'Ref' : `Fn::${value.name}`;
    return `{ "${name}": ${jsonInline(value.args)} }`;
  }
  if (Array.isArray(value)) return `[${value.map(jsonInline).join(', ')}]`;
  return `{ ${Object.entries(value)
    .map(([k, v]) => `"${k}": ${jsonInline(v)}`)
    .join(', ')} }`;
}

/** Short enough for one line: scalars, intrinsic functions, lists of those. */
function jsonFitsLine(value) {
  if (isScalar(value) || value instanceof Intrinsic || value instanceof Block) return true;
  if (Array.isArray(value)) return value.every((v) => isScalar(v) || v instanceof Intrinsic);
  return false;
}

function jsonLines(value, indent) {
  const pad = ' '.repeat(indent);
  if (jsonFitsLine(value)) return [pad + jsonInline(value)];
  if (Array.isArray(value)) {
    const items = value.map((item) => jsonLines(item, indent + 2));
    return [`${pad}[`, ...items.flatMap((lines, i) => withComma(lines, i < items.length - 1)), `${pad}]`];
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return [`${pad}{}`];
  return [`${pad}{`, ...jsonMembers(value, indent + 2), `${pad}}`];
}

function withComma(lines, comma) {
  return comma ? [...lines.slice(0, -1), `${lines[lines.length - 1]},`] : lines;
}

/** The members of an object, without its braces. */
function jsonMembers(value, indent) {
  const pad = ' '.repeat(indent);
  const entries = Object.entries(value);
  return entries.flatMap(([key, item], i) => {
    const lines = jsonLines(item, indent);
    lines[0] = `${pad}"${key}": ${lines[0].trimStart()}`;
    return withComma(lines, i < entries.length - 1);
  });
}

/** A snippet's body in one format; whole files are printed complete, entries without braces. */
function body(snippet, format) {
  if (format === 'yaml') return [...yamlLines(snippet.body, 0), '$0'];
  return snippet.file ? jsonLines(snippet.body, 0) : jsonMembers(snippet.body, 0);
}

export async function loadSources() {
  const files = fs
    .readdirSync(SOURCE_DIR)
    .filter((f) => f.endsWith('.mjs'))
    .sort();
  const snippets = [];
  for (const file of files) {
    const module = await import(path.join(SOURCE_DIR, file));
    snippets.push(...module.default);
  }
  return snippets;
}

export function render(snippets, format) {
  const out = {};
  for (const snippet of snippets) {
    if (snippet.only && snippet.only !== format) continue;
    const title = format === 'json' ? `${snippet.title} (JSON)` : snippet.title;
    if (out[title]) throw new Error(`duplicate snippet title ${title}`);
    out[title] = { prefix: snippet.prefix, description: snippet.description, body: body(snippet, format) };
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}

const TARGETS = [
  ['snippets/cloudformation.json', 'yaml'],
  ['snippets/cloudformation-json.json', 'json'],
];

async function main() {
  const check = process.argv.includes('--check');
  const snippets = await loadSources();
  let stale = 0;
  for (const [file, format] of TARGETS) {
    const target = path.join(ROOT, file);
    // Printed the way `npm run format` would, so the committed file passes format:check.
    const options = (await prettier.resolveConfig(target)) ?? {};
    const text = await prettier.format(render(snippets, format), { ...options, filepath: target });
    if (check) {
      const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
      if (current !== text) {
        console.error(`${file} is out of date: run node scripts/generate-snippets.mjs`);
        stale++;
      }
    } else {
      fs.writeFileSync(target, text);
      console.log(`${file}: ${Object.keys(JSON.parse(text)).length} snippets`);
    }
  }
  process.exitCode = stale ? 1 : 0;
}

await main();
