/** Hover test helpers: the hover at a `|` cursor, and the note links it contains. */
import type { Range } from 'vscode-languageserver-types';
import { docAt, service } from './helpers';

export interface HoverText {
  value: string;
  range: Range | undefined;
}

export function hoverAt(textWithCursor: string, name = 'template.yaml'): HoverText | null {
  const { document, position } = docAt(textWithCursor, name);
  const hover = service().doHover(document, position);
  if (!hover) return null;
  const contents = hover.contents as { kind: string; value: string };
  return { value: contents.value, range: hover.range };
}

export interface NoteLink {
  label: string;
  path: string;
  line: number;
  fragment?: string;
}

/** The `[Open note: …](command:awsDevNotes.openNote?…)` links of a hover, decoded. */
export function noteLinks(markdown: string): NoteLink[] {
  const links: NoteLink[] = [];
  const pattern = /\[Open note: ([^\]]*)\]\(command:awsDevNotes\.openNote\?([^)]*)\)/g;
  for (let m = pattern.exec(markdown); m; m = pattern.exec(markdown)) {
    const [args] = JSON.parse(decodeURIComponent(m[2])) as [
      { path: string; line: number; fragment?: string },
    ];
    links.push({ label: m[1], ...args });
  }
  return links;
}

/** The part of a hover under "From your notes" ('' when there is none). */
export function notesPart(markdown: string): string {
  const at = markdown.indexOf('#### From your notes');
  return at < 0 ? '' : markdown.slice(at);
}
