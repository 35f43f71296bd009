/**
 * The "New … file" commands: an untitled editor named like its kind (so the server recognises
 * it), filled with one of the kind's whole-file snippets with its placeholders to tab through.
 * Nothing is written to disk until the user saves.
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { NewFileCommand, SnippetRecord } from './skeletons';
import { NEW_FILE_COMMANDS, findSnippet, freeName } from './skeletons';

interface Choice extends vscode.QuickPickItem {
  body: string[];
  name: string;
  language: string;
}

function readSnippets(context: vscode.ExtensionContext, file: string): Record<string, SnippetRecord> {
  const text = fs.readFileSync(context.asAbsolutePath(`snippets/${file}`), 'utf8');
  return JSON.parse(text) as Record<string, SnippetRecord>;
}

function choicesOf(context: vscode.ExtensionContext, command: NewFileCommand): Choice[] {
  return command.skeletons.flatMap((skeleton) => {
    const found = findSnippet(readSnippets(context, skeleton.snippets), skeleton.prefix);
    if (!found) return [];
    return [
      {
        label: found.title,
        description: skeleton.name,
        detail: found.snippet.description,
        body: found.snippet.body,
        name: skeleton.name,
        language: skeleton.language,
      },
    ];
  });
}

function untitledUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder || folder.scheme !== 'file') return vscode.Uri.from({ scheme: 'untitled', path: name });
  const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.path));
  const path = freeName(folder.path, name, (p) => open.has(p) || fs.existsSync(vscode.Uri.file(p).fsPath));
  return vscode.Uri.from({ scheme: 'untitled', path });
}

async function createFile(context: vscode.ExtensionContext, command: NewFileCommand): Promise<void> {
  const choices = choicesOf(context, command);
  const choice =
    choices.length > 1
      ? await vscode.window.showQuickPick(choices, { title: command.title, placeHolder: 'Start from…' })
      : choices[0];
  if (!choice) return;
  let document = await vscode.workspace.openTextDocument(untitledUri(choice.name));
  if (document.languageId !== choice.language) {
    document = await vscode.languages.setTextDocumentLanguage(document, choice.language);
  }
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(new vscode.SnippetString(choice.body.join('\n')));
}

export function registerNewFileCommands(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('awsDevNotes.openWalkthrough', () =>
      vscode.commands.executeCommand(
        'workbench.action.openWalkthrough',
        `${context.extension.id}#awsDevNotes.gettingStarted`,
        false,
      ),
    ),
  );
  for (const command of NEW_FILE_COMMANDS) {
    context.subscriptions.push(
      vscode.commands.registerCommand(command.command, () => createFile(context, command)),
    );
  }
}
