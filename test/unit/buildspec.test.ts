import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { secretReferenceProblem } from '../../server/src/service/rules/buildspec/env';
import { onFailureProblem } from '../../server/src/service/rules/buildspec/onFailure';
import { numberReading } from '../../server/src/service/rules/buildspec/yamlNumbers';
import { parse } from '../../server/src/service/parsing/parse';
import { assertNoInternalError } from '../support/diagnostics';
import { codes, dedent } from '../support/helpers';

describe('buildspec on-failure values', () => {
  it('accepts the documented forms', () => {
    for (const value of [
      'ABORT',
      'CONTINUE',
      'RETRY',
      'RETRY-0',
      'RETRY-100',
      'RETRY-.*timeout.*',
      'RETRY-3-connection reset',
    ]) {
      assert.equal(onFailureProblem(value), undefined, value);
    }
  });

  it('rejects other values with a fix where there is one', () => {
    assert.equal(onFailureProblem('abort')?.replacement, 'ABORT');
    assert.equal(onFailureProblem('retry-2')?.replacement, 'RETRY-2');
    assert.match(onFailureProblem('RETRY-101')?.message ?? '', /between 0 and 100/);
    assert.match(onFailureProblem('RETRY-')?.message ?? '', /needs a count/);
    assert.match(onFailureProblem('IGNORE')?.message ?? '', /not a valid on-failure value/);
  });
});

describe('buildspec Secrets Manager references', () => {
  it('accepts names, ARNs and the optional fields', () => {
    for (const reference of [
      'prod/db',
      'prod/db:password',
      'prod/db:password:AWSPREVIOUS',
      'prod/db:::a1b2c3d4',
      'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf',
      'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf:password::',
    ]) {
      assert.equal(secretReferenceProblem(reference), undefined, reference);
    }
  });

  it('rejects malformed references', () => {
    assert.match(secretReferenceProblem('a:b:c:d:e') ?? '', /too many/);
    assert.match(secretReferenceProblem(':key') ?? '', /no secret-id/);
    assert.match(secretReferenceProblem('a:key:AWSCURRENT:abc') ?? '', /not both/);
    assert.match(secretReferenceProblem('arn:aws:s3:::bucket') ?? '', /not a Secrets Manager secret ARN/);
    assert.match(secretReferenceProblem('  ') ?? '', /empty/);
  });
});

describe('buildspec YAML number trap', () => {
  it('spots numbers that lose characters', () => {
    const root = parse('a: 3.10\nb: 3.9\nc: 18\nd: 1.0\ne: "3.10"\n', 'yaml').root;
    const values = root?.type === 'object' ? root.properties.map((p) => numberReading(p.value)) : [];
    assert.deepEqual(values, [
      { written: '3.10', read: '3.1' },
      undefined,
      undefined,
      { written: '1.0', read: '1' },
      undefined,
    ]);
  });
});

describe('buildspec rules', () => {
  it('reports runtime-versions outside install once, not also as an unknown key', () => {
    const text = dedent(`
      version: 0.2
      phases:
        build:
          runtime-versions:
            nodejs: 20
          commands:
            - npm test
    `);
    assert.deepEqual(codes(text, 'buildspec.yml'), ['buildspec-runtime-versions-outside-install@4:5']);
  });

  it('accepts version 0.2 as a number or a string and warns about 0.1 in both forms', () => {
    const body = 'phases:\n  build:\n    commands:\n      - make\n';
    assert.deepEqual(codes(`version: 0.2\n${body}`, 'buildspec.yml'), []);
    assert.deepEqual(codes(`version: "0.2"\n${body}`, 'buildspec.yml'), []);
    assert.deepEqual(codes(`version: 0.1\n${body}`, 'buildspec.yml'), ['buildspec-deprecated-version@1:10']);
    assert.deepEqual(codes(`version: '0.1'\n${body}`, 'buildspec.yml'), [
      'buildspec-deprecated-version@1:10',
    ]);
  });

  it('reports an on-failure value once, not also as a pattern mismatch', () => {
    const text = 'version: 0.2\nphases:\n  build:\n    on-failure: Abort\n    commands:\n      - make\n';
    assert.deepEqual(codes(text, 'buildspec.yml'), ['buildspec-invalid-on-failure@4:17']);
  });
});

describe('buildspec rules on odd input', () => {
  it('never fail on unexpected shapes', () => {
    const texts = [
      '',
      '- a\n- b\n',
      'version: 0.2\nphases: []\n',
      'version: 0.2\nphases:\n  build:\n',
      'version: 0.2\nphases:\n  install:\n    runtime-versions: [a]\n    on-failure: 3\n',
      'version: [0.2]\nenv: x\nreports: [a]\n',
      'version: 0.2\nenv:\n  secrets-manager: [a]\n  exported-variables: {a: b}\n  variables: ~\n',
      'version: 0.2\nenv:\n  secrets-manager:\n    A: 5\n    B: ~\n  exported-variables: [1, ~, [x]]\n',
    ];
    assertNoInternalError(texts, 'buildspec.yml');
  });
});
