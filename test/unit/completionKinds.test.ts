/** Completion in buildspec, appspec and ECS task definition files: schema keys, values, hook events. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accept, complete, find, labels, newText } from '../support/completion';

describe('completion: buildspec', () => {
  it('offers the top-level keys not yet written, phases (required) first', () => {
    const { items } = complete('version: 0.2\n|\n', 'buildspec.yml');
    assert.deepEqual(labels(items).sort(), [
      'artifacts',
      'batch',
      'cache',
      'env',
      'phases',
      'proxy',
      'reports',
      'run-as',
    ]);
    const sorted = [...items].sort((a, b) => String(a.sortText).localeCompare(String(b.sortText)));
    assert.equal(sorted[0].label, 'phases');
    assert.ok((find(items, 'env').documentation as { value: string }).value.length > 10);
  });

  it('offers the version values, written as plain numbers', () => {
    const { document, items } = complete(
      'version: |\nphases:\n  build:\n    commands: [make]\n',
      'buildspec.yml',
    );
    assert.deepEqual(labels(items), ['0.2', '0.1']);
    assert.equal(
      accept(document, find(items, '0.2')),
      'version: 0.2\nphases:\n  build:\n    commands: [make]\n',
    );
  });

  it('offers the phases and the keys of a phase, indented under their key', () => {
    const phases = complete('version: 0.2\nphases:\n  |\n', 'buildspec.yml');
    assert.deepEqual(labels(phases.items), ['install', 'pre_build', 'build', 'post_build']);
    assert.equal(newText(find(phases.items, 'build')), 'build:\n    $1');
    const phase = complete('version: 0.2\nphases:\n  build:\n    |\n', 'buildspec.yml');
    assert.ok(labels(phase.items).includes('commands') && labels(phase.items).includes('on-failure'));
    assert.equal(newText(find(phase.items, 'commands')), 'commands:\n      - $1');
  });

  it('offers allowed values of env keys', () => {
    const { items } = complete(
      'version: 0.2\nenv:\n  shell: |\nphases:\n  build:\n    commands: [make]\n',
      'buildspec.yml',
    );
    assert.deepEqual(labels(items), ['bash', '/bin/sh', 'powershell.exe', 'cmd.exe']);
  });

  it('keeps working with a key being typed and no colon', () => {
    const { items } = complete(
      'version: 0.2\nphases:\n  build:\n    comm|\n  post_build:\n    commands: [x]\n',
      'buildspec.yml',
    );
    assert.ok(labels(items).includes('commands'));
  });
});

describe('completion: appspec', () => {
  it('offers the EC2/on-premises hook events under hooks, with a script entry', () => {
    const { document, items } = complete(
      'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n  |\n',
      'appspec.yml',
    );
    assert.deepEqual(labels(items), [
      'ApplicationStop',
      'BeforeInstall',
      'ApplicationStart',
      'ValidateService',
      'BeforeBlockTraffic',
      'AfterBlockTraffic',
      'BeforeAllowTraffic',
      'AfterAllowTraffic',
    ]);
    assert.match(
      accept(document, find(items, 'ApplicationStop')),
      /\n {2}ApplicationStop:\n {4}- location: \n {6}timeout: 300\n$/,
    );
  });

  it('offers the ECS events as list items, leaving out those already hooked', () => {
    const text =
      'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\nHooks:\n  - BeforeInstall: Fn1\n  - |\n';
    const { items } = complete(text, 'appspec.yml');
    assert.deepEqual(labels(items), [
      'AfterInstall',
      'AfterAllowTestTraffic',
      'BeforeAllowTraffic',
      'AfterAllowTraffic',
    ]);
    assert.equal(newText(find(items, 'AfterInstall')), 'AfterInstall: $1');
  });

  it('offers only the two traffic events for Lambda', () => {
    const text =
      'version: 0.0\nResources:\n  - myFunction:\n      Type: AWS::Lambda::Function\n      Properties:\n        Name: f\nHooks:\n  - |\n';
    assert.deepEqual(labels(complete(text, 'appspec.yml').items), [
      'BeforeAllowTraffic',
      'AfterAllowTraffic',
    ]);
  });

  it('offers top-level keys of the platform, one spelling each', () => {
    const ecs = complete(
      'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n|\n',
      'appspec.yml',
    );
    assert.deepEqual(labels(ecs.items), ['Hooks']);
    const ec2 = complete('version: 0.0\nos: linux\n|\n', 'appspec.yml');
    assert.deepEqual(labels(ec2.items).sort(), ['file_exists_behavior', 'files', 'hooks', 'permissions']);
    const properties = complete(
      'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: arn\n        |\n',
      'appspec.yml',
    );
    const names = labels(properties.items);
    assert.ok(names.includes('LoadBalancerInfo') && !names.includes('loadbalancerinfo'));
    assert.ok(!names.some((n) => n.toLowerCase() === 'taskdefinition'));
  });

  it('offers the values of os and the resource Type', () => {
    assert.deepEqual(labels(complete('version: 0.0\nos: |\n', 'appspec.yml').items), ['linux', 'windows']);
    const type = complete('version: 0.0\nResources:\n  - TargetService:\n      Type: |\n', 'appspec.yml');
    assert.deepEqual(labels(type.items), ['AWS::ECS::Service', 'AWS::Lambda::Function']);
  });
});

describe('completion: ECS task definitions', () => {
  const taskdef = (inner: string): string =>
    `{\n  "family": "web",\n  "containerDefinitions": [\n    {"name": "app", ${inner}}\n  ]\n}\n`;

  it('offers container definition keys as JSON with value templates', () => {
    const { items } = complete(taskdef('|'), 'taskdef.json');
    assert.ok(!labels(items).includes('name'));
    assert.equal(newText(find(items, 'image')), '"image": "$1"');
    assert.equal(newText(find(items, 'essential')), '"essential": ${1|true,false|}');
    assert.equal(newText(find(items, 'portMappings')), '"portMappings": [$1]');
  });

  it('offers allowed values in strings and list items', () => {
    const driver = complete(taskdef('"logConfiguration": {"logDriver": "|"}'), 'taskdef.json');
    assert.ok(labels(driver.items).includes('awslogs'));
    const compat = complete(
      '{"family": "web", "requiresCompatibilities": [|], "containerDefinitions": []}',
      'taskdef.json',
    );
    assert.deepEqual(labels(compat.items), ['EC2', 'EXTERNAL', 'FARGATE', 'MANAGED_INSTANCES']);
    assert.equal(newText(find(compat.items, 'FARGATE')), '"FARGATE"');
  });

  it('leaves out keys that only describe-task-definition returns', () => {
    const { items } = complete('{"family": "web", |"containerDefinitions": []}', 'taskdef.json');
    const names = labels(items);
    assert.ok(names.includes('networkMode') && names.includes('cpu'));
    for (const outputOnly of ['taskDefinitionArn', 'revision', 'status', 'registeredAt'])
      assert.ok(!names.includes(outputOnly), outputOnly);
    assert.equal(newText(find(items, 'cpu')), '"cpu": "$1",');
  });
});
