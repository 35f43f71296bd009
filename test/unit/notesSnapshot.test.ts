/** The bundled notes parsed at build time (notes/snapshot.ts): the same notes as a fresh parse, used only for the same text. */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { nodeFileSystem } from '../../server/src/nodeFileSystem';
import { memoryFileSystem } from '../../server/src/service/fileSystem';
import { NotesIndex } from '../../server/src/service/notes/notes';
import { parseNote } from '../../server/src/service/notes/parse';
import type { NoteSnapshot } from '../../server/src/service/notes/snapshot';
import { fromSnapshot, snapshotFolder, toSnapshot } from '../../server/src/service/notes/snapshot';
import { dedent, ROOT } from '../support/helpers';

const NOTES = path.join(ROOT, 'notes');

describe('notes parsed at build time', () => {
  it('gives back exactly what parsing gives, for every bundled note, after a trip through JSON', () => {
    const snapshot = JSON.parse(JSON.stringify(snapshotFolder(nodeFileSystem, NOTES))) as ReturnType<
      typeof snapshotFolder
    >;
    const files = Object.keys(snapshot);
    assert.ok(files.length >= 10, `${files.length} notes`);
    for (const relativePath of files) {
      const place = { path: path.join(NOTES, relativePath), folder: NOTES, relativePath, bundled: true };
      const text = snapshot[relativePath].text;
      assert.deepStrictEqual(
        fromSnapshot(snapshot[relativePath], place),
        parseNote({ ...place, text }),
        relativePath,
      );
    }
  });

  it('keeps the links of nested headings and bullets, and the problems, of a note of our own', () => {
    const text = dedent(`
      ---
      title: "Queues
      ---
      Intro line.

      # Queues
      - visibility
        - nested
      ## Dead letters
      <!-- topics: AWS::SQS::Queue -->
      - redrive
      | a | b |
      |---|---|
      | x | y |
    `);
    const place = { path: '/n/q.md', folder: '/n', relativePath: 'q.md', bundled: true };
    const parsed = parseNote({ ...place, text });
    const restored = fromSnapshot(
      JSON.parse(JSON.stringify(toSnapshot(parsed, text))) as NoteSnapshot,
      place,
    );
    assert.deepStrictEqual(restored, parsed);
    const nested = restored.headings[0].bullets[0].children[0];
    assert.equal(nested.parent, restored.headings[0].bullets[0]);
    assert.equal(nested.heading, restored.headings[0]);
    assert.equal(restored.headings[1].parent, restored.headings[0]);
    assert.equal(restored.headings[1].note, restored);
  });

  it('is used for a bundled note only while its text is the one parsed', () => {
    const text = '---\ntitle: "Old"\n---\n# Old\n- a bullet\n';
    const fs = memoryFileSystem({ '/b/n.md': text.replace('Old', 'New') });
    const prebuilt = snapshotFolder(memoryFileSystem({ '/b/n.md': text }), '/b');
    const index = new NotesIndex(fs, ['/b'], () => prebuilt);
    assert.equal(index.notes()[0].title, 'New');
    const same = new NotesIndex(memoryFileSystem({ '/b/n.md': text }), ['/b'], () => ({
      'n.md': { ...prebuilt['n.md'], title: 'From the snapshot' },
    }));
    assert.equal(same.notes()[0].title, 'From the snapshot');
  });
});
