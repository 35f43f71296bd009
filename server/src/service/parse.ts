/**
 * YAML/JSON text → the document tree of ast.ts, with exact offsets and syntax problems.
 * YAML goes through the `yaml` package (YAML 1.2 core schema, so `yes` stays a string and
 * `0.2` is a number); JSON through `jsonc-parser`, which reports JSON's own errors precisely.
 */
import * as jsonc from 'jsonc-parser';
import type { CollectionTag, Node as YamlNode, Scalar, ScalarTag } from 'yaml';
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, YAMLMap, YAMLSeq } from 'yaml';
import type { AstNode, ObjectNode, PropertyNode, StringNode } from './ast';

export interface SyntaxProblem {
  offset: number;
  length: number;
  message: string;
  code:
    'yaml-syntax' | 'json-syntax' | 'duplicate-key' | 'unknown-tag' | 'multiple-documents' | 'alias-limit';
  severity: 'error' | 'warning';
}

export interface ParsedDocument {
  format: 'yaml' | 'json';
  root: AstNode | undefined;
  problems: SyntaxProblem[];
  text: string;
}

/** CloudFormation short-form tag name → the key of its long form. */
export const SHORT_FORM_TAGS: Record<string, string> = {
  Ref: 'Ref',
  Condition: 'Condition',
  Base64: 'Fn::Base64',
  Cidr: 'Fn::Cidr',
  FindInMap: 'Fn::FindInMap',
  GetAtt: 'Fn::GetAtt',
  GetAZs: 'Fn::GetAZs',
  ImportValue: 'Fn::ImportValue',
  Join: 'Fn::Join',
  Select: 'Fn::Select',
  Split: 'Fn::Split',
  Sub: 'Fn::Sub',
  Transform: 'Fn::Transform',
  And: 'Fn::And',
  Equals: 'Fn::Equals',
  If: 'Fn::If',
  Not: 'Fn::Not',
  Or: 'Fn::Or',
  ToJsonString: 'Fn::ToJsonString',
  Length: 'Fn::Length',
};

/** Pass-through tags: the tag stays on the node and the converter turns it into its long form. */
const customTags: (ScalarTag | CollectionTag)[] = Object.keys(SHORT_FORM_TAGS).flatMap(
  (name): (ScalarTag | CollectionTag)[] => [
    { tag: `!${name}`, resolve: (value: string) => value },
    { tag: `!${name}`, collection: 'seq', nodeClass: YAMLSeq, resolve: (value) => value },
    { tag: `!${name}`, collection: 'map', nodeClass: YAMLMap, resolve: (value) => value },
  ],
);

/** Decide the syntax: JSON when the language or extension says so, or the text starts with `{`/`[`. */
export function detectFormat(text: string, languageId?: string, uri?: string): 'yaml' | 'json' {
  if (languageId === 'json' || languageId === 'jsonc') return 'json';
  if (uri && /\.json$/i.test(uri)) return 'json';
  if (languageId === 'yaml') return 'yaml';
  const first = /\S/.exec(text);
  return first && (first[0] === '{' || first[0] === '[') ? 'json' : 'yaml';
}

export function parse(text: string, format: 'yaml' | 'json'): ParsedDocument {
  return format === 'json' ? parseJson(text) : parseYaml(text);
}

// ---------------------------------------------------------------------------------------------
// JSON

function parseJson(text: string): ParsedDocument {
  const errors: jsonc.ParseError[] = [];
  const tree = jsonc.parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  // jsonc-parser may report two errors at one offset (e.g. "property name expected" and "value expected").
  const firstPerOffset = errors.filter((e, i) => errors.findIndex((o) => o.offset === e.offset) === i);
  const problems: SyntaxProblem[] = firstPerOffset.map((e) => ({
    offset: e.offset,
    length: Math.max(e.length, 1),
    message: jsonErrorMessage(e.error),
    code: 'json-syntax',
    severity: 'error',
  }));
  const root = tree ? convertJson(tree, problems) : undefined;
  return { format: 'json', root, problems, text };
}

function jsonErrorMessage(code: jsonc.ParseErrorCode): string {
  const name = jsonc.printParseErrorCode(code);
  const readable: Record<string, string> = {
    InvalidSymbol: 'Invalid symbol',
    InvalidNumberFormat: 'Invalid number format',
    PropertyNameExpected: 'Property name expected',
    ValueExpected: 'Value expected',
    ColonExpected: 'Colon expected',
    CommaExpected: 'Comma expected',
    CloseBraceExpected: 'Closing brace `}` expected',
    CloseBracketExpected: 'Closing bracket `]` expected',
    EndOfFileExpected: 'End of file expected',
    InvalidCommentToken: 'Comments are not allowed in JSON',
    UnexpectedEndOfComment: 'Unexpected end of comment',
    UnexpectedEndOfString: 'Unterminated string',
    UnexpectedEndOfNumber: 'Unexpected end of number',
    InvalidUnicode: 'Invalid unicode sequence in string',
    InvalidEscapeCharacter: 'Invalid escape character in string',
    InvalidCharacter: 'Invalid character in string',
  };
  return `JSON syntax error: ${readable[name] ?? name}`;
}

function convertJson(node: jsonc.Node, problems: SyntaxProblem[]): AstNode {
  const base = { offset: node.offset, length: node.length };
  switch (node.type) {
    case 'object': {
      const obj: ObjectNode = { ...base, type: 'object', properties: [] };
      const seen = new Set<string>();
      for (const child of node.children ?? []) {
        const [keyNode, valueNode] = child.children ?? [];
        if (!keyNode) continue;
        const key: StringNode = {
          type: 'string',
          offset: keyNode.offset,
          length: keyNode.length,
          value: String(keyNode.value),
          quoted: true,
        };
        if (seen.has(key.value)) {
          problems.push({
            offset: key.offset,
            length: key.length,
            message: `Duplicate key '${key.value}'`,
            code: 'duplicate-key',
            severity: 'error',
          });
        }
        seen.add(key.value);
        const prop: PropertyNode = {
          type: 'property',
          offset: child.offset,
          length: child.length,
          key,
          parent: obj,
        };
        key.parent = prop;
        if (valueNode) {
          prop.value = convertJson(valueNode, problems);
          prop.value.parent = prop;
        }
        obj.properties.push(prop);
      }
      return obj;
    }
    case 'array': {
      const items = (node.children ?? []).map((c) => convertJson(c, problems));
      const arr: AstNode = { ...base, type: 'array', items };
      for (const item of items) item.parent = arr;
      return arr;
    }
    case 'string':
      return { ...base, type: 'string', value: String(node.value), quoted: true };
    case 'number':
      return { ...base, type: 'number', value: Number(node.value), source: String(node.value) };
    case 'boolean':
      return { ...base, type: 'boolean', value: Boolean(node.value) };
    default:
      return { ...base, type: 'null', value: null };
  }
}

// ---------------------------------------------------------------------------------------------
// YAML

/** At most this many alias uses are followed; more is treated as an alias bomb. */
const MAX_ALIASES = 1000;

function parseYaml(text: string): ParsedDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    customTags,
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    strict: false,
    keepSourceTokens: false,
  });
  const problems: SyntaxProblem[] = [];
  for (const error of doc.errors) {
    const [start, end] = error.pos;
    const duplicate = error.code === 'DUPLICATE_KEY';
    const keyLength = duplicate ? keyTextLength(text, start) : 0;
    problems.push({
      offset: start,
      length: Math.max(keyLength || end - start, 1),
      message: duplicate
        ? duplicateKeyMessage(text, start, start + keyLength)
        : `YAML syntax error: ${firstLine(error.message)}`,
      code: duplicate ? 'duplicate-key' : 'yaml-syntax',
      severity: 'error',
    });
  }
  for (const warning of doc.warnings) {
    const [start, end] = warning.pos;
    const unknownTag = warning.code === 'TAG_RESOLVE_FAILED';
    problems.push({
      offset: start,
      length: Math.max(end - start, 1),
      message: unknownTag
        ? `Unknown tag ${text.slice(start, end)}: the value is read as a plain string`
        : firstLine(warning.message),
      code: unknownTag ? 'unknown-tag' : 'yaml-syntax',
      severity: 'warning',
    });
  }
  const converter = new YamlConverter(text, problems);
  const root = doc.contents ? converter.convert(doc.contents) : undefined;
  return { format: 'yaml', root, problems, text };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** Length of the plain or quoted key starting at offset (up to its `:`), 0 if none. */
function keyTextLength(text: string, offset: number): number {
  const match = /^("(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^:\n]*?)(?=\s*:(\s|$))/.exec(
    text.slice(offset, offset + 500),
  );
  return match ? match[1].length : 0;
}

function duplicateKeyMessage(text: string, start: number, end: number): string {
  const key = text.slice(start, end).trim();
  return key && key.length < 80 ? `Duplicate key '${key}'` : 'Duplicate key';
}

class YamlConverter {
  private aliases = 0;
  private readonly converted = new Map<YamlNode, AstNode>();

  constructor(
    private readonly text: string,
    private readonly problems: SyntaxProblem[],
  ) {}

  convert(node: YamlNode): AstNode {
    if (isAlias(node)) {
      const [start, , end] = node.range ?? [0, 0, 0];
      if (++this.aliases > MAX_ALIASES) {
        this.problems.push({
          offset: start,
          length: Math.max(end - start, 1),
          message: `More than ${MAX_ALIASES} aliases: the rest are not expanded`,
          code: 'alias-limit',
          severity: 'error',
        });
        return { type: 'null', value: null, offset: start, length: end - start };
      }
      // An alias shares the anchored node (no copy), so alias bombs cannot blow up the tree.
      const target = this.findAnchor(node.source);
      return (
        (target && this.converted.get(target)) ?? {
          type: 'null',
          value: null,
          offset: start,
          length: end - start,
        }
      );
    }
    const existing = this.converted.get(node);
    if (existing) return existing;
    const result = this.convertTagged(node);
    this.converted.set(node, result);
    return result;
  }

  private anchors = new Map<string, YamlNode>();

  private findAnchor(name: string): YamlNode | undefined {
    return this.anchors.get(name);
  }

  private convertTagged(node: YamlNode): AstNode {
    if (node.anchor) this.anchors.set(node.anchor, node);
    const inner = this.convertPlain(node);
    const tag = node.tag?.startsWith('!') && !node.tag.startsWith('!!') ? node.tag.slice(1) : undefined;
    const longForm = tag ? SHORT_FORM_TAGS[tag] : undefined;
    if (!tag || !longForm) return inner;
    // `!Ref X` → { Ref: X } whose key covers the tag text.
    const tagOffset = this.tagOffset(`!${tag}`, inner.offset);
    const end = inner.offset + inner.length;
    const obj: ObjectNode = {
      type: 'object',
      properties: [],
      offset: tagOffset,
      length: end - tagOffset,
      shortForm: `!${tag}`,
    };
    const key: StringNode = { type: 'string', value: longForm, offset: tagOffset, length: tag.length + 1 };
    const prop: PropertyNode = {
      type: 'property',
      key,
      value: inner,
      offset: tagOffset,
      length: end - tagOffset,
      parent: obj,
    };
    key.parent = prop;
    inner.parent = prop;
    obj.properties.push(prop);
    return obj;
  }

  /** Where the tag text starts: the tag precedes its value, separated by white space only. */
  private tagOffset(tagText: string, valueOffset: number): number {
    const at = this.text.lastIndexOf(tagText, valueOffset);
    if (at >= 0 && /^\s*$/.test(this.text.slice(at + tagText.length, valueOffset))) return at;
    return valueOffset;
  }

  private convertPlain(node: YamlNode): AstNode {
    const [start, valueEnd] = node.range ?? [0, 0, 0];
    const base = { offset: start, length: Math.max(valueEnd - start, 0) };
    if (isMap(node)) {
      const obj: ObjectNode = { ...base, type: 'object', properties: [] };
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as YamlNode | null;
        const keyRange = keyNode?.range ?? [start, start, start];
        const keyValue = keyNode && isScalar(keyNode) ? scalarKeyText(keyNode) : '';
        const key: StringNode = {
          type: 'string',
          value: keyValue,
          offset: keyRange[0],
          length: keyRange[1] - keyRange[0],
          quoted: keyNode && isScalar(keyNode) ? keyNode.type !== 'PLAIN' : false,
        };
        const prop: PropertyNode = {
          type: 'property',
          key,
          offset: key.offset,
          length: key.length,
          parent: obj,
        };
        key.parent = prop;
        const valueNode = pair.value as YamlNode | null;
        if (valueNode) {
          const value = this.convert(valueNode);
          if (!value.parent) value.parent = prop;
          prop.value = value;
          prop.length = Math.max(value.offset + value.length - prop.offset, prop.length);
        }
        obj.properties.push(prop);
      }
      extendToChildren(obj);
      return obj;
    }
    if (isSeq(node)) {
      const items = node.items.map((item) => this.convert(item as YamlNode));
      const arr: AstNode = { ...base, type: 'array', items };
      for (const item of items) if (!item.parent) item.parent = arr;
      return arr;
    }
    if (isScalar(node)) return scalarNode(node, base);
    return { ...base, type: 'null', value: null };
  }
}

/** A block map's own range can stop short of its last value's end; make it cover its children. */
function extendToChildren(obj: ObjectNode): void {
  const last = obj.properties[obj.properties.length - 1];
  if (last) obj.length = Math.max(obj.length, last.offset + last.length - obj.offset);
}

function scalarKeyText(node: Scalar): string {
  if (node.value === null || node.value === undefined) return '';
  if (typeof node.value === 'string') return node.value;
  return node.source ?? (JSON.stringify(node.value) || '');
}

function scalarNode(node: Scalar, base: { offset: number; length: number }): AstNode {
  const value: unknown = node.value;
  const quoted = node.type !== 'PLAIN' && node.type !== undefined;
  if (typeof value === 'string') return { ...base, type: 'string', value, quoted };
  if (typeof value === 'number' || typeof value === 'bigint') {
    return { ...base, type: 'number', value: Number(value), source: node.source ?? String(value) };
  }
  if (typeof value === 'boolean') return { ...base, type: 'boolean', value };
  if (value === null || value === undefined) return { ...base, type: 'null', value: null };
  return { ...base, type: 'string', value: JSON.stringify(value) ?? '', quoted };
}
