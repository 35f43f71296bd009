import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AstNode } from '../../server/src/service/ast';
import { getNodeAtOffset, getNodeAtPath, getNodePath, toValue } from '../../server/src/service/ast';
import { detectFormat, parse } from '../../server/src/service/parsing/parse';

function yaml(text: string): AstNode {
  const parsed = parse(text, 'yaml');
  assert.ok(parsed.root);
  return parsed.root;
}

describe('parse: YAML', () => {
  it('turns every short-form tag into its long form', () => {
    const text = [
      'a: !Ref Name',
      'b: !GetAtt Res.Arn',
      'c: !GetAtt [Res, Arn]',
      'd: !Sub "${AWS::Region}"',
      'e: !Join [",", [a, b]]',
      'f: !If [Cond, !Ref X, !Ref "AWS::NoValue"]',
      'g: !Equals [a, b]',
      'h: !Not [!Condition C]',
      'i: !And [!Condition A, !Condition B]',
      'j: !Or [!Condition A, !Condition B]',
      'k: !FindInMap [Map, Key, Value]',
      'l: !Select [0, !GetAZs ""]',
      'm: !Split [",", "a,b"]',
      'n: !Base64 text',
      'o: !Cidr ["10.0.0.0/16", 4, 8]',
      'p: !ImportValue Exported',
      'q: !Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}}',
      'r: !ToJsonString {a: 1}',
      's: !Length [1, 2]',
    ].join('\n');
    const value = toValue(yaml(text)) as Record<string, unknown>;
    assert.deepEqual(value.a, { Ref: 'Name' });
    assert.deepEqual(value.b, { 'Fn::GetAtt': 'Res.Arn' });
    assert.deepEqual(value.c, { 'Fn::GetAtt': ['Res', 'Arn'] });
    assert.deepEqual(value.d, { 'Fn::Sub': '${AWS::Region}' });
    assert.deepEqual(value.f, { 'Fn::If': ['Cond', { Ref: 'X' }, { Ref: 'AWS::NoValue' }] });
    assert.deepEqual(value.h, { 'Fn::Not': [{ Condition: 'C' }] });
    assert.deepEqual(value.l, { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] });
    assert.deepEqual(value.q, {
      'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://b/k' } },
    });
    for (const key of ['e', 'g', 'i', 'j', 'k', 'm', 'n', 'o', 'p', 'r', 's']) {
      const fn = Object.keys(value[key] as object)[0];
      assert.match(fn, /^Fn::/, key);
    }
  });

  it('gives the short-form node the range of the tag and its value', () => {
    const text = 'a: !Ref Name\n';
    const root = yaml(text);
    const node = getNodeAtPath(root, ['a']);
    assert.equal(node?.type, 'object');
    assert.equal(text.slice(node.offset, node.offset + node.length), '!Ref Name');
    const key = node.type === 'object' ? node.properties[0].key : undefined;
    assert.equal(key && text.slice(key.offset, key.offset + key.length), '!Ref');
  });

  it('reads YAML 1.2 scalars: yes stays a string, 0.2 is a number that keeps its spelling', () => {
    const root = yaml('a: yes\nb: 0.2\nc: 0.0\nd: "5"\n');
    assert.equal(getNodeAtPath(root, ['a'])?.type, 'string');
    const b = getNodeAtPath(root, ['b']);
    assert.equal(b?.type === 'number' && b.source, '0.2');
    const c = getNodeAtPath(root, ['c']);
    assert.equal(c?.type === 'number' && c.source, '0.0');
    assert.equal(getNodeAtPath(root, ['d'])?.type, 'string');
  });

  it('reports syntax errors and duplicate keys at their position instead of throwing', () => {
    const parsed = parse('a: 1\na: 2\nb: [1, 2\n', 'yaml');
    const codes = parsed.problems.map((p) => p.code);
    assert.ok(codes.includes('duplicate-key'));
    assert.ok(codes.includes('yaml-syntax'));
    const dup = parsed.problems.find((p) => p.code === 'duplicate-key');
    assert.equal(dup?.offset, 5);
  });

  it('warns about unknown tags', () => {
    const parsed = parse('a: !Foo x\n', 'yaml');
    assert.deepEqual(
      parsed.problems.map((p) => [p.code, p.severity]),
      [['unknown-tag', 'warning']],
    );
  });

  it('does not expand alias bombs', () => {
    const lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]'];
    for (let i = 0; i < 9; i++) {
      const prev = String.fromCharCode(97 + i);
      const next = String.fromCharCode(98 + i);
      lines.push(
        `${next}: &${next} [*${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}]`,
      );
    }
    const parsed = parse(lines.join('\n'), 'yaml');
    assert.ok(parsed.root);
    // The aliases past the budget are cut at parse time, once: every walk of the tree is bounded.
    const limits = parsed.problems.filter((p) => p.code === 'alias-limit');
    assert.equal(limits.length, 1);
    assert.match(limits[0].message, /Aliases expand to more than 100,000 values \(an alias bomb\?\)/);
    let values = 0;
    const count = (value: unknown): void => {
      values++;
      if (Array.isArray(value)) value.forEach(count);
    };
    count(toValue(parsed.root));
    assert.ok(values <= 110_000, String(values));
  });

  it('reports a duplicate key among thousands once, at the repeated key', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `k${i}: ${i}`);
    keys.push('k17: again');
    const parsed = parse(keys.join('\n'), 'yaml');
    const duplicates = parsed.problems.filter((p) => p.code === 'duplicate-key');
    assert.deepEqual(
      duplicates.map((p) => [p.offset, p.message]),
      [[keys.slice(0, -1).join('\n').length + 1, "Duplicate key 'k17'"]],
    );
  });

  it('refuses nesting deeper than the parsers can take, with one problem', () => {
    const parsed = parse(`a: ${'['.repeat(5000)}${']'.repeat(5000)}`, 'yaml');
    assert.equal(parsed.root, undefined);
    assert.deepEqual(
      parsed.problems.map((p) => p.code),
      ['nesting-limit'],
    );
    assert.equal(parse(`${'['.repeat(5000)}${']'.repeat(5000)}`, 'json').problems[0].code, 'nesting-limit');
  });

  it('finds the node at an offset and its path', () => {
    const text = 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n';
    const root = yaml(text);
    const offset = text.indexOf('S3');
    const node = getNodeAtOffset(root, offset);
    assert.equal(node?.type === 'string' && node.value, 'AWS::S3::Bucket');
    assert.deepEqual(node && getNodePath(node), ['Resources', 'Bucket', 'Type']);
  });
});

describe('parse: JSON', () => {
  it('parses with exact ranges and reports duplicate keys', () => {
    const text = '{\n  "a": {"b": [1, true, null]},\n  "a": 2\n}';
    const parsed = parse(text, 'json');
    assert.deepEqual(
      parsed.problems.map((p) => p.code),
      ['duplicate-key'],
    );
    const arr = getNodeAtPath(parsed.root, ['a', 'b']);
    assert.equal(arr && text.slice(arr.offset, arr.offset + arr.length), '[1, true, null]');
  });

  it('reports JSON syntax errors', () => {
    const parsed = parse('{"a": 1,}', 'json');
    assert.equal(parsed.problems[0]?.code, 'json-syntax');
  });

  it('detects the format', () => {
    assert.equal(detectFormat('{}', 'plaintext', 'file:///a.template'), 'json');
    assert.equal(detectFormat('Resources: {}', 'plaintext', 'file:///a.template'), 'yaml');
    assert.equal(detectFormat('x', 'json'), 'json');
  });
});
