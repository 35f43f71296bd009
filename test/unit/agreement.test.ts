/**
 * What issue 10 added next to the golden fixtures (test/fixtures/cloudformation-agreement/):
 * Lambda runtime states by an injected clock, the same in diagnostics, hover and completion; the
 * workspace ignore setting; Java patterns; recognition by content; which files the agreement
 * script counts as templates.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CompletionItemTag } from 'vscode-languageserver-types';
import { detectKind } from '../../server/src/service/kinds';
import { parse } from '../../server/src/service/parsing/parse';
import { runtimeStatus } from '../../server/src/service/rules/cloudformation/lambdaRuntimes';
import { codesFor } from '../../server/src/service/rules/cloudformation/suppression';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';
import { translateJavaRegex } from '../../server/src/service/utils/javaRegex';
import { ROOT, docAt, serviceWith } from '../support/helpers';

const fn = (runtime: string): string =>
  [
    'Resources:',
    '  Worker:',
    '    Type: AWS::Lambda::Function',
    '    Properties:',
    '      Role: arn:aws:iam::123456789012:role/worker',
    '      Handler: index.handler',
    `      Runtime: ${runtime}`,
    '      Code:',
    '        ZipFile: x',
    '',
  ].join('\n');

describe('Lambda runtimes by date', () => {
  const on = (day: string) => serviceWith({ now: () => new Date(`${day}T12:00:00Z`) });

  it('a runtime is fine before its deprecation, a warning once deprecated, an error once creation is blocked', () => {
    const codesOn = (day: string) => {
      const { document } = docAt(fn('python3.|9'));
      return on(day)
        .validate(document)
        .map((d) => `${String(d.code)}:${d.severity}`);
    };
    assert.deepEqual(codesOn('2025-06-01'), []);
    assert.deepEqual(codesOn('2026-01-10'), ['cfn-lambda-runtime-deprecated:2']);
    assert.deepEqual(codesOn('2026-09-01'), ['cfn-lambda-runtime-blocked:1']);
  });

  it('the hover says what the diagnostics say, on the same day', () => {
    const { document, position } = docAt(fn('python3.|9'));
    const hoverText = (day: string) => {
      const hover = on(day).doHover(document, position);
      return hover && typeof hover.contents === 'object' && 'value' in hover.contents
        ? hover.contents.value
        : '';
    };
    assert.match(hoverText('2026-01-10'), /Lambda runtime `python3\.9` is deprecated since 2025-12-15/);
    assert.match(hoverText('2026-09-01'), /no longer creates functions that use it \(since 2026-08-31\)/);
    assert.match(hoverText('2025-06-01'), /`python3\.9` is supported; deprecation is planned for 2025-12-15/);
    assert.match(
      hoverText('2026-11-20'),
      /`nodejs16\.x` \(deprecated; creating and updating blocked since 2026-07-01\)/,
    );
  });

  it('completion marks deprecated runtimes and documents their dates', () => {
    const { document, position } = docAt(fn('|'));
    const items = on('2026-11-20').doComplete(document, position).items;
    const old = items.find((i) => i.label === 'python3.9');
    const current = items.find((i) => i.label === 'python3.13');
    assert.ok(old && current, 'runtime values are offered');
    assert.deepEqual(old.tags, [CompletionItemTag.Deprecated]);
    assert.equal(current.tags, undefined);
    const doc = old.documentation;
    assert.ok(doc && typeof doc === 'object' && doc.value.includes('2026-08-31'));
  });

  it('on 2026-12-06 the dates of the latest AWS tables apply (python3.11 and java17 supported)', () => {
    const day = new Date('2026-12-06T12:00:00Z');
    const state = (runtime: string) => runtimeStatus(runtime, day)?.state;
    assert.equal(state('python3.11'), 'supported');
    assert.equal(state('java17'), 'supported');
    assert.equal(state('python3.10'), 'create-blocked');
    assert.equal(state('dotnet8'), 'deprecated');
    assert.equal(state('nodejs20.x'), 'update-blocked');
    assert.equal(state('dotnet10'), 'supported');
  });

  it('unknown identifiers have no status', () => {
    assert.equal(runtimeStatus('cobol1.x', new Date()), undefined);
    assert.equal(runtimeStatus('toString', new Date()), undefined);
  });
});

describe('suppression', () => {
  const template = 'Parameters:\n  Unused:\n    Type: String\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n';

  it('the workspace setting takes our codes and cfn-lint ids', () => {
    for (const ignore of [['cfn-unused-parameter'], ['W2001'], ['W20']]) {
      const ls = serviceWith({ settings: { ...DEFAULT_SETTINGS, validationIgnore: ignore } });
      const { document } = docAt(`${template}|`);
      assert.deepEqual(ls.validate(document), [], ignore.join());
    }
    const { document } = docAt(`${template}|`);
    assert.equal(serviceWith({}).validate(document).length, 1);
  });

  it('cfn-lint prefixes map to every rule we share under them', () => {
    const codes = codesFor(['E303']);
    assert.ok(codes.has('cfn-invalid-value') && codes.has('cfn-value-out-of-range'));
    assert.ok(!codes.has('cfn-unknown-property'));
  });
});

describe('Java patterns', () => {
  it('possessive quantifiers and atomic groups become their greedy forms', () => {
    assert.deepEqual(translateJavaRegex('[a-z]++[0-9]*+'), { source: '[a-z]+[0-9]*', flags: 'u' });
    assert.deepEqual(translateJavaRegex('(?>ab)c'), { source: '(?:ab)c', flags: 'u' });
    assert.deepEqual(translateJavaRegex('a\\++'), { source: 'a\\++', flags: 'u' });
    assert.deepEqual(translateJavaRegex('\\Aabc\\z'), { source: '^abc$', flags: 'u' });
  });

  it('what JavaScript cannot express is skipped, never guessed', () => {
    assert.equal(translateJavaRegex('\\p{Alpha}+'), undefined);
    assert.equal(translateJavaRegex('[a-z&&[^e]]'), undefined);
    assert.equal(translateJavaRegex('a(?i)b'), undefined);
  });

  it('an escaped backslash before A or z stays a literal backslash', () => {
    const translated = translateJavaRegex('a\\\\Ab\\\\z');
    assert.deepEqual(translated, { source: 'a\\\\Ab\\\\z', flags: 'u' });
    assert.ok(translated && new RegExp(translated.source, translated.flags).test('a\\Ab\\z'));
  });

  it('the schema generator translates provider patterns with this same module', () => {
    const script = `import { translatePattern } from ${JSON.stringify(path.join(ROOT, 'scripts/cfn-provider-constraints.mjs'))};
      console.log(JSON.stringify(process.argv.slice(1).map((p) => translatePattern(p) ?? null)));`;
    const inputs = ['[a-z]++\\z', '\\Aa\\\\Ab', '(?i)abc', '\\p{Alpha}+'];
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script, ...inputs], {
      encoding: 'utf8',
    });
    // A JSON Schema pattern has no flags: what needs another flag than `u` (here `i`) is skipped.
    assert.deepEqual(JSON.parse(out), ['[a-z]+$', '^a\\\\Ab', null, null]);
  });
});

describe('recognition by content', () => {
  const kindOf = (name: string, text: string) =>
    detectKind(`file:///w/${name}`, parse(text, name.endsWith('.json') ? 'json' : 'yaml').root);

  it('templates with only parameters and an empty Resources map, or only third-party types', () => {
    assert.equal(
      kindOf('stack.yaml', 'Parameters:\n  A:\n    Type: String\nResources: {}\n'),
      'cloudformation',
    );
    assert.equal(kindOf('stack.yaml', 'Resources:\n  R:\n    Type: Org::Service::Thing\n'), 'cloudformation');
    assert.equal(
      kindOf('stack.yaml', 'Resources:\n  R:\n    Type: Org::Net::Vpc::MODULE\n'),
      'cloudformation',
    );
    assert.equal(kindOf('config.yaml', 'Resources: {}\nname: x\n'), null);
  });

  it('a buildspec or an appspec under any name', () => {
    assert.equal(kindOf('ci.yml', 'version: 0.2\nphases:\n  build:\n    commands: [make]\n'), 'buildspec');
    assert.equal(kindOf('deploy.yml', 'version: 0.0\nos: linux\n'), 'appspec');
    assert.equal(kindOf('deploy.yaml', 'version: 0.0\nResources:\n  - Fn: {}\n'), 'appspec');
    assert.equal(kindOf('values.yaml', 'version: 2\nphases: [a]\n'), null);
  });
});

describe('npm run agreement: which files are templates', () => {
  it('decides on the parsed top-level mapping, broken templates included', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agreement-'));
    const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
    write('stack.yaml', 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n');
    write('versioned.json', '{ "AWSTemplateFormatVersion": "2010-09-09", "Resources": {} }');
    write('broken.yaml', 'Resources:\n  Q:\n    Type: [AWS::SQS::Queue\n');
    // A macro's event payload: the template is inside `fragment`, not at the top.
    write('event.json', '{ "requestId": "1", "fragment": { "Resources": {} } }');
    write('nested.yaml', 'fragment:\n  Resources: {}\n');
    // Without cfn-lint on PATH the script counts the templates and runs our CLI ("Our CLI: 3
    // templates"); should cfn-lint sit beside node, it compares them ("3 templates under …").
    const out = execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'agreement.mjs'), dir], {
      encoding: 'utf8',
      env: { ...process.env, PATH: path.dirname(process.execPath) },
    });
    assert.match(out, /\b3 templates\b/);
  });
});
