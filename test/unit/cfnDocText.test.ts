/**
 * Papercut 7: the CloudFormation documentation in the generated schemas has no holes where the
 * spec dropped a product name ("an Amazon  topic"), no space before punctuation, no glued words.
 * The mending is scripts/cfn-doc-text.mjs, run by the schema generator.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../support/helpers';

/** Every markdownDescription string of a generated documentation file. */
function descriptions(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => descriptions(v, out));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'markdownDescription' && typeof v === 'string') out.push(v);
      else descriptions(v, out);
    }
  }
  return out;
}

describe('CloudFormation documentation text', () => {
  const dir = path.join(ROOT, 'schemas/cloudformation/docs');
  const texts = fs
    .readdirSync(dir)
    .flatMap((file) => descriptions(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'))));

  it('reads all the descriptions', () => {
    assert.ok(texts.length > 10_000, `${texts.length} descriptions`);
  });

  for (const [what, pattern] of [
    ['a dropped product name', /\b(?:AWS|Amazon) {2}/],
    // (code spans aside: `! " # , - .` lists characters)
    ['a space before punctuation', /[\w*\])] +[.,;)](?=\s|$)/],
    ['a glued word', /\b(?:informationabout|ofthe)\b/],
  ] as const) {
    it(`has no ${what}`, () => {
      const found = texts.map((t) => t.replace(/`[^`\n]*`/g, '`code`')).filter((t) => pattern.test(t));
      assert.deepEqual(
        found.slice(0, 3).map((t) => t.slice(Math.max(0, (pattern.exec(t)?.index ?? 0) - 40)).slice(0, 100)),
        [],
      );
    });
  }

  it('fills a hole only where the words around it tell the name', () => {
    const script = `import { mendDocText } from ${JSON.stringify(path.join(ROOT, 'scripts/cfn-doc-text.mjs'))};
      console.log(JSON.stringify(process.argv.slice(1).map(mendDocText)));`;
    const inputs = [
      'Publish to an Amazon  topic .',
      'the AWS  key ( KMS )',
      'AWS  charges apply',
      'Use .zip files',
    ];
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script, ...inputs], {
      encoding: 'utf8',
    });
    assert.deepEqual(JSON.parse(out), [
      'Publish to an Amazon SNS topic.',
      'the AWS KMS key (KMS)',
      'AWS charges apply',
      'Use .zip files',
    ]);
  });
});
