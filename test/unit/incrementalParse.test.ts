/**
 * The incremental YAML parse against a parse of the whole text: same tree (every node's type,
 * value, offset and length, parent links included) and same problems, for every YAML file of the
 * fixtures and examples, for hand-written layouts, and along chains of random edits of generated
 * templates (each version parsed with the previous version's cache, as the editor does).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { AstNode, PropertyNode } from '../../server/src/service/ast';
import type { ChunkCache } from '../../server/src/service/parsing/incrementalParse';
import { parseIncremental } from '../../server/src/service/parsing/incrementalParse';
import { parse } from '../../server/src/service/parsing/parse';
import { planChunks } from '../../server/src/service/parsing/yamlChunks';
import { ROOT } from '../support/helpers';
import { EDGE_CASES, generatedTemplate, randomEdit, seededRandom } from './incrementalParseCases';

/** A node and its subtree as plain data, checking the parent links on the way. */
function shape(node: AstNode | undefined, parent: unknown, where: string): unknown {
  if (!node) return null;
  assert.equal(node.parent, parent, `parent link at ${where}`);
  const head = [node.type, node.offset, node.length];
  switch (node.type) {
    case 'object':
      return [
        ...head,
        node.shortForm ?? null,
        node.properties.map((p, i) => propertyShape(p, node, `${where}/${i}`)),
      ];
    case 'array':
      return [...head, node.items.map((item, i) => shape(item, node, `${where}[${i}]`))];
    case 'string':
      return [...head, node.value, node.quoted ?? null];
    case 'number':
      return [...head, node.value, node.source];
    default:
      return [...head, node.value];
  }
}

function propertyShape(property: PropertyNode, parent: unknown, where: string): unknown {
  assert.equal(property.parent, parent, `property parent at ${where}`);
  return [
    property.offset,
    property.length,
    shape(property.key, property, `${where}:key`),
    property.value ? shape(property.value, property, `${where}:${property.key.value}`) : 'no value',
  ];
}

interface Checked {
  cache: ChunkCache | undefined;
  /** The text has syntax errors. */
  broken: boolean;
  /** The incremental parse made a cache: the text was parsed in chunks. */
  chunked: boolean;
}

/** Parses `text` incrementally (with the cache of the previous version) and compares with a whole parse. */
function check(text: string, cache: ChunkCache | undefined, label: string): Checked {
  const incremental = parseIncremental(text, 'yaml', cache);
  const whole = parse(text, 'yaml');
  assert.deepEqual(incremental.parsed.problems, whole.problems, `problems of ${label}`);
  assert.deepEqual(
    shape(incremental.parsed.root, undefined, 'root'),
    shape(whole.root, undefined, 'root'),
    `tree of ${label}`,
  );
  return {
    cache: incremental.cache,
    broken: whole.problems.some((p) => p.severity === 'error'),
    chunked: incremental.cache !== undefined && incremental.cache !== cache,
  };
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (fs.statSync(full).isDirectory()) out.push(...yamlFiles(full));
    else if (/\.(ya?ml|template)$/i.test(name)) out.push(full);
  }
  return out;
}

describe('incremental YAML parse: the same result as a whole parse', () => {
  it('for every YAML fixture and example, parsed cold and after reuse', () => {
    const files = [
      ...yamlFiles(path.join(ROOT, 'test', 'fixtures')),
      ...yamlFiles(path.join(ROOT, 'examples')),
    ];
    assert.ok(files.length > 100, `only ${files.length} YAML files found`);
    let chunked = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const label = path.relative(ROOT, file);
      const first = check(text, undefined, label);
      if (first.chunked) chunked++;
      // Reuse: the same text again, then with a blank line in front (every chunk moves).
      const again = check(text, first.cache, `${label} (reused)`);
      check(`\n${text}`, again.cache, `${label} (moved)`);
    }
    // Most files are plain block maps: the chunked path must be the one exercised.
    assert.ok(chunked > files.length / 2, `only ${chunked} of ${files.length} files were chunked`);
  });

  for (const [name, text] of Object.entries(EDGE_CASES)) {
    it(`for ${name}`, () => {
      const { cache } = check(text, undefined, name);
      const again = check(text, cache, `${name} (reused)`);
      check(`# moved\n${text}`, again.cache, `${name} (moved)`);
    });
  }

  it('along chains of random edits of generated templates (valid and broken versions)', () => {
    const random = seededRandom(20261130);
    let chunked = 0;
    let broken = 0;
    for (let chain = 0; chain < 5; chain++) {
      let text = generatedTemplate(10 + chain * 5, random);
      let { cache } = check(text, undefined, `chain ${chain} start`);
      for (let step = 0; step < 60; step++) {
        const edit = randomEdit(text, random);
        const result = check(edit.text, cache, `chain ${chain} step ${step} (${edit.description})`);
        cache = result.cache;
        if (result.chunked) chunked++;
        if (result.broken) {
          // Typing breaks the text for a moment; the next version is valid again.
          broken++;
          cache = check(text, cache, `chain ${chain} step ${step} undone`).cache;
        } else {
          text = edit.text;
        }
      }
    }
    assert.ok(chunked > 50 && broken > 50, `${chunked} chunked and ${broken} broken versions`);
  });

  it('reuses unchanged chunks: nodes outside the edit keep their identity', () => {
    const text = generatedTemplate(40, seededRandom(7));
    const first = parseIncremental(text, 'yaml', undefined);
    assert.ok(first.cache, 'the generated template is chunked');
    const edited = text.replace('VisibilityTimeout: 60', 'VisibilityTimeout: 600');
    const second = parseIncremental(edited, 'yaml', first.cache);
    const resources = (root: AstNode | undefined) =>
      root?.type === 'object' ? root.properties.find((p) => p.key.value === 'Resources')?.value : undefined;
    const before = resources(first.parsed.root);
    const after = resources(second.parsed.root);
    assert.ok(before?.type === 'object' && after?.type === 'object');
    const changed = after.properties.filter((p, i) => p !== before.properties[i]);
    assert.equal(changed.length, 1, 'only the edited resource is parsed again');
    assert.equal(changed[0].key.value, 'Queue0');
  });

  it('parses the whole text when the layout cannot be cut safely', () => {
    const whole = [
      '%YAML 1.2\n---\na: 1\n',
      'a: 1\n---\nb: 2\n',
      'a: 1\n...\n',
      '- a\n- b\n',
      '{a: 1, b: 2}\n',
      '  a: 1\n  b: 2\n',
      'a:\n\tb: 1\n',
      '\uFEFFa: 1\n',
      'a: 1\rb: 2\r',
      '# only a comment\n',
      '',
    ];
    for (const text of whole) assert.equal(planChunks(text), undefined, JSON.stringify(text));
    // Anchors, aliases and syntax errors are found while parsing the chunks: no cache is made.
    for (const text of [
      'a: &x 1\nb: *x\n',
      'a:\n  b: "open\nc: 1\n',
      'a: [1,\nb: 2]\n',
      'a: 1\nb: 2\na: 3\n',
    ]) {
      const result = parseIncremental(text, 'yaml', undefined);
      assert.equal(result.cache, undefined, JSON.stringify(text));
      assert.deepEqual(result.parsed.problems, parse(text, 'yaml').problems);
    }
  });
});
