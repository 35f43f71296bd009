/** Rename of parameters, resources, conditions and mappings everywhere they are used. */
import type { Position, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import type { FeatureContext } from './featureContext';

export function prepareRename(_context: FeatureContext, _position: Position): { range: Range; placeholder: string } | null {
  return null;
}

export function doRename(_context: FeatureContext, _position: Position, _newName: string): WorkspaceEdit | null {
  return null;
}
