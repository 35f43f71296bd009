/** Where the notes go in a hover (awsDevNotes.hover.notesPosition), the summary cut, "N more in your notes". */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitSummary } from '../../server/src/service/features/hover/hover';
import type { NotesPosition } from '../../server/src/service/settings';
import { DEFAULT_SETTINGS, sanitizeSettings } from '../../server/src/service/settings';
import { docAt, serviceWith } from '../support/helpers';
import { notesPart } from '../support/hover';

const QUEUE = 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      Visibility|Timeout: 60\n';

function hoverWith(position: NotesPosition, text = QUEUE): string {
  const service = serviceWith({ settings: { ...DEFAULT_SETTINGS, hoverNotesPosition: position } });
  const { document, position: at } = docAt(text);
  const hover = service.doHover(document, at);
  return (hover?.contents as { value: string } | undefined)?.value ?? '';
}

describe('where the notes go in a hover', () => {
  it('afterSummary (default): the official summary, the notes, then the rest of the official text', () => {
    const value = hoverWith('afterSummary');
    const notesAt = value.indexOf('#### From your notes');
    assert.ok(notesAt > 0 && notesAt < 600, `notes at ${notesAt}`);
    assert.ok(value.indexOf('The length of time during which a message') < notesAt);
    assert.ok(value.indexOf('Values must be from 0 to 43,200 seconds') > notesAt, 'the rest after the notes');
    assert.ok(value.includes('- Required: no'), 'nothing of the official text is lost');
  });

  it('first: the notes before the official text; last: after all of it', () => {
    assert.ok(hoverWith('first').startsWith('#### From your notes'));
    const last = hoverWith('last');
    assert.ok(last.indexOf('#### From your notes') > last.indexOf('- Update: no replacement'));
  });

  it('cuts a long first paragraph at a sentence, keeping the rest', () => {
    const long = `**X** · thing\n\n${'A sentence that goes on. '.repeat(30).trim()}\n\nSecond paragraph.`;
    const { summary, rest } = splitSummary(long);
    assert.ok(summary.length <= 450, `${summary.length}`);
    assert.ok(summary.endsWith('goes on.'));
    assert.equal(`${summary}\n\n${rest}`.replace(/\s+/g, ' '), long.replace(/\s+/g, ' '));
    assert.deepEqual(splitSummary('**Y** · short'), { summary: '**Y** · short', rest: '' });
  });

  it('links "N more in your notes" to the notes search on the name', () => {
    const notes = notesPart(hoverWith('afterSummary'));
    const match = /\[(\d+) more in your notes\]\(command:awsDevNotes\.searchNotes\?([^)]+)\)/.exec(notes);
    assert.ok(match, notes);
    assert.ok(Number(match[1]) >= 1);
    assert.deepEqual(JSON.parse(decodeURIComponent(match[2])), ['VisibilityTimeout']);
  });

  it('reads the settings, with a message for a wrong value', () => {
    assert.equal(
      sanitizeSettings({ hover: { notesPosition: 'first' } }).settings.hoverNotesPosition,
      'first',
    );
    const wrong = sanitizeSettings({ hover: { notesPosition: 'top' }, advice: { enable: 'no' } });
    assert.equal(wrong.settings.hoverNotesPosition, 'afterSummary');
    assert.equal(wrong.settings.adviceEnable, true);
    assert.equal(wrong.problems.length, 2);
    assert.match(wrong.problems[0], /awsDevNotes\.hover\.notesPosition/);
  });
});
