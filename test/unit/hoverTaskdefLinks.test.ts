/** Papercut 9: hovers in ECS task definitions link to the key's entry in the ECS API Reference. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hoverAt } from '../support/hover';

const API = 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/';

describe('task definition hover links', () => {
  it('a top-level key links to its RegisterTaskDefinition parameter', () => {
    const hover = hoverAt('{\n  "fam|ily": "web",\n  "containerDefinitions": []\n}', 'taskdef.json');
    assert.ok(
      hover?.value.includes(
        `[Documentation](${API}API_RegisterTaskDefinition.html#ECS-RegisterTaskDefinition-request-family)`,
      ),
      hover?.value,
    );
  });

  it('a container key links to its ContainerDefinition member, nested keys to their own type', () => {
    const text = (key: string): string =>
      `{\n  "family": "web",\n  "containerDefinitions": [\n    { "name": "app", "image": "nginx", ${key} }\n  ]\n}`;
    const image = hoverAt(text('"logConfiguration": { "log|Driver": "awslogs" }'), 'taskdef.json');
    assert.ok(
      image?.value.includes(`(${API}API_LogConfiguration.html#ECS-Type-LogConfiguration-logDriver)`),
      image?.value,
    );
    const essential = hoverAt(text('"essen|tial": true'), 'taskdef.json');
    assert.ok(
      essential?.value.includes(
        `(${API}API_ContainerDefinition.html#ECS-Type-ContainerDefinition-essential)`,
      ),
      essential?.value,
    );
  });
});
