/** Completion: keys, values and references at the cursor. (Filled in by the template-intelligence issue.) */
import type { FeatureContext } from './featureContext';
import type { CompletionList, Position } from 'vscode-languageserver-types';

export function doComplete(_context: FeatureContext, _position: Position): CompletionList {
  return { isIncomplete: false, items: [] };
}
