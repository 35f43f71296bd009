/** Quick fixes in JSON: quoting, commas and indentation of inserted and removed properties. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apply, codesOf, fixes, titled } from '../support/codeActions';

/** A pretty-printed template with the given resources. */
function template(resources: Record<string, unknown>): string {
  return `${JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: resources }, null, 2)}\n`;
}

describe('quick fixes: JSON', () => {
  it('replaces inside the quotes of a string', () => {
    const text = template({ B: { Type: 'AWS::S3::Buckett' } });
    const { document, actions } = fixes(text, 'cfn-unknown-resource-type', 'template.json');
    const fixed = apply(document, titled(actions, "Change to 'AWS::S3::Bucket'"));
    assert.equal(fixed, text.replace('"AWS::S3::Buckett"', '"AWS::S3::Bucket"'));
    assert.deepEqual(codesOf(fixed, 'template.json'), []);
  });

  it('renames a quoted key', () => {
    const text = template({ Q: { Type: 'AWS::SQS::Queue', Properties: { VisibilityTimout: 5 } } });
    const { document, actions } = fixes(text, 'cfn-unknown-property', 'template.json');
    assert.equal(
      apply(document, titled(actions, "Change to 'VisibilityTimeout'")),
      text.replace('"VisibilityTimout"', '"VisibilityTimeout"'),
    );
  });

  it('removes a property with its comma: first, middle, last and only', () => {
    const properties = { Unknown: 1, DelaySeconds: 5, MessageRetentionPeriod: 60 };
    const first = template({ Q: { Type: 'AWS::SQS::Queue', Properties: properties } });
    const firstFix = fixes(first, 'cfn-unknown-property', 'template.json');
    const fixed = apply(firstFix.document, titled(firstFix.actions, "Remove 'Unknown'"));
    assert.equal(
      fixed,
      template({
        Q: { Type: 'AWS::SQS::Queue', Properties: { DelaySeconds: 5, MessageRetentionPeriod: 60 } },
      }),
    );
    const last = template({ Q: { Type: 'AWS::SQS::Queue', Properties: { DelaySeconds: 5, Unknown: 1 } } });
    const lastFix = fixes(last, 'cfn-unknown-property', 'template.json');
    assert.equal(
      apply(lastFix.document, titled(lastFix.actions, "Remove 'Unknown'")),
      template({ Q: { Type: 'AWS::SQS::Queue', Properties: { DelaySeconds: 5 } } }),
    );
    const middle =
      '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"A": 1, "Unknown": 2, "DelaySeconds": 3}}}}';
    const middleFix = fixes(middle, 'cfn-unknown-property', 'template.json');
    assert.equal(
      apply(middleFix.document, titled(middleFix.actions, "Remove 'A'")),
      middle.replace('"A": 1, ', ''),
    );
    const only =
      '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"Unknown": 2}}}}';
    const onlyFix = fixes(only, 'cfn-unknown-property', 'template.json');
    const onlyFixed = apply(onlyFix.document, titled(onlyFix.actions, "Remove 'Unknown'"));
    assert.equal(onlyFixed, only.replace('{"Unknown": 2}', '{}'));
    assert.deepEqual(codesOf(onlyFixed, 'template.json'), []);
  });

  it('adds a Properties object to a resource, indented like its siblings', () => {
    const text = template({ Fn: { Type: 'AWS::Lambda::Function' } });
    const { document, actions } = fixes(text, 'cfn-missing-property', 'template.json');
    const fixed = apply(document, titled(actions, "Add required properties 'Code', 'Role'"));
    assert.equal(
      fixed,
      template({ Fn: { Type: 'AWS::Lambda::Function', Properties: { Code: {}, Role: '' } } }),
    );
    assert.ok(!codesOf(fixed, 'template.json').includes('cfn-missing-property'));
  });

  it('adds a missing key to a one-line object', () => {
    const text = template({
      Q: { Type: 'AWS::SQS::Queue', Properties: { Tags: [{ Key: 'team' }] } },
    }).replace(/\{\n\s+"Key": "team"\n\s+\}/, '{"Key": "team"}');
    const { document, actions } = fixes(text, 'cfn-missing-property', 'template.json');
    assert.equal(
      apply(document, titled(actions, "Add required property 'Value'")),
      text.replace('{"Key": "team"}', '{"Key": "team", "Value": ""}'),
    );
  });

  it('fills a null value with an object', () => {
    const text = template({ Fn: { Type: 'AWS::Lambda::Function', Properties: null } });
    const { document, actions } = fixes(text, 'cfn-missing-property', 'template.json');
    const fixed = apply(document, actions[0]);
    assert.equal(fixed, text.replace('"Properties": null', '"Properties": {"Code": {}, "Role": ""}'));
  });

  it('adds a key with an allowed value and offers the alternatives of a task definition', () => {
    const text =
      '{\n  "family": "web",\n  "requiresCompatibilities": ["FARGATE"],\n  "cpu": "257",\n  "memory": "512",\n  "containerDefinitions": [{"name": "app", "image": "nginx"}]\n}\n';
    const network = fixes(text, 'taskdef-fargate-network-mode', 'taskdef.json');
    assert.equal(
      apply(network.document, titled(network.actions, "Add required key 'networkMode'")),
      text.replace('}]\n}', '}],\n  "networkMode": "awsvpc"\n}'),
    );
    const cpu = fixes(text, 'taskdef-fargate-cpu-memory', 'taskdef.json');
    assert.equal(cpu.actions[0].title, "Change to '256'");
    assert.equal(apply(cpu.document, cpu.actions[0]), text.replace('"257"', '"256"'));
  });

  it('removes a list item with its comma', () => {
    const text =
      '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"A": {"Type": "AWS::SQS::Queue"}, "B": {"Type": "AWS::SQS::Queue", "DependsOn": ["A", "A"]}}}';
    const { document, actions } = fixes(text, 'cfn-duplicate-depends-on', 'template.json');
    assert.equal(apply(document, titled(actions, "Remove 'A'")), text.replace('["A", "A"]', '["A"]'));
  });
});
