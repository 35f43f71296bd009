// A quick fix in the real editor (workspace file quickfix.yaml, line 6:
// "    Type: AWS::S3::Buckett"): the lightbulb offers the did-you-mean replacement, applying it
// fixes the text and the diagnostic goes away.
import assert from 'node:assert/strict';
import test from 'node:test';

import { editor, waitFor } from '../harness.mjs';

const T = { timeout: 120_000 };
const FILE = 'quickfix.yaml';
const TITLE = "Change to 'AWS::S3::Bucket'"; // server/src/service/features/codeActions/replace.ts

test(
  'the lightbulb on AWS::S3::Buckett offers "Change to \'AWS::S3::Bucket\'", and applying it clears the error',
  T,
  async () => {
    await editor.openFile(FILE);
    await editor.waitForActivation();
    const [marker] = await editor.waitForProblems((ms) => ms.some((m) => m.text.includes('Buckett')), {
      file: FILE,
    });
    assert.match(marker.text, /cfn-unknown-resource-type/);
    assert.match(marker.text, /\[Ln 6, Col 11\]/);

    const at = await editor.clickAt('AWS::S3::Buckett');
    assert.equal(at.line, 6);
    await waitFor(() => editor.lightBulbVisible(), { what: 'the lightbulb', timeout: 10_000 });
    const titles = await editor.codeActions();
    assert.equal(titles[0], TITLE, `the preferred fix comes first: ${JSON.stringify(titles)}`);
    await editor.applyCodeAction(TITLE);

    const text = await editor.waitForText((t) => !t.includes('Buckett'), { what: 'the fixed type' });
    assert.equal(text.split('\n')[5], '    Type: AWS::S3::Bucket');
    await editor.waitForProblems((ms) => ms.length === 0, { file: FILE });
  },
);
