/** Completion while an edit is in progress: blank lines, half-typed keys, broken syntax, CRLF, flow and block styles. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accept, complete, find, labels } from '../support/completion';

const BUCKET =
  'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n';

describe('completion: edits in progress', () => {
  it('uses the cursor column on a line holding only indentation', () => {
    const deep = complete(`${BUCKET}      VersioningConfiguration:\n        |\n`);
    assert.ok(labels(deep.items).includes('Status'));
    const back = complete(`${BUCKET}      VersioningConfiguration:\n        Status: Enabled\n    |\n`);
    assert.ok(labels(back.items).includes('DependsOn'), 'back at the resource level');
    assert.ok(!labels(back.items).includes('Properties'));
  });

  it('adds the space after a dash or a colon typed just now', () => {
    const dash = complete(`${BUCKET}      Tags:\n        -|\n`);
    assert.match(
      accept(dash.document, find(dash.items, 'Key')),
      /\n {8}- Key: \n {10}Value: \n$|\n {8}- Key: \n$/,
    );
    const colon = complete(`${BUCKET}      VersioningConfiguration:\n        Status:|\n`);
    assert.match(accept(colon.document, find(colon.items, 'Enabled')), /Status: Enabled\n$/);
  });

  it('completes keys of a flow map and values in a flow sequence', () => {
    const keys = complete(`${BUCKET}      VersioningConfiguration: {Sta|}\n`);
    assert.match(
      accept(keys.document, find(keys.items, 'Status')),
      /VersioningConfiguration: \{Status: Enabled\}\n$/,
    );
    const multiLine = complete(
      `${BUCKET}      BucketName: !Join\n        - '-'\n        - [!Ref AWS::StackName,\n           !Ref |]\n`,
    );
    assert.ok(labels(multiLine.items).includes('AWS::Region'));
  });

  it('is not fooled by a block scalar that ended on the line before', () => {
    const text = `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Code:\n        ZipFile: |\n          exports.handler = async () => 1;\n      §\n`;
    const { items } = complete(text, 'template.yaml', '§');
    assert.ok(labels(items).includes('Handler'));
  });

  it('works with CRLF line ends', () => {
    const text = `${BUCKET}      VersioningConfiguration:\n        Status: |\n`.replace(/\n/g, '\r\n');
    const { document, items } = complete(text);
    assert.equal(accept(document, find(items, 'Enabled')), text.replace('|', 'Enabled'));
  });

  it('offers nothing with the cursor inside the indentation before a key', () => {
    assert.deepEqual(complete(`${BUCKET}   |   BucketName: x\n`).items, []);
  });

  it('completes a value before a trailing comment', () => {
    const { document, items } = complete(
      `${BUCKET}      VersioningConfiguration:\n        Status: |  # pick one\n`,
    );
    assert.match(accept(document, find(items, 'Suspended')), /Status: Suspended {2}# pick one\n$/);
  });

  it('completes top-level keys of an empty file whose name gives its kind', () => {
    const { items } = complete('|', 'buildspec.yml');
    assert.ok(labels(items).includes('version') && labels(items).includes('phases'));
  });

  it('keeps the kind of a template while the edit breaks it', () => {
    const broken =
      'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties: {\n    |\n';
    assert.ok(Array.isArray(complete(broken).items));
  });
});
