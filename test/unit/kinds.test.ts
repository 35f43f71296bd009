import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectKind } from '../../server/src/service/kinds';
import { parse } from '../../server/src/service/parsing/parse';

function kind(name: string, text: string, associations = {}): string | null {
  const format = name.endsWith('.json') ? 'json' : 'yaml';
  return detectKind(`file:///w/${name}`, parse(text, format).root, associations);
}

describe('kind detection', () => {
  it('recognises CloudFormation by version, resources or the SAM transform', () => {
    assert.equal(kind('a.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\n'), 'cloudformation');
    assert.equal(kind('a.yml', 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n'), 'cloudformation');
    assert.equal(kind('a.json', '{"Resources": {"B": {"Type": "Custom::Thing"}}}'), 'cloudformation');
    assert.equal(kind('a.template', 'Transform: AWS::Serverless-2016-10-31\n'), 'cloudformation');
    assert.equal(kind('a.yaml', 'Resources:\n  B:\n    Type: Something\n'), null);
    assert.equal(kind('docker-compose.yaml', 'services:\n  web: {}\n'), null);
  });

  it('recognises buildspecs and appspecs by name', () => {
    assert.equal(kind('buildspec.yml', 'version: 0.2\n'), 'buildspec');
    assert.equal(kind('buildspec-test.yaml', ''), 'buildspec');
    assert.equal(kind('appspec.yml', 'version: 0.0\n'), 'appspec');
    assert.equal(kind('appspec.json', '{}'), 'appspec');
  });

  it('recognises task definitions by name or content', () => {
    assert.equal(kind('taskdef.json', '{}'), 'ecs-task-definition');
    assert.equal(kind('my-task-def.json', '{}'), 'ecs-task-definition');
    assert.equal(kind('service.json', '{"family": "x", "containerDefinitions": []}'), 'ecs-task-definition');
    assert.equal(kind('package.json', '{"name": "x"}'), null);
  });

  it('lets settings associations override detection', () => {
    assert.equal(kind('ci/build.yml', 'version: 0.2\n', { '**/ci/*.yml': 'buildspec' }), 'buildspec');
    assert.equal(kind('buildspec.yml', 'version: 0.2\n', { 'buildspec.yml': 'none' }), null);
    assert.equal(kind('x.yaml', '', { '*.yaml': 'cloudformation' }), 'cloudformation');
  });
});
