/**
 * The notes sidebar's data (the tree the extension's API hands out, exactly what view
 * `awsDevNotes.notes` shows) and the extension's commands. The fixture workspace's settings add
 * the user notes folder my-notes/ and open notes in the editor (`awsDevNotes.notes.openIn`).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { NotesTreeNode } from '../../../server/src/protocol';
import { EXTENSION_ID, extensionApi, hoverText, open, positionOf, until, workspaceUri } from './helpers';
import { test } from './runner';

async function children(node?: NotesTreeNode): Promise<NotesTreeNode[]> {
  const { notesTree } = await extensionApi();
  return (await notesTree.getChildren(node)) ?? [];
}

/** Waits until the tree's top level satisfies `check` (re-checked whenever the tree changes); returns it. */
async function waitForTree(
  check: (roots: NotesTreeNode[]) => boolean,
  what: string,
): Promise<NotesTreeNode[]> {
  const { notesTree } = await extensionApi();
  assert.ok(notesTree.onDidChangeTreeData, 'the tree announces its changes');
  return until(
    notesTree.onDidChangeTreeData,
    async () => {
      const roots = await children();
      return check(roots) && roots;
    },
    what,
  );
}

const labels = (nodes: NotesTreeNode[] | undefined): string[] => (nodes ?? []).map((n) => n.label);
const userFolder = (roots: NotesTreeNode[]): NotesTreeNode | undefined =>
  roots.find((n) => n.kind === 'folder' && n.label === 'my-notes');

test("the notes tree: notes for the active file, open questions, the bundled notes and the user's folder", async () => {
  await open('template.yaml');
  // The tree follows the active editor after a short debounce: until it has caught up with
  // template.yaml it may still show the notes of the file a previous test left active.
  const roots = await waitForTree(
    (r) => labels(r.find((n) => n.label === 'Notes for this file')?.children).some((l) => /SQS/.test(l)),
    '"Notes for this file" of template.yaml (with its SQS note)',
  );
  const forFile = roots.find((n) => n.label === 'Notes for this file');
  assert.ok(
    labels(forFile?.children).some((l) => /SQS/.test(l)),
    `the SQS note is among the notes for the file: ${JSON.stringify(labels(forFile?.children))}`,
  );
  assert.ok(
    roots.some((n) => n.label === 'Open questions'),
    JSON.stringify(labels(roots)),
  );
  assert.ok(
    roots.some((n) => n.kind === 'note' && n.label === 'SQS, SNS & Kinesis'),
    JSON.stringify(labels(roots)),
  );
  const mine = userFolder(roots);
  assert.ok(mine, `the user's folder my-notes: ${JSON.stringify(labels(roots))}`);
  assert.deepEqual(labels(await children(mine)), ['My SNS notes']);
});

test('a note of the tree opens in the editor at its line (awsDevNotes.openNote)', async () => {
  const roots = await waitForTree((r) => !!userFolder(r)?.children?.length, 'the user folder');
  const [note] = await children(userFolder(roots));
  const { notesTree } = await extensionApi();
  const item = await notesTree.getTreeItem(note);
  assert.equal(item.command?.command, 'awsDevNotes.openNote');
  const target = note.target;
  assert.ok(target, 'the note node has a target');
  const args: unknown[] = item.command.arguments ?? [];
  await vscode.commands.executeCommand(item.command.command, ...args);
  const editor = vscode.window.activeTextEditor;
  assert.equal(editor?.document.uri.fsPath, workspaceUri('my-notes/topics.md').fsPath);
  assert.equal(editor.selection.active.line, target.line);
});

test('a note added to the user folder shows in the tree after Refresh Notes', async () => {
  const uri = workspaceUri('my-notes/lambda.md');
  await vscode.workspace.fs.writeFile(
    uri,
    Buffer.from('---\ntitle: My Lambda notes\ntopics: [Timeout]\n---\n\n# Lambda\n\n- Timeouts\n'),
  );
  try {
    await vscode.commands.executeCommand('awsDevNotes.refreshNotes');
    await waitForTree(
      (r) => labels(userFolder(r)?.children).includes('My Lambda notes'),
      'the new note under my-notes',
    );
  } finally {
    await vscode.workspace.fs.delete(uri);
  }
  await vscode.commands.executeCommand('awsDevNotes.refreshNotes');
  await waitForTree(
    (r) => !labels(userFolder(r)?.children).includes('My Lambda notes'),
    'the deleted note gone',
  );
});

test('every command in package.json is registered, and those that need no input run', async () => {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  const contributed = (
    extension?.packageJSON as { contributes: { commands: { command: string }[] } }
  ).contributes.commands.map((c) => c.command);
  const registered = new Set(await vscode.commands.getCommands(true));
  assert.deepEqual(
    contributed.filter((c) => !registered.has(c)),
    [],
    'contributed but not registered',
  );
  await vscode.commands.executeCommand('awsDevNotes.showOutput');
  await vscode.commands.executeCommand('awsDevNotes.clearNotesFilter');
});

test('Restart Language Server: the server comes back and answers again', async () => {
  await vscode.commands.executeCommand('awsDevNotes.restartServer');
  const { document } = await open('template.yaml');
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    document.uri,
    positionOf(document, 'VisibilityTimeout', { offset: 3 }),
  );
  assert.match(hoverText(hovers), /From your notes/);
}, 60_000);

test('Turn Off Word Suggestions: "off" under [yaml] and [json] in the workspace settings, nowhere else', async () => {
  const inspect = (languageId: string) =>
    vscode.workspace.getConfiguration('editor', { languageId }).inspect<string>('wordBasedSuggestions');
  await vscode.commands.executeCommand('awsDevNotes.turnOffWordSuggestions');
  try {
    for (const languageId of ['yaml', 'json']) {
      const seen = inspect(languageId);
      assert.equal(seen?.workspaceLanguageValue, 'off', languageId);
      assert.equal(seen?.globalLanguageValue, undefined, `${languageId}: user settings untouched`);
      assert.notEqual(seen?.workspaceValue, 'off', 'not for every language');
    }
    assert.notEqual(inspect('markdown')?.workspaceLanguageValue, 'off');
  } finally {
    for (const languageId of ['yaml', 'json'])
      await vscode.workspace
        .getConfiguration('editor', { languageId })
        .update('wordBasedSuggestions', undefined, vscode.ConfigurationTarget.Workspace, true);
  }
});
