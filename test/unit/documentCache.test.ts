/** The parse cache: one tree per document version, the least recently used dropped beyond its limits. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentCache, type DocumentState } from '../../server/src/service/parsing/documentCache';

function cacheCounting(limits: { entries: number; textLength: number }): {
  cache: DocumentCache;
  computed: string[];
} {
  const computed: string[] = [];
  const cache = new DocumentCache((document): DocumentState => {
    computed.push(`${document.uri}@${document.version}`);
    const text = document.getText();
    return {
      version: document.version,
      parsed: { format: 'yaml', root: undefined, problems: [], text },
      kind: null,
    };
  }, limits);
  return { cache, computed };
}

const doc = (name: string, version: number, length: number): TextDocument =>
  TextDocument.create(`file:///${name}.yaml`, 'yaml', version, 'x'.repeat(length));

describe('document cache', () => {
  it('parses each version once', () => {
    const { cache, computed } = cacheCounting({ entries: 10, textLength: 1000 });
    cache.get(doc('a', 1, 10));
    cache.get(doc('a', 1, 10));
    cache.get(doc('a', 2, 10));
    assert.deepEqual(computed, ['file:///a.yaml@1', 'file:///a.yaml@2']);
  });

  it('drops the least recently used documents beyond the text limit', () => {
    const { cache, computed } = cacheCounting({ entries: 10, textLength: 250 });
    cache.get(doc('a', 1, 100));
    cache.get(doc('b', 1, 100));
    cache.get(doc('a', 1, 100)); // a is now the most recent
    cache.get(doc('c', 1, 100)); // 300 characters: b goes
    assert.ok(cache.has('file:///a.yaml'));
    assert.ok(!cache.has('file:///b.yaml'));
    assert.ok(cache.has('file:///c.yaml'));
    cache.get(doc('b', 1, 100));
    assert.equal(
      computed.filter((c) => c === 'file:///b.yaml@1').length,
      2,
      'a dropped document is parsed again',
    );
  });

  it('keeps the newest document even when it alone passes the limits', () => {
    const { cache } = cacheCounting({ entries: 1, textLength: 50 });
    cache.get(doc('a', 1, 100));
    cache.get(doc('b', 1, 500));
    assert.ok(cache.has('file:///b.yaml'));
    assert.ok(!cache.has('file:///a.yaml'));
  });

  it('counts the text of a new version instead of the old one', () => {
    const { cache } = cacheCounting({ entries: 10, textLength: 250 });
    cache.get(doc('a', 1, 100));
    cache.get(doc('b', 1, 100));
    for (let version = 2; version < 10; version++) cache.get(doc('b', version, 100));
    assert.ok(cache.has('file:///a.yaml'), 'edits of b do not push a out');
    cache.delete('file:///b.yaml');
    cache.get(doc('c', 1, 150));
    assert.ok(cache.has('file:///a.yaml'), 'a deleted document no longer counts');
  });

  it('drops the oldest beyond the number of documents', () => {
    const { cache } = cacheCounting({ entries: 2, textLength: 1e9 });
    for (const name of ['a', 'b', 'c']) cache.get(doc(name, 1, 1));
    assert.deepEqual(
      ['a', 'b', 'c'].map((n) => cache.has(`file:///${n}.yaml`)),
      [false, true, true],
    );
  });
});
