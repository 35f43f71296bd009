/**
 * YAML text → the document tree of ast.ts, through the `yaml` package (YAML 1.2 core schema, so
 * `yes` stays a string and `0.2` is a number). Used for a whole document and, by
 * incrementalParse.ts, for the pieces of a large one, so both give the same nodes and problems.
 */
import type {
  Alias,
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
import { MAX_ALIAS_VALUES, MAX_ALIASES, MAX_NESTING } from './limits';
import type { SyntaxProblem } from './parse';
import { duplicateKeyErrors } from './yamlDuplicateKeys';
import { indentationSlips } from './yamlIndentation';

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
  const doc = parseDocument(text, {
    customTags: withCustomTags,
    // The package compares each key with every earlier one (quadratic: 25 s for a map of
    // 25,000 keys); duplicateKeyErrors finds the same duplicates in one pass.
    uniqueKeys: false,
    prettyErrors: false,
    strict: false,
    keepSourceTokens: false,
  });
  const duplicates = duplicateKeyErrors(doc.contents);
  if (duplicates.length) {
    doc.errors.push(...duplicates);
    doc.errors.sort((a, b) => a.pos[0] - b.pos[0]);
  }
  return doc;
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
  const slips = indentationSlips(text, errors);
  const explained = new Set(slips.flatMap((slip) => slip.explains));
  for (const slip of slips) {
    problems.push({
      offset: slip.start,
      length: Math.max(slip.end - slip.start, 1),
      message: slip.message,
      code: 'yaml-indentation',
      severity: 'error',
      affected: slip.affected,
    });
  }
  for (const error of errors) {
    if (explained.has(error)) continue;
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

const WHITESPACE = /\s/;

export class YamlConverter {
  private aliases = 0;
  /** Values in the tree so far, counting those an alias shares as many times as it is used. */
  private expanded = 0;
  private aliasValues = 0;
  private depth = 0;
  private readonly converted = new Map<YamlNode, AstNode>();
  /** The expanded size of each anchored node, for the alias budget. */
  private readonly sizes = new Map<AstNode, number>();
  private readonly anchors = new Map<string, YamlNode>();
  /** Set once an anchor or an alias has been converted (nodes may then be shared). */
  sawAnchorOrAlias = false;
  /** Set once a limit cut the tree short (a problem says so). */
  limited = false;

  constructor(
    private readonly text: string,
    private readonly problems: SyntaxProblem[],
  ) {}

  convert(node: YamlNode): AstNode {
    if (isAlias(node)) return this.convertAlias(node);
    const existing = this.converted.get(node);
    if (existing) return existing;
    const [start, , end] = node.range ?? [0, 0, 0];
    if (this.depth >= MAX_NESTING) {
      this.limit(
        start,
        end,
        `Values nested more than ${MAX_NESTING} levels deep are not analysed`,
        'nesting-limit',
      );
      return nullNode(start, end - start);
    }
    const before = this.expanded++;
    this.depth++;
    let result: AstNode;
    try {
      result = this.convertTagged(node);
    } finally {
      this.depth--;
    }
    this.converted.set(node, result);
    if (node.anchor) this.sizes.set(result, this.expanded - before);
    return result;
  }

  private convertAlias(node: Alias): AstNode {
    this.sawAnchorOrAlias = true;
    const [start, , end] = node.range ?? [0, 0, 0];
    if (++this.aliases > MAX_ALIASES) {
      this.limit(start, end, `More than ${MAX_ALIASES} aliases: the rest are not expanded`, 'alias-limit');
      return nullNode(start, end - start);
    }
    // An alias shares the anchored node (no copy), so the tree stays small; but every walk
    // over it visits the shared values once per use, so their number is bounded.
    const target = this.anchors.get(node.source);
    const shared = target && this.converted.get(target);
    if (!shared) return nullNode(start, end - start);
    const size = this.sizes.get(shared) ?? 1;
    if (this.aliasValues + size > MAX_ALIAS_VALUES) {
      this.limit(
        start,
        end,
        `Aliases expand to more than ${MAX_ALIAS_VALUES.toLocaleString('en-US')} values (an alias bomb?): the rest are not expanded`,
        'alias-limit',
      );
      return nullNode(start, end - start);
    }
    this.aliasValues += size;
    this.expanded += size;
    return shared;
  }

  /** Reports a limit once per document. */
  private limit(start: number, end: number, message: string, code: 'alias-limit' | 'nesting-limit'): void {
    if (this.problems.some((p) => p.code === code)) return;
    this.limited = true;
    this.problems.push({ offset: start, length: Math.max(end - start, 1), message, code, severity: 'error' });
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
    // Own properties only: a tag like `!constructor` must not find Object's members.
    const own = (table: Record<string, string>): string | undefined =>
      tag && Object.hasOwn(table, tag) ? table[tag] : undefined;
    const longForm = own(SHORT_FORM_TAGS) ?? own(PREPROCESSOR_TAGS);
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
