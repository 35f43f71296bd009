/**
 * Opening a note at a line: in the Markdown preview (scrolled to the heading's anchor) or in the
 * editor, per `awsDevNotes.notes.openIn`. Only Markdown files are opened; the preview is VS Code's
 * own, which runs no script from a note.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { NoteLocation } from '../../server/src/protocol';
import { NoteLocationRequest } from '../../server/src/protocol';

export const OPEN_NOTE_COMMAND = 'awsDevNotes.openNote';

interface OpenArgs {
  uri: vscode.Uri;
  line: number;
  fragment?: string;
}

/** Reads the command's argument: `{path, line}` or `{uri, line}` (alone or as the first item of a list). */
export function readOpenArgs(arg: unknown): OpenArgs | undefined {
  const value: unknown = Array.isArray(arg) ? arg[0] : arg;
  if (!value || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  let uri: vscode.Uri | undefined;
  if (typeof record.uri === 'string') {
    try {
      uri = vscode.Uri.parse(record.uri, true);
    } catch {
      return undefined;
    }
  } else if (typeof record.path === 'string' && record.path) {
    uri = vscode.Uri.file(record.path);
  }
  if (!uri || !/\.(md|markdown)$/i.test(uri.path)) return undefined;
  const line =
    typeof record.line === 'number' && Number.isFinite(record.line)
      ? Math.max(0, Math.floor(record.line))
      : 0;
  const fragment =
    typeof record.fragment === 'string' && /^[^\s#]{1,200}$/.test(record.fragment)
      ? record.fragment
      : undefined;
  return { uri, line, fragment };
}

async function openInEditor(args: OpenArgs): Promise<void> {
  const document = await vscode.workspace.openTextDocument(args.uri);
  const line = Math.min(args.line, Math.max(0, document.lineCount - 1));
  const range = new vscode.Range(line, 0, line, 0);
  const editor = await vscode.window.showTextDocument(document, { selection: range, preview: true });
  editor.revealRange(range, vscode.TextEditorRevealType.AtTop);
}

async function previewAnchor(client: LanguageClient, args: OpenArgs): Promise<string | undefined> {
  if (args.fragment || args.uri.scheme !== 'file' || !client.isRunning()) return args.fragment;
  try {
    const location: NoteLocation = await client.sendRequest(NoteLocationRequest, {
      path: args.uri.fsPath,
      line: args.line,
    });
    return location.fragment;
  } catch {
    return undefined;
  }
}

export async function openNote(client: LanguageClient, arg: unknown): Promise<void> {
  const args = readOpenArgs(arg);
  if (!args) {
    void vscode.window.showWarningMessage('AWS Dev Notes: that link does not point to a Markdown note.');
    return;
  }
  const openIn = vscode.workspace.getConfiguration('awsDevNotes').get<string>('notes.openIn', 'preview');
  try {
    if (openIn === 'editor') {
      await openInEditor(args);
      return;
    }
    const fragment = await previewAnchor(client, args);
    await vscode.commands.executeCommand(
      'markdown.showPreview',
      fragment ? args.uri.with({ fragment }) : args.uri,
    );
  } catch {
    // No Markdown preview (extension disabled) or the file is gone: fall back to the editor.
    try {
      await openInEditor(args);
    } catch (error) {
      void vscode.window.showWarningMessage(
        `AWS Dev Notes: cannot open ${args.uri.fsPath}: ${String(error)}`,
      );
    }
  }
}
