/** What a validation rule gets: the document, its tree, the schemas, the file system and a collector. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AstNode } from '../ast';
import type { DiagnosticCollector } from '../diagnostics';
import type { FileSystem } from '../fileSystem';
import type { Kind } from '../kinds';
import type { ParsedDocument } from '../parsing/parse';
import type { SchemaStore } from '../schemas/schemaStore';
import type { Settings } from '../settings';

export interface ValidationContext {
  document: TextDocument;
  parsed: ParsedDocument;
  root: AstNode;
  kind: Kind;
  schemas: SchemaStore;
  fs: FileSystem;
  settings: Settings;
  collector: DiagnosticCollector;
  /** The document's file-system path (for relative file checks), if it has one. */
  documentPath: string | undefined;
  /** The current time (injected so tests can fix the date; date-dependent rules read it). */
  now: () => Date;
}

export type Rule = (context: ValidationContext) => void;
