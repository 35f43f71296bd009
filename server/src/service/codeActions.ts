/** Quick fixes for diagnostics that carry a suggestion. */
import type { FeatureContext } from './featureContext';
import type { CodeAction, CodeActionContext, Range } from 'vscode-languageserver-types';

export function getCodeActions(_context: FeatureContext, _range: Range, _actionContext: CodeActionContext): CodeAction[] {
  return [];
}
