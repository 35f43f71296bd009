// Snippets in an empty YAML file (workspace file snippet.yaml): cfn-template makes it a
// template, cfn-sqs-queue-dlq adds a queue and its dead-letter queue under Resources; the
// result is a valid template.
import assert from 'node:assert/strict';
import test from 'node:test';

import { editor } from '../harness.mjs';

const T = { timeout: 120_000 };
const FILE = 'snippet.yaml';

const EXPECTED = `AWSTemplateFormatVersion: "2010-09-09"
Description: What this stack creates
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 30
      RedrivePolicy:
        deadLetterTargetArn: !GetAtt DeadLetterQueue.Arn
        maxReceiveCount: 5
  DeadLetterQueue:
    Type: AWS::SQS::Queue
    Properties:
      MessageRetentionPeriod: 1209600`;

test(
  'cfn-template and cfn-sqs-queue-dlq expand in an empty .yaml file into a valid template',
  T,
  async () => {
    await editor.openFile(FILE);
    await editor.waitForActivation();
    const page = editor.page;

    await page.keyboard.type('cfn-templ', { delay: 40 });
    await editor.acceptSuggestion('cfn-template');
    // Tab through the placeholders (description, logical id, type), keeping their defaults
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    await editor.waitForCursor(6, 1);
    await editor.waitForStatusBar(/CloudFormation/);

    await page.keyboard.type('  cfn-sqs', { delay: 40 });
    await editor.acceptSuggestion('cfn-sqs-queue-dlq');
    await editor.escape(); // leave the snippet's placeholders as they are
    const text = await editor.waitForText((t) => t.includes('DeadLetterQueue:'), { what: 'the SQS snippet' });
    assert.equal(
      text
        .split('\n')
        .map((l) => l.trimEnd())
        .join('\n')
        .trimEnd(),
      EXPECTED,
    );
    await editor.waitForProblems((ms) => ms.length === 0, { file: FILE });
  },
);
