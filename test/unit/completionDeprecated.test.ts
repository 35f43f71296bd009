/**
 * Papercut 8: value completion lists current values first and marks deprecated ones (the Lambda
 * Runtime list used to open with `dotnetcore1.0`, `go1.x`, `nodejs`, …).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CompletionItemTag } from 'vscode-languageserver-types';
import { complete } from '../support/completion';

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  F:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: |
`;

describe('completion of deprecated values', () => {
  const { items } = complete(TEMPLATE);
  const sorted = [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
  const deprecated = (label: string): boolean =>
    !!sorted.find((i) => i.label === label)?.tags?.includes(CompletionItemTag.Deprecated);

  it('offers current runtimes before every deprecated one', () => {
    const firstDeprecated = sorted.findIndex((i) => i.tags?.includes(CompletionItemTag.Deprecated));
    assert.ok(firstDeprecated > 0, 'some runtimes are deprecated');
    const current = sorted.slice(0, firstDeprecated).map((i) => i.label);
    for (const runtime of ['nodejs22.x', 'python3.13', 'java21'])
      assert.ok(current.includes(runtime), runtime);
    assert.ok(
      sorted.slice(firstDeprecated).every((i) => i.tags?.includes(CompletionItemTag.Deprecated)),
      'nothing current after the first deprecated value',
    );
  });

  it('marks deprecated runtimes (struck through, with a detail)', () => {
    for (const runtime of ['nodejs', 'go1.x', 'python2.7', 'dotnetcore1.0'])
      assert.ok(deprecated(runtime), runtime);
    assert.ok(!deprecated('nodejs22.x'));
    assert.equal(sorted.find((i) => i.label === 'go1.x')?.detail, 'deprecated');
  });
});
