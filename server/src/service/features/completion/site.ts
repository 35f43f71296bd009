/**
 * Where the cursor is, for completion, in terms every provider understands whatever the syntax:
 * typing a key of the object at `path`, or a value at `path` (intrinsic functions included as
 * path segments: `!GetAtt [A, |]` → [..., 'Fn::GetAtt', 1]); the range of the word being typed;
 * and what the inserted text needs around it (quotes, a space after `:`, a comma in JSON).
 */
import type { Range } from 'vscode-languageserver-types';
import type { JsonPath } from '../../ast';

export interface Site {
  format: 'yaml' | 'json';
  mode: 'key' | 'value';
  /** Key mode: the path of the object. Value mode: the path of the value. */
  path: JsonPath;
  /**
   * Key mode on a bare word that could also be a scalar (a block list item, a value on its own
   * line): providers offer values instead when the schema says the node is a scalar.
   */
  ambiguous: boolean;
  /** The offsets the inserted text replaces: the word being typed (with its quotes). */
  start: number;
  end: number;
  offset: number;
  /** `start`–`end` as a range (set once the document is known). */
  range: Range;
  /** The text typed so far, from the word's start (after an opening quote) to the cursor. */
  prefix: string;
  /** The word is a quoted string: its quote (the range includes the quotes). */
  quote?: '"' | "'";
  /** YAML: inside a flow collection (`[…]`, `{…}`), where multi-line text cannot go. */
  flow: boolean;
  /** YAML: the column of the key being typed, to indent nested snippets. */
  column: number;
  /** The document's indentation step. */
  indentUnit: number;
  /** The key being edited is already followed by its colon: insert the name only. */
  hasColon: boolean;
  /** The cursor is right after `:` or `-`: the inserted text starts with a space. */
  needsSpace: boolean;
  /** JSON: another property or item follows: the inserted text ends with a comma. */
  needsComma: boolean;
  /** Key mode: keys the object already has. */
  existingKeys: Set<string>;
  /** YAML: a short-form tag is being typed (`!Re|`). */
  tag: boolean;
  /** The scalar text of the earlier items of the innermost list (`!FindInMap [Map, |]` → ['Map']). */
  items: string[];
  /** The text of the current line or string before the cursor (for `${…}` in Fn::Sub). */
  textBefore: string;
  /** YAML: the cursor is inside a block scalar (`|`/`>`) — only `${…}` completion applies. */
  blockScalar: boolean;
}

export function emptySite(format: 'yaml' | 'json', offset: number): Site {
  return {
    format,
    mode: 'key',
    path: [],
    ambiguous: false,
    start: offset,
    end: offset,
    offset,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    prefix: '',
    flow: false,
    column: 0,
    indentUnit: 2,
    hasColon: false,
    needsSpace: false,
    needsComma: false,
    existingKeys: new Set(),
    tag: false,
    items: [],
    textBefore: '',
    blockScalar: false,
  };
}

/** Strips quotes from a scalar as written (`"a"` → a, `'it''s'` → it's). */
export function unquoteScalar(text: string): string {
  const t = text.trim();
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) {
    try {
      return JSON.parse(t) as string;
    } catch {
      return t.slice(1, -1);
    }
  }
  if (t.length >= 2 && t.startsWith("'") && t.endsWith("'")) return t.slice(1, -1).replace(/''/g, "'");
  return t;
}
