/**
 * Rename of parameters, resources, conditions, mappings (and a Fn::Sub's own variables)
 * everywhere they are used. The edits touch exactly the names: in `!GetAtt A.B` only `A`, in
 * `${A.B}` only `A`, inside quotes only the text between them.
 *
 * prepareRename answers null where the cursor is on no name, and throws a RenameError that says
 * why for a name that cannot be renamed (a pseudo-parameter, a name that is not defined); doRename
 * throws a RenameError for an invalid or clashing new name. The server passes a RenameError's
 * message to the editor, which shows it.
 */
import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { NameTarget } from './navigation';
import { occurrences, rangeOf, targetAt } from './navigation';
import type { Template } from '../../rules/cloudformation/template';
import type { FeatureContext } from '../featureContext';

/** A refusal the editor shows to the user (the server sends its message as the request's error). */
export class RenameError extends Error {
  override name = 'UserFacingError';
}

const RENAMEABLE = new Set<NameTarget['kind']>([
  'parameter',
  'resource',
  'condition',
  'mapping',
  'output',
  'sub-variable',
]);
const LOGICAL_ID = /^[A-Za-z0-9]+$/;
const SUB_VARIABLE = /^[A-Za-z0-9_]+$/;

export function prepareRename(
  context: FeatureContext,
  position: Position,
): { range: Range; placeholder: string } | null {
  const found = targetAt(context, position);
  if (!found) return null;
  if (found.target.kind === 'pseudo') {
    throw new RenameError(
      `${found.target.name} is a pseudo-parameter: CloudFormation defines it, so it cannot be renamed.`,
    );
  }
  if (found.target.kind === 'unresolved') {
    throw new RenameError(
      `'${found.target.name}' is not defined in this template, so there is nothing to rename.`,
    );
  }
  if (!RENAMEABLE.has(found.target.kind) || !found.target.definition) return null;
  return { range: rangeOf(context.document, found.target.span), placeholder: found.target.name };
}

export function doRename(context: FeatureContext, position: Position, newName: string): WorkspaceEdit | null {
  const found = targetAt(context, position);
  if (!found || !RENAMEABLE.has(found.target.kind) || !found.target.definition) return null;
  const { template, target } = found;
  const name = newName.trim();
  checkNewName(template, target, name);
  if (name === target.name) return { changes: { [context.document.uri]: [] } };
  const edits: TextEdit[] = occurrences(template, found.text, target).map((o) => ({
    range: rangeOf(context.document, o.span),
    newText: name,
  }));
  return { changes: { [context.document.uri]: edits } };
}

function checkNewName(template: Template, target: NameTarget, name: string): void {
  if (target.kind === 'sub-variable') {
    if (!SUB_VARIABLE.test(name))
      throw new RenameError(
        `'${name}' is not a valid Fn::Sub variable name: use letters, digits and underscores.`,
      );
    return;
  }
  if (!LOGICAL_ID.test(name)) {
    throw new RenameError(`'${name}' is not a valid logical ID: use only letters A–Z, a–z and digits 0–9.`);
  }
  if (name.length > 255) throw new RenameError('Logical IDs can be at most 255 characters long.');
  if (name === target.name) return;
  const taken =
    target.kind === 'parameter' || target.kind === 'resource'
      ? template.parameters.has(name) || template.resources.has(name)
      : target.kind === 'condition'
        ? template.conditions.has(name)
        : target.kind === 'mapping'
          ? template.mappings.has(name)
          : template.outputs.has(name);
  if (taken) throw new RenameError(`'${name}' is already defined in this template.`);
}
