/**
 * Folding ranges of objects and lists that span more than one line, in YAML (block and flow
 * style) and JSON, and of YAML multi-line strings (block scalars). A YAML range starts on the
 * key's line and ends on the last line of the value; a JSON range ends on the line before its
 * closing bracket, so that the bracket stays visible when folded.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FoldingRange } from 'vscode-languageserver-types';
import type { AstNode } from '../ast';
import type { FeatureContext } from './featureContext';

export function getFoldingRanges(context: FeatureContext): FoldingRange[] {
  const { parsed } = context.state;
  const root = parsed.root;
  if (!root || !context.state.kind) return [];
  const document = context.document;
  const text = parsed.text;
  const json = parsed.format === 'json';
  const byStart = new Map<number, number>();
  const add = (startOffset: number, node: AstNode): void => {
    if (node.offset < startOffset) return; // a YAML alias: its value is elsewhere
    const startLine = document.positionAt(startOffset).line;
    let endLine = lastLine(document, text, node);
    if (json && (node.type === 'object' || node.type === 'array')) endLine -= 1;
    if (endLine <= startLine) return;
    const existing = byStart.get(startLine);
    if (existing === undefined || existing < endLine) byStart.set(startLine, endLine);
  };
  const foldable = (node: AstNode | undefined): node is AstNode =>
    !!node && (node.type === 'object' || node.type === 'array' || (!json && node.type === 'string'));

  const stack: AstNode[] = [root];
  const seen = new Set<AstNode>();
  if (json) add(root.offset, root);
  while (stack.length) {
    const node = stack.pop() as AstNode;
    if (seen.has(node)) continue;
    seen.add(node);
    if (node.type === 'object') {
      for (const property of node.properties) {
        const value = property.value;
        if (!value) continue;
        if (foldable(value)) add(property.key.offset, value);
        stack.push(value);
      }
    } else if (node.type === 'array') {
      for (const item of node.items) {
        if (foldable(item) && item.type !== 'string') add(item.offset, item);
        stack.push(item);
      }
    }
  }
  return [...byStart.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([startLine, endLine]) => ({ startLine, endLine }));
}

/** The line of a node's last character that is not white space. */
function lastLine(document: TextDocument, text: string, node: AstNode): number {
  let end = node.offset + node.length;
  while (end > node.offset && /\s/.test(text.charAt(end - 1))) end--;
  return document.positionAt(Math.max(end - 1, node.offset)).line;
}
