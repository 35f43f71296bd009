/** Folding ranges of objects and lists. */
import type { FeatureContext } from './featureContext';
import type { FoldingRange } from 'vscode-languageserver-types';

export function getFoldingRanges(_context: FeatureContext): FoldingRange[] {
  return [];
}
