/**
 * The completion site in a JSON document: jsonc-parser's location scanner gives the path and
 * whether a key is being typed, even while the document is incomplete; the range is the string
 * (with its quotes) or the bare word under the cursor.
 */
import type { AstNode } from '../../ast';
import { getNodeAtPath, scalarText } from '../../ast';
import { jsoncParser } from '../../utils/lazyPackages';
import type { Site } from './site';
import { emptySite } from './site';

const WORD = /[A-Za-z0-9_.$<>@/+-]/;

function bareWord(text: string, offset: number): { start: number; end: number } {
  let start = offset;
  while (start > 0 && WORD.test(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && WORD.test(text[end])) end++;
  return { start, end };
}

function nextSignificant(text: string, from: number): string {
  const match = /\S/.exec(text.slice(from, from + 200));
  return match ? match[0] : '';
}

function previousSignificant(text: string, before: number): string {
  for (let i = before - 1; i >= 0; i--) if (!/\s/.test(text[i])) return text[i];
  return '';
}

/**
 * The keys written after an offset in the same object, read from the text: while a key is being
 * typed (`{"Vis|" "Other": 1}`, no comma yet) the parser loses the keys that follow it.
 */
function keysAfter(text: string, from: number): string[] {
  const keys: string[] = [];
  let depth = 0;
  for (let i = from; i < text.length && i < from + 100_000; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      if (depth === 0 && /^\s*:/.test(text.slice(j + 1, j + 20))) {
        try {
          keys.push(JSON.parse(text.slice(i, j + 1)) as string);
        } catch {
          // not a complete string
        }
      }
      i = j;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (depth === 0) break;
      depth--;
    }
  }
  return keys;
}

export function analyzeJson(text: string, offset: number, root: AstNode | undefined): Site {
  const site = emptySite('json', offset);
  site.flow = true;
  const location = jsoncParser().getLocation(text, offset);
  const previous = location.previousNode;
  const inNode = previous && offset > previous.offset && offset <= previous.offset + previous.length;
  if (inNode && previous && (previous.type === 'string' || previous.type === 'property')) {
    site.start = previous.offset;
    site.end = previous.offset + previous.length;
    site.quote = '"';
    site.prefix = text.slice(previous.offset + 1, offset);
  } else if (inNode && previous) {
    site.start = previous.offset;
    site.end = previous.offset + previous.length;
    site.prefix = text.slice(site.start, offset);
  } else {
    const word = bareWord(text, offset);
    site.start = word.start;
    site.end = word.end;
    site.prefix = text.slice(word.start, offset);
  }
  site.textBefore = site.prefix;
  const after = nextSignificant(text, site.end);
  if (location.isAtPropertyKey) {
    site.mode = 'key';
    site.path = location.path.slice(0, -1);
    site.hasColon = after === ':';
    const object = getNodeAtPath(root, site.path);
    if (object?.type === 'object') {
      for (const p of object.properties) if (p.key.offset !== site.start) site.existingKeys.add(p.key.value);
    }
    for (const key of keysAfter(text, site.end)) site.existingKeys.add(key);
    site.needsComma = !site.hasColon && after === '"';
    return site;
  }
  site.mode = 'value';
  site.path = location.path;
  site.needsSpace =
    site.start === offset && previousSignificant(text, offset) === ':' && text[offset - 1] === ':';
  site.needsComma = /^["{[0-9tfn-]$/.test(after);
  const last = site.path[site.path.length - 1];
  if (typeof last === 'number') {
    const list = getNodeAtPath(root, site.path.slice(0, -1));
    if (list?.type === 'array') {
      site.items = list.items.slice(0, last).map((item: AstNode) => scalarText(item) ?? '');
    }
  }
  return site;
}
