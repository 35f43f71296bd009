// Behaviour the aws-dev-notes extension must show in a real VS Code (code-server).
// Add cases with test('...', async () => { ... }) using the `editor` helpers from
// ../harness.mjs: openFile(name), waitForStatusBar(pattern), waitForProblems(predicate),
// hoverAt(text), runCommand(title), screenshot(name). A screenshot is taken after every
// test automatically (test/e2e/screenshots/NN-<test name>.png).
import assert from 'node:assert/strict';
import test from 'node:test';

import { editor } from '../harness.mjs';

const T = { timeout: 120_000 };

test('activates and shows the document kind in the status bar', T, async () => {
  await editor.openFile('template.yaml');
  await editor.waitForActivation(); // awsdevnotes.aws-dev-notes (or E2E_EXTENSION_ID)
  const cfn = await editor.waitForStatusBar(/CloudFormation/);
  assert.match(cfn.text || cfn.ariaLabel, /CloudFormation/);

  await editor.openFile('buildspec.yml');
  const bs = await editor.waitForStatusBar(/buildspec/i);
  assert.match(bs.text || bs.ariaLabel, /buildspec/i);
});

test('Problems panel lists the unknown resource type with a suggestion', T, async () => {
  await editor.openFile('template.yaml');
  const markers = await editor.waitForProblems((ms) => ms.some((m) => m.text.includes('AWS::S3::Buckett')));
  const m = markers.find((x) => x.text.includes('AWS::S3::Buckett'));
  assert.match(m.text, /AWS::S3::Bucket(?!t)/, `no suggestion AWS::S3::Bucket in: ${m.text}`);
  assert.match(m.text, /aws-dev-notes/, `source is not aws-dev-notes: ${m.text}`);
});

test('hovering a resource type shows its documentation', T, async () => {
  await editor.openFile('template.yaml');
  const text = await editor.hoverAt('AWS::S3::Bucket', { contains: 'AWS::S3::Bucket' });
  assert.match(text, /AWS::S3::Bucket/);
  // more than just the type name echoed back: some documentation text
  assert.ok(text.replace(/AWS::S3::Bucket/g, '').trim().length > 20, `hover has no documentation: ${text}`);
});
