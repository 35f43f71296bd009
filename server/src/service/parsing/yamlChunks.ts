/**
 * Splits a YAML document into pieces that parse the same on their own as inside the whole text:
 * its top-level sections (a key at column 0) and, inside a section whose value is a block map,
 * that map's entries (keys at the indentation of its first entry). A piece ends where the next
 * one starts, so every character belongs to exactly one piece.
 *
 * Only block structure is read here, line by line: when the text has something this reading
 * cannot follow (directives, several documents, tabs in indentation, a root that is not a block
 * map), there is no plan and the caller parses the whole text.
 */

export interface SectionPlan {
  /** Offset of the section's first line (0 for the first section: what precedes it is its own). */
  start: number;
  end: number;
  /**
   * Where the section's entries start when it is split; its header (the key line and what
   * follows up to the first entry) is then `[start, children[0])`.
   */
  children: number[] | undefined;
}

interface Draft {
  start: number;
  /** The key line has nothing after the colon but a comment: the value may be a block map. */
  header: boolean;
  childIndent: number;
  children: number[];
  splittable: boolean;
}

const SPACE = 32;
const TAB = 9;
const CR = 13;
const HASH = 35;
const COLON = 58;
const QUESTION = 63;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const BACKSLASH = 92;

/** Characters a plain key cannot start with (indicators), for this simple reading. */
const NOT_PLAIN_START = new Set('-?:,[]{}#&*!|>\'"%@`'.split(''));

/** The sections of a YAML block-map document, or undefined when it must be parsed whole. */
export function planChunks(text: string): SectionPlan[] | undefined {
  if (text.charCodeAt(0) === 0xfeff || /\r(?!\n)/.test(text)) return undefined;
  const sections: SectionPlan[] = [];
  let current: Draft | undefined;
  /** The smallest indentation of the comment lines since the last content line (-1: none). */
  let commentIndent = -1;
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const next = lineEnd + 1;
    const end = lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
    let i = lineStart;
    while (i < end && text.charCodeAt(i) === SPACE) i++;
    if (i < end && text.charCodeAt(i) === TAB) return undefined;
    const indent = i - lineStart;
    if (i === end || text.charCodeAt(i) === HASH) {
      // A blank or comment line: part of the piece it is in.
      if (i < end && (commentIndent < 0 || indent < commentIndent)) commentIndent = indent;
      lineStart = next;
      continue;
    }
    // An explicit key (`? key`, `: value`) may end differently at the end of a piece.
    if (isExplicitIndicator(text, i, end)) return undefined;
    // Content that continues below a less indented comment: the `yaml` package may then end or
    // join the constructs around the comment in ways that a piece parsed alone would not repeat.
    const afterShallowComment = commentIndent >= 0 && commentIndent < indent;
    commentIndent = -1;
    if (indent === 0) {
      const first = text[i];
      if (first === '%') return undefined; // a directive
      if (isDocumentMarker(text, i, end)) {
        // Only a `---` before the first key, with nothing after it on its line, is followed.
        if (current || !text.startsWith('---', i) || !restIsEmpty(text, i + 3, end)) return undefined;
        lineStart = next;
        continue;
      }
      const colon = keyEnd(text, i, end);
      if (colon >= 0) {
        if (current) sections.push(finish(current, lineStart));
        current = {
          start: current ? lineStart : 0,
          header: restIsEmpty(text, colon, end),
          childIndent: -1,
          children: [],
          splittable: true,
        };
      } else if (!current) {
        return undefined; // the root is not a block map
      } else {
        current.splittable = false; // e.g. `- item` under a key: kept whole
      }
      lineStart = next;
      continue;
    }
    if (!current) return undefined; // an indented root
    const splitting = current.header && current.splittable;
    const atChildIndent = current.childIndent < 0 || indent === current.childIndent;
    const startsChild = splitting && atChildIndent && keyEnd(text, i, end) >= 0;
    if (afterShallowComment && !startsChild) return undefined;
    if (startsChild) {
      if (current.childIndent < 0) current.childIndent = indent;
      current.children.push(lineStart);
    } else if (splitting && (current.childIndent < 0 || indent < current.childIndent)) {
      current.splittable = false; // the value is not a block map whose entries can be cut apart
    }
    lineStart = next;
  }
  if (!current) return undefined;
  sections.push(finish(current, text.length));
  return sections;
}

function finish(draft: Draft, end: number): SectionPlan {
  const split = draft.header && draft.splittable && draft.children.length > 0;
  return { start: draft.start, end, children: split ? draft.children : undefined };
}

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB;
}

function isExplicitIndicator(text: string, i: number, end: number): boolean {
  const code = text.charCodeAt(i);
  return (code === QUESTION || code === COLON) && (i + 1 === end || isBlank(text.charCodeAt(i + 1)));
}

function isDocumentMarker(text: string, i: number, end: number): boolean {
  return (
    (text.startsWith('---', i) || text.startsWith('...', i)) &&
    (i + 3 === end || isBlank(text.charCodeAt(i + 3)))
  );
}

/** Nothing but white space and a comment from `i` to the end of the line. */
function restIsEmpty(text: string, i: number, end: number): boolean {
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  return i === end || text.charCodeAt(i) === HASH;
}

/**
 * When the line from `i` starts with an implicit key (plain, or quoted on one line) followed by
 * `:` and white space or the line end, the offset after that colon; otherwise -1.
 */
export function keyEnd(text: string, i: number, end: number): number {
  const first = text.charCodeAt(i);
  let j = i + 1;
  if (first === DOUBLE_QUOTE) {
    while (j < end && text.charCodeAt(j) !== DOUBLE_QUOTE) j += text.charCodeAt(j) === BACKSLASH ? 2 : 1;
    if (j >= end) return -1;
    j++;
  } else if (first === SINGLE_QUOTE) {
    for (;;) {
      while (j < end && text.charCodeAt(j) !== SINGLE_QUOTE) j++;
      if (j >= end) return -1;
      if (text.charCodeAt(j + 1) !== SINGLE_QUOTE) break;
      j += 2; // '' is an escaped quote
    }
    j++;
  } else {
    if (NOT_PLAIN_START.has(text[i]) || isBlank(first)) return -1;
    for (; j < end; j++) {
      const code = text.charCodeAt(j);
      if (code === COLON && (j + 1 === end || isBlank(text.charCodeAt(j + 1)))) return j + 1;
      if (code === HASH && isBlank(text.charCodeAt(j - 1))) return -1; // a comment
    }
    return -1;
  }
  while (j < end && isBlank(text.charCodeAt(j))) j++;
  return j < end && text.charCodeAt(j) === COLON && (j + 1 === end || isBlank(text.charCodeAt(j + 1)))
    ? j + 1
    : -1;
}
