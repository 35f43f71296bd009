/** Completion test helpers: the items at a cursor marker, finding one, and the text after accepting it. */
import assert from 'node:assert/strict';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { InsertTextFormat } from 'vscode-languageserver-types';
import { applyTextEdits } from './edits';
import { docAt, service } from './helpers';
import { expandSnippet } from './snippets';

export interface Completion {
  document: TextDocument;
  items: CompletionItem[];
}

/** Completion at the cursor marker (`|` unless given) of a document named `name`. */
export function complete(textWithCursor: string, name = 'template.yaml', marker = '|'): Completion {
  const { document, position } = docAt(textWithCursor, name, marker);
  return { document, items: service().doComplete(document, position).items };
}

export function labels(items: CompletionItem[]): string[] {
  return items.map((i) => i.label);
}

/** The item with this label (the assertion lists the first labels offered when there is none). */
export function find(items: CompletionItem[], label: string): CompletionItem {
  const item = items.find((i) => i.label === label);
  assert.ok(item, `no item '${label}' in ${labels(items).slice(0, 40).join(', ')}`);
  return item;
}

/** The text an item's edit inserts, as sent (snippet syntax included). */
export function newText(item: CompletionItem): string {
  return (item.textEdit as TextEdit).newText;
}

/** The document text after accepting an item, snippet tab stops filled by their defaults. */
export function accept(document: TextDocument, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  const text =
    item.insertTextFormat === InsertTextFormat.Snippet ? expandSnippet(edit.newText) : edit.newText;
  return applyTextEdits(document, [{ range: edit.range, newText: text }]);
}
