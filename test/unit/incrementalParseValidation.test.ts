/**
 * Validation after an edit (reused chunks, replayed schema reports) against validation of the
 * same text as a document the service has never seen, for the CloudFormation YAML fixtures and a
 * generated template, along edits that move, change, break and repair the text.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { ROOT, service } from '../support/helpers';
import { generatedTemplate, randomEdit, seededRandom } from './incrementalParseCases';

let fresh = 0;

/** Diagnostics of the text as a new document (nothing to reuse). */
function validateFresh(text: string, fileName: string): Diagnostic[] {
  const uri = `file:///fresh/${fresh++}/${fileName}`;
  const diagnostics = service().validate(TextDocument.create(uri, 'yaml', 1, text));
  service().forget(uri);
  return diagnostics;
}

/** Validates successive versions of one document, each against a fresh validation of its text. */
function checkVersions(name: string, versions: string[]): void {
  const uri = `file:///edited/${name}`;
  try {
    versions.forEach((text, i) => {
      const edited = service().validate(TextDocument.create(uri, 'yaml', i + 1, text));
      assert.deepEqual(edited, validateFresh(text, path.basename(name)), `${name}, version ${i + 1}`);
    });
  } finally {
    service().forget(uri);
  }
}

/** The text with `insert` put at the start of the n-th line (or appended). */
function atLine(text: string, n: number, insert: string): string {
  const lines = text.split('\n');
  lines.splice(Math.min(n, lines.length), 0, insert);
  return lines.join('\n');
}

function cloudFormationFixtures(): string[] {
  const dir = path.join(ROOT, 'test', 'fixtures');
  const out: string[] = [];
  const walk = (folder: string): void => {
    for (const name of fs.readdirSync(folder).sort()) {
      const full = path.join(folder, name);
      if (fs.statSync(full).isDirectory()) walk(full);
      else if (
        /\.ya?ml$/.test(name) &&
        /^(AWSTemplateFormatVersion|Resources):/m.test(fs.readFileSync(full, 'utf8'))
      )
        out.push(full);
    }
  };
  walk(dir);
  return out;
}

describe('validation after an edit equals validation of the text from scratch', () => {
  it('for the CloudFormation fixtures, moved, edited at the end, broken and repaired', () => {
    const files = cloudFormationFixtures();
    assert.ok(files.length > 20, `only ${files.length} CloudFormation fixtures`);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const lines = text.split('\n').length;
      checkVersions(path.relative(ROOT, file), [
        text,
        `# moved down\n${text}`,
        atLine(text, lines - 1, '    # a comment at the end'),
        atLine(text, Math.floor(lines / 2), 'Broken: [unclosed'),
        text,
      ]);
    }
  });

  it('along random edits of a generated template', () => {
    const random = seededRandom(424242);
    let text = generatedTemplate(25, random);
    const versions = [text];
    for (let i = 0; i < 40; i++) {
      const edit = randomEdit(text, random);
      versions.push(edit.text);
      if (random() < 0.6) text = edit.text;
    }
    checkVersions('generated.yaml', versions);
  });
});
