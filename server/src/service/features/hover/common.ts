/** What each kind's hover produces before it becomes an LSP Hover, and small tree helpers. */
import type { AstNode, PropertyNode } from '../../ast';
import type { Span } from '../../diagnostics';
import type { NotesQuery } from '../../notes/lookup';

export interface HoverResult {
  /** Documentation paragraphs (Markdown), shown first. */
  docs: string[];
  /** What to look up in the notes (shown under "From your notes"). */
  notes?: NotesQuery;
  /** The range the hover applies to (the key or value under the cursor). */
  span: Span;
}

export function spanOf(node: { offset: number; length: number }): Span {
  return { offset: node.offset, length: node.length };
}

/** The property a value belongs to: its own, or the nearest one around the array it is in. */
export function owningProperty(node: AstNode): PropertyNode | undefined {
  let current: AstNode | PropertyNode | undefined = node;
  while (current) {
    const parent: AstNode | PropertyNode | undefined = current.parent;
    if (!parent) return undefined;
    if (parent.type === 'property') return parent;
    if (parent.type === 'object') return undefined;
    current = parent;
  }
  return undefined;
}

/** String keys of a path, innermost first, without array indexes and `Fn::If` wrappers. */
export function keyChain(path: (string | number)[], limit = 3): string[] {
  return path
    .filter((s): s is string => typeof s === 'string' && s !== 'Fn::If')
    .reverse()
    .slice(0, limit);
}

/** A value worth looking up as a name (an enum option such as `binpack`), not free text. */
export function isNameLike(value: string): boolean {
  return /^[A-Za-z][\w.:-]{1,60}$/.test(value) && !/^(true|false|yes|no|on|off|null)$/i.test(value);
}

/** The first paragraph of a Markdown description, for short summaries. */
export function firstParagraph(markdown: string | undefined): string | undefined {
  const paragraph = markdown?.split(/\n\s*\n/)[0]?.trim();
  return paragraph || undefined;
}
