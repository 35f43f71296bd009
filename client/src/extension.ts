/**
 * The VS Code side, kept thin: start the language server, show the detected kind of the active
 * file in the status bar, and pass settings along. All analysis happens in the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import {
  LanguageClient,
  RenameRequest,
  RevealOutputChannelOn,
  TransportKind,
} from 'vscode-languageclient/node';
import type { DocumentKindName, NotesTreeNode } from '../../server/src/protocol';
import {
  DocumentKindChangedNotification,
  DocumentKindRequest,
  SettingsProblemNotification,
} from '../../server/src/protocol';
import { registerNewFileCommands } from './newFile';
import { NOTES_MARKDOWN_OPTIONS, registerNotesView } from './notesView';
import { offersOutline } from './outline';
import { refusalMessage } from './refusal';
import { statusFor } from './status';
import { registerWordSuggestionsCommand } from './wordSuggestions';
import { OPENS_BLOCK } from './yamlEnter';

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
    // A failed request is logged in the output channel; it does not pop up a notification.
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    initializationOptions: { settings: vscode.workspace.getConfiguration('awsDevNotes') },
    synchronize: { configurationSection: 'awsDevNotes' },
    markdown: NOTES_MARKDOWN_OPTIONS,
    middleware: {
      // A refused rename is shown to the user, not logged as an [error] (see refusal.ts).
      provideRenameEdits: async (document, position, newName, token, next) => {
        if (!client) return next(document, position, newName, token);
        const params = {
          textDocument: client.code2ProtocolConverter.asTextDocumentIdentifier(document),
          position: client.code2ProtocolConverter.asPosition(position),
          newName,
        };
        let result;
        try {
          result = await client.sendRequest(RenameRequest.type, params, token);
        } catch (error) {
          const refusal = refusalMessage(error);
          if (refusal !== undefined) throw new Error(refusal);
          return next(document, position, newName, token);
        }
        if (token.isCancellationRequested) return undefined;
        return client.protocol2CodeConverter.asWorkspaceEdit(result, token);
      },
      // One outline per JSON file: VS Code's JSON outline already lists its keys.
      provideDocumentSymbols: (document, token, next) =>
        offersOutline(document.languageId, !!vscode.extensions.getExtension('vscode.json-language-features'))
          ? next(document, token)
          : undefined,
    },
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
    const shown = statusFor(kinds.has(uri), kinds.get(uri));
    if (!shown) {
      status.hide();
      return;
    }
    status.text = shown.text;
    status.tooltip = shown.tooltip;
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
  registerNewFileCommands(context);
  registerWordSuggestionsCommand(context);
  context.subscriptions.push(
    vscode.languages.setLanguageConfiguration('yaml', {
      onEnterRules: [{ beforeText: OPENS_BLOCK, action: { indentAction: vscode.IndentAction.Indent } }],
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
