/**
 * Reads a YAML value from its start up to the cursor: short-form tags (`!Ref`, `!If`), flow
 * sequences and maps (`[a, b]`, `{K: v}`), quoted strings. It tells where inside that value the
 * cursor is, as extra path segments (`!If [C, !Ref |]` → ['Fn::If', 1, 'Ref']), whether a key or
 * a value is being typed, and where the word being typed starts.
 */
import type { JsonPath } from '../../ast';
import { SHORT_FORM_TAGS } from '../../parsing/parse';

export interface FlowPosition {
  segments: JsonPath;
  mode: 'key' | 'value';
  /** Offset where the token under the cursor starts (its opening quote included). */
  tokenStart: number;
  /** The token is a quoted string still open at the cursor. */
  quote?: '"' | "'";
  /** The token is a tag being typed (`!Re`). */
  tag: boolean;
  /** Inside a `[…]` or `{…}`. */
  inFlow: boolean;
  /** Scalar text of the earlier items of the innermost flow sequence. */
  items: string[];
  /** Keys already written in the innermost flow map. */
  keys: string[];
}

interface Frame {
  type: '[' | '{';
  tags: string[];
  index: number;
  key?: string;
  afterColon: boolean;
  items: string[];
  keys: string[];
}

function tagSegments(tags: string[]): string[] {
  return tags.map((t) => SHORT_FORM_TAGS[t.slice(1)]).filter((s): s is string => !!s);
}

/** Scans `text[from, cursor)`; undefined when the cursor is in a comment. */
export function scanFlow(text: string, from: number, cursor: number): FlowPosition | undefined {
  const stack: Frame[] = [];
  let pending: string[] = [];
  let token = '';
  let tokenStart = -1;
  let quote: '"' | "'" | undefined;
  let tokenQuoted = false;
  const finishToken = (): string => {
    const value = tokenQuoted ? token : token.trim();
    token = '';
    tokenStart = -1;
    tokenQuoted = false;
    return value;
  };
  for (let i = from; i < cursor; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"' && i + 1 < cursor) {
        token += text[++i];
      } else if (c === quote) {
        if (quote === "'" && text[i + 1] === "'" && i + 1 < cursor) {
          token += "'";
          i++;
        } else {
          quote = undefined;
        }
      } else {
        token += c;
      }
      continue;
    }
    if (c === '#' && (i === from || /\s/.test(text[i - 1]))) return undefined;
    if (token.startsWith('!') && !tokenQuoted) {
      if (/[\s[{]/.test(c)) {
        pending.push(token);
        finishToken();
        if (c === '[' || c === '{') i--;
        continue;
      }
      token += c;
      continue;
    }
    if (c === '"' || c === "'") {
      if (!token.trim()) {
        quote = c;
        tokenStart = i;
        tokenQuoted = true;
        token = '';
        continue;
      }
      token += c;
      continue;
    }
    if (c === '[' || c === '{') {
      if (!token.trim()) {
        stack.push({ type: c, tags: tagSegments(pending), index: 0, afterColon: false, items: [], keys: [] });
        pending = [];
        finishToken();
        continue;
      }
    }
    const top = stack[stack.length - 1];
    if (top && (c === ']' || c === '}')) {
      stack.pop();
      pending = [];
      finishToken();
      token = ' ';
      continue;
    }
    if (top && c === ',') {
      const value = finishToken();
      if (top.type === '[') {
        top.items.push(value);
        top.index++;
      } else {
        if (!top.afterColon && value) top.keys.push(value);
        top.key = undefined;
        top.afterColon = false;
      }
      pending = [];
      continue;
    }
    if (
      top?.type === '{' &&
      !top.afterColon &&
      c === ':' &&
      (tokenQuoted || i + 1 >= text.length || /[\s,[\]{}]/.test(text[i + 1]))
    ) {
      top.key = finishToken();
      top.keys.push(top.key);
      top.afterColon = true;
      pending = [];
      continue;
    }
    if (/\s/.test(c) && !token.trim()) continue;
    if (tokenStart < 0) tokenStart = i;
    token += c;
  }
  const segments: JsonPath = [];
  for (const frame of stack) {
    segments.push(...frame.tags);
    if (frame.type === '[') segments.push(frame.index);
    else if (frame.afterColon) segments.push(frame.key ?? '');
  }
  const top = stack[stack.length - 1];
  const isTag = !tokenQuoted && token.startsWith('!');
  segments.push(...tagSegments(pending));
  return {
    segments,
    mode: top?.type === '{' && !top.afterColon ? 'key' : 'value',
    tokenStart: tokenStart < 0 ? cursor : tokenStart,
    quote,
    tag: isTag,
    inFlow: stack.length > 0,
    items: top?.type === '[' ? top.items : [],
    keys: top?.type === '{' ? top.keys : [],
  };
}
