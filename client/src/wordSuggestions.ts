/**
 * The command *Turn Off Word Suggestions for YAML and JSON (Workspace)*: VS Code's word-based
 * suggestions (words of other open files) show where our server proposes nothing, such as free
 * text. Only this explicit command changes that, and only in the workspace settings, for the
 * `[yaml]` and `[json]` languages (the user's own settings are never touched).
 */
import * as vscode from 'vscode';

export const WORD_SUGGESTION_LANGUAGES = ['yaml', 'json'] as const;

export async function turnOffWordSuggestions(): Promise<void> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage(
      'Open a folder first: word suggestions are turned off in the workspace settings.',
    );
    return;
  }
  for (const languageId of WORD_SUGGESTION_LANGUAGES) {
    const editor = vscode.workspace.getConfiguration('editor', { languageId });
    await editor.update('wordBasedSuggestions', 'off', vscode.ConfigurationTarget.Workspace, true);
  }
  void vscode.window.showInformationMessage(
    'Word suggestions are off for YAML and JSON files in this workspace ("[yaml]" and "[json]" in the workspace settings).',
  );
}

export function registerWordSuggestionsCommand(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('awsDevNotes.turnOffWordSuggestions', turnOffWordSuggestions),
  );
}
