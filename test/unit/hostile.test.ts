/** Hostile documents through the service: a clear diagnostic or a quiet no-op, never a throw. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { messageOf } from '../support/diagnostics';
import { doc, ROOT, service } from '../support/helpers';
import type { HostileCase } from '../support/hostile';
import { HOSTILE_CASES } from '../support/hostile';

/** Inputs the fuzzer found crashes with (test/fixtures/fuzz/), as hostile cases. */
function fuzzFindings(): HostileCase[] {
  const dir = path.join(ROOT, 'test', 'fixtures', 'fuzz');
  return fs.readdirSync(dir).flatMap((name) =>
    fs
      .readdirSync(path.join(dir, name))
      .filter((file) => file !== 'expected.json')
      .map((file) => ({
        name: `fuzz finding ${name}`,
        file,
        text: fs.readFileSync(path.join(dir, name, file), 'utf8'),
      })),
  );
}

describe('hostile documents (service)', () => {
  for (const hostile of [...HOSTILE_CASES, ...fuzzFindings()]) {
    it(`answers every feature on ${hostile.name}`, () => {
      const s = service();
      const document = doc(hostile.text, hostile.file);
      const diagnostics = s.validate(document);
      if (hostile.expectCode) {
        assert.ok(
          diagnostics.some((d) => d.code === hostile.expectCode),
          JSON.stringify(diagnostics.map((d) => d.code)),
        );
      }
      const lines = Math.min(document.lineCount, 30);
      for (let line = 0; line < lines; line++) {
        for (const character of [0, 4, 10]) {
          const position = { line, character };
          s.doHover(document, position);
          s.doComplete(document, position);
          s.findDefinition(document, position);
          s.findReferences(document, position, true);
          s.findDocumentHighlights(document, position);
          s.prepareRename(document, position);
          const range = { start: position, end: position };
          s.getCodeActions(document, range, { diagnostics });
        }
      }
      s.findDocumentSymbols(document);
      s.getFoldingRanges(document);
      s.findDocumentLinks(document);
      s.forget(document.uri);
    });
  }

  it('names an alias bomb once, at the alias, and still validates the rest', () => {
    const bomb = HOSTILE_CASES.find((c) => c.file === 'bomb.yaml');
    assert.ok(bomb);
    const diagnostics = service().validate(
      doc(bomb.text.replace('AWS::S3::Bucket', 'AWS::S3::Buckett'), 'b.yaml'),
    );
    const limits = diagnostics.filter((d) => d.code === 'alias-limit');
    assert.equal(limits.length, 1);
    assert.match(messageOf(limits[0]), /alias bomb/);
    assert.ok(diagnostics.some((d) => d.code === 'cfn-unknown-resource-type'));
  });

  it('says why a deeply nested document is not analysed, with the line', () => {
    for (const file of ['deep.json', 'deep-flow.yaml', 'deep-block.yaml']) {
      const hostile = HOSTILE_CASES.find((c) => c.file === file);
      assert.ok(hostile);
      const diagnostics = service().validate(doc(hostile.text, file));
      assert.equal(diagnostics.length, 1, file);
      assert.equal(diagnostics[0].code, 'not-analysed');
      assert.match(messageOf(diagnostics[0]), /nested more than 200 levels deep \(line \d+\)/);
    }
  });

  it('keeps analysing nesting well within the limit', () => {
    const text = `Resources:\n  B:\n    Type: AWS::S3::Buckett\n    Metadata:\n      x: ${'['.repeat(150)}${']'.repeat(150)}\n`;
    const diagnostics = service().validate(doc(text, 'nested.yaml'));
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['cfn-unknown-resource-type'],
    );
  });

  it('keeps positions right with CRLF and mixed line endings and a BOM', () => {
    for (const file of ['mixed.yaml', 'bom.yaml']) {
      const hostile = HOSTILE_CASES.find((c) => c.file === file);
      assert.ok(hostile);
      const diagnostic = service()
        .validate(doc(hostile.text, file))
        .find((d) => d.code === 'cfn-unknown-resource-type');
      assert.ok(diagnostic, file);
      assert.deepEqual(diagnostic.range, {
        start: { line: 3, character: 10 },
        end: { line: 3, character: 26 },
      });
    }
  });

  it('says a binary file is not analysed', () => {
    const binary = HOSTILE_CASES.find((c) => c.file === 'binary.yaml');
    assert.ok(binary);
    const diagnostics = service().validate(doc(`${binary.text}\u0000`, 'buildspec.yml'));
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.message]),
      [['not-analysed', 'Not analysed: the file looks binary.']],
    );
  });
});
