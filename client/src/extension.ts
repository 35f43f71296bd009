/**
 * The VS Code side, kept thin: start the language server, show the detected kind of the active
 * file in the status bar, and pass settings along. All analysis happens in the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { DocumentKindName, NotesTreeNode } from '../../server/src/protocol';
import {
  DocumentKindChangedNotification,
  DocumentKindRequest,
  SettingsProblemNotification,
} from '../../server/src/protocol';
import { NOTES_MARKDOWN_OPTIONS, registerNotesView } from './notesView';

const KIND_LABELS: Record<DocumentKindName, string> = {
  cloudformation: 'CloudFormation',
  buildspec: 'buildspec',
  appspec: 'appspec',
  'ecs-task-definition': 'ECS task definition',
};

let client: LanguageClient | undefined;

/**
 * What `activate` returns (`vscode.extensions.getExtension(id).exports`): read-only access to
 * what the extension shows, for the extension-host tests (test/vscode) and other extensions.
 */
export interface AwsDevNotesApi {
  /** The data of the Notes sidebar (view `awsDevNotes.notes`), as the view itself reads it. */
  readonly notesTree: vscode.TreeDataProvider<NotesTreeNode>;
}

export async function activate(context: vscode.ExtensionContext): Promise<AwsDevNotesApi> {
  const output = vscode.window.createOutputChannel('AWS Dev Notes', { log: true });
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6010'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'untitled', language: 'json' },
      { scheme: 'file', pattern: '**/*.{template,cfn}' },
    ],
    outputChannel: output,
    initializationOptions: { settings: vscode.workspace.getConfiguration('awsDevNotes') },
    synchronize: { configurationSection: 'awsDevNotes' },
    markdown: NOTES_MARKDOWN_OPTIONS,
  };
  client = new LanguageClient('awsDevNotes', 'AWS Dev Notes', serverOptions, clientOptions);

  const status = vscode.window.createStatusBarItem('awsDevNotes.kind', vscode.StatusBarAlignment.Right, 100);
  status.name = 'AWS Dev Notes: file kind';
  status.command = 'awsDevNotes.showOutput';
  context.subscriptions.push(status);
  const kinds = new Map<string, DocumentKindName | null>();

  const updateStatus = (): void => {
    const editor = vscode.window.activeTextEditor;
    if (
      !editor ||
      (!['yaml', 'json'].includes(editor.document.languageId) &&
        !/\.(template|cfn)$/.test(editor.document.fileName))
    ) {
      status.hide();
      return;
    }
    const uri = editor.document.uri.toString();
    const kind = kinds.get(uri);
    if (!kinds.has(uri)) {
      status.text = '$(sync~spin) AWS';
      status.tooltip = 'AWS Dev Notes is reading this file';
    } else {
      status.text = kind ? `$(cloud) ${KIND_LABELS[kind]}` : '$(cloud) AWS: none';
      status.tooltip = kind
        ? `AWS Dev Notes recognised this file as ${KIND_LABELS[kind]}`
        : 'AWS Dev Notes: not a CloudFormation template, buildspec, appspec or ECS task definition (see the awsDevNotes.fileAssociations setting)';
    }
    status.show();
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('awsDevNotes.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('awsDevNotes.restartServer', async () => {
      await client?.restart();
    }),
    vscode.window.onDidChangeActiveTextEditor(async (editor) => {
      updateStatus();
      if (editor && client?.isRunning()) {
        const uri = editor.document.uri.toString();
        try {
          kinds.set(uri, await client.sendRequest(DocumentKindRequest, { uri }));
        } catch {
          // The server may not have the document yet; the notification will follow.
        }
        updateStatus();
      }
    }),
  );

  // Handlers first: the server announces kinds as soon as it has validated an opened document.
  context.subscriptions.push(
    client.onNotification(DocumentKindChangedNotification, ({ uri, kind }) => {
      kinds.set(uri, kind);
      updateStatus();
    }),
    client.onNotification(SettingsProblemNotification, ({ message }) => {
      void vscode.window.showWarningMessage(`AWS Dev Notes: ${message}`);
    }),
  );
  await client.start();
  const notesTree = registerNotesView(context, client);
  updateStatus();
  return { notesTree };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
