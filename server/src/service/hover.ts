/** Hover: documentation of what is under the cursor, and the notes about it. (Filled in by the hover issue.) */
import type { FeatureContext } from './featureContext';
import type { Hover, Position } from 'vscode-languageserver-types';

export function doHover(_context: FeatureContext, _position: Position): Hover | null {
  return null;
}
