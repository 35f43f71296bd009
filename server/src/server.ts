/**
 * LSP wiring only: the connection (IPC from the extension, or `--stdio`), the open documents,
 * and handlers that look up the document and delegate to the language service.
 */
import * as path from 'node:path';
import type { Connection, InitializeParams, InitializeResult } from 'vscode-languageserver/node';
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AdaptiveDebounce } from './adaptiveDebounce';
import { nodeFileSystem } from './nodeFileSystem';
import { loadPrecompiledValidators } from './precompiledValidators';
import {
  DocumentKindChangedNotification,
  DocumentKindRequest,
  NoteLocationRequest,
  NotesChangedNotification,
  NotesSearchRequest,
  NotesTreeRequest,
  NotesWorkspaceNotification,
  SettingsProblemNotification,
} from './protocol';
import { formatError, runSafe } from './runner';
import type { LanguageService } from './service/languageService';
import { getLanguageService } from './service/languageService';
import { buildNotesTree, notesSearchItems } from './service/notes/tree';
import { sanitizeSettings } from './service/settings';

/** The extension's root folder: dist/server.js sits one level below it. */
const extensionRoot = path.resolve(__dirname, '..');

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const service: LanguageService = getLanguageService({
    fs: nodeFileSystem,
    schemaDir: path.join(extensionRoot, 'schemas'),
    notesDir: path.join(extensionRoot, 'notes'),
    precompiled: loadPrecompiledValidators(path.join(__dirname, 'validators')),
  });
  const pending = new Map<string, NodeJS.Timeout>();
  const debounce = new AdaptiveDebounce();
  let completionItemDefaults: string[] | undefined;
  const lastKinds = new Map<string, string | null>();

  function applySettings(raw: unknown): void {
    const { settings, problems } = sanitizeSettings(raw);
    service.configure(settings);
    for (const message of problems) {
      connection.console.warn(message);
      void connection.sendNotification(SettingsProblemNotification, { message });
    }
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    completionItemDefaults = params.capabilities.textDocument?.completion?.completionList?.itemDefaults;
    const options = params.initializationOptions as { settings?: unknown } | undefined;
    applySettings(options?.settings);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: {
          triggerCharacters: [':', ' ', '!', '.', '{', '"', '-', '$'],
          resolveProvider: true,
        },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentHighlightProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        documentLinkProvider: { resolveProvider: false },
      },
      serverInfo: { name: 'aws-dev-notes', version: '0.1.0' },
    };
  });

  connection.onDidChangeConfiguration((change) => {
    const settings = change.settings as { awsDevNotes?: unknown } | undefined;
    applySettings(settings?.awsDevNotes);
    for (const document of documents.all()) scheduleValidation(document, 0);
  });

  function validateNow(document: TextDocument): void {
    try {
      const started = performance.now();
      const diagnostics = service.validate(document);
      debounce.validated(document.uri, performance.now() - started);
      const kind = service.getKind(document);
      if (lastKinds.get(document.uri) !== kind) {
        lastKinds.set(document.uri, kind);
        void connection.sendNotification(DocumentKindChangedNotification, { uri: document.uri, kind });
      }
      void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
    } catch (error) {
      connection.console.error(formatError(`Error while validating ${document.uri}`, error));
    }
    for (const problem of service.schemas.problems.splice(0)) connection.console.error(problem);
  }

  function scheduleValidation(document: TextDocument, delay = debounce.edited(document.uri)): void {
    const existing = pending.get(document.uri);
    if (existing) clearTimeout(existing);
    pending.set(
      document.uri,
      setTimeout(() => {
        pending.delete(document.uri);
        const current = documents.get(document.uri);
        if (current) validateNow(current);
      }, delay),
    );
  }

  documents.onDidOpen((event) => scheduleValidation(event.document, 0));
  documents.onDidChangeContent((event) => scheduleValidation(event.document));
  documents.onDidClose((event) => {
    const timer = pending.get(event.document.uri);
    if (timer) clearTimeout(timer);
    pending.delete(event.document.uri);
    debounce.forget(event.document.uri);
    lastKinds.delete(event.document.uri);
    service.forget(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onRequest(DocumentKindRequest, ({ uri }) => {
    const document = documents.get(uri);
    return document ? service.getKind(document) : null;
  });

  // Notes (sidebar, search, opening a note at a heading, the user's folders): delegate to the notes index.
  const notesProblems = (): void => {
    for (const problem of service.notes.problems.splice(0)) connection.console.warn(problem);
  };
  connection.onRequest(NotesTreeRequest, ({ uri, filter }, token) => {
    const document = uri ? documents.get(uri) : undefined;
    const result = runSafe(
      connection,
      () => ({
        nodes: buildNotesTree(service.notes, {
          filter,
          document: document && { uri: document.uri, state: service.getState(document) },
          knownType: (type) => service.schemas.hasResourceType(type),
        }),
        folders: service.notes.folderInfos(),
      }),
      { nodes: [], folders: [] },
      'building the notes tree',
      token,
    );
    notesProblems();
    return result;
  });
  connection.onRequest(NotesSearchRequest, (params, token) =>
    runSafe(
      connection,
      () => notesSearchItems(service.notes, params ?? {}),
      [],
      'searching the notes',
      token,
    ),
  );
  connection.onRequest(NoteLocationRequest, ({ path: notePath, line }, token) =>
    runSafe(
      connection,
      () => service.notes.target(notePath, line),
      { path: notePath, line },
      'locating a note',
      token,
    ),
  );
  connection.onNotification(NotesWorkspaceNotification, (workspace) => service.notes.setWorkspace(workspace));
  connection.onNotification(NotesChangedNotification, ({ paths }) => service.notes.invalidate(paths));

  connection.onHover((params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    return runSafe(
      connection,
      () => service.doHover(document, params.position),
      null,
      'computing hover',
      token,
    );
  });
  connection.onCompletion((params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    return runSafe(
      connection,
      () => service.doComplete(document, params.position, completionItemDefaults),
      null,
      'computing completion',
      token,
    );
  });
  connection.onCompletionResolve((item, token) =>
    runSafe(
      connection,
      () => service.resolveCompletionItem(item),
      item,
      'resolving a completion item',
      token,
    ),
  );
  connection.onDefinition((params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    return runSafe(
      connection,
      () => service.findDefinition(document, params.position),
      null,
      'finding definition',
      token,
    );
  });
  connection.onReferences((params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    return runSafe(
      connection,
      () => service.findReferences(document, params.position, params.context.includeDeclaration),
      [],
      'finding references',
      token,
    );
  });
  connection.onPrepareRename((params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    return runSafe(
      connection,
      () => service.prepareRename(document, params.position),
      null,
      'preparing rename',
      token,
    );
  });
  connection.onRenameRequest((params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    return runSafe(
      connection,
      () => service.doRename(document, params.position, params.newName),
      null,
      'renaming',
      token,
    );
  });
  connection.onDocumentHighlight((params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    return runSafe(
      connection,
      () => service.findDocumentHighlights(document, params.position),
      [],
      'highlighting',
      token,
    );
  });
  connection.onDocumentSymbol((params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    return runSafe(connection, () => service.findDocumentSymbols(document), [], 'computing symbols', token);
  });
  connection.onFoldingRanges((params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    return runSafe(
      connection,
      () => service.getFoldingRanges(document),
      [],
      'computing folding ranges',
      token,
    );
  });
  connection.onCodeAction((params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    return runSafe(
      connection,
      () => service.getCodeActions(document, params.range, params.context),
      [],
      'computing code actions',
      token,
    );
  });
  connection.onDocumentLinks((params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    return runSafe(
      connection,
      () => service.findDocumentLinks(document),
      [],
      'computing document links',
      token,
    );
  });

  documents.listen(connection);
  connection.listen();
}

// `node dist/server.js --stdio` (or --node-ipc / --socket from the extension): the connection
// reads its transport from the command line.
process.on('uncaughtException', (error) => {
  console.error(formatError('Uncaught exception', error));
});
startServer(createConnection(ProposedFeatures.all));
