/**
 * Custom requests and notifications between the client and the server, typed in one place.
 * The client imports this module too (it has no runtime dependency on the server).
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

export type DocumentKindName = 'cloudformation' | 'buildspec' | 'appspec' | 'ecs-task-definition';

export interface DocumentKindParams {
  uri: string;
}

/** The kind a document was recognised as (null: none of ours). */
export const DocumentKindRequest = new RequestType<DocumentKindParams, DocumentKindName | null, void>(
  'awsDevNotes/documentKind',
);

export interface DocumentKindChangedParams {
  uri: string;
  kind: DocumentKindName | null;
}

/** Sent whenever a document's detected kind is (re)computed. */
export const DocumentKindChangedNotification = new NotificationType<DocumentKindChangedParams>(
  'awsDevNotes/documentKindChanged',
);

/** A problem with the user's settings, to show once. */
export const SettingsProblemNotification = new NotificationType<{ message: string }>(
  'awsDevNotes/settingsProblem',
);

// ---------------------------------------------------------------------------------------------
// Notes: the sidebar, the search and opening a note (issue 4).

/** Where a note opens: its file and a 0-based line, and the preview anchor of the heading when known. */
export interface NoteLocation {
  path: string;
  line: number;
  fragment?: string;
}

export type NotesTreeNodeKind = 'group' | 'folder' | 'note' | 'heading' | 'bullet' | 'question' | 'message';

/** One node of the notes sidebar, shaped by the server; the client only maps it to a tree item. */
export interface NotesTreeNode {
  /** Unique and stable across refreshes (keeps the expansion state). */
  id: string;
  label: string;
  description?: string;
  /** Markdown. */
  tooltip?: string;
  kind: NotesTreeNodeKind;
  /** Opened on click. */
  target?: NoteLocation;
  children?: NotesTreeNode[];
  /** Shown expanded (groups, and everything while a filter is active). */
  expanded?: boolean;
}

export interface NotesFolderInfo {
  path: string;
  bundled: boolean;
  exists: boolean;
  noteCount: number;
}

export interface NotesTreeParams {
  /** The active editor's document, for the "Notes for this file" group. */
  uri?: string;
  /** Only headings and bullets containing these words. */
  filter?: string;
}

export interface NotesTreeResult {
  nodes: NotesTreeNode[];
  /** The folders indexed (the client watches the user's folders for changes). */
  folders: NotesFolderInfo[];
}

export const NotesTreeRequest = new RequestType<NotesTreeParams, NotesTreeResult, void>(
  'awsDevNotes/notesTree',
);

export interface NotesSearchItem {
  kind: 'heading' | 'bullet';
  label: string;
  /** The note and section it is in. */
  description?: string;
  target: NoteLocation;
}

export interface NotesSearchParams {
  /** What the user typed; without it, every heading and bullet in note order. */
  query?: string;
  /** At most this many items (default 50 with a query). */
  limit?: number;
}

/** The headings and bullets of the notes about a query, best first (search by meaning). */
export const NotesSearchRequest = new RequestType<NotesSearchParams, NotesSearchItem[], void>(
  'awsDevNotes/notesSearch',
);

/** The full location (with the preview anchor) of a line of a note. */
export const NoteLocationRequest = new RequestType<{ path: string; line: number }, NoteLocation, void>(
  'awsDevNotes/noteLocation',
);

export interface NotesWorkspaceParams {
  /** Workspace folder paths: relative `awsDevNotes.notes.folders` entries resolve against the first. */
  roots: string[];
  /** The home folder, for `~/…` entries. */
  home?: string;
}

/** The client tells where the user's relative note folders are. */
export const NotesWorkspaceNotification = new NotificationType<NotesWorkspaceParams>(
  'awsDevNotes/notesWorkspace',
);

/** Files or folders of notes changed on disk (from the client's file watchers): read them again. */
export const NotesChangedNotification = new NotificationType<{ paths: string[] }>('awsDevNotes/notesChanged');
