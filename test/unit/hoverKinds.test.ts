/** Hover in buildspec, appspec and ECS task definition files. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dedent } from '../support/helpers';
import { hoverAt, noteLinks, notesPart } from '../support/hover';

describe('hover in buildspec.yml', () => {
  const buildspec = (text: string) => hoverAt(dedent(text), 'buildspec.yml');

  it('explains phases, with the phases from the CodeBuild notes', () => {
    const hover = buildspec(`
      version: 0.2
      pha|ses:
        build:
          commands: [make]
    `);
    assert.ok(hover?.value.startsWith('**phases** · `object` · buildspec key'));
    assert.ok(
      hover?.value.includes('CodeBuild runs `install`, `pre_build`, `build` and `post_build` in that order'),
    );
    assert.ok(hover?.value.includes('- Required: yes'));
    const notes = notesPart(hover?.value ?? '');
    assert.ok(
      notes.includes('  - Phases:\n    1. Install\n    2. Pre-build\n    3. Build\n    4. Post-build'),
      notes,
    );
    assert.equal(noteLinks(notes)[0].label, 'C. CodeBuild');
  });

  it('shows no notes on runtime-versions, which the notes do not mention (its phase does not stand for it)', () => {
    const hover = buildspec(`
      version: 0.2
      phases:
        install:
          runtime-ver|sions:
            nodejs: 20
    `);
    assert.ok(hover?.value.startsWith('**runtime-versions**'));
    assert.ok(hover?.value.includes('only valid in the `install` phase'));
    assert.equal(notesPart(hover?.value ?? ''), '');
  });

  it('shows allowed values with their meaning, also on the value', () => {
    const hover = buildspec(`
      version: 0.|2
      phases:
        build:
          commands: [make]
    `);
    assert.ok(hover?.value.startsWith('**version**'));
    assert.ok(hover?.value.includes('`0.2` (Current syntax (recommended).)'));
  });
});

describe('hover in appspec.yml', () => {
  it('gives an EC2 lifecycle event its place in the order and the hooks from the notes', () => {
    const hover = hoverAt(
      dedent(`
        version: 0.0
        os: linux
        hooks:
          Application|Stop:
            - location: scripts/stop.sh
      `),
      'appspec.yml',
    );
    const value = hover?.value ?? '';
    assert.ok(value.startsWith('**ApplicationStop** — CodeDeploy lifecycle event (EC2/on-premises)'));
    assert.ok(value.includes('last successfully deployed'));
    assert.ok(
      value.includes(
        '- EC2/on-premises, in-place: **ApplicationStop** → (DownloadBundle) → BeforeInstall → (Install) → AfterInstall → ApplicationStart → ValidateService',
      ),
    );
    assert.ok(
      value.includes('BeforeBlockTraffic → (BlockTraffic) → AfterBlockTraffic → **ApplicationStop**'),
    );
    const notes = notesPart(value);
    assert.ok(
      notes.includes(
        '- Hooks (instructions for deploying the new version of the app):\n    1. ApplicationStop\n    2. DownloadBundle',
      ),
      notes,
    );
    assert.equal(noteLinks(notes)[0].label, 'D. CodeDeploy');
  });

  it('gives ECS and Lambda hooks their own order', () => {
    const ecs = hoverAt(
      dedent(`
        version: 0.0
        Resources:
          - TargetService:
              Type: AWS::ECS::Service
              Properties:
                TaskDefinition: arn
                LoadBalancerInfo: {ContainerName: web, ContainerPort: 80}
        Hooks:
          - AfterAllowTest|Traffic: CheckTestTraffic
      `),
      'appspec.yml',
    );
    assert.ok(
      ecs?.value.includes(
        '- Amazon ECS (blue/green): BeforeInstall → (Install) → AfterInstall → (TestTraffic) → **AfterAllowTestTraffic** → BeforeAllowTraffic → (AllowTraffic) → AfterAllowTraffic',
      ),
      ecs?.value,
    );
    assert.ok(!ecs?.value.includes('EC2/on-premises, in-place'));
    const lambda = hoverAt(
      dedent(`
        version: 0.0
        Resources:
          - fn:
              Type: AWS::Lambda::Function
              Properties: {Name: f, Alias: live, CurrentVersion: 1, TargetVersion: 2}
        Hooks:
          - BeforeAllow|Traffic: Check
      `),
      'appspec.yml',
    );
    assert.ok(
      lambda?.value.includes('- AWS Lambda: **BeforeAllowTraffic** → (AllowTraffic) → AfterAllowTraffic'),
    );
  });

  it('documents the other keys from the schema', () => {
    const hover = hoverAt('version: 0.0\no|s: linux\n', 'appspec.yml');
    assert.ok(hover?.value.startsWith('**os** · `string` · appspec key'));
    assert.ok(hover?.value.includes('`linux` (Amazon Linux, Ubuntu Server or RHEL instances.)'));
  });
});

describe('hover in ECS task definitions', () => {
  it('reaches the task placement notes from placementConstraints', () => {
    const hover = hoverAt(
      '{"family": "web", "containerDefinitions": [], "placement|Constraints": []}',
      'taskdef.json',
    );
    const value = hover?.value ?? '';
    assert.ok(
      value.startsWith(
        '**placementConstraints** · list of `TaskDefinitionPlacementConstraint` · ECS task definition key',
      ),
    );
    assert.ok(value.includes('You can specify a maximum of 10 constraints for each task.'));
    const notes = notesPart(value);
    assert.ok(
      notes.includes(
        '- Task placement constraints\n  - distinctInstance: place each task on a different EC2',
      ),
      notes,
    );
    assert.equal(noteLinks(notes)[0].label, '1. ECS task placement');
    assert.match(value, /\)$/);
  });

  it('documents keys at any depth, with the notes on them', () => {
    const hover = hoverAt(
      '{"family": "web", "containerDefinitions": [{"name": "app", "image": "x", "portMappings": [{"containerPort": 80, "host|Port": 0}]}]}',
      'taskdef.json',
    );
    assert.ok(hover?.value.startsWith('**hostPort** · `integer` · ECS task definition key'));
    assert.ok(notesPart(hover?.value ?? '').includes('Dynamic Port Forwarding'));
    const role = hoverAt(
      '{"family": "web", "taskRole|Arn": "arn", "containerDefinitions": []}',
      'taskdef.json',
    );
    assert.ok(notesPart(role?.value ?? '').includes('ECS task roles give tasks permissions'));
  });
});
