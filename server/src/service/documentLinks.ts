/** Document links (appspec hook scripts). */
import type { FeatureContext } from './featureContext';
import type { DocumentLink } from 'vscode-languageserver-types';

export function findDocumentLinks(_context: FeatureContext): DocumentLink[] {
  return [];
}
