/** Applying the edits the service or the server answers with: TextEdits and WorkspaceEdits. */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';

/**
 * The text after applying edits (ranges of the original text, as LSP defines them: edits at the
 * same position are inserted in their array order; overlapping edits throw).
 */
export function applyTextEdits(document: TextDocument | string, edits: readonly TextEdit[]): string {
  const target =
    typeof document === 'string' ? TextDocument.create('untitled:edits', 'plaintext', 0, document) : document;
  return TextDocument.applyEdits(target, [...edits]);
}

/** The edits a workspace edit makes to one document (none when the edit is missing or elsewhere). */
export function editsFor(edit: WorkspaceEdit | null | undefined, uri: string): TextEdit[] {
  return edit?.changes?.[uri] ?? [];
}

/** The document's text after applying what a workspace edit changes in it. */
export function applyWorkspaceEdit(document: TextDocument, edit: WorkspaceEdit | null | undefined): string {
  return applyTextEdits(document, editsFor(edit, document.uri));
}
