/** Document symbols (outline) for the four kinds. */
import type { FeatureContext } from './featureContext';
import type { DocumentSymbol } from 'vscode-languageserver-types';

export function findDocumentSymbols(_context: FeatureContext): DocumentSymbol[] {
  return [];
}
