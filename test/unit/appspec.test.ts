import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectPlatform } from '../../server/src/service/rules/appspec/platform';
import { parse } from '../../server/src/service/parsing/parse';
import { assertNoInternalError } from '../support/diagnostics';
import { codes, dedent } from '../support/helpers';

function platform(text: string, format: 'yaml' | 'json' = 'yaml'): string | undefined {
  return detectPlatform(parse(dedent(text), format).root);
}

describe('appspec platform detection', () => {
  it('reads ECS and Lambda from the resource type, in any key spelling', () => {
    assert.equal(platform('Resources:\n  - svc:\n      Type: AWS::ECS::Service\n'), 'ecs');
    assert.equal(platform('resources:\n  - fn:\n      type: AWS::Lambda::Function\n'), 'lambda');
    assert.equal(platform('{"Resources": [{"fn": {"Type": "AWS::Lambda::Function"}}]}', 'json'), 'lambda');
  });

  it('reads EC2/on-premises from os, files, permissions or script hooks', () => {
    assert.equal(platform('version: 0.0\nos: linux\n'), 'ec2');
    assert.equal(platform('version: 0.0\nfiles:\n  - source: /\n    destination: /srv\n'), 'ec2');
    assert.equal(platform('permissions:\n  - object: /srv\n'), 'ec2');
    assert.equal(platform('hooks:\n  AfterInstall:\n    - location: a.sh\n'), 'ec2');
  });

  it('lets the resource type win over keys of another platform', () => {
    assert.equal(platform('os: linux\nResources:\n  - svc:\n      Type: AWS::ECS::Service\n'), 'ecs');
  });

  it('recognises ECS from ECS-only hook events when there are no resources', () => {
    assert.equal(platform('Hooks:\n  - AfterAllowTestTraffic: fn\n'), 'ecs');
    assert.equal(platform('Hooks:\n  - BeforeAllowTraffic: fn\n'), undefined);
  });

  it('says nothing when the file does not tell', () => {
    assert.equal(platform('version: 0.0\n'), undefined);
    assert.equal(platform('Resources:\n  - x:\n      Type: AWS::S3::Bucket\n'), undefined);
    assert.equal(platform('- a\n- b\n'), undefined);
  });
});

describe('appspec rules by platform', () => {
  it('checks hook names against the detected platform', () => {
    const lambda = dedent(`
      version: 0.0
      Resources:
        - fn:
            Type: AWS::Lambda::Function
            Properties: {Name: f, Alias: live, CurrentVersion: "1", TargetVersion: "2"}
      Hooks:
        - AfterInstall: check
        - BeforeAllowTraffic: check
    `);
    assert.deepEqual(codes(lambda, 'appspec.yml'), ['appspec-unknown-hook@7:5']);
  });

  it('reports os only for EC2/on-premises files', () => {
    assert.deepEqual(codes('version: 0.0\nfiles:\n  - source: /\n    destination: /srv\n', 'appspec.yml'), [
      'appspec-missing-key@1:1',
    ]);
    assert.deepEqual(codes('version: 0.0\n', 'appspec.yml'), []);
  });

  it('treats unquoted and quoted versions alike when comparing Lambda versions', () => {
    const text =
      'version: 0.0\nResources:\n  - fn:\n      Type: AWS::Lambda::Function\n      Properties:\n        Name: f\n        Alias: live\n        CurrentVersion: 3\n        TargetVersion: "3"\n';
    assert.deepEqual(codes(text, 'appspec.yml'), ['appspec-same-version@9:24']);
  });
});

describe('appspec rules on odd input', () => {
  it('never fail on unexpected shapes', () => {
    const texts = [
      '',
      '- a\n',
      'version: 0.0\nhooks: 5\n',
      'version: 0.0\nhooks:\n  AfterInstall: script.sh\n',
      'version: 0.0\nhooks:\n  AfterInstall:\n    - 5\n    - location: 7\n      timeout: long\n',
      'version: 0.0\nResources: {a: b}\nHooks: [[a], 5, {}]\n',
      'version: 0.0\nResources:\n  - 5\n  - a: ~\n  - b:\n      Type: [x]\n      Properties: 3\n',
      'version: 0.0\nResources:\n  - s:\n      Type: AWS::ECS::Service\n      Properties:\n        LoadBalancerInfo: 5\n        NetworkConfiguration: {AwsvpcConfiguration: []}\n',
    ];
    assertNoInternalError(texts, 'appspec.yml');
  });
});
