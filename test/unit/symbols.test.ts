/** Document symbols (outline) for the four kinds. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { SymbolKind } from 'vscode-languageserver-types';
import { dedent, doc, service } from '../support/helpers';

/** The outline as indented `name (detail)` lines. */
function outline(text: string, name: string): string[] {
  const lines: string[] = [];
  const walk = (symbols: DocumentSymbol[], indent: string): void => {
    for (const s of symbols) {
      lines.push(`${indent}${s.name}${s.detail ? ` (${s.detail})` : ''}`);
      if (s.children) walk(s.children, `${indent}  `);
    }
  };
  walk(service().findDocumentSymbols(doc(text, name)), '');
  return lines;
}

/** Every symbol's selection range lies inside its range (VS Code rejects outlines otherwise). */
function assertWellFormed(symbols: DocumentSymbol[]): void {
  const before = (a: { line: number; character: number }, b: { line: number; character: number }): boolean =>
    a.line < b.line || (a.line === b.line && a.character <= b.character);
  for (const s of symbols) {
    assert.ok(s.name.length > 0);
    assert.ok(
      before(s.range.start, s.selectionRange.start) && before(s.selectionRange.end, s.range.end),
      s.name,
    );
    if (s.children) assertWellFormed(s.children);
  }
}

describe('CloudFormation outline', () => {
  const yaml = dedent(`
    AWSTemplateFormatVersion: "2010-09-09"
    Parameters:
      Stage:
        Type: String
    Conditions:
      IsProd: !Equals [!Ref Stage, prod]
    Mappings:
      Sizes:
        dev: {Delay: 1}
    Resources:
      Queue:
        Type: AWS::SQS::Queue
      Topic: {Type: AWS::SNS::Topic}
    Outputs:
      Url:
        Value: !Ref Queue
        Export: {Name: queue-url}
      Arn:
        Value: !GetAtt Queue.Arn
  `);

  it('lists the sections, then logical IDs with their types', () => {
    assert.deepEqual(outline(yaml, 'template.yaml'), [
      'AWSTemplateFormatVersion (2010-09-09)',
      'Parameters',
      '  Stage (String)',
      'Conditions',
      '  IsProd (!Equals)',
      'Mappings',
      '  Sizes',
      '    dev',
      'Resources',
      '  Queue (AWS::SQS::Queue)',
      '  Topic (AWS::SNS::Topic)',
      'Outputs',
      '  Url (export queue-url)',
      '  Arn (!GetAtt Queue.Arn)',
    ]);
    const symbols = service().findDocumentSymbols(doc(yaml, 'template.yaml'));
    assertWellFormed(symbols);
    const resources = symbols.find((s) => s.name === 'Resources');
    assert.equal(resources?.kind, SymbolKind.Namespace);
    assert.equal(resources?.children?.[0].kind, SymbolKind.Class);
    // The selection is the logical ID; the range spans the whole definition, without the trailing newline.
    const queue = resources?.children?.[0];
    assert.deepEqual(queue?.selectionRange, {
      start: { line: 10, character: 2 },
      end: { line: 10, character: 7 },
    });
    assert.deepEqual(queue?.range, { start: { line: 10, character: 2 }, end: { line: 11, character: 25 } });
  });

  it('works on JSON templates', () => {
    const json =
      '{\n  "Parameters": {"Env": {"Type": "String"}},\n  "Resources": {"Q": {"Type": "AWS::SQS::Queue"}}\n}';
    assert.deepEqual(outline(json, 'template.json'), [
      'Parameters',
      '  Env (String)',
      'Resources',
      '  Q (AWS::SQS::Queue)',
    ]);
    assertWellFormed(service().findDocumentSymbols(doc(json, 'template.json')));
  });
});

describe('buildspec outline', () => {
  it('lists env variables, phases with command counts, reports, artifacts and cache', () => {
    const text = dedent(`
      version: 0.2
      env:
        variables:
          STAGE: dev
      phases:
        install:
          commands: [npm ci]
        build:
          commands:
            - npm test
            - npm run build
      reports:
        unit:
          files: [report.xml]
          file-format: JUNITXML
      artifacts:
        files: ['**/*']
      cache:
        paths: [node_modules/**/*]
    `);
    assert.deepEqual(outline(text, 'buildspec.yml'), [
      'version (0.2)',
      'env',
      '  variables',
      '    STAGE (dev)',
      'phases',
      '  install (1 command)',
      '    commands (1 item)',
      '  build (2 commands)',
      '    commands (2 items)',
      'reports',
      '  unit (JUNITXML)',
      'artifacts',
      '  files (1 item)',
      'cache',
      '  paths (1 item)',
    ]);
  });
});

describe('appspec outline', () => {
  it('lists EC2 files, permissions and hooks', () => {
    const text = dedent(`
      version: 0.0
      os: linux
      files:
        - source: /app
          destination: /var/www/app
      hooks:
        BeforeInstall:
          - location: scripts/stop.sh
        AfterInstall:
          - location: scripts/start.sh
          - location: scripts/warm.sh
    `);
    assert.deepEqual(outline(text, 'appspec.yml'), [
      'version (0.0)',
      'os (linux)',
      'files',
      '  /app (→ /var/www/app)',
      'hooks',
      '  BeforeInstall (1 script)',
      '  AfterInstall (2 scripts)',
    ]);
    assertWellFormed(service().findDocumentSymbols(doc(text, 'appspec.yml')));
  });

  it('lists ECS resources and Lambda hook functions (list form)', () => {
    const text = dedent(`
      version: 0.0
      Resources:
        - TargetService:
            Type: AWS::ECS::Service
            Properties:
              TaskDefinition: web:3
              LoadBalancerInfo: {ContainerName: web, ContainerPort: 80}
      Hooks:
        - BeforeInstall: CheckBefore
        - AfterAllowTraffic: CheckAfter
    `);
    assert.deepEqual(outline(text, 'appspec.yaml'), [
      'version (0.0)',
      'Resources',
      '  TargetService (AWS::ECS::Service)',
      'Hooks',
      '  BeforeInstall (CheckBefore)',
      '  AfterAllowTraffic (CheckAfter)',
    ]);
  });
});

describe('ECS task definition outline', () => {
  it('lists the containers by name with their image', () => {
    const text = JSON.stringify(
      {
        family: 'web',
        containerDefinitions: [
          { name: 'web', image: 'nginx:1.27', essential: true },
          { name: 'logs', image: 'amazon/aws-for-fluent-bit:stable', essential: false },
          { image: 'busybox' },
        ],
        volumes: [{ name: 'data' }],
      },
      null,
      2,
    );
    assert.deepEqual(outline(text, 'taskdef.json'), [
      'family (web)',
      'containerDefinitions (3 containers)',
      '  web (nginx:1.27)',
      '  logs (amazon/aws-for-fluent-bit:stable (not essential))',
      '  container 3 (busybox)',
      'volumes (1 item)',
      '  data',
    ]);
    assertWellFormed(service().findDocumentSymbols(doc(text, 'taskdef.json')));
  });
});

describe('outline edge cases', () => {
  it('returns nothing for unknown files and survives broken or aliased documents', () => {
    assert.deepEqual(outline('a: 1\n', 'notes.yaml'), []);
    const aliased = 'Resources:\n  A: &shared\n    Type: AWS::SNS::Topic\n  B: *shared\n';
    assertWellFormed(service().findDocumentSymbols(doc(aliased, 'template.yaml')));
    const broken = 'Resources:\n  A:\n    Type: AWS::SNS::Topic\n  "": {Type: AWS::SQS::Queue}\n  B: [\n';
    assertWellFormed(service().findDocumentSymbols(doc(broken, 'template.yaml')));
  });
});
