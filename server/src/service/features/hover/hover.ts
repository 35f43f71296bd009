/**
 * Hover: the documentation of what is under the cursor (from the schemas and our own texts),
 * then what the user's notes say about it, under the heading "From your notes" and ending with a
 * link that opens the note at that heading. Nothing to say gives no hover, never an empty one.
 */
import type { Hover, Position } from 'vscode-languageserver-types';
import type { FeatureContext } from '../featureContext';
import { cloudFormationHover } from './cloudformation';
import type { HoverResult } from './common';
import { fileKindHover } from './fileKinds';
import { renderNotesSection } from '../../notes/render';

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
  const value = [docs, notes].filter(Boolean).join('\n\n---\n\n');
  if (!value) return null;
  return {
    contents: { kind: 'markdown', value },
    range: {
      start: document.positionAt(result.span.offset),
      end: document.positionAt(result.span.offset + result.span.length),
    },
  };
}
