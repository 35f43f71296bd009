/** Find all references of a parameter, resource, condition or mapping. */
import type { FeatureContext } from './featureContext';
import type { Location, Position } from 'vscode-languageserver-types';

export function findReferences(_context: FeatureContext, _position: Position, _includeDeclaration: boolean): Location[] {
  return [];
}
