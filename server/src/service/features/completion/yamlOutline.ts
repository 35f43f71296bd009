/**
 * A line-by-line outline of YAML text for completion: where each line's `- ` dashes and
 * `key:` entries are, which lines are block-scalar or multi-line flow content, and the path of
 * the node that starts at a given column. It reads indentation only, so it keeps working while
 * an edit in progress breaks the YAML parse (a key with no colon yet, `Type: AWS::S3::`, …).
 */
import type { JsonPath } from '../../ast';

export interface Entry {
  kind: 'dash' | 'key' | 'scalar';
  /** Column of the `-`, of the key's first character, or of the scalar. */
  col: number;
  /** Absolute offset of the same character. */
  offset: number;
  /** The key text, without quotes. */
  key?: string;
  /** Offset just after the key text (its closing quote included). */
  keyEnd?: number;
  /** Text after `key:` or of the scalar, up to a comment, trimmed at the end. */
  value?: string;
  /** Offset where `value` starts. */
  valueOffset?: number;
}

export interface OutlineLine {
  start: number;
  /** Offset of the line end (before `\n`). */
  end: number;
  indent: number;
  /** Empty for blank and comment lines, and for lines inside block scalars and multi-line flows. */
  entries: Entry[];
  /** The entry of an earlier line whose block scalar (`|`, `>`) or unclosed flow (`[`, `{`) this line continues. */
  continues?: { line: number; entry: Entry; style: 'block' | 'flow'; ownerCol: number };
}

const QUOTED_KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')[ \t]*:(?=[ \t]|$)/;
const PLAIN_KEY = /^([^\s#'"[\]{},!&*|>%@`-][^#\n]*?|-[^\s#\n][^#\n]*?)[ \t]*:(?=[ \t]|$)/;
const BLOCK_SCALAR = /^(?:![^\s]*[ \t]+)?[|>][-+0-9]*[ \t]*$/;

/**
 * Calls `visit` with each character of a line that is outside quoted scalars, until it returns
 * true. `opensQuote(i)` says whether the quote character at `i` starts a quoted scalar.
 */
function forEachUnquoted(
  text: string,
  opensQuote: (i: number) => boolean,
  visit: (c: string, i: number) => boolean,
): void {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if ((c === '"' || c === "'") && opensQuote(i)) quote = c;
    else if (visit(c, i)) return;
  }
}

/** Removes a trailing ` # comment` that is outside quotes. */
export function stripComment(text: string): string {
  let end = text.length;
  forEachUnquoted(
    text,
    (i) => i === 0 || /[\s[{,:]/.test(text[i - 1]),
    (c, i) => {
      if (c !== '#' || (i > 0 && !/\s/.test(text[i - 1]))) return false;
      end = i;
      return true;
    },
  );
  return text.slice(0, end).trimEnd();
}

function unquote(key: string): string {
  if (key.startsWith('"')) {
    try {
      return JSON.parse(key) as string;
    } catch {
      return key.slice(1, -1);
    }
  }
  if (key.startsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key;
}

/** The entries of one line's text from `from` (the first non-space column). */
export function lineEntries(text: string, lineStart: number, from: number): Entry[] {
  const entries: Entry[] = [];
  let i = from;
  while (text[i] === '-' && (i + 1 >= text.length || text[i + 1] === ' ' || text[i + 1] === '\t')) {
    entries.push({ kind: 'dash', col: i, offset: lineStart + i });
    i++;
    while (text[i] === ' ' || text[i] === '\t') i++;
  }
  if (i >= text.length || text[i] === '#') return entries;
  const rest = text.slice(i);
  const match = QUOTED_KEY.exec(rest) ?? PLAIN_KEY.exec(rest);
  if (match) {
    const keyText = match[1];
    let v = match[0].length;
    while (rest[v] === ' ' || rest[v] === '\t') v++;
    entries.push({
      kind: 'key',
      col: i,
      offset: lineStart + i,
      key: unquote(keyText),
      keyEnd: lineStart + i + keyText.length,
      value: stripComment(rest.slice(v)),
      valueOffset: lineStart + i + v,
    });
  } else {
    entries.push({
      kind: 'scalar',
      col: i,
      offset: lineStart + i,
      value: stripComment(rest),
      valueOffset: lineStart + i,
    });
  }
  return entries;
}

/** Net depth of `[`/`{` in a flow text, ignoring quoted parts (negative when it closes more). */
export function flowDepth(text: string): number {
  let depth = 0;
  forEachUnquoted(
    text,
    () => true,
    (c, i) => {
      if (c === '[' || c === '{') depth++;
      else if (c === ']' || c === '}') depth--;
      else if (c === '#' && i > 0 && /\s/.test(text[i - 1])) return true;
      return false;
    },
  );
  return depth;
}

/** The value text of an entry that may start a block scalar or a multi-line flow. */
function opener(entry: Entry | undefined): 'block' | 'flow' | undefined {
  const value = entry?.value;
  if (!value) return undefined;
  if (BLOCK_SCALAR.test(value)) return 'block';
  const flowStart = value.replace(/^(?:![^\s[{]*\s*)*/, '');
  if ((flowStart.startsWith('[') || flowStart.startsWith('{')) && flowDepth(flowStart) > 0) return 'flow';
  return undefined;
}

export class YamlOutline {
  readonly lines: OutlineLine[] = [];

  constructor(readonly text: string) {
    let start = 0;
    let open:
      { line: number; entry: Entry; style: 'block' | 'flow'; ownerCol: number; depth: number } | undefined;
    while (start <= text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const raw = text.slice(start, end).replace(/\r$/, '');
      const indent = /^[ \t]*/.exec(raw)?.[0].length ?? 0;
      const blank =
        indent === raw.length ||
        raw[indent] === '#' ||
        /^(---|\.\.\.)(\s|$)/.test(raw) ||
        raw.startsWith('%');
      const line: OutlineLine = { start, end: start + raw.length, indent, entries: [] };
      if (open && open.style === 'block' && (blank || indent > open.ownerCol)) {
        line.continues = { line: open.line, entry: open.entry, style: 'block', ownerCol: open.ownerCol };
      } else if (open && open.style === 'flow' && (blank || indent > open.ownerCol)) {
        line.continues = { line: open.line, entry: open.entry, style: 'flow', ownerCol: open.ownerCol };
        open.depth += flowDepth(raw);
        if (open.depth <= 0) open = undefined;
      } else {
        open = undefined;
        if (!blank) {
          line.entries = lineEntries(raw, start, indent);
          const last = line.entries[line.entries.length - 1];
          const style = opener(last);
          if (style) {
            const owner =
              line.entries.length > 1 && last.kind !== 'dash' ? line.entries[line.entries.length - 2] : last;
            const ownerCol = last.kind === 'key' ? last.col : owner.col;
            const flowText = (last.value ?? '').replace(/^(?:![^\s[{]*\s*)*/, '');
            open = { line: this.lines.length, entry: last, style, ownerCol, depth: flowDepth(flowText) };
          }
        }
      }
      this.lines.push(line);
      if (end >= text.length) break;
      start = end + 1;
    }
  }

  /** Index of the line containing an offset. */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lines[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * The path of the node that starts at `col` on line `lineIndex`, where `left` are the entries
   * of that line to the left of `col` (only dashes can be there).
   */
  nodePath(lineIndex: number, col: number, left: Entry[]): JsonPath {
    const dash = left[left.length - 1];
    if (dash) return this.itemPath(lineIndex, dash, left.slice(0, -1));
    for (let j = lineIndex - 1; j >= 0; j--) {
      const entries = this.lines[j].entries;
      for (let k = entries.length - 1; k >= 0; k--) {
        const e = entries[k];
        if (e.col >= col || e.kind === 'scalar') continue;
        if (e.kind === 'key') return [...this.nodePath(j, e.col, entries.slice(0, k)), e.key ?? ''];
        return this.itemPath(j, e, entries.slice(0, k));
      }
    }
    return [];
  }

  /** The path of the sequence item that starts at a dash: the sequence's path and the item's index. */
  itemPath(lineIndex: number, dash: Entry, left: Entry[]): JsonPath {
    return [
      ...this.sequencePath(lineIndex, dash, left).path,
      this.siblingItems(lineIndex, dash, left).length,
    ];
  }

  /** The path of the sequence a dash belongs to, and where its parent entry is. */
  private sequencePath(lineIndex: number, dash: Entry, left: Entry[]): { path: JsonPath; line: number } {
    if (left.length) return { path: this.nodePath(lineIndex, dash.col, left), line: lineIndex };
    for (let j = lineIndex - 1; j >= 0; j--) {
      const entries = this.lines[j].entries;
      for (let k = entries.length - 1; k >= 0; k--) {
        const e = entries[k];
        if (e.kind === 'scalar' || e.col > dash.col) continue;
        if (e.col === dash.col && e.kind === 'dash') continue;
        if (e.col === dash.col && e.kind === 'key' && e.value) continue;
        if (e.kind === 'key')
          return { path: [...this.nodePath(j, e.col, entries.slice(0, k)), e.key ?? ''], line: j };
        return { path: this.itemPath(j, e, entries.slice(0, k)), line: j };
      }
    }
    return { path: [], line: -1 };
  }

  /** The earlier items of the sequence a dash belongs to, as their inline scalar text ('' when not a scalar). */
  siblingItems(lineIndex: number, dash: Entry, left: Entry[]): string[] {
    if (left.length) return [];
    const items: string[] = [];
    for (let j = lineIndex - 1; j >= 0; j--) {
      const entries = this.lines[j].entries;
      let stop = false;
      for (let k = entries.length - 1; k >= 0; k--) {
        const e = entries[k];
        if (e.kind === 'scalar' || e.col > dash.col) continue;
        if (e.col === dash.col && e.kind === 'dash') {
          const next = entries[k + 1];
          items.unshift(next?.kind === 'scalar' ? (next.value ?? '') : '');
          if (k > 0) stop = true;
          break;
        }
        if (e.col === dash.col && e.kind === 'key' && e.value) continue;
        stop = true;
        break;
      }
      if (stop) break;
    }
    return items;
  }

  /** Keys of the block map at `col` around line `lineIndex` (that line itself excluded). */
  siblingKeys(lineIndex: number, col: number, startsOnLine: boolean): Set<string> {
    const keys = new Set<string>();
    if (!startsOnLine) {
      for (let j = lineIndex - 1; j >= 0; j--) {
        const entries = this.lines[j].entries;
        let stop = false;
        for (let k = entries.length - 1; k >= 0; k--) {
          const e = entries[k];
          if (e.col === col && e.kind === 'key') keys.add(e.key ?? '');
          else if (e.col < col && e.kind !== 'scalar') {
            stop = true;
            break;
          }
        }
        if (stop) break;
      }
    }
    for (let j = lineIndex + 1; j < this.lines.length; j++) {
      const entries = this.lines[j].entries;
      if (!entries.length) continue;
      if (entries[0].col < col) break;
      for (const e of entries) if (e.col === col && e.kind === 'key') keys.add(e.key ?? '');
    }
    return keys;
  }

  /** The line of the block-style key at a path of keys from the root. */
  findKey(path: string[]): { line: number; entry: Entry } | undefined {
    let from = 0;
    let parentCol = -1;
    let found: { line: number; entry: Entry } | undefined;
    for (const segment of path) {
      let childCol: number | undefined;
      let hit: { line: number; entry: Entry } | undefined;
      for (let j = from; j < this.lines.length && !hit; j++) {
        const first = this.lines[j].entries[0];
        if (!first) continue;
        if (first.col <= parentCol) break;
        childCol ??= first.col;
        if (first.kind === 'key' && first.col === childCol && first.key === segment)
          hit = { line: j, entry: first };
      }
      if (!hit) return undefined;
      found = hit;
      from = hit.line + 1;
      parentCol = hit.entry.col;
    }
    return found;
  }

  /** The keys of the block map under a path of keys (the root map for []), with their lines. */
  childEntries(path: string[]): { key: string; line: number }[] {
    const parent = path.length ? this.findKey(path) : undefined;
    if (path.length && !parent) return [];
    return this.entriesBelow(parent ? parent.line : -1, parent ? parent.entry.col : -1);
  }

  childKeys(path: string[]): string[] {
    return this.childEntries(path).map((e) => e.key);
  }

  /** The inline value of `key` directly inside the block of the key entry on `line`. */
  valueBelow(line: number, key: string): string | undefined {
    const col = this.lines[line]?.entries.find((e) => e.kind === 'key')?.col ?? -1;
    const found = this.entriesBelow(line, col).find((e) => e.key === key);
    return found && this.lines[found.line].entries.find((e) => e.kind === 'key')?.value;
  }

  private entriesBelow(line: number, parentCol: number): { key: string; line: number }[] {
    const out: { key: string; line: number }[] = [];
    let childCol: number | undefined;
    for (let j = line + 1; j < this.lines.length; j++) {
      const first = this.lines[j].entries[0];
      if (!first) continue;
      if (first.col <= parentCol) break;
      childCol ??= first.col;
      if (first.kind === 'key' && first.col === childCol) out.push({ key: first.key ?? '', line: j });
    }
    return out;
  }
}

/** The most common indentation step of the text (2 when it cannot tell). */
export function indentUnit(outline: YamlOutline): number {
  const counts = new Map<number, number>();
  let previous = 0;
  for (const line of outline.lines) {
    if (!line.entries.length) continue;
    const step = line.indent - previous;
    if (step > 0 && step <= 8) counts.set(step, (counts.get(step) ?? 0) + 1);
    previous = line.indent;
  }
  let best = 2;
  let bestCount = 0;
  for (const [step, count] of counts) {
    if (count > bestCount) {
      best = step;
      bestCount = count;
    }
  }
  return best;
}
