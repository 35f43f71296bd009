/**
 * The façade of the transport-free language service: every feature is a pure function over a
 * TextDocument and its parsed tree, reached through these methods. The LSP server and the CLI
 * both use it; tests call it directly on strings.
 */
import { adviseDocument } from './features/advice/advice';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CodeActionContext,
  CompletionItem,
  CompletionList,
  Definition,
  Diagnostic,
  DocumentHighlight,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  Position,
  Range,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import { getCodeActions } from './features/codeActions/codeActions';
import { doComplete, resolveCompletionItem } from './features/completion/completion';
import { defaultSnippetsDir, SnippetLibrary } from './features/completion/snippets';
import type { ItemDefaultsSupport } from './features/completion/itemDefaults';
import { withItemDefaults } from './features/completion/itemDefaults';
import type { FeatureContext } from './features/featureContext';
import { findDefinition } from './features/navigation/definition';
import type { DocumentState } from './parsing/documentCache';
import { DEFAULT_CACHE_LIMITS, DocumentCache } from './parsing/documentCache';
import { findDocumentLinks } from './features/documentLinks';
import type { FileSystem } from './fileSystem';
import { getFoldingRanges } from './features/folding';
import { findDocumentHighlights } from './features/navigation/highlights';
import { doHover } from './features/hover/hover';
import type { Kind } from './kinds';
import { detectKind } from './kinds';
import { NotesIndex } from './notes/notes';
import type { NotesSnapshot } from './notes/snapshot';
import { parseIncremental } from './parsing/incrementalParse';
import { MAX_NESTING, nestingDepth } from './parsing/limits';
import { detectFormat, parse } from './parsing/parse';
import { findReferences } from './features/navigation/references';
import { doRename, prepareRename } from './features/navigation/rename';
import type { PrecompiledValidators } from './schemas/schemaStore';
import { SchemaStore } from './schemas/schemaStore';
import type { Settings } from './settings';
import { DEFAULT_SETTINGS } from './settings';
import { findDocumentSymbols } from './features/symbols/symbols';
import { suppress, validateDocument } from './rules/validation';

export interface LanguageServiceOptions {
  fs: FileSystem;
  /** Folder holding the `schemas/` tree. */
  schemaDir: string;
  /** Folder of the bundled notes (the project's `notes/`); user folders come from settings. */
  notesDir?: string;
  /** The bundled notes as parsed at build time (read on first use), for the files unchanged since. */
  prebuiltNotes?: () => NotesSnapshot | undefined;
  /** Folder of the bundled snippets; defaults to `snippets/` next to `schemaDir`. */
  snippetsDir?: string;
  settings?: Settings;
  /** Validators generated at build time; without them schemas are compiled on first use. */
  precompiled?: PrecompiledValidators;
  /**
   * Each document is seen once (the CLI): parse it whole, without cutting it into the chunks
   * that make re-parsing after an edit cheap, and keep only the last document's tree.
   */
  oneShot?: boolean;
  /** The clock for date-dependent checks (Lambda runtime deprecation); tests inject a fixed one. */
  now?: () => Date;
}

export interface LanguageService {
  configure(settings: Settings): void;
  readonly settings: Settings;
  readonly schemas: SchemaStore;
  readonly notes: NotesIndex;
  /** The cached parse and kind of a document (parsing it if this version is new). */
  getState(document: TextDocument): DocumentState;
  getKind(document: TextDocument): Kind | null;
  forget(uri: string): void;
  validate(document: TextDocument): Diagnostic[];
  doHover(document: TextDocument, position: Position): Hover | null;
  /** `itemDefaults`: the client's `completionList.itemDefaults` capability (smaller lists). */
  doComplete(document: TextDocument, position: Position, itemDefaults?: ItemDefaultsSupport): CompletionList;
  /** Adds what an item was sent without (documentation of resource types). */
  resolveCompletionItem(item: CompletionItem): CompletionItem;
  findDefinition(document: TextDocument, position: Position): Definition | null;
  findReferences(document: TextDocument, position: Position, includeDeclaration: boolean): Location[];
  prepareRename(document: TextDocument, position: Position): { range: Range; placeholder: string } | null;
  doRename(document: TextDocument, position: Position, newName: string): WorkspaceEdit | null;
  findDocumentHighlights(document: TextDocument, position: Position): DocumentHighlight[];
  findDocumentSymbols(document: TextDocument): DocumentSymbol[];
  getFoldingRanges(document: TextDocument): FoldingRange[];
  getCodeActions(document: TextDocument, range: Range, context: CodeActionContext): CodeAction[];
  findDocumentLinks(document: TextDocument): DocumentLink[];
}

/** A binary file (NUL bytes), one larger than the limit or nested too deeply is not parsed. */
function skipReason(text: string, format: 'yaml' | 'json', settings: Settings): string | undefined {
  if (text.length > settings.maxFileSize) {
    return `Not analysed: the file is ${(text.length / 1024 / 1024).toFixed(1)} MB, above the awsDevNotes.maxFileSize limit of ${(settings.maxFileSize / 1024 / 1024).toFixed(1)} MB.`;
  }
  if (text.slice(0, 8192).includes('\u0000')) return 'Not analysed: the file looks binary.';
  const nesting = nestingDepth(text, format);
  if (nesting.offset >= 0) {
    const line = lineOf(text, nesting.offset);
    return `Not analysed: values are nested more than ${MAX_NESTING} levels deep (line ${line}).`;
  }
  return undefined;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

export function getLanguageService(options: LanguageServiceOptions): LanguageService {
  let settings: Settings = options.settings ?? DEFAULT_SETTINGS;
  const now = options.now ?? (() => new Date());
  const schemas = new SchemaStore(options.fs, options.schemaDir, options.precompiled);
  const snippets = new SnippetLibrary(
    options.fs,
    options.snippetsDir ?? defaultSnippetsDir(options.schemaDir),
  );
  const notes = new NotesIndex(options.fs, options.notesDir ? [options.notesDir] : [], options.prebuiltNotes);
  notes.setUserFolders(settings.notesFolders);
  const previousKinds = new Map<string, Kind>();

  const cache = new DocumentCache(
    (document, previousState) => {
      const text = document.getText();
      const format = detectFormat(text, document.languageId, document.uri);
      const skipped = skipReason(text, format, settings);
      if (skipped) {
        return {
          version: document.version,
          parsed: { format, root: undefined, problems: [], text: '' },
          kind: null,
          skipped,
        };
      }
      const { parsed, cache: chunks } = options.oneShot
        ? { parsed: parse(text, format), cache: undefined }
        : parseIncremental(text, format, previousState?.chunks);
      let kind = detectKind(document.uri, parsed.root, settings.fileAssociations);
      // While an edit in progress breaks the syntax, keep the kind the document had.
      const previous = previousKinds.get(document.uri);
      if (!kind && previous && parsed.problems.some((p) => p.severity === 'error')) kind = previous;
      if (kind) previousKinds.set(document.uri, kind);
      else previousKinds.delete(document.uri);
      return { version: document.version, parsed, kind, chunks };
    },
    options.oneShot ? { entries: 1, textLength: 0 } : DEFAULT_CACHE_LIMITS,
  );

  const context = (document: TextDocument): FeatureContext => {
    const state = cache.get(document);
    return { document, state, schemas, notes, fs: options.fs, settings, now };
  };

  return {
    configure(next) {
      settings = next;
      notes.setUserFolders(next.notesFolders);
      cache.clear();
    },
    get settings() {
      return settings;
    },
    schemas,
    notes,
    getState: (document) => cache.get(document),
    getKind: (document) => cache.get(document).kind,
    forget(uri) {
      cache.delete(uri);
      previousKinds.delete(uri);
    },
    validate(document) {
      if (!settings.validationEnable) return [];
      const state = cache.get(document);
      const diagnostics = validateDocument(document, state, { schemas, fs: options.fs, settings, now });
      // The advice obeys the same suppressions as the rules (Metadata ignores, the setting).
      const advice = adviseDocument(context(document));
      return [...diagnostics, ...suppress(document, state.parsed, state.kind, advice, settings)];
    },
    doHover: (document, position) => doHover(context(document), position),
    doComplete: (document, position, itemDefaults) =>
      withItemDefaults(doComplete(context(document), position, snippets), itemDefaults),
    resolveCompletionItem: (item) => resolveCompletionItem(schemas, item),
    findDefinition: (document, position) => findDefinition(context(document), position),
    findReferences: (document, position, includeDeclaration) =>
      findReferences(context(document), position, includeDeclaration),
    prepareRename: (document, position) => prepareRename(context(document), position),
    doRename: (document, position, newName) => doRename(context(document), position, newName),
    findDocumentHighlights: (document, position) => findDocumentHighlights(context(document), position),
    findDocumentSymbols: (document) => findDocumentSymbols(context(document)),
    getFoldingRanges: (document) => getFoldingRanges(context(document)),
    getCodeActions: (document, range, actionContext) =>
      getCodeActions(context(document), range, actionContext),
    findDocumentLinks: (document) => findDocumentLinks(context(document)),
  };
}
