/**
 * Snippets offered by the server only where they fit: whole-file templates in an empty file,
 * resource snippets under `Resources`, section entries under their section, a container in
 * `containerDefinitions`; the body is re-indented to the cursor.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionItem } from 'vscode-languageserver-types';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver-types';
import { nodeFileSystem } from '../../server/src/nodeFileSystem';
import { codes, dedent, docAt, service, serviceWith } from '../support/helpers';
import { expandSnippet } from '../support/snippets';

function snippets(textWithCursor: string, name = 'template.yaml'): CompletionItem[] {
  const { document, position } = docAt(textWithCursor, name);
  return service()
    .doComplete(document, position)
    .items.filter((item) => item.kind === CompletionItemKind.Snippet);
}

function labels(textWithCursor: string, name?: string): string[] {
  return snippets(textWithCursor, name).map((item) => item.label);
}

/** The text after accepting the snippet `label` with its defaults. */
function accept(textWithCursor: string, label: string, name = 'template.yaml'): string {
  const { document } = docAt(textWithCursor, name);
  const item = snippets(textWithCursor, name).find((i) => i.label === label);
  assert.ok(item, `${label} is offered`);
  assert.ok(item.textEdit && 'range' in item.textEdit);
  const { range, newText } = item.textEdit;
  const text = document.getText();
  return (
    text.slice(0, document.offsetAt(range.start)) +
    expandSnippet(newText) +
    text.slice(document.offsetAt(range.end))
  );
}

const trimLines = (text: string): string =>
  text
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .trimEnd();

const TEMPLATE = dedent(`
  AWSTemplateFormatVersion: "2010-09-09"
  Parameters:
    Name:
      Type: String
  Resources:
    Bucket:
      Type: AWS::S3::Bucket
      Properties:
        BucketName: !Ref Name
  `);

describe('snippets by context', () => {
  it('offers the whole-file templates of every kind in an empty YAML file', () => {
    const offered = labels('|', 'empty.yaml');
    for (const label of ['cfn-template', 'cfn-sam-template', 'buildspec', 'appspec-ecs']) {
      assert.ok(offered.includes(label), label);
    }
    assert.ok(!offered.includes('cfn-s3-bucket'));
    assert.ok(!offered.includes('taskdef-fargate'));
    assert.ok(labels('# a comment\ncfn-te|\n', 'empty.yaml').includes('cfn-template'));
  });

  it('gives the item the snippet kind, format, text edit and filter text', () => {
    const item = snippets('cfn-te|', 'empty.yaml').find((i) => i.label === 'cfn-template');
    assert.ok(item);
    assert.equal(item.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal(item.filterText, 'cfn-template');
    assert.match(item.detail ?? '', /CloudFormation template/);
    assert.deepEqual(item.textEdit && 'range' in item.textEdit && item.textEdit.range, {
      start: { line: 0, character: 0 },
      end: { line: 0, character: 6 },
    });
  });

  it('offers resource snippets under Resources, and no whole-file template there', () => {
    const offered = labels(`${TEMPLATE}  cfn-sq|`);
    assert.ok(offered.includes('cfn-sqs-queue-dlq'));
    assert.ok(offered.includes('cfn-s3-bucket'));
    assert.ok(!offered.includes('buildspec'));
    assert.ok(!offered.includes('cfn-template'));
    assert.ok(!offered.includes('cfn-parameter'));
  });

  it('offers no snippet inside a resource Properties', () => {
    assert.deepEqual(labels(`${TEMPLATE}    Ver|`), []);
    assert.deepEqual(labels(`${TEMPLATE}      Ver|`), []);
  });

  it('offers section snippets under their section only', () => {
    const parameters = labels(TEMPLATE.replace('  Name:', '  |\n  Name:'));
    assert.ok(parameters.includes('cfn-parameter'));
    assert.ok(!parameters.includes('cfn-sqs-queue-dlq'));
    const outputs = labels(`${TEMPLATE}Outputs:\n  |`);
    assert.deepEqual(outputs, ['cfn-output']);
  });

  it('offers no CloudFormation snippet in a buildspec', () => {
    const offered = labels(
      'version: 0.2\nphases:\n  build:\n    commands:\n      - make\n|',
      'buildspec.yml',
    );
    assert.ok(
      offered.every((label) => !label.startsWith('cfn-')),
      offered.join(),
    );
    assert.deepEqual(labels('|', 'buildspec.yml').sort(), [
      'buildspec',
      'buildspec-batch',
      'buildspec-docker',
      'buildspec-reports',
    ]);
  });

  it('offers nothing in an unrelated YAML file', () => {
    assert.deepEqual(labels('services:\n  web:\n    image: nginx\n|', 'docker-compose.yml'), []);
  });

  it('offers the whole-file templates in an empty JSON file', () => {
    const offered = labels('|', 'empty.json');
    assert.ok(offered.includes('cfn-template'));
    assert.ok(offered.includes('taskdef-fargate'));
    assert.ok(!offered.includes('buildspec'));
    assert.ok(!offered.includes('taskdef-container'));
  });

  it('offers taskdef-container in containerDefinitions', () => {
    const text = '{\n  "family": "web",\n  "containerDefinitions": [\n    |\n  ]\n}';
    assert.deepEqual(labels(text, 'web-task-def.json'), ['taskdef-container']);
    const after = accept(text, 'taskdef-container', 'web-task-def.json');
    const lines = after.split('\n');
    assert.equal(lines[3], '    {');
    assert.equal(lines[4], '      "name": "sidecar",');
    assert.deepEqual(codes(after, 'web-task-def.json'), []);
  });

  it('accepting cfn-sqs-queue-dlq under Resources gives a template the linter accepts', () => {
    const after = accept(`${TEMPLATE}  cfn-sqs|`, 'cfn-sqs-queue-dlq');
    assert.match(after, /\n {2}DeadLetterQueue:\n {4}Type: AWS::SQS::Queue\n/);
    assert.deepEqual(codes(after), []);
  });

  it('follows the document indentation step', () => {
    const text =
      'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n    Topic:\n        Type: AWS::SNS::Topic\n    cfn-sqs|';
    const after = accept(text, 'cfn-sqs-queue-dlq');
    assert.match(
      after,
      /\n {4}Queue:\n {8}Type: AWS::SQS::Queue\n {8}Properties:\n {12}VisibilityTimeout: 30\n/,
    );
    assert.deepEqual(codes(after), []);
  });

  it('produces the text the real-editor test expects (cfn-template, then cfn-sqs-queue-dlq)', () => {
    const template = accept('cfn-templ|', 'cfn-template', 'snippet.yaml');
    const after = accept(`${template.trimEnd()}\n  cfn-sqs|`, 'cfn-sqs-queue-dlq', 'snippet.yaml');
    assert.equal(
      trimLines(after),
      dedent(`
        AWSTemplateFormatVersion: "2010-09-09"
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
              MessageRetentionPeriod: 1209600`),
    );
  });

  it('offers JSON resource snippets under Resources with a comma when a property follows', () => {
    const text =
      '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {\n    "cfn-sq|"\n    "Topic": { "Type": "AWS::SNS::Topic" }\n  }\n}';
    const after = accept(text, 'cfn-sqs-queue-dlq', 'template.json');
    assert.deepEqual(codes(after, 'template.json'), []);
    assert.match(after, /\n {4}"DeadLetterQueue": \{\n {6}"Type": "AWS::SQS::Queue",/);
  });

  it('reads the snippet files through the injected file system, once', () => {
    const reads: string[] = [];
    const fs = {
      ...nodeFileSystem,
      readFile: (file: string) => {
        if (file.includes('snippets')) reads.push(file);
        return nodeFileSystem.readFile(file);
      },
    };
    const own = serviceWith({ fs });
    for (let i = 0; i < 2; i++) {
      const { document, position } = docAt('|', `again${i}.yaml`);
      assert.ok(own.doComplete(document, position).items.some((item) => item.label === 'buildspec'));
    }
    assert.equal(reads.length, 5);
    assert.ok(
      reads.every((file) => /[\\/]snippets[\\/][\w-]+\.json$/.test(file)),
      reads.join(),
    );
  });
});
