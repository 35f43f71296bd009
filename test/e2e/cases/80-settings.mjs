// Settings: awsDevNotes.validation.enable = false in the workspace's .vscode/settings.json
// clears the diagnostics; removing it brings them back. Last of the cases, and it restores
// the setting even when it fails.
import assert from 'node:assert/strict';
import test from 'node:test';

import { editor } from '../harness.mjs';

const T = { timeout: 120_000 };
const FILE = 'template.yaml'; // two errors: AWS::S3::Buckett, NotARealProperty

const ours = (ms) => ms.filter((m) => /aws-dev-notes/.test(m.text));

test(
  'awsDevNotes.validation.enable: false clears the diagnostics, and true brings them back',
  T,
  async () => {
    await editor.openFile(FILE);
    await editor.waitForActivation();
    const before = await editor.waitForProblems((ms) => ours(ms).length === 2, { file: FILE });
    assert.match(before[0].text, /Buckett/);
    try {
      await editor.updateWorkspaceSettings({ 'awsDevNotes.validation.enable': false });
      await editor.waitForProblems((ms) => ours(ms).length === 0, { file: FILE, timeout: 20_000 });
      // every other file's diagnostics go too
      await editor.waitForProblems((ms) => ours(ms).length === 0, { timeout: 10_000 });
      // the file is still recognised
      await editor.waitForStatusBar(/CloudFormation/);
    } finally {
      await editor.updateWorkspaceSettings({ 'awsDevNotes.validation.enable': undefined });
    }
    await editor.waitForProblems((ms) => ours(ms).length === 2, { file: FILE, timeout: 20_000 });
  },
);
