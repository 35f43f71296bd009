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
import { workerData } from 'node:worker_threads';
import { AnalysisRunner, isAnalysisWorker, runAnalysisWorker } from './analysisWorker';
import { analysisBudgetMs, analysisStoppedDiagnostic, guardStalledDocuments } from './budget';
import { nodeFileSystem } from './nodeFileSystem';
import type { DocumentKindName } from './protocol';
import { AdaptiveDebounce } from './adaptiveDebounce';
import { loadPrecompiledValidators } from './precompiledValidators';
import { loadPrebuiltNotes, NOTES_INDEX } from './prebuiltNotes';
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
  const dirs = {
    schemaDir: path.join(extensionRoot, 'schemas'),
    notesDir: path.join(extensionRoot, 'notes'),
  };
  // Validation runs in a worker with a time budget; a document past it is "stalled" until a
  // later version is checked in time, and the main thread's features leave it alone (budget.ts).
  const analysis = new AnalysisRunner(__filename, dirs, analysisBudgetMs(), (m) =>
    connection.console.warn(m),
  );
  const stalled = new Set<string>();
  const service: LanguageService = guardStalledDocuments(
    getLanguageService({
      fs: nodeFileSystem,
      ...dirs,
      prebuiltNotes: loadPrebuiltNotes(path.join(__dirname, NOTES_INDEX)),
      precompiled: loadPrecompiledValidators(path.join(__dirname, 'validators')),
    }),
    (document) => stalled.has(document.uri),
  );
  const pending = new Map<string, NodeJS.Timeout>();
  const debounce = new AdaptiveDebounce();
  let completionItemDefaults: string[] | undefined;
  const lastKinds = new Map<string, string | null>();

  function applySettings(raw: unknown): void {
    const { settings, problems } = sanitizeSettings(raw);
    service.configure(settings);
    analysis.configure(raw);
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

  async function validateNow(document: TextDocument): Promise<void> {
    const { uri, languageId, version } = document;
    const started = performance.now();
    const outcome = await analysis.validate({ uri, languageId, version, text: document.getText() });
    debounce.validated(uri, performance.now() - started);
    // Never publish for a version that is no longer the document's (or a closed document).
    if (outcome.status === 'stale' || documents.get(uri)?.version !== version) return;
    if (outcome.status === 'timeout' || outcome.status === 'crashed') {
      stalled.add(uri);
      const crash = outcome.status === 'crashed' ? outcome.message : undefined;
      const stopped = analysisStoppedDiagnostic(analysis.budgetMs, crash);
      void connection.sendDiagnostics({ uri, version, diagnostics: [stopped] });
      return;
    }
    if (outcome.status === 'failed') {
      connection.console.error(`Error while validating ${uri}: ${outcome.message}`);
      return;
    }
    stalled.delete(uri);
    if (lastKinds.get(uri) !== outcome.kind) {
      lastKinds.set(uri, outcome.kind);
      void connection.sendNotification(DocumentKindChangedNotification, {
        uri,
        kind: outcome.kind as DocumentKindName | null,
      });
    }
    void connection.sendDiagnostics({ uri, version, diagnostics: outcome.diagnostics });
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
        if (current)
          void validateNow(current).catch((error: unknown) => {
            connection.console.error(formatError(`Error while validating ${current.uri}`, error));
          });
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
    stalled.delete(event.document.uri);
    analysis.forget(event.document.uri);
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
// The same bundle is the analysis worker when started as one (analysisWorker.ts).
if (isAnalysisWorker(workerData)) {
  runAnalysisWorker(workerData);
} else {
  process.on('uncaughtException', (error) => {
    console.error(formatError('Uncaught exception', error));
  });
  startServer(createConnection(ProposedFeatures.all));
}
