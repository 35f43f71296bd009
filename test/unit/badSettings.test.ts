/**
 * Bad settings and hostile notes folders (issue 9): a clear message, the default used, and
 * reading bounded (a huge note is not read, thousands of files are cut off with a message).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoryFileSystem } from '../../server/src/service/fileSystem';
import { NotesIndex } from '../../server/src/service/notes/notes';
import { DEFAULT_SETTINGS, sanitizeSettings } from '../../server/src/service/settings';
import { doc, serviceWith } from '../support/helpers';

describe('settings of the wrong type', () => {
  const cases: [string, unknown, RegExp][] = [
    ['section', 'yes', /awsDevNotes settings must be an object/],
    ['validation', { validation: true }, /awsDevNotes\.validation must be an object/],
    ['validation.enable', { validation: { enable: 'no' } }, /validation\.enable must be true or false/],
    ['fileAssociations', { fileAssociations: ['*.yml'] }, /fileAssociations must be an object/],
    ['fileAssociations kind', { fileAssociations: { '*.yml': 3 } }, /maps to 3, which is not one of/],
    ['maxFileSize', { maxFileSize: '5MB' }, /maxFileSize must be a positive number/],
    ['maxFileSize negative', { maxFileSize: -1 }, /maxFileSize must be a positive number/],
    ['notes', { notes: 'folder' }, /awsDevNotes\.notes must be an object/],
    ['notes.folders', { notes: { folders: 'notes' } }, /notes\.folders must be a list of folder paths/],
    ['notes.folders entries', { notes: { folders: [1] } }, /notes\.folders must be a list of folder paths/],
  ];
  for (const [name, raw, message] of cases) {
    it(`${name}: a message and the default`, () => {
      const { settings, problems } = sanitizeSettings(raw);
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.match(problems[0], message);
      assert.deepEqual(settings, { ...DEFAULT_SETTINGS, fileAssociations: {}, notesFolders: [] });
    });
  }

  it('ignores globs that do not parse, with a message each, and keeps the good ones', () => {
    const { settings, problems } = sanitizeSettings({
      fileAssociations: {
        '[': 'buildspec',
        '{a,b': 'appspec',
        [`${'x'.repeat(70_000)}`]: 'none',
        '**/ci/*.yml': 'buildspec',
      },
    });
    assert.deepEqual(settings.fileAssociations, { '**/ci/*.yml': 'buildspec' });
    assert.equal(problems.length, 3);
    assert.match(problems[0], /"\[" is not a valid glob: a `\[` is not closed; ignored\./);
    assert.match(problems[1], /"\{a,b" is not a valid glob: a `\{` is not closed; ignored\./);
    assert.match(problems[2], /is longer than 1,000 characters; ignored\./);
    // The service keeps working with what is left.
    const service = serviceWith({ settings });
    assert.equal(service.getKind(doc('version: 0.2\n', 'ci/x.yml')), 'buildspec');
  });
});

describe('hostile notes folders', () => {
  it('says a folder does not exist', () => {
    const index = new NotesIndex(memoryFileSystem({}), []);
    index.setUserFolders(['/nowhere']);
    assert.deepEqual(index.notes(), []);
    assert.ok(index.problems.some((p) => /\/nowhere does not exist/.test(p)));
  });

  it('does not read a 50 MB note, and says so', () => {
    const base = memoryFileSystem({ '/n/big.md': '# Big\n', '/n/small.md': '# Small\n- kept\n' });
    const fs = {
      ...base,
      size: (p: string) => (p.endsWith('big.md') ? 50_000_000 : base.size?.(p)),
      readFile: (p: string) => {
        if (p.endsWith('big.md')) throw new Error('the 50 MB note was read');
        return base.readFile(p);
      },
    };
    const index = new NotesIndex(fs, []);
    index.setUserFolders(['/n']);
    assert.deepEqual(
      index.notes().map((n) => n.relativePath),
      ['small.md'],
    );
    assert.ok(index.problems.some((p) => /big\.md: 50\.0 MB, larger than 2 MB; not indexed\./.test(p)));
  });

  it('indexes at most 2,000 of thousands of files, and says so', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 3000; i++) files[`/many/note${String(i).padStart(4, '0')}.md`] = `# Note ${i}\n`;
    const index = new NotesIndex(memoryFileSystem(files), []);
    index.setUserFolders(['/many']);
    assert.equal(index.notes().length, 2000);
    assert.ok(
      index.problems.some((p) =>
        /\/many: more than 2,000 notes or 20,000 entries; only the first are indexed\./.test(p),
      ),
    );
  });
});
