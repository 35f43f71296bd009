/**
 * The snippet files: every snippet, expanded with its default placeholders and put where it
 * belongs in a document, gives a file our own linter accepts with zero diagnostics.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { messageOf } from '../support/diagnostics';
import { ROOT, service } from '../support/helpers';
import { expandSnippet } from '../support/snippets';

interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

function load(file: string): Record<string, Snippet> {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets', file), 'utf8')) as Record<string, Snippet>;
}

function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((l) => (l ? pad + l : l))
    .join('\n');
}

let counter = 0;

function diagnosticsOf(text: string, name: string): string[] {
  // untitled: documents are not on disk, so no check looks for files next to them.
  const document = TextDocument.create(
    `untitled:/snippets/${counter++}/${name}`,
    name.endsWith('.json') ? 'json' : 'yaml',
    1,
    text,
  );
  return service()
    .validate(document)
    .map((d) => `${String(d.code)}@${d.range.start.line + 1}:${d.range.start.character + 1} ${messageOf(d)}`);
}

const HEAD = 'AWSTemplateFormatVersion: "2010-09-09"\n';
/** SAM resources need the transform. */
const headOf = (prefix: string): string =>
  prefix.startsWith('cfn-sam-') ? `${HEAD}Transform: AWS::Serverless-2016-10-31\n` : HEAD;
const QUEUE_USING = (expression: string): string =>
  `Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: ${expression}\n`;

/** Where each YAML CloudFormation snippet goes: a whole template, or a section's entry. */
const CFN_YAML: Record<string, (body: string) => string> = {
  'cfn-template': (body) => body,
  'cfn-sam-template': (body) => body,
  'cfn-parameter': (body) => `${HEAD}Parameters:\n${indent(body, 2)}\n${QUEUE_USING('!Ref Name')}`,
  'cfn-parameter-environment': (body) =>
    `${HEAD}Parameters:\n${indent(body, 2)}\n${QUEUE_USING('!Sub "${Environment}-queue"')}`,
  'cfn-output': (body) =>
    `${HEAD}Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\nOutputs:\n${indent(body, 2)}\n`,
  'cfn-condition': (body) =>
    `${HEAD}Parameters:\n  Environment:\n    Type: String\nConditions:\n${indent(body, 2)}\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Condition: IsProduction\n    Properties:\n      QueueName: !Ref Environment\n`,
  'cfn-mapping': (body) =>
    `${HEAD}Mappings:\n${indent(body, 2)}\n${QUEUE_USING('!FindInMap [RegionMap, !Ref AWS::Region, Ami]')}`,
};

const JSON_HEAD = '"AWSTemplateFormatVersion": "2010-09-09"';
const JSON_QUEUE_USING = (expression: string): string =>
  `"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": ${expression}}}}`;

const CFN_JSON: Record<string, (body: string) => string> = {
  'cfn-template': (body) => body,
  'cfn-sam-template': (body) => body,
  'cfn-parameter-environment': (body) =>
    `{${JSON_HEAD}, "Parameters": {${body}}, ${JSON_QUEUE_USING('{"Fn::Sub": "${Environment}-queue"}')}}`,
  'cfn-condition': (body) =>
    `{${JSON_HEAD}, "Parameters": {"Environment": {"Type": "String"}}, "Conditions": {${body}}, "Resources": {"Q": {"Type": "AWS::SQS::Queue", "Condition": "IsProduction", "Properties": {"QueueName": {"Ref": "Environment"}}}}}`,
  'cfn-mapping': (body) =>
    `{${JSON_HEAD}, "Mappings": {${body}}, ${JSON_QUEUE_USING('{"Fn::FindInMap": ["RegionMap", {"Ref": "AWS::Region"}, "Ami"]}')}}`,
  'cfn-parameter': (body) =>
    `{"AWSTemplateFormatVersion": "2010-09-09", "Parameters": {${body}}, "Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": {"Ref": "Name"}}}}}`,
  'cfn-output': (body) =>
    `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Bucket": {"Type": "AWS::S3::Bucket"}}, "Outputs": {${body}}}`,
};

function check(
  file: string,
  placement: (prefix: string, body: string) => { text: string; name: string },
): void {
  const snippets = load(file);
  assert.ok(Object.keys(snippets).length > 0);
  for (const [title, snippet] of Object.entries(snippets)) {
    it(`${snippet.prefix}: ${title}`, () => {
      assert.ok(snippet.description.length > 10, 'has a description');
      assert.ok(Array.isArray(snippet.body) && snippet.body.length > 0);
      const { text, name } = placement(snippet.prefix, expandSnippet(snippet.body.join('\n')));
      assert.deepEqual(diagnosticsOf(text, name), [], text);
    });
  }
}

describe('snippets: CloudFormation YAML', () => {
  check('cloudformation.json', (prefix, body) => ({
    text: (CFN_YAML[prefix] ?? ((b: string) => `${headOf(prefix)}Resources:\n${indent(b, 2)}\n`))(body),
    name: 'template.yaml',
  }));
});

describe('snippets: CloudFormation JSON', () => {
  check('cloudformation-json.json', (prefix, body) => ({
    text: (
      CFN_JSON[prefix] ??
      ((b: string) =>
        `{"AWSTemplateFormatVersion": "2010-09-09", ${prefix.startsWith('cfn-sam-') ? '"Transform": "AWS::Serverless-2016-10-31", ' : ''}"Resources": {${b}}}`)
    )(body),
    name: 'template.json',
  }));
});

describe('snippets: buildspec, appspec, task definitions', () => {
  check('buildspec.json', (_prefix, body) => ({ text: body, name: 'buildspec.yml' }));
  check('appspec.json', (_prefix, body) => ({ text: body, name: 'appspec.yml' }));
  check('ecs-task-definition.json', (prefix, body) => ({
    text: prefix === 'taskdef-container' ? `{"family": "web", "containerDefinitions": [${body}]}` : body,
    name: 'taskdef.json',
  }));
});

describe('snippets: naming', () => {
  it('uses prefixes that say the kind, unique per language', () => {
    const files: [string, RegExp][] = [
      ['cloudformation.json', /^cfn-[a-z0-9-]+$/],
      ['cloudformation-json.json', /^cfn-[a-z0-9-]+$/],
      ['buildspec.json', /^buildspec(-[a-z0-9-]+)?$/],
      ['appspec.json', /^appspec-[a-z0-9-]+$/],
      ['ecs-task-definition.json', /^taskdef(-[a-z0-9-]+)?$/],
    ];
    const byLanguage: Record<string, Set<string>> = { yaml: new Set(), json: new Set() };
    for (const [file, pattern] of files) {
      const language =
        file === 'cloudformation-json.json' || file === 'ecs-task-definition.json' ? 'json' : 'yaml';
      for (const snippet of Object.values(load(file))) {
        assert.match(snippet.prefix, pattern, file);
        assert.ok(!byLanguage[language].has(snippet.prefix), `duplicate prefix ${snippet.prefix}`);
        byLanguage[language].add(snippet.prefix);
      }
    }
  });

  it('checks each kind of document (a wrong key is reported)', () => {
    assert.equal(diagnosticsOf('version: 0.2\nphasez: {}\n', 'buildspec.yml').length > 0, true);
    assert.equal(diagnosticsOf('version: 0.0\nos: linux\nhookz: {}\n', 'appspec.yml').length > 0, true);
    assert.equal(
      diagnosticsOf('{"family": "x", "containerDefinitions": [], "x": 1}', 'taskdef.json').length > 0,
      true,
    );
    assert.equal(
      diagnosticsOf(`${HEAD}Resources:\n  B:\n    Type: AWS::S3::Buckett\n`, 'template.yaml').length > 0,
      true,
    );
  });

  it('expands placeholders, choices and escapes the way VS Code does', () => {
    assert.equal(
      expandSnippet('a: ${1:x} ${2|p,q|} $3 \\${AWS::Region} ${4:${5:in}ner}'),
      'a: x p  ${AWS::Region} inner',
    );
  });
});

describe('snippets: one source for YAML and JSON', () => {
  it('the committed CloudFormation snippet files are what snippets/src/ generates', () => {
    // Fails (non-zero exit) when someone edits snippets/cloudformation*.json by hand or forgets to regenerate.
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/generate-snippets.mjs'), '--check'], {
      cwd: ROOT,
      stdio: 'pipe',
    });
  });

  it('offers the same CloudFormation prefixes in YAML and JSON, at least 40 of them', () => {
    const yaml = Object.values(load('cloudformation.json')).map((s) => s.prefix);
    const json = Object.values(load('cloudformation-json.json')).map((s) => s.prefix);
    assert.deepEqual([...json].sort(), [...yaml].sort());
    assert.ok(yaml.length >= 40, `${yaml.length} CloudFormation snippets`);
  });

  it('covers the everyday resources of the notes', () => {
    const prefixes = new Set(Object.values(load('cloudformation.json')).map((s) => s.prefix));
    for (const prefix of [
      'cfn-ec2-instance',
      'cfn-launch-template',
      'cfn-autoscaling-group',
      'cfn-alb',
      'cfn-nlb',
      'cfn-ebs-volume',
      'cfn-efs-file-system',
      'cfn-rds-instance',
      'cfn-aurora-cluster',
      'cfn-elasticache-redis',
      'cfn-route53-record',
      'cfn-vpc',
      'cfn-s3-bucket-website',
      'cfn-s3-bucket-lifecycle',
      'cfn-s3-bucket-replication',
      'cfn-s3-bucket-policy',
      'cfn-cloudfront-distribution',
      'cfn-iam-role',
      'cfn-iam-policy',
      'cfn-iam-instance-profile',
      'cfn-ecs-cluster',
      'cfn-ecs-fargate-service',
      'cfn-ecs-task-definition',
      'cfn-ecr-repository',
      'cfn-elastic-beanstalk',
      'cfn-codecommit-repository',
      'cfn-codebuild-project',
      'cfn-codedeploy-application',
      'cfn-codepipeline',
      'cfn-cloudwatch-alarm',
      'cfn-log-group',
      'cfn-eventbridge-rule',
      'cfn-sqs-queue',
      'cfn-sqs-queue-fifo',
      'cfn-sqs-queue-dlq',
      'cfn-sns-topic',
      'cfn-sns-subscription',
      'cfn-kinesis-stream',
      'cfn-lambda-function',
      'cfn-lambda-event-source-mapping',
      'cfn-lambda-permission',
      'cfn-lambda-alias',
      'cfn-dynamodb-table',
      'cfn-dynamodb-table-stream',
      'cfn-dynamodb-table-gsi',
      'cfn-sam-function',
      'cfn-sam-api',
      'cfn-sam-table',
    ]) {
      assert.ok(prefixes.has(prefix), prefix);
    }
    const buildspec = new Set(Object.values(load('buildspec.json')).map((s) => s.prefix));
    for (const prefix of ['buildspec', 'buildspec-reports', 'buildspec-batch', 'buildspec-docker']) {
      assert.ok(buildspec.has(prefix), prefix);
    }
  });

  it('does not mirror a placeholder into a longer name (typing into it must not invite word completion)', () => {
    // `${1:Queue}DeadLetter` made the editor offer `JobsDeadLetter` as a word while the user typed `Jobs`.
    for (const file of ['cloudformation.json', 'cloudformation-json.json']) {
      for (const snippet of Object.values(load(file))) {
        if (snippet.prefix !== 'cfn-sqs-queue-dlq') continue;
        assert.doesNotMatch(snippet.body.join('\n'), /\$\{1:Queue\}[A-Za-z]/, file);
      }
    }
  });
});

describe('snippets: cfn-lint agrees', () => {
  const available = spawnSync('cfn-lint', ['--version'], { stdio: 'ignore' }).status === 0;
  it(
    'accepts a handful of expanded snippets',
    { skip: available ? false : 'cfn-lint is not installed' },
    () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'snippets-'));
      const chosen = [
        'cfn-vpc',
        'cfn-alb',
        'cfn-cloudfront-distribution',
        'cfn-codepipeline',
        'cfn-sqs-queue-dlq',
      ];
      const files = Object.values(load('cloudformation.json'))
        .filter((s) => chosen.includes(s.prefix))
        .map((s) => {
          const file = path.join(dir, `${s.prefix}.yaml`);
          fs.writeFileSync(file, `${HEAD}Resources:\n${indent(expandSnippet(s.body.join('\n')), 2)}\n`);
          return file;
        });
      assert.equal(files.length, chosen.length);
      const result = spawnSync('cfn-lint', files, { encoding: 'utf8' });
      fs.rmSync(dir, { recursive: true, force: true });
      assert.equal(result.status, 0, result.stdout + result.stderr);
    },
  );
});
