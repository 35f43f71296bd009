/** Quick-fix test helpers: the fixes of a diagnostic, one by title, the text after applying one. */
import assert from 'node:assert/strict';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { applyWorkspaceEdit } from './edits';
import { doc, service } from './helpers';

export interface Fixes {
  document: TextDocument;
  diagnostic: Diagnostic;
  actions: CodeAction[];
}

/** The quick fixes of the first diagnostic with a code; each must be a quick fix bound to it. */
export function fixes(text: string, code: string, name = 'template.yaml'): Fixes {
  const document = doc(text, name);
  const diagnostics = service().validate(document);
  const diagnostic = diagnostics.find((d) => d.code === code);
  assert.ok(diagnostic, `no ${code} in ${diagnostics.map((d) => String(d.code)).join(', ')}`);
  const actions = service().getCodeActions(document, diagnostic.range, { diagnostics: [diagnostic] });
  for (const action of actions) {
    assert.equal(action.kind, 'quickfix');
    assert.deepEqual(action.diagnostics, [diagnostic]);
  }
  return { document, diagnostic, actions };
}

export function titled(actions: CodeAction[], title: string): CodeAction {
  const action = actions.find((a) => a.title === title);
  assert.ok(action, `no '${title}' in ${actions.map((a) => a.title).join(' | ')}`);
  return action;
}

/** The document text after applying an action's edits. */
export function apply(document: TextDocument, action: CodeAction): string {
  return applyWorkspaceEdit(document, action.edit);
}

/** The diagnostic codes of a text, without positions. */
export function codesOf(text: string, name = 'template.yaml'): string[] {
  return service()
    .validate(doc(text, name))
    .map((d) => String(d.code));
}
