/** The live search behind the quick pick (client/src/notesSearch.ts): debounced, latest answer wins. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LiveSearch, toPicks } from '../../client/src/notesSearch';
import type { NotesSearchItem } from '../../server/src/protocol';

const item = (label: string, line = 1): NotesSearchItem => ({
  kind: 'bullet',
  label,
  description: 'Note › Section',
  target: { path: '/notes/n.md', line, fragment: 'section' },
});

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('the live notes search', () => {
  it('asks once after the user pauses, with the last text typed', async () => {
    const asked: string[] = [];
    const shown: string[][] = [];
    const live = new LiveSearch({
      delay: 20,
      search: (q) => {
        asked.push(q);
        return Promise.resolve([item(`about ${q}`)]);
      },
      show: (picks) => shown.push(picks.map((p) => p.label)),
    });
    for (const text of ['d', 'de', 'dea', 'dead', 'dead letter ']) live.update(text);
    await wait(60);
    assert.deepEqual(asked, ['dead letter']);
    assert.deepEqual(shown, [['$(circle-small) about dead letter']]);
    live.dispose();
  });

  it('drops an answer that comes after a newer query', async () => {
    const shown: string[] = [];
    const live = new LiveSearch({
      delay: 0,
      search: (q) => wait(q === 'slow' ? 40 : 5).then(() => [item(q)]),
      show: (picks, query) => shown.push(`${query}:${picks.length}`),
    });
    live.update('slow', true);
    await wait(10);
    live.update('fast', true);
    await wait(60);
    assert.deepEqual(shown, ['fast:1']);
    live.dispose();
  });

  it('keeps the server order, opens at the line, and never lets the quick pick filter the answers out', () => {
    const picks = toPicks([item('b $(zap) second', 7), { ...item('A. SQS', 3), kind: 'heading' }]);
    assert.deepEqual(
      picks.map((p) => [p.label, p.target.line, p.alwaysShow]),
      [
        ['$(circle-small) b \\$(zap) second', 7, true],
        ['$(list-tree) A. SQS', 3, true],
      ],
    );
  });

  it('reports a failed search and stops after dispose', async () => {
    const failures: unknown[] = [];
    let asked = 0;
    const live = new LiveSearch({
      delay: 5,
      search: () => {
        asked++;
        return Promise.reject(new Error('server gone'));
      },
      show: () => assert.fail('nothing to show'),
      failed: (error) => failures.push(error),
    });
    live.update('x', true);
    await wait(10);
    assert.equal(failures.length, 1);
    live.dispose();
    live.update('y');
    await wait(20);
    assert.equal(asked, 1);
  });
});
