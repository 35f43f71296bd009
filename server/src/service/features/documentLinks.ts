/**
 * Document links: in an appspec file, each hook script `location` that exists next to the file
 * becomes a link that opens the script.
 */
import type { DocumentLink } from 'vscode-languageserver-types';
import type { StringNode } from '../ast';
import { lookUpScript, scriptLocations } from '../rules/appspec/scripts';
import type { FeatureContext } from './featureContext';
import { uriPath } from '../kinds';

/** The range of a string's characters, without its quotes. */
function innerSpan(node: StringNode, text: string): { offset: number; length: number } {
  const first = text[node.offset];
  if (node.quoted && node.length >= 2 && (first === '"' || first === "'")) {
    return { offset: node.offset + 1, length: node.length - 2 };
  }
  return { offset: node.offset, length: node.length };
}

/** The file URI of a path relative to the folder of the document. */
function siblingUri(documentUri: string, relative: string): string | undefined {
  try {
    return new URL(relative.split('/').map(encodeURIComponent).join('/'), documentUri).href;
  } catch {
    return undefined;
  }
}

export function findDocumentLinks(context: FeatureContext): DocumentLink[] {
  const { document, state, fs } = context;
  const root = state.parsed.root;
  if (state.kind !== 'appspec' || !root || !document.uri.startsWith('file:')) return [];
  const documentPath = uriPath(document.uri);
  const links: DocumentLink[] = [];
  for (const location of scriptLocations(root)) {
    const lookup = lookUpScript(fs, documentPath, location.value);
    if (lookup.status !== 'found' && lookup.status !== 'case') continue;
    const relative = lookup.path.slice(documentPath.replace(/\/[^/]*$/, '').length + 1);
    const target = siblingUri(document.uri, relative);
    if (!target) continue;
    const span = innerSpan(location, state.parsed.text);
    links.push({
      range: { start: document.positionAt(span.offset), end: document.positionAt(span.offset + span.length) },
      target,
      tooltip: `Open ${relative}`,
    });
  }
  return links;
}
