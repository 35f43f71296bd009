/** What an editor feature (hover, completion, navigation, …) gets for one document. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentState } from '../parsing/documentCache';
import type { FileSystem } from '../fileSystem';
import type { NotesIndex } from '../notes/notes';
import type { SchemaStore } from '../schemas/schemaStore';
import type { Settings } from '../settings';

export interface FeatureContext {
  document: TextDocument;
  state: DocumentState;
  schemas: SchemaStore;
  notes: NotesIndex;
  fs: FileSystem;
  settings: Settings;
  /** The clock (Lambda runtime states in hover and completion agree with the diagnostics). */
  now: () => Date;
}
