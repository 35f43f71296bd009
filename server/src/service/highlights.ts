/** Document highlights: the other uses of the name under the cursor. */
import type { FeatureContext } from './featureContext';
import type { DocumentHighlight, Position } from 'vscode-languageserver-types';

export function findDocumentHighlights(_context: FeatureContext, _position: Position): DocumentHighlight[] {
  return [];
}
