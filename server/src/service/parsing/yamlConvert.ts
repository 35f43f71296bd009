/**
 * YAML text → the document tree of ast.ts, through the `yaml` package (YAML 1.2 core schema, so
 * `yes` stays a string and `0.2` is a number). Used for a whole document and, by
 * incrementalParse.ts, for the pieces of a large one, so both give the same nodes and problems.
 */
import type {
  CollectionTag,
  Document,
  Node as YamlNode,
  Pair,
  Scalar,
  ScalarTag,
  Tags,
  YAMLError,
} from 'yaml';
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, YAMLMap, YAMLSeq } from 'yaml';
import type { AstNode, ObjectNode, PropertyNode } from '../ast';
import { arrayNode, booleanNode, nullNode, numberNode, objectNode, propertyNode, stringNode } from '../ast';
import type { SyntaxProblem } from './parse';

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

/**
 * Directives of the Rain CLI (`rain pkg` replaces them before deployment), kept as one-key maps
 * like the long forms (as cfn-lint reads them), so an unpackaged directive is reported where it is
 * instead of as the unknown keys of its argument.
 */
const PREPROCESSOR_TAGS: Record<string, string> = {
  'Rain::Embed': 'Rain::Embed',
  'Rain::Include': 'Rain::Include',
  'Rain::S3Http': 'Rain::S3Http',
  'Rain::S3': 'Rain::S3',
  'Rain::Module': 'Rain::Module',
  'Rain::Constant': 'Rain::Constant',
};

/** Pass-through tags: the tag stays on the node and the converter turns it into its long form. */
const customTags: (ScalarTag | CollectionTag)[] = [
  ...Object.keys(SHORT_FORM_TAGS),
  ...Object.keys(PREPROCESSOR_TAGS),
].flatMap((name): (ScalarTag | CollectionTag)[] => [
  { tag: `!${name}`, resolve: (value: string) => value },
  { tag: `!${name}`, collection: 'seq', nodeClass: YAMLSeq, resolve: (value) => value },
  { tag: `!${name}`, collection: 'map', nodeClass: YAMLMap, resolve: (value) => value },
]);

/**
 * The schema's tags followed by ours. Given as a function: with an array, `yaml` appends the tags
 * one `concat` at a time for every document, which costs ~40 µs per small chunk.
 */
const withCustomTags = (tags: Tags): Tags => tags.concat(customTags);

/** Parses YAML text with the options every caller uses. */
export function parseYamlText(text: string): Document.Parsed {
  return parseDocument(text, {
    customTags: withCustomTags,
    uniqueKeys: true,
    prettyErrors: false,
    strict: false,
    keepSourceTokens: false,
  });
}

/** A `yaml` error or warning, reduced to what the problems are made from. */
export interface RawProblem {
  code: YAMLError['code'];
  start: number;
  end: number;
  message: string;
}

export function rawProblems(errors: YAMLError[], shift = 0): RawProblem[] {
  return errors.map((e) => ({
    code: e.code,
    start: e.pos[0] + shift,
    end: e.pos[1] + shift,
    message: e.message,
  }));
}

/** The problems of a parse: errors first, then warnings, with messages for people. */
export function yamlProblems(text: string, errors: RawProblem[], warnings: RawProblem[]): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  for (const error of errors) {
    const { start, end } = error;
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
  for (const warning of warnings) {
    const { start, end } = warning;
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
  return problems;
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

/** At most this many alias uses are followed; more is treated as an alias bomb. */
const MAX_ALIASES = 1000;

const WHITESPACE = /\s/;

export class YamlConverter {
  private aliases = 0;
  private readonly converted = new Map<YamlNode, AstNode>();
  private readonly anchors = new Map<string, YamlNode>();
  /** Set once an anchor or an alias has been converted (nodes may then be shared). */
  sawAnchorOrAlias = false;

  constructor(
    private readonly text: string,
    private readonly problems: SyntaxProblem[],
  ) {}

  convert(node: YamlNode): AstNode {
    if (isAlias(node)) {
      this.sawAnchorOrAlias = true;
      const [start, , end] = node.range ?? [0, 0, 0];
      if (++this.aliases > MAX_ALIASES) {
        this.problems.push({
          offset: start,
          length: Math.max(end - start, 1),
          message: `More than ${MAX_ALIASES} aliases: the rest are not expanded`,
          code: 'alias-limit',
          severity: 'error',
        });
        return nullNode(start, end - start);
      }
      // An alias shares the anchored node (no copy), so alias bombs cannot blow up the tree.
      const target = this.anchors.get(node.source);
      return (target && this.converted.get(target)) ?? nullNode(start, end - start);
    }
    const existing = this.converted.get(node);
    if (existing) return existing;
    const result = this.convertTagged(node);
    this.converted.set(node, result);
    return result;
  }

  /**
   * One pair of a map as a property node. `mapStart` stands in for the range of a missing key;
   * `parent` is the object the property goes in (set later when not known yet).
   */
  convertPair(pair: Pair, mapStart: number, parent: ObjectNode | undefined): PropertyNode {
    const keyNode = pair.key as YamlNode | null;
    const keyRange = keyNode?.range ?? [mapStart, mapStart, mapStart];
    const scalarKey = keyNode && isScalar(keyNode) ? keyNode : undefined;
    const key = stringNode(
      keyRange[0],
      keyRange[1] - keyRange[0],
      scalarKey ? scalarKeyText(scalarKey) : '',
      scalarKey ? scalarKey.type !== 'PLAIN' : false,
    );
    const prop = propertyNode(key.offset, key.length, key, parent);
    const valueNode = pair.value as YamlNode | null;
    if (valueNode) {
      const value = this.convert(valueNode);
      if (!value.parent) value.parent = prop;
      prop.value = value;
      prop.length = Math.max(value.offset + value.length - prop.offset, prop.length);
    }
    return prop;
  }

  private convertTagged(node: YamlNode): AstNode {
    if (node.anchor) {
      this.sawAnchorOrAlias = true;
      this.anchors.set(node.anchor, node);
    }
    const inner = this.convertPlain(node);
    const tag = node.tag?.startsWith('!') && !node.tag.startsWith('!!') ? node.tag.slice(1) : undefined;
    const longForm = tag ? (SHORT_FORM_TAGS[tag] ?? PREPROCESSOR_TAGS[tag]) : undefined;
    if (!tag || !longForm) return inner;
    // `!Ref X` → { Ref: X } whose key covers the tag text.
    const tagText = `!${tag}`;
    const tagOffset = this.tagOffset(tagText, inner.offset);
    const end = inner.offset + inner.length;
    const obj = objectNode(tagOffset, end - tagOffset, tagText);
    const key = stringNode(tagOffset, tag.length + 1, longForm);
    const prop = propertyNode(tagOffset, end - tagOffset, key, obj);
    prop.value = inner;
    inner.parent = prop;
    obj.properties.push(prop);
    return obj;
  }

  /**
   * Where the tag text starts: the tag precedes its value, separated by white space only. Scans
   * back over that white space instead of searching the whole text before the value.
   */
  private tagOffset(tagText: string, valueOffset: number): number {
    let end = valueOffset;
    while (end > 0 && WHITESPACE.test(this.text[end - 1])) end--;
    const at = end - tagText.length;
    return at >= 0 && this.text.startsWith(tagText, at) ? at : valueOffset;
  }

  private convertPlain(node: YamlNode): AstNode {
    const [start, valueEnd] = node.range ?? [0, 0, 0];
    const length = Math.max(valueEnd - start, 0);
    if (isMap(node)) {
      const obj = objectNode(start, length);
      for (const pair of node.items) {
        if (isPair(pair)) obj.properties.push(this.convertPair(pair, start, obj));
      }
      extendToChildren(obj);
      return obj;
    }
    if (isSeq(node)) {
      const items = node.items.map((item) => this.convert(item as YamlNode));
      const arr = arrayNode(start, length, items);
      for (const item of items) if (!item.parent) item.parent = arr;
      return arr;
    }
    if (isScalar(node)) return scalarNode(node, start, length);
    return nullNode(start, length);
  }
}

/** A block map's own range can stop short of its last value's end; make it cover its children. */
export function extendToChildren(obj: ObjectNode): void {
  const last = obj.properties[obj.properties.length - 1];
  if (last) obj.length = Math.max(obj.length, last.offset + last.length - obj.offset);
}

function scalarKeyText(node: Scalar): string {
  if (node.value === null || node.value === undefined) return '';
  if (typeof node.value === 'string') return node.value;
  return node.source ?? (JSON.stringify(node.value) || '');
}

function scalarNode(node: Scalar, offset: number, length: number): AstNode {
  const value: unknown = node.value;
  const quoted = node.type !== 'PLAIN' && node.type !== undefined;
  if (typeof value === 'string') return stringNode(offset, length, value, quoted);
  if (typeof value === 'number' || typeof value === 'bigint') {
    return numberNode(offset, length, Number(value), node.source ?? String(value));
  }
  if (typeof value === 'boolean') return booleanNode(offset, length, value);
  if (value === null || value === undefined) return nullNode(offset, length);
  return stringNode(offset, length, JSON.stringify(value) ?? '', quoted);
}
