/**
 * What the extension-host tests share: the fixture workspace (test/vscode/workspace), the
 * extension's API, opening documents, and waits that end on VS Code's own events (diagnostics
 * published, tree data changed, active editor changed), each bounded by a timeout.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AwsDevNotesApi } from '../../../client/src/extension';

export const EXTENSION_ID = 'awsdevnotes.aws-dev-notes';
export const SOURCE = 'aws-dev-notes';
const WAIT_TIMEOUT = 20_000;

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite runs with the fixture workspace (test/vscode/workspace) open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

/** URIs the language client published diagnostics for (an empty list counts): see `watchDiagnostics`. */
const published = new Set<string>();

/** Starts recording which documents got diagnostics; call before the first document opens. */
export function watchDiagnostics(): vscode.Disposable {
  return vscode.languages.onDidChangeDiagnostics((event) => {
    for (const uri of event.uris) published.add(uri.toString());
  });
}

let api: AwsDevNotesApi | undefined;

/** Activates the extension (once) and returns what `activate` returned. */
export async function extensionApi(): Promise<AwsDevNotesApi> {
  if (api) return api;
  const extension = vscode.extensions.getExtension<AwsDevNotesApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is installed`);
  api = await extension.activate();
  assert.ok(api?.notesTree, 'activate() returns the notes tree');
  return api;
}

export async function open(relative: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relative));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** An untitled YAML document with `content`, shown in an editor. */
export async function openUntitled(content: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'yaml', content });
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Closes the active editor without saving (reverts unsaved changes first). */
export async function closeWithoutSaving(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

/**
 * Resolves with `check()`'s value once it is truthy, re-checking whenever `event` fires; rejects
 * after `timeout` ms with `what` and the last value.
 */
export async function until<T>(
  event: vscode.Event<unknown>,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  timeout = WAIT_TIMEOUT,
): Promise<T> {
  let subscription: vscode.Disposable | undefined;
  let timer: NodeJS.Timeout | undefined;
  let last: unknown;
  try {
    return await new Promise<T>((resolve, reject) => {
      let settled = false;
      const evaluate = async (): Promise<void> => {
        try {
          const value = await check();
          last = value;
          if (value && !settled) {
            settled = true;
            resolve(value);
          }
        } catch (error) {
          last = error;
        }
      };
      subscription = event(() => void evaluate());
      timer = setTimeout(() => {
        settled = true;
        reject(new Error(`timed out after ${timeout} ms waiting for ${what} (last: ${describe(last)})`));
      }, timeout);
      void evaluate();
    });
  } finally {
    subscription?.dispose();
    clearTimeout(timer);
  }
}

function describe(value: unknown): string {
  if (value instanceof Error) return value.message;
  try {
    return JSON.stringify(value)?.slice(0, 500) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The extension's diagnostics of a document. */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** Waits until the server has published diagnostics for `uri` and they satisfy `predicate`. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  what = `diagnostics of ${vscode.workspace.asRelativePath(uri)}`,
  timeout?: number,
): Promise<vscode.Diagnostic[]> {
  return until(
    vscode.languages.onDidChangeDiagnostics,
    () => {
      if (!published.has(uri.toString())) return false;
      const diagnostics = ours(uri);
      return predicate(diagnostics) && diagnostics;
    },
    what,
    timeout,
  );
}

/** The code of a diagnostic (`code` may be a string or `{ value, target }`). */
export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' ? code.value : code);
}

/** The position `offset` characters into the `occurrence`-th match of `needle` in the document. */
export function positionOf(
  document: vscode.TextDocument,
  needle: string,
  { occurrence = 0, offset = 0 } = {},
): vscode.Position {
  const text = document.getText();
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    assert.ok(index >= 0, `"${needle}" (occurrence ${occurrence}) is in ${document.uri.path}`);
  }
  return document.positionAt(index + offset);
}

/** The text of the hovers' Markdown. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n\n');
}

/** A `Location` or a `LocationLink` as `path:line:character` (1-based line, 0-based character). */
export function where(location: vscode.Location | vscode.LocationLink): string {
  const uri = 'targetUri' in location ? location.targetUri : location.uri;
  const range =
    'targetUri' in location ? (location.targetSelectionRange ?? location.targetRange) : location.range;
  return `${vscode.workspace.asRelativePath(uri)}:${range.start.line + 1}:${range.start.character}`;
}
