/**
 * Smaller completion lists for clients that accept LSP 3.17 item defaults
 * (`completionList.itemDefaults`): what most items share — the edit range, the insert text
 * format and mode, the `data` — is sent once on the list, and each item keeps only what differs
 * (its text as `textEditText` when that is not its label). The editor applies the same edits.
 */
import type { CompletionItem, CompletionList, Range } from 'vscode-languageserver-types';
import { InsertTextFormat } from 'vscode-languageserver-types';

/** The item defaults a client accepts (its `completionList.itemDefaults` capability). */
export type ItemDefaultsSupport = readonly string[];

function rangeKey(range: Range): string {
  return `${range.start.line}:${range.start.character}:${range.end.line}:${range.end.character}`;
}

/** The most common value among items (by key), when it is shared by at least two. */
function mostCommon<T>(
  items: CompletionItem[],
  value: (item: CompletionItem) => T | undefined,
  key: (v: T) => string,
) {
  const counts = new Map<string, { value: T; count: number }>();
  for (const item of items) {
    const v = value(item);
    if (v === undefined) continue;
    const k = key(v);
    const entry = counts.get(k);
    if (entry) entry.count++;
    else counts.set(k, { value: v, count: 1 });
  }
  let best: { value: T; count: number; key: string } | undefined;
  for (const [k, entry] of counts) if (!best || entry.count > best.count) best = { ...entry, key: k };
  return best && best.count >= 2 ? best : undefined;
}

/** The list with shared properties moved to `itemDefaults`, as far as the client supports them. */
export function withItemDefaults(
  list: CompletionList,
  support: ItemDefaultsSupport | undefined,
): CompletionList {
  if (!support?.length || list.items.length < 2) return list;
  const items = list.items.map((item) => ({ ...item }));
  const itemDefaults: NonNullable<CompletionList['itemDefaults']> = {};

  // An item without a text edit would take the default range: only when every item has its own.
  if (support.includes('editRange') && items.every((item) => item.textEdit)) {
    const shared = mostCommon(
      items,
      (item) => (item.textEdit && 'range' in item.textEdit ? item.textEdit.range : undefined),
      rangeKey,
    );
    if (shared) {
      itemDefaults.editRange = shared.value;
      for (const item of items) {
        const edit = item.textEdit;
        if (!edit || !('range' in edit) || rangeKey(edit.range) !== shared.key) continue;
        delete item.textEdit;
        if (edit.newText !== item.label) item.textEditText = edit.newText;
      }
    }
  }
  if (support.includes('insertTextFormat')) {
    // An item without a format is plain text: the default then has to be given on it.
    const format = (item: CompletionItem) => item.insertTextFormat ?? InsertTextFormat.PlainText;
    const shared = mostCommon(items, format, String);
    if (shared && shared.value !== InsertTextFormat.PlainText) {
      itemDefaults.insertTextFormat = shared.value;
      for (const item of items) {
        if (format(item) === shared.value) delete item.insertTextFormat;
        else item.insertTextFormat = format(item);
      }
    }
  }
  if (support.includes('data')) {
    const shared = mostCommon(
      items,
      (item) => item.data as unknown,
      (v) => JSON.stringify(v),
    );
    // Only when every item has it: an item without data would otherwise be given it.
    if (shared && shared.count === items.length) {
      itemDefaults.data = shared.value;
      for (const item of items) delete item.data;
    }
  }
  return Object.keys(itemDefaults).length ? { ...list, itemDefaults, items } : list;
}
