import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AstNode } from '../../server/src/service/ast';
import {
  describeMemoryOptions,
  FARGATE_CPUS,
  fargateMemoryOptions,
  readCpu,
  readMemory,
} from '../../server/src/service/rules/taskdef/fargate';
import { assertNoInternalError } from '../support/diagnostics';
import { codes, dedent, doc, service } from '../support/helpers';

function scalar(value: string | number): AstNode {
  return typeof value === 'number'
    ? { type: 'number', value, source: String(value), offset: 0, length: 1 }
    : { type: 'string', value, offset: 0, length: value.length };
}

describe('Fargate task sizes', () => {
  it('offers the documented cpu values', () => {
    assert.deepEqual(FARGATE_CPUS, [256, 512, 1024, 2048, 4096, 8192, 16384]);
  });

  it('pairs each cpu with its memory range', () => {
    assert.deepEqual(fargateMemoryOptions(256), [512, 1024, 2048]);
    assert.deepEqual(fargateMemoryOptions(512), [1024, 2048, 3072, 4096]);
    assert.deepEqual(fargateMemoryOptions(1024), [2048, 3072, 4096, 5120, 6144, 7168, 8192]);
    const twoVcpu = fargateMemoryOptions(2048) ?? [];
    assert.equal(twoVcpu[0], 4096);
    assert.equal(twoVcpu[twoVcpu.length - 1], 16384);
    assert.equal(twoVcpu.length, 13);
    const fourVcpu = fargateMemoryOptions(4096) ?? [];
    assert.equal(fourVcpu[0], 8192);
    assert.equal(fourVcpu[fourVcpu.length - 1], 30720);
    assert.equal(fourVcpu.length, 23);
    // 8 vCPU: 16 GB to 60 GB in 4 GB steps; 16 vCPU: 32 GB to 120 GB in 8 GB steps.
    assert.deepEqual(
      fargateMemoryOptions(8192),
      [16, 20, 24, 28, 32, 36, 40, 44, 48, 52, 56, 60].map((gb) => gb * 1024),
    );
    assert.deepEqual(
      fargateMemoryOptions(16384),
      [32, 40, 48, 56, 64, 72, 80, 88, 96, 104, 112, 120].map((gb) => gb * 1024),
    );
    assert.equal(fargateMemoryOptions(3072), undefined);
  });

  it('reads cpu and memory as ECS does', () => {
    assert.deepEqual(readCpu(scalar('1024')), { value: 1024 });
    assert.deepEqual(readCpu(scalar(512)), { value: 512 });
    assert.deepEqual(readCpu(scalar('1 vCPU')), { value: 1024 });
    assert.deepEqual(readCpu(scalar('.25 vcpu')), { value: 256 });
    assert.deepEqual(readMemory(scalar('2 GB')), { value: 2048 });
    assert.deepEqual(readMemory(scalar('0.5GB')), { value: 512 });
    assert.deepEqual(readMemory(scalar(3072)), { value: 3072 });
    assert.ok(readCpu(scalar('lots')) && 'error' in (readCpu(scalar('lots')) ?? {}));
    assert.ok(readMemory(scalar('512MB')) && 'error' in (readMemory(scalar('512MB')) ?? {}));
    assert.equal(readCpu(undefined), undefined);
  });

  it('describes short lists and ranges', () => {
    assert.equal(describeMemoryOptions([512, 1024, 2048]), '512, 1024 or 2048');
    assert.equal(describeMemoryOptions(fargateMemoryOptions(2048) ?? []), '4096 to 16384 in steps of 1024');
  });

  it('accepts every documented combination and rejects the neighbours', () => {
    for (const cpu of FARGATE_CPUS) {
      const options = fargateMemoryOptions(cpu) ?? [];
      for (const memory of [options[0], options[options.length - 1]]) {
        const text = JSON.stringify({
          family: 'f',
          requiresCompatibilities: ['FARGATE'],
          networkMode: 'awsvpc',
          cpu: String(cpu),
          memory: String(memory),
          containerDefinitions: [{ name: 'a', image: 'busybox' }],
        });
        assert.deepEqual(codes(text, 'taskdef.json'), [], `cpu ${cpu} memory ${memory}`);
      }
      const below = JSON.stringify({
        family: 'f',
        requiresCompatibilities: ['FARGATE'],
        networkMode: 'awsvpc',
        cpu: String(cpu),
        memory: String(options[0] - 256),
        containerDefinitions: [{ name: 'a', image: 'busybox' }],
      });
      assert.deepEqual(
        codes(below, 'taskdef.json').map((c) => c.split('@')[0]),
        ['taskdef-fargate-cpu-memory'],
        `cpu ${cpu} below range`,
      );
    }
  });

  it('gives the valid memory values as quick-fix alternatives', () => {
    const document = doc(
      '{"family":"f","requiresCompatibilities":["FARGATE"],"networkMode":"awsvpc","cpu":"256","memory":"4096","containerDefinitions":[{"name":"a","image":"b"}]}',
      'taskdef.json',
    );
    const [diagnostic] = service().validate(document);
    assert.equal(diagnostic.code, 'taskdef-fargate-cpu-memory');
    assert.deepEqual((diagnostic.data as { alternatives: string[] }).alternatives, ['512', '1024', '2048']);
  });
});

describe('one set of task definition rules, two front doors', () => {
  it('reports the same problems for the JSON file and the CloudFormation resource', () => {
    const json = JSON.stringify(
      {
        family: 'f',
        requiresCompatibilities: ['FARGATE'],
        networkMode: 'awsvpc',
        cpu: '256',
        memory: '4096',
        containerDefinitions: [
          { name: 'a', image: 'b', essential: false, portMappings: [{ containerPort: 80, hostPort: 81 }] },
        ],
      },
      null,
      2,
    );
    const yaml = dedent(`
      AWSTemplateFormatVersion: "2010-09-09"
      Resources:
        Task:
          Type: AWS::ECS::TaskDefinition
          Properties:
            RequiresCompatibilities: [FARGATE]
            NetworkMode: awsvpc
            Cpu: 256
            Memory: 4096
            ContainerDefinitions:
              - Name: a
                Image: b
                Essential: false
                PortMappings:
                  - ContainerPort: 80
                    HostPort: 81
    `);
    const names = (list: string[], prefix: string): string[] =>
      list
        .map((c) => c.split('@')[0])
        .filter((c) => c.startsWith(prefix))
        .map((c) => c.slice(prefix.length))
        .sort();
    const fromJson = names(codes(json, 'taskdef.json'), 'taskdef-');
    const fromCfn = names(codes(yaml, 'template.yaml'), 'cfn-ecs-');
    assert.deepEqual(fromJson, ['fargate-cpu-memory', 'host-port-mismatch', 'no-essential-container']);
    assert.deepEqual(fromCfn, fromJson);
  });

  it('leaves intrinsic functions and placeholders alone', () => {
    const yaml = dedent(`
      AWSTemplateFormatVersion: "2010-09-09"
      Parameters:
        Cpu:
          Type: String
      Resources:
        Task:
          Type: AWS::ECS::TaskDefinition
          Properties:
            RequiresCompatibilities: [FARGATE]
            NetworkMode: awsvpc
            Cpu: !Ref Cpu
            Memory: "4096"
            ExecutionRoleArn: arn:aws:iam::\${AWS::AccountId}:role/exec
            TaskRoleArn: !GetAtt Role.Arn
            ContainerDefinitions:
              - Name: a
                Image: b
    `);
    assert.deepEqual(
      codes(yaml, 'template.yaml').filter((c) => c.startsWith('cfn-ecs-')),
      [],
    );
  });
});

describe('task definition rules on odd input', () => {
  it('never fail on unexpected shapes', () => {
    const texts = [
      '{}',
      '[]',
      '{"containerDefinitions": 5, "requiresCompatibilities": "FARGATE"}',
      '{"requiresCompatibilities": ["FARGATE", 3], "cpu": true, "memory": [], "containerDefinitions": [5, null, []]}',
      '{"containerDefinitions": [{"name": 3, "portMappings": [5, {"hostPort": "x"}], "dependsOn": [{}, 4], "logConfiguration": {"logDriver": "awslogs", "options": 3}}]}',
      '{"networkMode": "awsvpc", "containerDefinitions": [{"portMappings": {"containerPort": 80}}], "runtimePlatform": 5}',
    ];
    assertNoInternalError(texts, 'taskdef.json');
    const yaml =
      'Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions: [5, {Name: [a]}]\n      RequiresCompatibilities: !Ref X\n';
    assertNoInternalError([yaml], 'template.yaml');
  });
});
