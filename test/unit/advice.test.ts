/**
 * Advice from the notes: quiet on the examples, links to the bullet it quotes, switchable, needs the
 * bullet, and silenced by the same Metadata ignores and setting as the rules.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/service/languageService';
import { nodeFileSystem } from '../../server/src/nodeFileSystem';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';
import { ROOT, service, serviceWith } from '../support/helpers';

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return fs.statSync(full).isDirectory() ? filesUnder(full) : /\.(ya?ml|json)$/.test(name) ? [full] : [];
  });
}

const FIRES = path.join(ROOT, 'test', 'fixtures', 'advice', 'visibility-6x-fires', 'template.yaml');

function open(file: string): TextDocument {
  return TextDocument.create(
    `file://${file}`,
    file.endsWith('.json') ? 'json' : 'yaml',
    1,
    fs.readFileSync(file, 'utf8'),
  );
}

describe('advice from the notes', () => {
  it('stays quiet on every example', () => {
    const advice = filesUnder(path.join(ROOT, 'examples')).flatMap((file) =>
      service()
        .validate(open(file))
        .filter((d) => String(d.code).startsWith('advice-'))
        .map((d) => `${path.relative(ROOT, file)}: ${String(d.code)}`),
    );
    assert.deepEqual(advice, []);
  });

  it('quotes the bullet and links to its line in the note', () => {
    const [advice] = service()
      .validate(open(FIRES))
      .filter((d) => d.code === 'advice-visibility-6x');
    assert.ok(advice);
    assert.equal(advice.severity, 3, 'information');
    assert.match(
      typeof advice.message === 'string' ? advice.message : advice.message.value,
      /Your notes: “Recommendation: set message visibility to 6x the Lambda timeout limit”/,
    );
    const [related] = advice.relatedInformation ?? [];
    const notePath = decodeURIComponent(new URL(related.location.uri).pathname);
    const lines = fs.readFileSync(notePath, 'utf8').split(/\r?\n/);
    assert.match(lines[related.location.range.start.line], /set message visibility to 6x/);
    assert.equal(
      advice.codeDescription?.href,
      `${related.location.uri}#L${related.location.range.start.line + 1}`,
    );
  });

  it('is switched off by awsDevNotes.advice.enable', () => {
    const off = serviceWith({ settings: { ...DEFAULT_SETTINGS, adviceEnable: false } });
    assert.deepEqual(
      off.validate(open(FIRES)).filter((d) => String(d.code).startsWith('advice-')),
      [],
    );
  });

  it('says nothing when the notes do not have the bullet', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'no-notes-'));
    const ls = getLanguageService({
      fs: nodeFileSystem,
      schemaDir: path.join(ROOT, 'schemas'),
      notesDir: empty,
    });
    assert.deepEqual(
      ls.validate(open(FIRES)).filter((d) => String(d.code).startsWith('advice-')),
      [],
    );
  });

  describe('obeys the suppressions of the rules', () => {
    const text = fs.readFileSync(FIRES, 'utf8');
    let opened = 0;
    // A new URI each time: the service caches a parse per URI and version.
    const adviceIn = (source: string, ls = service()) =>
      ls
        .validate(TextDocument.create(`file:///w/template-${++opened}.yaml`, 'yaml', 1, source))
        .filter((d) => String(d.code).startsWith('advice-'))
        .map((d) => String(d.code));
    const withResourceMetadata = (resource: string) =>
      text.replace(
        `  ${resource}:\n`,
        `  ${resource}:\n    Metadata:\n      aws-dev-notes:\n        ignore: [advice-visibility-6x]\n`,
      );

    it('fires without them', () => {
      assert.deepEqual(adviceIn(text), ['advice-visibility-6x']);
    });

    it('a template-level Metadata ignore silences it', () => {
      const source = text.replace(
        'Resources:',
        'Metadata:\n  aws-dev-notes:\n    ignore: [advice-visibility-6x]\nResources:',
      );
      assert.deepEqual(adviceIn(source), []);
    });

    it('a resource-level ignore silences it inside that resource only', () => {
      assert.deepEqual(adviceIn(withResourceMetadata('Jobs')), []);
      assert.deepEqual(adviceIn(withResourceMetadata('Worker')), ['advice-visibility-6x']);
    });

    it('the workspace setting silences it, in templates and in other kinds', () => {
      const ls = serviceWith({
        settings: {
          ...DEFAULT_SETTINGS,
          validationIgnore: ['advice-visibility-6x', 'advice-placement-fargate'],
        },
      });
      assert.deepEqual(adviceIn(text, ls), []);
      const taskdef = path.join(
        ROOT,
        'test',
        'fixtures',
        'advice',
        'placement-fargate-taskdef-fires',
        'taskdef.json',
      );
      const codes = (service: ReturnType<typeof serviceWith>) =>
        service
          .validate(open(taskdef))
          .map((d) => String(d.code))
          .filter((c) => c.startsWith('advice-'));
      assert.deepEqual(codes(serviceWith({})), ['advice-placement-fargate']);
      assert.deepEqual(codes(ls), []);
    });
  });
});
