/**
 * Hover: the documentation of what is under the cursor (from the schemas and our own texts) and
 * what the user's notes say about it, under the heading "From your notes" and ending with a link
 * that opens the note at that heading. The notes are seen without scrolling: by default they
 * follow the official text's summary (its first paragraphs, about 400 characters), and the rest of
 * the official text comes after them (`awsDevNotes.hover.notesPosition`: `first`, `last`).
 * Nothing to say gives no hover, never an empty one.
 */
import type { Hover, Position } from 'vscode-languageserver-types';
import type { FeatureContext } from '../featureContext';
import { cloudFormationHover } from './cloudformation';
import type { HoverResult } from './common';
import { fileKindHover } from './fileKinds';
import { renderNotesSection } from '../../notes/render';
import type { NotesPosition } from '../../settings';

/** The official summary before the notes is at most about this long. */
const SUMMARY_CHARS = 400;

/** The official text cut after its summary: whole paragraphs, or sentences of a long first one. */
export function splitSummary(docs: string): { summary: string; rest: string } {
  const paragraphs = docs.split(/\n{2,}/);
  const summary: string[] = [];
  let length = 0;
  while (paragraphs.length) {
    const next = paragraphs[0];
    if (!summary.length || length + next.length <= SUMMARY_CHARS) {
      summary.push(next);
      length += next.length + 2;
      paragraphs.shift();
      continue;
    }
    // The first paragraph of prose after the title line, too long: its sentences up to the
    // limit (at least one); the other sentences come after the notes.
    if (summary.length === 1 && summary[0].startsWith('**') && !/^[-*>|#]/.test(next)) {
      const sentences = next.match(/[^.!?]+(?:[.!?]+(?=\s|$)|$)\s*/g) ?? [next];
      let taken = '';
      let cut = 0;
      while (
        cut < sentences.length &&
        (cut === 0 || length + taken.length + sentences[cut].length <= SUMMARY_CHARS)
      ) {
        taken += sentences[cut];
        cut++;
      }
      summary.push(taken.trim());
      paragraphs.shift();
      const remainder = sentences.slice(cut).join('').trim();
      if (remainder) paragraphs.unshift(remainder);
    }
    break;
  }
  return { summary: summary.join('\n\n'), rest: paragraphs.join('\n\n') };
}

function arrange(docs: string, notes: string, position: NotesPosition): string {
  if (!notes) return docs;
  if (!docs) return notes;
  if (position === 'first') return [notes, docs].join('\n\n---\n\n');
  if (position === 'last') return [docs, notes].join('\n\n---\n\n');
  const { summary, rest } = splitSummary(docs);
  return [summary, notes, rest].filter(Boolean).join('\n\n---\n\n');
}

function notesMarkdown(context: FeatureContext, result: HoverResult): string {
  if (!result.notes?.terms.length) return '';
  try {
    return renderNotesSection(context.notes.lookup(result.notes));
  } catch {
    // A note that cannot be read must not take the documentation down with it.
    return '';
  }
}

export function doHover(context: FeatureContext, position: Position): Hover | null {
  const { state, document } = context;
  if (!state.kind || !state.parsed.root || state.skipped) return null;
  const offset = document.offsetAt(position);
  const result =
    state.kind === 'cloudformation'
      ? cloudFormationHover(context, offset)
      : fileKindHover(context, offset, state.kind);
  if (!result) return null;
  const docs = result.docs
    .map((d) => d.trim())
    .filter(Boolean)
    .join('\n\n');
  const notes = notesMarkdown(context, result).trim();
  const value = arrange(docs, notes, context.settings.hoverNotesPosition);
  if (!value) return null;
  return {
    contents: { kind: 'markdown', value },
    range: {
      start: document.positionAt(result.span.offset),
      end: document.positionAt(result.span.offset + result.span.length),
    },
  };
}
