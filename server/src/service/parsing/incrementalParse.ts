/**
 * Parsing after an edit of a large YAML document: the text is cut into pieces (yamlChunks.ts),
 * each piece is parsed on its own, and the pieces of the previous version whose text did not
 * change are reused, moved to their new offsets, instead of being parsed again. The tree and
 * problems are those of a parse of the whole text; when that cannot be guaranteed (an anchor or
 * alias, a syntax error other than a duplicate key inside a chunk, a key repeated across chunks,
 * a layout yamlChunks.ts does not follow) the whole text is parsed instead.
 */
import { isMap, isPair, isScalar } from 'yaml';
import type { ObjectNode, PropertyNode } from '../ast';
import { objectNode, propertyNode, shiftProperty, stringNode } from '../ast';
import type { ParsedDocument } from './parse';
import { parse } from './parse';
import { planChunks } from './yamlChunks';
import type { RawProblem } from './yamlConvert';
import { extendToChildren, parseYamlText, rawProblems, YamlConverter, yamlProblems } from './yamlConvert';

/** The parsed pieces of a document's last version, by their text: what the next version reuses. */
export interface ChunkCache {
  readonly chunks: Map<string, Chunk[]>;
}

interface Chunk {
  /** Where the chunk's nodes are now: the offset of its text in the document. */
  start: number;
  /** The entries of the chunk's block map (their parent is set when the tree is assembled). */
  pairs: PropertyNode[];
  /** Each entry's key as the `yaml` package compares keys, for duplicates across chunks. */
  keys: unknown[];
  /** The range of the chunk's block map, relative to the chunk: [start, value end, end]. */
  range: [number, number, number];
  /** Problems relative to the chunk (only duplicate keys among the errors). */
  errors: RawProblem[];
  warnings: RawProblem[];
  /** The last parse that used this chunk: a chunk goes in one place of one tree. */
  round: number;
  /** Parsed as followed by a sibling key (see parseChunk). */
  followed: boolean;
}

export interface IncrementalResult {
  parsed: ParsedDocument;
  /** What the next version of the document may reuse. */
  cache: ChunkCache | undefined;
}

let rounds = 0;

/** Parses a document, reusing what the cache holds from its previous version where the text is the same. */
export function parseIncremental(
  text: string,
  format: 'yaml' | 'json',
  cache: ChunkCache | undefined,
): IncrementalResult {
  if (format === 'json') return { parsed: parse(text, 'json'), cache: undefined };
  return parseChunked(text, cache) ?? { parsed: parse(text, 'yaml'), cache };
}

/** The keys of one map spread over several chunks, compared the way the `yaml` package does. */
class KeySet {
  private readonly keys = new Set<unknown>();

  has(key: unknown): boolean {
    return key === key && this.keys.has(key); // NaN is never equal to itself
  }

  addAll(keys: unknown[]): void {
    for (const key of keys) this.keys.add(key);
  }
}

class Assembly {
  readonly next = new Map<string, Chunk[]>();
  readonly errors: RawProblem[] = [];
  readonly warnings: RawProblem[] = [];
  private readonly round = ++rounds;

  constructor(
    private readonly text: string,
    private readonly previous: Map<string, Chunk[]> | undefined,
  ) {}

  /**
   * The chunk for `[start, end)`: reused when the previous version had that text, else parsed.
   * `followed`: the text goes on with a key at the chunk's own indentation.
   */
  take(start: number, end: number, followed: boolean): Chunk | undefined {
    const text = this.text.slice(start, end);
    let chunk = this.previous?.get(text)?.find((c) => c.round !== this.round && c.followed === followed);
    if (chunk) {
      if (chunk.start !== start) for (const pair of chunk.pairs) shiftProperty(pair, start - chunk.start);
    } else {
      chunk = parseChunk(text, followed);
      if (!chunk) return undefined;
      if (start) for (const pair of chunk.pairs) shiftProperty(pair, start);
    }
    chunk.start = start;
    chunk.round = this.round;
    const same = this.next.get(text);
    if (same) same.push(chunk);
    else this.next.set(text, [chunk]);
    return chunk;
  }

  /**
   * Adds a chunk's entries to an object. False when a key repeats one of an earlier chunk: where
   * the `yaml` package reports that duplicate depends on the text before the chunk, so the caller
   * parses the whole text.
   */
  addPairs(target: ObjectNode, chunk: Chunk, earlier: KeySet): boolean {
    if (chunk.keys.some((key) => earlier.has(key))) return false;
    earlier.addAll(chunk.keys);
    for (const pair of chunk.pairs) {
      pair.parent = target;
      target.properties.push(pair);
    }
    for (const error of chunk.errors) this.errors.push(shifted(error, chunk.start));
    for (const warning of chunk.warnings) this.warnings.push(shifted(warning, chunk.start));
    return true;
  }
}

function shifted(problem: RawProblem, delta: number): RawProblem {
  return {
    code: problem.code,
    start: problem.start + delta,
    end: problem.end + delta,
    message: problem.message,
  };
}

function parseChunked(text: string, cache: ChunkCache | undefined): IncrementalResult | undefined {
  const plan = planChunks(text);
  if (!plan) return undefined;
  const assembly = new Assembly(text, cache?.chunks);
  const root = objectNode(0, 0);
  const rootKeys = new KeySet();
  let rootStart = -1;
  let rootEnd = 0;
  for (const section of plan) {
    const children = section.children;
    const header = children ? assembly.take(section.start, children[0], false) : undefined;
    if (children && header && isBareKey(header)) {
      const sectionObject = objectNode(0, 0);
      const sectionKeys = new KeySet();
      let first: Chunk | undefined;
      let last: Chunk | undefined;
      for (let i = 0; i < children.length; i++) {
        const followed = i + 1 < children.length;
        const child = assembly.take(children[i], followed ? children[i + 1] : section.end, followed);
        if (!child || !assembly.addPairs(sectionObject, child, sectionKeys)) return undefined;
        first ??= child;
        last = child;
      }
      if (!first || !last) return undefined;
      sectionObject.offset = first.start + first.range[0];
      sectionObject.length = Math.max(last.start + last.range[1] - sectionObject.offset, 0);
      extendToChildren(sectionObject);
      const property = sectionProperty(header.pairs[0], sectionObject, root);
      if (rootKeys.has(header.keys[0])) return undefined;
      rootKeys.addAll(header.keys);
      root.properties.push(property);
      if (rootStart < 0) rootStart = header.start + header.range[0];
      // The root map ends where its last value ends, comments included.
      rootEnd = last.start + last.range[2];
      continue;
    }
    if (children && !header) return undefined;
    const chunk = assembly.take(section.start, section.end, false);
    if (!chunk || !assembly.addPairs(root, chunk, rootKeys)) return undefined;
    if (rootStart < 0) rootStart = chunk.start + chunk.range[0];
    rootEnd = chunk.start + chunk.range[1];
  }
  root.offset = rootStart;
  root.length = Math.max(rootEnd - rootStart, 0);
  extendToChildren(root);
  // The errors are duplicate keys inside chunks, in document order like the whole parse's.
  const problems = yamlProblems(text, assembly.errors, assembly.warnings);
  return { parsed: { format: 'yaml', root, problems, text }, cache: { chunks: assembly.next } };
}

/** A header chunk is `Key:` alone (comments aside): its one entry has an empty value. */
function isBareKey(chunk: Chunk): boolean {
  return (
    chunk.pairs.length === 1 &&
    chunk.pairs[0].value?.type === 'null' &&
    chunk.errors.length === 0 &&
    chunk.warnings.length === 0
  );
}

/** The property of a split section: a fresh key (the header chunk keeps its own) and the assembled map. */
function sectionProperty(headerPair: PropertyNode, value: ObjectNode, root: ObjectNode): PropertyNode {
  const headerKey = headerPair.key;
  const key = stringNode(headerKey.offset, headerKey.length, headerKey.value, headerKey.quoted);
  const property = propertyNode(key.offset, key.length, key, root);
  property.value = value;
  value.parent = property;
  property.length = Math.max(value.offset + value.length - property.offset, property.length);
  return property;
}

/**
 * A key that stands for the next chunk's first key; it is not in the tree. Short and quoted
 * (cheap to parse), a NUL character that no real key has (binary files are not analysed).
 */
const SENTINEL = '\0';
const SENTINEL_LINE = '"\\0":\n';

/**
 * Parses one chunk; undefined when its result might differ inside the whole text. A chunk that
 * the text continues with a key at the same indentation is parsed with a stand-in for that key
 * after it: where the `yaml` package ends the chunk's last value (an empty value takes in the
 * comment lines and the indentation before the next key) depends on that key being there.
 */
function parseChunk(text: string, followed: boolean): Chunk | undefined {
  const indent = followed ? (/^ */.exec(text)?.[0] ?? '') : '';
  const source = followed ? `${text}${indent}${SENTINEL_LINE}` : text;
  const doc = parseYamlText(source);
  // Any error but a duplicate key may come from a construct that the next chunk would continue.
  if (doc.errors.some((e) => e.code !== 'DUPLICATE_KEY')) return undefined;
  const map = doc.contents;
  if (!isMap(map) || !map.range || map.flow) return undefined;
  const items = map.items;
  if (followed) {
    // The stand-in must come out as the map's last entry, and nothing may be reported about it.
    const last = items.pop();
    if (!last || !isScalar(last.key) || last.key.value !== SENTINEL || items.length === 0) return undefined;
    if ([...doc.errors, ...doc.warnings].some((e) => e.pos[1] > text.length)) return undefined;
  }
  const converter = new YamlConverter(source, []);
  const pairs: PropertyNode[] = [];
  const keys: unknown[] = [];
  for (const pair of items) {
    if (!isPair(pair)) continue;
    pairs.push(converter.convertPair(pair, map.range[0], undefined));
    keys.push(isScalar(pair.key) ? pair.key.value : {});
  }
  // Anchors and aliases may share nodes across chunks: parse the whole text.
  if (converter.sawAnchorOrAlias || converter.limited) return undefined;
  return {
    start: 0,
    pairs,
    keys,
    range: [map.range[0], map.range[1], map.range[2]],
    errors: rawProblems(doc.errors),
    warnings: rawProblems(doc.warnings),
    round: 0,
    followed,
  };
}
