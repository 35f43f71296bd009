/**
 * The completion site in a YAML document, read from the text around the cursor: the outline
 * gives the path from indentation (so a key with no colon yet, or a syntax error elsewhere, does
 * not matter), and the flow scanner reads the value on the cursor's line.
 */
import type { JsonPath } from '../../ast';
import type { FlowPosition } from './flowScanner';
import { scanFlow } from './flowScanner';
import type { Site } from './site';
import { emptySite, unquoteScalar } from './site';
import type { Entry } from './yamlOutline';
import { indentUnit, stripComment, YamlOutline } from './yamlOutline';

let lastOutline: YamlOutline | undefined;

/** The outline of a text, reused while the text is the same (completion, then resolve, then again). */
export function outlineFor(text: string): YamlOutline {
  if (lastOutline?.text !== text) lastOutline = new YamlOutline(text);
  return lastOutline;
}

/** The path of the value an entry starts (a key's value, or a list item's scalar). */
function entryValuePath(outline: YamlOutline, lineIndex: number, entry: Entry): JsonPath {
  const entries = outline.lines[lineIndex].entries;
  const k = entries.indexOf(entry);
  const base = outline.nodePath(lineIndex, entry.col, entries.slice(0, Math.max(k, 0)));
  return entry.kind === 'key' ? [...base, entry.key ?? ''] : base;
}

/** Where a plain word that continues past the cursor ends. */
function plainEnd(text: string, offset: number, stop: RegExp): number {
  let end = offset;
  while (end < text.length && !stop.test(text[end])) end++;
  return end;
}

/** Where a quoted token that is open at the cursor closes (after its quote), or the line end. */
function quotedEnd(text: string, offset: number, quote: string): number {
  for (let i = offset; i < text.length && text[i] !== '\n'; i++) {
    if (quote === '"' && text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] === quote) return i + 1;
  }
  return offset;
}

function applyScan(site: Site, text: string, basePath: JsonPath, scan: FlowPosition): Site {
  site.path = [...basePath, ...scan.segments];
  site.mode = scan.mode;
  site.flow = scan.inFlow;
  site.tag = scan.tag;
  site.items = scan.items;
  if (scan.mode === 'key') site.existingKeys = new Set(scan.keys);
  site.start = scan.tokenStart;
  site.quote = scan.quote;
  if (scan.quote) site.end = quotedEnd(text, site.offset, scan.quote);
  else site.end = plainEnd(text, site.offset, scan.inFlow ? /[\s,[\]{}#]/ : /[\s#]/);
  site.prefix = text.slice(site.start + (scan.quote ? 1 : 0), site.offset);
  site.textBefore = site.prefix;
  return site;
}

export function analyzeYaml(text: string, offset: number): Site | undefined {
  const outline = outlineFor(text);
  const lineIndex = outline.lineAt(offset);
  const line = outline.lines[lineIndex];
  const col = offset - line.start;
  const before = text.slice(line.start, offset);
  const site = emptySite('yaml', offset);
  site.indentUnit = indentUnit(outline);
  site.column = col;

  const cont = line.continues;
  const blankBefore = !before.trim();
  if (cont && cont.style === 'block' && !(blankBefore && col <= cont.ownerCol)) {
    const tags = /^((?:![^\s|>]*\s+)*)/.exec(cont.entry.value ?? '')?.[1] ?? '';
    const scan = scanFlow(`${tags}x`, 0, tags.length);
    site.path = [...entryValuePath(outline, cont.line, cont.entry), ...(scan?.segments ?? [])];
    site.mode = 'value';
    site.blockScalar = true;
    site.textBefore = before;
    site.start = offset - (/[\w:.]*$/.exec(before)?.[0].length ?? 0);
    site.end = plainEnd(text, offset, /[^\w:.]/);
    site.prefix = text.slice(site.start, offset);
    return site;
  }
  if (cont && cont.style === 'flow') {
    const scan = scanFlow(text, cont.entry.valueOffset ?? offset, offset);
    return scan && applyScan(site, text, entryValuePath(outline, cont.line, cont.entry), scan);
  }
  if (!cont && stripComment(before) !== before.trimEnd()) return undefined;

  const entries = cont ? [] : line.entries;
  const dashes = entries.filter((e) => e.kind === 'dash' && e.offset < offset);
  const node = entries.find((e) => e.kind !== 'dash');
  if (node && node.offset > offset) return undefined;
  if (!node && dashes.length < entries.length) return undefined;
  const lastDash = dashes[dashes.length - 1];
  const rightAfterDash = !!lastDash && offset === lastDash.offset + 1;
  const nodeCol = node ? node.col : lastDash ? Math.max(lastDash.col + 2, col) : col;
  site.column = nodeCol;
  if (lastDash)
    site.items = outline.siblingItems(lineIndex, lastDash, dashes.slice(0, -1)).map(unquoteScalar);

  if (node?.kind === 'key') {
    const colon = text.indexOf(':', node.keyEnd ?? node.offset);
    if (offset > colon) {
      const valuePath = [...outline.nodePath(lineIndex, node.col, dashes), node.key ?? ''];
      const scan = scanFlow(text, Math.min(node.valueOffset ?? offset, offset), offset);
      if (!scan) return undefined;
      applyScan(site, text, valuePath, scan);
      site.needsSpace = offset === colon + 1 && site.start === offset;
      return site;
    }
    site.mode = 'key';
    site.path = outline.nodePath(lineIndex, node.col, dashes);
    site.existingKeys = outline.siblingKeys(lineIndex, node.col, dashes.length > 0);
    site.hasColon = true;
    site.start = node.offset;
    site.end = node.keyEnd ?? offset;
    site.prefix = text.slice(site.start, offset);
    return site;
  }

  const wordStart = node ? node.offset : offset;
  const typed = text.slice(wordStart, offset);
  const nodePath = outline.nodePath(lineIndex, nodeCol, dashes);
  if (/^[!"'[{]/.test(typed)) {
    const scan = scanFlow(text, wordStart, offset);
    if (scan && !scan.inFlow) scan.items = site.items;
    return scan && applyScan(site, text, nodePath, scan);
  }
  site.path = nodePath;
  site.start = wordStart;
  site.end = plainEnd(text, offset, /[\s:#,[\]{}]/);
  site.prefix = typed;
  site.textBefore = typed;
  site.needsSpace = rightAfterDash;
  if (/\s/.test(typed)) {
    site.mode = 'value';
    return site;
  }
  site.mode = 'key';
  site.ambiguous = true;
  site.existingKeys = outline.siblingKeys(lineIndex, nodeCol, dashes.length > 0);
  return site;
}
