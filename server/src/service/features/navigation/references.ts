/** Find all references of a parameter, resource, condition or mapping (Fn::Sub strings included). */
import type { Location, Position } from 'vscode-languageserver-types';
import { occurrences, rangeOf, targetAt } from './navigation';
import type { FeatureContext } from '../featureContext';

export function findReferences(
  context: FeatureContext,
  position: Position,
  includeDeclaration: boolean,
): Location[] {
  const found = targetAt(context, position);
  if (!found || found.target.kind === 'mapping-key') return [];
  return occurrences(found.template, found.text, found.target)
    .filter((o) => includeDeclaration || !o.isDefinition)
    .map((o) => ({ uri: context.document.uri, range: rangeOf(context.document, o.span) }));
}
