/**
 * Papercut 3: the first quick fix must be the one a person meant. Suggestions rank by meaning
 * (shared words weighted by rarity, known synonyms) before edit distance.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closest, rankByMeaning, wordsOf } from '../../server/src/service/utils/suggest';
import { apply, fixes } from '../support/codeActions';
import { messageOf } from '../support/diagnostics';

const HEAD = 'AWSTemplateFormatVersion: "2010-09-09"\n';

describe('suggestions by meaning', () => {
  it('splits names into words and folds synonyms', () => {
    assert.deepEqual(wordsOf('QueueArn'), ['queue', 'arn']);
    assert.deepEqual(wordsOf('ON_DEMAND'), wordsOf('PAY_PER_REQUEST'));
    assert.deepEqual(wordsOf('AWS::S3::Bucket'), ['aws', 's3', 'bucket']);
  });

  it('QueueArn means Arn, not QueueUrl', () => {
    assert.equal(closest('QueueArn', ['Arn', 'QueueName', 'QueueUrl']), 'Arn');
  });

  it('ON_DEMAND means PAY_PER_REQUEST, not PROVISIONED', () => {
    assert.equal(closest('ON_DEMAND', ['PROVISIONED', 'PAY_PER_REQUEST']), 'PAY_PER_REQUEST');
    assert.deepEqual(rankByMeaning('ON_DEMAND', ['PROVISIONED', 'PAY_PER_REQUEST']), [
      'PAY_PER_REQUEST',
      'PROVISIONED',
    ]);
  });

  it('still prefers a one-letter typo and a case difference', () => {
    assert.equal(closest('Retian', ['Delete', 'Retain', 'Snapshot']), 'Retain');
    assert.equal(closest('visibilitytimeout', ['VisibilityTimeout', 'DelaySeconds']), 'VisibilityTimeout');
    assert.equal(
      closest('AWS::S3::Buckett', ['AWS::S3::Bucket', 'AWS::S3::BucketPolicy']),
      'AWS::S3::Bucket',
    );
  });

  it('suggests nothing when nothing is near in spelling or meaning', () => {
    assert.equal(closest('Colour', ['Arn', 'QueueName', 'QueueUrl']), undefined);
    // A word shared with several candidates says nothing about which one is meant.
    assert.equal(closest('QueueThing', ['QueueName', 'QueueUrl']), undefined);
  });
});

describe('quick fixes ranked by meaning', () => {
  it('BillingMode: ON_DEMAND offers PAY_PER_REQUEST first', () => {
    const text = `${HEAD}Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: ON_DEMAND\n      AttributeDefinitions:\n        - AttributeName: pk\n          AttributeType: S\n      KeySchema:\n        - AttributeName: pk\n          KeyType: HASH\n`;
    const { document, actions, diagnostic } = fixes(text, 'cfn-invalid-value');
    assert.match(messageOf(diagnostic), /Did you mean 'PAY_PER_REQUEST'\?/);
    assert.equal(actions[0].title, "Change to 'PAY_PER_REQUEST'");
    assert.equal(actions[0].isPreferred, true);
    assert.equal(apply(document, actions[0]), text.replace('ON_DEMAND', 'PAY_PER_REQUEST'));
  });

  it('!GetAtt Queue.QueueArn offers Arn first', () => {
    const text = `${HEAD}Resources:\n  Queue:\n    Type: AWS::SQS::Queue\nOutputs:\n  A:\n    Value: !GetAtt Queue.QueueArn\n`;
    const { document, actions, diagnostic } = fixes(text, 'cfn-unknown-getatt-attribute');
    assert.match(messageOf(diagnostic), /Did you mean 'Arn'\?/);
    assert.equal(actions[0].title, "Change to 'Arn'");
    assert.match(apply(document, actions[0]), /!GetAtt Queue\.Arn\n$/);
  });
});
