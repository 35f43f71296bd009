// The first-run walkthrough: "AWS Dev Notes: Get Started" opens it with its steps, and the
// first step's link creates an unsaved CloudFormation template the server recognises.
import assert from 'node:assert/strict';
import test from 'node:test';

import { editor, waitFor } from '../harness.mjs';

const T = { timeout: 120_000 };

const STEPS = [
  'Open or create one of the four kinds',
  'Write with snippets and completion',
  'Hover for the docs and your notes',
  'Browse and search your notes',
  'The same checks in CI',
];

test('Get Started opens the walkthrough; its link makes a new template', T, async () => {
  await editor.openFile('template.yaml');
  await editor.waitForActivation();
  await editor.runCommand('AWS Dev Notes: Get Started');
  const page = editor.page;
  await waitFor(() => page.getByText('Get started with AWS Dev Notes').first().isVisible(), {
    what: 'the walkthrough page',
  });
  for (const step of STEPS) {
    assert.ok(await page.getByText(step, { exact: true }).first().isVisible(), `step "${step}"`);
  }
  // The first step is expanded: its button runs awsDevNotes.newCloudFormationTemplate.
  await page.getByText('New CloudFormation Template', { exact: true }).first().click();
  // Three skeletons to choose from; the first (YAML template) is the default.
  await waitFor(() => page.locator('.quick-input-widget input').first().isVisible(), {
    what: 'the skeleton picker',
  });
  await page.keyboard.press('Enter');
  await editor.waitForStatusBar(/CloudFormation/);
  const text = await editor.waitForText((t) => t.includes('AWSTemplateFormatVersion'), {
    what: 'the new template',
  });
  assert.match(text, /Resources:\n {2}Bucket:\n {4}Type: AWS::S3::Bucket/);
  await editor.escape();
});
