/** Completion in CloudFormation JSON templates: quoted keys and values, commas, broken documents. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Completion } from '../support/completion';
import { accept, complete as completeIn, find, labels, newText } from '../support/completion';

/** Completion at the `|` cursor of a JSON template. */
const complete = (textWithCursor: string): Completion => completeIn(textWithCursor, 'template.json');

/** A resource's JSON, with the rest of the template around it. */
function template(resource: string, extra = ''): string {
  return `{\n  "AWSTemplateFormatVersion": "2010-09-09",${extra}\n  "Resources": {\n    "Queue": {"Type": "AWS::SQS::Queue"},\n    "Bucket": ${resource}\n  }\n}\n`;
}

describe('completion: CloudFormation JSON', () => {
  it('completes a resource type inside its string, quotes included', () => {
    const { document, items } = complete(template('{"Type": "AWS::S3::Bu|"}'));
    const bucket = find(items, 'AWS::S3::Bucket');
    assert.equal(newText(bucket), '"AWS::S3::Bucket"');
    assert.equal(bucket.filterText, '"AWS::S3::Bucket"');
    assert.equal(accept(document, bucket), template('{"Type": "AWS::S3::Bucket"}'));
  });

  it('completes a value right after the colon with a space and the quotes', () => {
    const { document, items } = complete(template('{"Type":|}'));
    assert.equal(accept(document, find(items, 'AWS::SQS::Queue')), template('{"Type": "AWS::SQS::Queue"}'));
  });

  it('inserts quoted property keys with a value template matching the type', () => {
    const { items } = complete(template('{"Type": "AWS::SQS::Queue", "Properties": {|}}'));
    assert.equal(newText(find(items, 'VisibilityTimeout')), '"VisibilityTimeout": $1');
    assert.equal(newText(find(items, 'QueueName')), '"QueueName": "$1"');
    assert.equal(newText(find(items, 'Tags')), '"Tags": [{"Key": "$1", "Value": "$2"}]');
    assert.equal(newText(find(items, 'FifoQueue')), '"FifoQueue": ${1|true,false|}');
  });

  it('replaces the key string being typed and adds a comma when a property follows', () => {
    const { document, items } = complete(
      template('{"Type": "AWS::SQS::Queue", "Properties": {"Vis|" "DelaySeconds": 1}}'),
    );
    const item = find(items, 'VisibilityTimeout');
    assert.equal(item.filterText, '"VisibilityTimeout"');
    assert.equal(
      accept(document, item),
      template('{"Type": "AWS::SQS::Queue", "Properties": {"VisibilityTimeout": , "DelaySeconds": 1}}'),
    );
    assert.ok(!labels(items).includes('DelaySeconds'));
  });

  it('inserts only the name when the key already has its colon', () => {
    const { items } = complete(template('{"Type": "AWS::SQS::Queue", "Properties": {"Visib|": 30}}'));
    assert.equal(newText(find(items, 'VisibilityTimeout')), '"VisibilityTimeout"');
  });

  it('offers the resource attributes with Type first', () => {
    const { items } = complete(template('{|}'));
    const sorted = [...items].sort((a, b) => String(a.sortText).localeCompare(String(b.sortText)));
    assert.equal(sorted[0].label, 'Type');
    assert.equal(newText(find(items, 'Properties')), '"Properties": {$1}');
  });

  it('offers top-level sections as quoted keys', () => {
    const { items } = complete('{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  |\n}\n');
    assert.equal(newText(find(items, 'Resources')), '"Resources": {$1}');
    assert.ok(!labels(items).includes('AWSTemplateFormatVersion'));
  });

  it('offers allowed values as JSON strings', () => {
    const { document, items } = complete(
      template('{"Type": "AWS::S3::Bucket", "Properties": {"VersioningConfiguration": {"Status": "|"}}}'),
    );
    assert.deepEqual(labels(items), ['Enabled', 'Suspended']);
    assert.equal(
      accept(document, find(items, 'Suspended')),
      template(
        '{"Type": "AWS::S3::Bucket", "Properties": {"VersioningConfiguration": {"Status": "Suspended"}}}',
      ),
    );
  });

  it('offers Ref targets and GetAtt attributes in strings', () => {
    const ref = complete(
      template(
        '{"Type": "AWS::S3::Bucket", "Properties": {"BucketName": {"Ref": "|"}}}',
        '\n  "Parameters": {"Env": {"Type": "String"}},',
      ),
    );
    assert.ok(
      labels(ref.items).includes('Env') &&
        labels(ref.items).includes('Queue') &&
        labels(ref.items).includes('AWS::StackName'),
    );
    assert.ok(!labels(ref.items).includes('Bucket'));
    assert.equal(newText(find(ref.items, 'Env')), '"Env"');
    const attribute = complete(
      template('{"Type": "AWS::S3::Bucket", "Properties": {"BucketName": {"Fn::GetAtt": ["Queue", "|"]}}}'),
    );
    assert.deepEqual(labels(attribute.items).sort(), ['Arn', 'QueueName', 'QueueUrl']);
    const resource = complete(
      template('{"Type": "AWS::S3::Bucket", "Properties": {"BucketName": {"Fn::GetAtt": [|]}}}'),
    );
    assert.deepEqual(labels(resource.items), ['Queue']);
    assert.equal(newText(find(resource.items, 'Queue')), '"Queue"');
  });

  it('offers Sub variables inside the JSON string', () => {
    const { document, items } = complete(
      template(
        '{"Type": "AWS::S3::Bucket", "Properties": {"BucketName": {"Fn::Sub": "${AWS::StackName}-${Qu|"}}}',
      ),
    );
    assert.equal(
      accept(document, find(items, 'Queue')),
      template(
        '{"Type": "AWS::S3::Bucket", "Properties": {"BucketName": {"Fn::Sub": "${AWS::StackName}-${Queue}"}}}',
      ),
    );
  });

  it('offers intrinsic functions as the key of a property value object', () => {
    const { items } = complete(template('{"Type": "AWS::S3::Bucket", "Properties": {"BucketName": {|}}}'));
    assert.equal(newText(find(items, 'Fn::GetAtt')), '"Fn::GetAtt": ["$1", "$2"]');
    assert.equal(newText(find(items, 'Ref')), '"Ref": "$1"');
  });

  it('offers conditions, mappings, DependsOn targets and parameter types', () => {
    const extra =
      '\n  "Parameters": {"Env": {"Type": "|"}},\n  "Mappings": {"RegionMap": {"us-east-1": {"Ami": "ami-1"}}},\n  "Conditions": {"IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]}},';
    const types = complete(template('{"Type": "AWS::S3::Bucket"}', extra));
    assert.ok(labels(types.items).includes('AWS::EC2::VPC::Id'));
    const base = extra.replace('"Type": "|"', '"Type": "String"');
    const condition = complete(template('{"Type": "AWS::S3::Bucket", "Condition": "|"}', base));
    assert.deepEqual(labels(condition.items), ['IsProd']);
    const fnIf = complete(
      template(
        '{"Type": "AWS::S3::Bucket", "Properties": {"BucketName": {"Fn::If": ["|", "a", "b"]}}}',
        base,
      ),
    );
    assert.deepEqual(labels(fnIf.items), ['IsProd']);
    const mapping = complete(
      template(
        '{"Type": "AWS::S3::Bucket", "Properties": {"BucketName": {"Fn::FindInMap": ["RegionMap", "|"]}}}',
        base,
      ),
    );
    assert.deepEqual(labels(mapping.items), ['us-east-1']);
    const dependsOn = complete(template('{"Type": "AWS::S3::Bucket", "DependsOn": ["|"]}', base));
    assert.deepEqual(labels(dependsOn.items), ['Queue']);
    assert.equal(newText(find(dependsOn.items, 'Queue')), '"Queue"');
  });

  it('keeps working in an unfinished document', () => {
    const { items } = complete(
      '{\n  "Resources": {\n    "Queue": {"Type": "AWS::SQS::Queue"},\n    "Bucket": {\n      "Type": "AWS::S3::Bucket",\n      "Properties": {\n        "Bu|',
    );
    assert.ok(labels(items).includes('BucketName'));
  });
});
