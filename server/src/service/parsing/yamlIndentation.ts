/**
 * One problem per indentation slip. The `yaml` parser reports a key indented one space too
 * little or too much as two or three errors (bad indent, compact mapping, multi-line implicit
 * key), none of which says what happened; this finds the slipped line and says it in words.
 */

interface Located {
  code: string;
  start: number;
  end: number;
  message: string;
}

export interface IndentationSlip {
  start: number;
  end: number;
  message: string;
  /** The parser errors this slip explains (not reported on their own). */
  explains: Located[];
  /** Offsets of the lines the slip breaks: what rules find there is not reported. */
  affected: [number, number];
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function lineOf(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

function lineText(text: string, starts: number[], line: number): string {
  const end = line + 1 < starts.length ? starts[line + 1] - 1 : text.length;
  return text.slice(starts[line], end).replace(/\r$/, '');
}

const indentOf = (line: string): number => /^ */.exec(line)?.[0].length ?? 0;
const isContent = (line: string): boolean => !/^\s*(#.*)?$/.test(line);

/** The nearest line with content before (`step` -1) or after (+1) `line`. */
function neighbour(text: string, starts: number[], line: number, step: 1 | -1): number | undefined {
  for (let l = line + step; l >= 0 && l < starts.length; l += step) {
    if (isContent(lineText(text, starts, l))) return l;
  }
  return undefined;
}

function keyEnd(line: string, indent: number): number {
  const colon = line.indexOf(':', indent);
  return colon > indent ? colon : line.length;
}

function spaces(n: number): string {
  return `${n} space${n === 1 ? '' : 's'}`;
}

/** Indentations of the keys above `line` that could own it: each less indented than the one after. */
function ownerIndents(text: string, starts: number[], line: number): number[] {
  const indents: number[] = [];
  let limit = Infinity;
  for (let l = line - 1; l >= 0; l--) {
    const own = lineText(text, starts, l);
    if (!/^\s*[^\s#-][^:]*:(\s|$)/.test(own)) continue;
    const indent = indentOf(own);
    if (indent < limit) {
      indents.push(indent);
      limit = indent;
    }
  }
  return indents;
}

function slipAt(
  text: string,
  starts: number[],
  line: number,
  from: number,
  explains: Located[],
): IndentationSlip {
  const own = lineText(text, starts, line);
  const indent = indentOf(own);
  const owners = ownerIndents(text, starts, line);
  const below = Math.max(-1, ...owners.filter((i) => i < indent));
  const above = Math.min(Infinity, ...owners.filter((i) => i > indent));
  const message =
    above !== Infinity && below >= 0
      ? `Indentation: this line is indented ${spaces(indent)}, between the keys above it at ${below} and ${above}. Line it up with the keys of the mapping it belongs to.`
      : `Indentation: this line is indented ${spaces(indent)}, more than the key above it (${spaces(Math.max(below, 0))}). Keys of one mapping must start in the same column; to nest a mapping, end the line above at its colon.`;
  return {
    start: starts[line] + indent,
    end: starts[line] + Math.max(keyEnd(own, indent), indent + 1),
    message,
    explains,
    affected: [starts[from], starts[line] + own.length],
  };
}

export function indentationSlips(text: string, errors: Located[]): IndentationSlip[] {
  const starts = lineStarts(text);
  const slips: IndentationSlip[] = [];
  const used = new Set<Located>();
  const onLine = (line: number): Located[] => errors.filter((e) => lineOf(starts, e.start) === line);
  for (const error of errors) {
    if (used.has(error)) continue;
    const line = lineOf(starts, error.start);
    if (error.code === 'BAD_INDENT' && /same column/.test(error.message)) {
      // A key indented less than its siblings: the line above is one of them.
      const above = neighbour(text, starts, line, -1);
      if (above === undefined) continue;
      const explains = onLine(line);
      explains.forEach((e) => used.add(e));
      slips.push(slipAt(text, starts, line, line, explains));
    } else if (error.code === 'BLOCK_AS_IMPLICIT_KEY' || error.code === 'MULTILINE_IMPLICIT_KEY') {
      // `key: value` followed by a key indented more: the next line slipped to the right.
      const below = neighbour(text, starts, line, 1);
      const own = lineText(text, starts, line);
      if (below === undefined || !/:\s+\S/.test(own)) continue;
      const next = lineText(text, starts, below);
      if (indentOf(next) <= indentOf(own) || !/^\s*[^\s#][^:]*:(\s|$)/.test(next)) continue;
      const explains = [...onLine(line), ...onLine(below)];
      explains.forEach((e) => used.add(e));
      slips.push(slipAt(text, starts, below, line, explains));
    }
  }
  return slips;
}
