/**
 * Inputs of notesRelevance.test.ts: what a case is, and the documents the cases hover in (one
 * resource of a type, and a buildspec, appspec and task definition with a cursor placed by `at`).
 */
import { cursorAt, dedent } from '../support/helpers';

export type Kind = 'cloudformation' | 'buildspec' | 'appspec' | 'ecs-task-definition';

export interface Case {
  kind: Kind;
  /** The name hovered (for the report). */
  name: string;
  /** The document with a `|` cursor. */
  text: string;
  /** Any of these must be in the main excerpt; `null`: no notes section at all. */
  expected: string[] | null;
}

/** A template with one resource of a type; the cursor in the last key of `keys` (nested). */
export function cfnKey(type: string, keys: string[], value = 'x'): string {
  const lines = [
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Resources:',
    '  R:',
    `    Type: ${type}`,
    '    Properties:',
  ];
  keys.forEach((key, i) => {
    const indent = ' '.repeat(6 + i * 2);
    const last = i === keys.length - 1;
    lines.push(last ? `${indent}${key.slice(0, 1)}|${key.slice(1)}: ${value}` : `${indent}${key}:`);
  });
  return `${lines.join('\n')}\n`;
}

export function cfnType(type: string): string {
  return `Resources:\n  R:\n    Type: ${type.slice(0, 5)}|${type.slice(5)}\n`;
}

export const BUILDSPEC = dedent(`
  version: 0.2
  env:
    variables:
      STAGE: prod
    parameter-store:
      TOKEN: /ci/token
    secrets-manager:
      KEY: prod/key:api
  phases:
    install:
      runtime-versions:
        nodejs: 20
    pre_build:
      commands:
        - npm ci
    build:
      commands:
        - npm run build
  reports:
    unit:
      files:
        - report.xml
      file-format: JUNITXML
  artifacts:
    files:
      - dist/**/*
  cache:
    paths:
      - node_modules/**/*
`);

export const APPSPEC = dedent(`
  version: 0.0
  os: linux
  files:
    - source: /
      destination: /srv/app
  permissions:
    - object: /srv/app
      owner: app
  hooks:
    BeforeInstall:
      - location: scripts/stop.sh
        runas: root
    ValidateService:
      - location: scripts/check.sh
        timeout: 60
`);

export const APPSPEC_ECS = dedent(`
  version: 0.0
  Resources:
    - TargetService:
        Type: AWS::ECS::Service
        Properties:
          TaskDefinition: arn:aws:ecs:eu-west-1:111122223333:task-definition/web:1
          LoadBalancerInfo:
            ContainerName: web
            ContainerPort: 80
  Hooks:
    - AfterAllowTraffic: arn:aws:lambda:eu-west-1:111122223333:function:check
`);

export const TASKDEF = dedent(`
  {
    "family": "web",
    "taskRoleArn": "arn:aws:iam::111122223333:role/web",
    "networkMode": "awsvpc",
    "requiresCompatibilities": ["FARGATE"],
    "cpu": "256",
    "memory": "512",
    "placementConstraints": [],
    "containerDefinitions": [
      {
        "name": "web",
        "image": "nginx",
        "essential": true,
        "portMappings": [{ "containerPort": 80, "hostPort": 80 }],
        "logConfiguration": { "logDriver": "awslogs" }
      }
    ]
  }
`);

export const at = (text: string, needle: string, offset = 1): string => cursorAt(text, needle, offset);
