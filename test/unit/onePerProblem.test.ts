/**
 * Papercut 4: one problem, one diagnostic that says what happened. A one-space indentation slip
 * gave three YAML parser messages and a wrong "belongs under Properties"; a log driver Fargate
 * does not support gave "not an allowed value" and the Fargate rule at the same spot.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { messageOf } from '../support/diagnostics';
import { service } from '../support/helpers';

let counter = 0;

/** Each text gets its own URI: the service caches a parse per URI and version. */
function diagnostics(text: string, name: string): string[] {
  const document = TextDocument.create(
    `untitled:/p/${counter++}/${name}`,
    name.endsWith('.json') ? 'json' : 'yaml',
    1,
    text,
  );
  return service()
    .validate(document)
    .map((d) => `${String(d.code)}@${d.range.start.line + 1}:${d.range.start.character + 1} ${messageOf(d)}`);
}

const QUEUE = (lines: string): string =>
  `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n${lines}`;

describe('one problem, one diagnostic', () => {
  it('a key indented one space too little under Properties', () => {
    const found = diagnostics(
      QUEUE('      VisibilityTimeout: 30\n     DelaySeconds: 5\n      MessageRetentionPeriod: 60\n'),
      'template.yaml',
    );
    assert.deepEqual(found, [
      'yaml-indentation@7:6 Indentation: this line is indented 5 spaces, between the keys above it at 4 and 6. Line it up with the keys of the mapping it belongs to.',
    ]);
  });

  it('a key indented one space too much', () => {
    const found = diagnostics(
      QUEUE('      VisibilityTimeout: 30\n       DelaySeconds: 5\n'),
      'template.yaml',
    );
    assert.equal(found.length, 1, found.join('\n'));
    assert.match(
      found[0],
      /^yaml-indentation@7:8 Indentation: this line is indented 7 spaces, more than the key above it \(6 spaces\)/,
    );
  });

  it('a slipped phase in a buildspec', () => {
    const found = diagnostics(
      'version: 0.2\nphases:\n  build:\n    commands:\n      - make\n   post_build:\n    commands:\n      - echo done\n',
      'buildspec.yml',
    );
    assert.equal(found.length, 1, found.join('\n'));
    assert.match(found[0], /^yaml-indentation@6:4 .*between the keys above it at 2 and 4/);
  });

  it('other syntax errors are still reported', () => {
    const found = diagnostics('version: 0.2\nphases: [build\n', 'buildspec.yml');
    assert.ok(
      found.some((d) => d.startsWith('yaml-syntax')),
      found.join('\n'),
    );
  });

  it('an unsupported Fargate log driver: the Fargate rule, not also "not an allowed value"', () => {
    const taskdef = `{
  "family": "web",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "256",
  "memory": "512",
  "containerDefinitions": [
    { "name": "app", "image": "nginx", "logConfiguration": { "logDriver": "cloudwatch" } }
  ]
}`;
    const found = diagnostics(taskdef, 'taskdef.json');
    assert.deepEqual(
      found.map((d) => d.split(' ')[0]),
      ['taskdef-fargate-log-driver@8:75'],
    );
    const template = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: "256"
      Memory: "512"
      ContainerDefinitions:
        - Name: app
          Image: nginx
          LogConfiguration:
            LogDriver: cloudwatch
`;
    assert.deepEqual(
      diagnostics(template, 'template.yaml').map((d) => d.split(' ')[0]),
      ['cfn-ecs-fargate-log-driver@14:24'],
    );
  });

  it('a value the schema rejects and no rule explains keeps its "not an allowed value"', () => {
    const found = diagnostics(
      QUEUE('      FifoQueue: true\n      DeduplicationScope: everything\n'),
      'template.yaml',
    );
    assert.ok(
      found.some((d) => d.startsWith('cfn-invalid-value@7:')),
      found.join('\n'),
    );
  });
});
