/** Go to definition of a Ref/GetAtt/Sub/DependsOn/Condition/FindInMap target. */
import type { FeatureContext } from './featureContext';
import type { Definition, Position } from 'vscode-languageserver-types';

export function findDefinition(_context: FeatureContext, _position: Position): Definition | null {
  return null;
}
