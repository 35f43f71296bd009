/**
 * The SAM transform's own checks (samFunctions.ts, samIgnoreGlobals.ts) and Snapshot policies
 * (snapshotPolicy.ts): where they stay quiet. The golden fixtures in
 * test/fixtures/cloudformation-agreement/ show what they report.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, codesWhere } from '../support/diagnostics';
import { dedent } from '../support/helpers';

const SAM_CODES = /^cfn-(missing-property|sam-|snapshot-)/;
const codes = (text: string): string[] => codesWhere((c) => SAM_CODES.test(c), text);

const sam = (resources: string, globals = ''): string =>
  dedent(`
    Transform: AWS::Serverless-2016-10-31
    Parameters:
      Alias: {Type: String}
      IsImage: {Type: String}
    ${globals}
    Resources:
    ${resources}
  `);

describe('SAM transform checks', () => {
  it('reports a Zip function without Runtime at its Properties key', () => {
    const text = sam(`
      Fn:
        Type: AWS::Serverless::Function
        Properties: {Handler: app.handler, CodeUri: s3://b/k.zip}`);
    assert.deepEqual(codes(text), [at('cfn-missing-property', text, 'Properties')]);
  });

  it('is quiet when the package type or the alias is not written literally, or an image is meant', () => {
    const text = sam(`
      ByCondition:
        Type: AWS::Serverless::Function
        Properties:
          PackageType: !Ref IsImage
          CodeUri: s3://b/k.zip
          AutoPublishAlias: !Ref Alias
      ImageWithoutPackageType:
        Type: AWS::Serverless::Function
        Properties: {ImageUri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1}
      RegionAlias:
        Type: AWS::Serverless::Function
        Properties: {Handler: a.b, Runtime: python3.13, CodeUri: s3://b/k.zip, AutoPublishAlias: !Ref AWS::Region}`);
    assert.deepEqual(codes(text), []);
  });

  it('reports an alias from a Ref to a resource, not to a parameter', () => {
    const text = sam(`
      Topic: {Type: AWS::SNS::Topic}
      Fn:
        Type: AWS::Serverless::Function
        Properties: {Handler: a.b, Runtime: python3.13, CodeUri: s3://b/k.zip, AutoPublishAlias: !Ref Topic}`);
    assert.deepEqual(codes(text), [at('cfn-sam-auto-publish-alias', text, '!Ref Topic')]);
  });

  it('leaves IgnoreGlobals alone when Globals has no section for the type', () => {
    const text = sam(`
      Fn:
        Type: AWS::Serverless::Function
        IgnoreGlobals: [Timeout]
        Properties: {Handler: a.b, Runtime: python3.13, CodeUri: s3://b/k.zip}`);
    assert.deepEqual(codes(text), []);
  });
});

describe('Snapshot policies', () => {
  it('leave custom, registry and module types alone', () => {
    const text = dedent(`
      Resources:
        Custom: {Type: Custom::Thing, DeletionPolicy: Snapshot, Properties: {ServiceToken: arn:aws:sns:us-east-1:123456789012:t}}
        Module: {Type: Org::Db::Cluster::MODULE, DeletionPolicy: Snapshot}
        Registry: {Type: Acme::Db::Cluster, UpdateReplacePolicy: Snapshot}
        Cluster: {Type: AWS::DocDB::DBCluster, DeletionPolicy: Snapshot}
    `);
    assert.deepEqual(codes(text), []);
  });
});
