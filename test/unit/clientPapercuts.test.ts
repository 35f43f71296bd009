/**
 * Papercuts fixed on the client side, tested through their pure parts: a refused rename is a
 * message, not an `[error]` (6); one outline per JSON file (5); Enter after a YAML key with no
 * value indents (11).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ErrorCodes, ResponseError } from 'vscode-languageserver-protocol';
import { offersOutline } from '../../client/src/outline';
import { refusalMessage } from '../../client/src/refusal';
import { OPENS_BLOCK } from '../../client/src/yamlEnter';
import { ROOT, doc, service } from '../support/helpers';

describe('a refused rename (papercut 6)', () => {
  it("is recognised as a refusal, with the server's words", () => {
    const text =
      'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Queue:\n    Type: AWS::SQS::Queue\n  Topic:\n    Type: AWS::SNS::Topic\n';
    const document = doc(text, 'template.yaml');
    let thrown: unknown;
    try {
      service().doRename(document, document.positionAt(text.indexOf('Queue:')), 'Topic');
    } catch (error) {
      thrown = error;
    }
    assert.ok(thrown instanceof Error && thrown.name === 'UserFacingError', String(thrown));
    // The server's runner answers it as InvalidRequest; the client turns that into the message.
    const response = new ResponseError(ErrorCodes.InvalidRequest, thrown.message);
    assert.equal(refusalMessage(response), thrown.message);
  });

  it('is not confused with a real failure', () => {
    assert.equal(refusalMessage(new ResponseError(ErrorCodes.InternalError, 'boom')), undefined);
    assert.equal(refusalMessage(new Error('boom')), undefined);
    assert.equal(refusalMessage(undefined), undefined);
  });

  it('the client routes renames through it (middleware in extension.ts)', () => {
    const source = fs.readFileSync(path.join(ROOT, 'client/src/extension.ts'), 'utf8');
    assert.match(source, /provideRenameEdits[\s\S]*refusalMessage\(error\)/);
  });
});

describe('Enter after a YAML key (papercut 11)', () => {
  for (const line of [
    'Properties:',
    '    Properties:  ',
    '  - Name:',
    '      ZipFile: |',
    'Description: >-',
    '  "quoted key":',
    'Key: # comment',
  ]) {
    it(`indents after ${JSON.stringify(line)}`, () => assert.match(line, OPENS_BLOCK));
  }
  for (const line of [
    'Type: AWS::SQS::Queue',
    '  - item',
    '# Properties:',
    'url: http://x',
    'Value: !Ref X',
    '- a: b',
  ]) {
    it(`keeps the indentation after ${JSON.stringify(line)}`, () => assert.doesNotMatch(line, OPENS_BLOCK));
  }
});

describe('one outline per file (papercut 5)', () => {
  it("leaves JSON files to VS Code's JSON outline, keeps ours for YAML", () => {
    assert.equal(offersOutline('json', true), false);
    assert.equal(offersOutline('yaml', true), true);
    assert.equal(offersOutline('json', false), true, 'without the JSON extension ours is the only one');
  });

  it('the client asks it before returning symbols (middleware in extension.ts)', () => {
    const source = fs.readFileSync(path.join(ROOT, 'client/src/extension.ts'), 'utf8');
    assert.match(source, /provideDocumentSymbols[\s\S]*offersOutline\(document\.languageId/);
  });
});
