/**
 * The notes sidebar: a tree the server shapes (notes for the active file, open questions, the
 * bundled notes and the user's folders), a filter, a search quick pick, and the command that
 * opens a note at a heading. The client keeps no logic of its own beyond mapping nodes to tree
 * items, watching the user's folders, and telling the server where the workspace is.
 */
import * as os from 'node:os';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { State } from 'vscode-languageclient/node';
import type { NotesFolderInfo, NotesTreeNode, NotesTreeNodeKind } from '../../server/src/protocol';
import {
  NotesChangedNotification,
  NotesSearchRequest,
  NotesTreeRequest,
  NotesWorkspaceNotification,
} from '../../server/src/protocol';
import { openNote, OPEN_NOTE_COMMAND } from './notesOpen';
import type { SearchPick } from './notesSearch';
import { LiveSearch } from './notesSearch';

export const NOTES_VIEW_ID = 'awsDevNotes.notes';
export const SEARCH_NOTES_COMMAND = 'awsDevNotes.searchNotes';
const FILTERED_CONTEXT = 'awsDevNotes.notesFiltered';

/** Hover Markdown from the server may only run the open-note command (for `clientOptions.markdown`). */
export const NOTES_MARKDOWN_OPTIONS = {
  isTrusted: { enabledCommands: [OPEN_NOTE_COMMAND, SEARCH_NOTES_COMMAND] },
  supportHtml: false,
};

const ICONS: Record<NotesTreeNodeKind, string> = {
  group: 'library',
  folder: 'folder',
  note: 'book',
  heading: 'list-tree',
  bullet: 'circle-small',
  question: 'question',
  message: 'info',
};

function toTreeItem(node: NotesTreeNode): vscode.TreeItem {
  const state = node.children?.length
    ? node.expanded
      ? vscode.TreeItemCollapsibleState.Expanded
      : vscode.TreeItemCollapsibleState.Collapsed
    : vscode.TreeItemCollapsibleState.None;
  const item = new vscode.TreeItem(node.label, state);
  item.id = node.id;
  item.description = node.description;
  if (node.tooltip) item.tooltip = new vscode.MarkdownString(node.tooltip);
  item.iconPath = new vscode.ThemeIcon(ICONS[node.kind]);
  item.contextValue = node.kind;
  if (node.target)
    item.command = { command: OPEN_NOTE_COMMAND, title: 'Open Note', arguments: [node.target] };
  return item;
}

class NotesTreeProvider implements vscode.TreeDataProvider<NotesTreeNode> {
  private nodes: NotesTreeNode[] = [];
  private readonly changed = new vscode.EventEmitter<NotesTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  set(nodes: NotesTreeNode[]): void {
    this.nodes = nodes;
    this.changed.fire(undefined);
  }

  getChildren(node?: NotesTreeNode): NotesTreeNode[] {
    return node ? (node.children ?? []) : this.nodes;
  }

  getTreeItem(node: NotesTreeNode): vscode.TreeItem {
    return toTreeItem(node);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Watches the user's note folders and tells the server which files changed. */
class FolderWatchers implements vscode.Disposable {
  private watched = '';
  private watchers: vscode.Disposable[] = [];
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly onChange: (paths: string[]) => void) {}

  update(folders: NotesFolderInfo[]): void {
    const paths = folders.filter((f) => !f.bundled && f.exists).map((f) => f.path);
    const key = paths.join('\n');
    if (key === this.watched) return;
    this.watched = key;
    this.disposeWatchers();
    for (const folder of paths) {
      const watcher = vscode.workspace.createFileSystemWatcher(
        new vscode.RelativePattern(vscode.Uri.file(folder), '**/*.{md,markdown}'),
      );
      const changed = (uri: vscode.Uri): void => this.queue(uri.fsPath);
      this.watchers.push(
        watcher,
        watcher.onDidChange(changed),
        watcher.onDidCreate(changed),
        watcher.onDidDelete(changed),
      );
    }
  }

  private queue(path: string): void {
    this.pending.add(path);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const paths = [...this.pending];
      this.pending.clear();
      this.onChange(paths);
    }, 300);
  }

  private disposeWatchers(): void {
    for (const watcher of this.watchers) watcher.dispose();
    this.watchers = [];
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.disposeWatchers();
  }
}

/** Registers the view and its commands; returns the tree's data provider (see `AwsDevNotesApi`). */
export function registerNotesView(
  context: vscode.ExtensionContext,
  client: LanguageClient,
): vscode.TreeDataProvider<NotesTreeNode> {
  const provider = new NotesTreeProvider();
  const view = vscode.window.createTreeView(NOTES_VIEW_ID, {
    treeDataProvider: provider,
    showCollapseAll: true,
  });
  let filter = '';
  let folders: NotesFolderInfo[] = [];
  let timer: NodeJS.Timeout | undefined;
  // "Notes for this file" follows the last file edited: reading a note (its preview or its
  // Markdown) keeps the notes of the template it was opened from.
  let documentUri = vscode.window.activeTextEditor?.document.uri.toString();
  const follow = (editor: vscode.TextEditor | undefined): void => {
    if (editor && editor.document.languageId !== 'markdown') documentUri = editor.document.uri.toString();
  };

  const refreshNow = async (): Promise<void> => {
    if (!client.isRunning()) return;
    try {
      const result = await client.sendRequest(NotesTreeRequest, {
        uri: documentUri,
        filter: filter || undefined,
      });
      folders = result.folders;
      watchers.update(folders);
      provider.set(result.nodes);
    } catch {
      // The server is restarting; the next event refreshes the tree.
    }
  };
  const refresh = (delay = 150): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void refreshNow(), delay);
  };
  const watchers = new FolderWatchers((paths) => {
    void client.sendNotification(NotesChangedNotification, { paths }).then(() => refresh(0));
  });

  const sendWorkspace = async (): Promise<void> => {
    if (!client.isRunning()) return;
    const roots = (vscode.workspace.workspaceFolders ?? [])
      .filter((f) => f.uri.scheme === 'file')
      .map((f) => f.uri.fsPath);
    await client.sendNotification(NotesWorkspaceNotification, { roots, home: os.homedir() });
  };

  const setFilter = async (value: string): Promise<void> => {
    filter = value.trim();
    view.message = filter ? `Showing what contains "${filter}"` : undefined;
    await vscode.commands.executeCommand('setContext', FILTERED_CONTEXT, !!filter);
    refresh(0);
  };

  context.subscriptions.push(
    view,
    provider,
    watchers,
    { dispose: () => timer && clearTimeout(timer) },
    vscode.commands.registerCommand(OPEN_NOTE_COMMAND, (arg: unknown) => openNote(client, arg)),
    vscode.commands.registerCommand(SEARCH_NOTES_COMMAND, (query?: unknown) => searchNotes(client, query)),
    vscode.commands.registerCommand('awsDevNotes.filterNotes', async () => {
      const value = await vscode.window.showInputBox({
        prompt: 'Show only the notes, sections and bullets containing these words',
        value: filter,
        placeHolder: 'e.g. visibility timeout',
      });
      if (value !== undefined) await setFilter(value);
    }),
    vscode.commands.registerCommand('awsDevNotes.clearNotesFilter', () => setFilter('')),
    vscode.commands.registerCommand('awsDevNotes.refreshNotes', async () => {
      await client.sendNotification(NotesChangedNotification, { paths: folders.map((f) => f.path) });
      refresh(0);
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      follow(editor);
      refresh();
    }),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (view.visible && event.document.uri.toString() === documentUri) refresh(1000);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      if (document.uri.toString() === documentUri) refresh();
    }),
    view.onDidChangeVisibility(({ visible }) => visible && refresh(0)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('awsDevNotes.notes')) refresh(300);
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void sendWorkspace().then(() => refresh(0))),
    client.onDidChangeState(({ newState }) => {
      if (newState === State.Running) void sendWorkspace().then(() => refresh(0));
    }),
  );
  void vscode.commands.executeCommand('setContext', FILTERED_CONTEXT, false);
  void sendWorkspace().then(() => refresh(0));
  return provider;
}

/**
 * The notes search: a quick pick that asks the server as the user types (best first, by meaning),
 * optionally started with a query (the hover's "N more in your notes" link); a pick opens the note
 * at that heading or bullet.
 */
async function searchNotes(client: LanguageClient, initial?: unknown): Promise<void> {
  const query =
    typeof initial === 'string'
      ? initial
      : Array.isArray(initial) && typeof initial[0] === 'string'
        ? initial[0]
        : '';
  const quickPick = vscode.window.createQuickPick<SearchPick>();
  quickPick.placeholder = 'Search your notes: words, AWS names, abbreviations (typos are fine)';
  quickPick.matchOnDescription = true;
  const live = new LiveSearch({
    search: (text) => client.sendRequest(NotesSearchRequest, { query: text, limit: 50 }),
    show: (picks) => {
      quickPick.items = picks;
    },
    busy: (busy) => {
      quickPick.busy = busy;
    },
    failed: (error) => {
      quickPick.placeholder = `The notes search failed: ${String(error)}`;
    },
  });
  const chosen = await new Promise<SearchPick | undefined>((resolve) => {
    quickPick.onDidChangeValue((value) => live.update(value));
    quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0]));
    quickPick.onDidHide(() => resolve(undefined));
    quickPick.value = query;
    live.update(query, true);
    quickPick.show();
  });
  live.dispose();
  quickPick.dispose();
  if (chosen) await openNote(client, chosen.target);
}
