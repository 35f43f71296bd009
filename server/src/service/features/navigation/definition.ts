/** Go to definition of a Ref/GetAtt/Sub/DependsOn/Condition/FindInMap target: its logical-ID key. */
import type { Definition, Position } from 'vscode-languageserver-types';
import { nameSpan } from '../../rules/cloudformation/references';
import { rangeOf, targetAt } from './navigation';
import type { FeatureContext } from '../featureContext';

export function findDefinition(context: FeatureContext, position: Position): Definition | null {
  const found = targetAt(context, position);
  if (!found?.target.definition) return null;
  return {
    uri: context.document.uri,
    range: rangeOf(context.document, nameSpan(found.target.definition, found.text)),
  };
}
