/** Document highlights: the definition (write) and every use (read) of the name under the cursor. */
import type { DocumentHighlight, Position } from 'vscode-languageserver-types';
import { DocumentHighlightKind } from 'vscode-languageserver-types';
import { occurrences, rangeOf, targetAt } from './navigation';
import type { FeatureContext } from '../featureContext';

export function findDocumentHighlights(context: FeatureContext, position: Position): DocumentHighlight[] {
  const found = targetAt(context, position);
  if (!found) return [];
  return occurrences(found.template, found.text, found.target).map((o) => ({
    range: rangeOf(context.document, o.span),
    kind: o.isDefinition ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}
