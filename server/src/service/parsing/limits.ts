/**
 * Limits that keep hostile text from hanging or crashing the parsers and every tree walker:
 * how deep values may nest (the `yaml` and `jsonc-parser` packages and our walkers recurse per
 * level) and how many values aliases may add to the tree (an alias bomb expands exponentially).
 * `nestingDepth` measures the first without parsing, in one pass over the text.
 */

/** Deeper nesting than this is refused before parsing; real templates stay far below 30. */
export const MAX_NESTING = 200;

/** At most this many values may be added to the tree by aliases; more is an alias bomb. */
export const MAX_ALIAS_VALUES = 100_000;

/** At most this many alias uses are followed. */
export const MAX_ALIASES = 1000;

export interface DepthFinding {
  depth: number;
  /** Where the nesting first went past the limit. */
  offset: number;
}

/**
 * The nesting depth of the text, scanning at most until it passes `limit`: brackets outside
 * strings for JSON; for YAML, the stack of indentations plus `- ` entries starting a line plus
 * flow brackets. It is an estimate for YAML (block scalars may look deeper than they are) but
 * never lower than the real depth by more than the compact forms it does not count.
 */
export function nestingDepth(text: string, format: 'yaml' | 'json', limit = MAX_NESTING): DepthFinding {
  return format === 'json' ? jsonDepth(text, limit) : yamlDepth(text, limit);
}

function jsonDepth(text: string, limit: number): DepthFinding {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > max) {
        max = depth;
        if (max > limit) return { depth: max, offset: i };
      }
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth = Math.max(depth - 1, 0);
  }
  return { depth: max, offset: -1 };
}

function yamlDepth(text: string, limit: number): DepthFinding {
  const indents: number[] = [];
  let max = 0;
  let flow = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let i = lineStart;
    while (i < lineEnd && (text[i] === ' ' || text[i] === '\t')) i++;
    const blank = i >= lineEnd || text[i] === '#' || text[i] === '\r';
    if (!blank) {
      let levels = 0;
      if (flow === 0) {
        const indent = i - lineStart;
        while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
        indents.push(indent);
        // `- - - x`: each entry marker opens one more level on the same line.
        while (text[i] === '-' && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
          levels++;
          i += 2;
          while (text[i] === ' ') i++;
        }
      }
      let quote = '';
      for (let j = i; j < lineEnd; j++) {
        const c = text[j];
        if (quote) {
          if (c === quote) quote = '';
          continue;
        }
        if (c === '"' || c === "'") {
          if (j === lineStart || /[\s[{,:]/.test(text[j - 1])) quote = c;
        } else if (c === '#' && j > lineStart && /\s/.test(text[j - 1])) break;
        else if (c === '[' || c === '{') {
          flow++;
          const depth = indents.length + levels + flow;
          if (depth > max) {
            max = depth;
            if (max > limit) return { depth: max, offset: j };
          }
        } else if (c === ']' || c === '}') flow = Math.max(flow - 1, 0);
      }
      const depth = indents.length + levels + flow;
      if (depth > max) {
        max = depth;
        if (max > limit) return { depth: max, offset: i };
      }
    }
    lineStart = lineEnd + 1;
  }
  return { depth: max, offset: -1 };
}
