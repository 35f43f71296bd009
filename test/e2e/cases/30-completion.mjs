// Completion in a CloudFormation template (workspace file completion.yaml):
//
//   Resources:
//     Queue:
//       Type: AWS::SQS::Queue
//       Properties:
//         DelaySeconds: 0        <- line 8; the test adds lines below it
import assert from 'node:assert/strict';
import test from 'node:test';

import { editor } from '../harness.mjs';

const T = { timeout: 120_000 };
const FILE = 'completion.yaml';

test(
  "typing a property name under Properties suggests the resource type's properties, and accepting one inserts it",
  T,
  async () => {
    await editor.openFile(FILE);
    await editor.waitForActivation();
    await editor.waitForStatusBar(/CloudFormation/);
    await editor.goTo(8, 22); // end of "      DelaySeconds: 0"
    await editor.page.keyboard.press('Enter'); // keeps the indentation of the properties
    await editor.page.keyboard.type('Visib', { delay: 40 });
    const rows = await editor.waitForSuggestion('VisibilityTimeout');
    assert.equal(rows[0].label, 'VisibilityTimeout', JSON.stringify(rows.map((r) => r.label)));
    await editor.acceptSuggestion('VisibilityTimeout');
    await editor.page.keyboard.type('45');
    await editor.waitForText((t) => t.split('\n')[8] === '      VisibilityTimeout: 45', {
      what: 'the accepted property on line 9',
    });
  },
);

test('Ctrl+Space on an empty line under Properties lists the properties not yet written', T, async () => {
  await editor.openFile(FILE);
  await editor.page.keyboard.press('End');
  await editor.page.keyboard.press('Enter');
  await editor.page.keyboard.press('Control+Space');
  await editor.waitForSuggestion('MessageRetentionPeriod');
  // VS Code adds every YAML snippet of the extension after the server's items
  const rows = (await editor.allSuggestions()).filter((r) => !/, Snippet$/.test(r.ariaLabel));
  const labels = rows.map((r) => r.label);
  for (const name of ['ContentBasedDeduplication', 'FifoQueue', 'KmsMasterKeyId', 'RedrivePolicy', 'Tags']) {
    assert.ok(labels.includes(name), `${name} missing from ${JSON.stringify(labels)}`);
  }
  // already written, or not a property of AWS::SQS::Queue
  for (const name of ['DelaySeconds', 'VisibilityTimeout', 'BucketName', 'Type']) {
    assert.ok(!labels.includes(name), `${name} should not be offered: ${JSON.stringify(labels)}`);
  }
  assert.ok(
    rows.every((r) => /Property/.test(r.ariaLabel)),
    `all rows are properties: ${JSON.stringify(rows.map((r) => r.ariaLabel))}`,
  );
  await editor.escape();
  // what the two tests typed leaves a valid template
  await editor.waitForProblems((ms) => ms.length === 0, { file: FILE });
});
