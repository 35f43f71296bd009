/**
 * Helpers the quick fixes share: the node a diagnostic points at, line arithmetic on the text,
 * the indentation of the document, and writing a value the way the original was written
 * (quoted or plain, YAML or JSON).
 */
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { CodeActionKind } from 'vscode-languageserver-types';
import type { AstNode, PropertyNode } from '../../ast';
import { getNodeAtOffset, keyOwner } from '../../ast';
import { yamlString } from '../completion/items';
import { indentUnit } from '../completion/yamlOutline';
import { outlineFor } from '../completion/yamlSite';
import type { FeatureContext } from '../featureContext';

export interface FixContext {
  context: FeatureContext;
  text: string;
  format: 'yaml' | 'json';
  root: AstNode | undefined;
}

export function fixContext(context: FeatureContext): FixContext {
  const text = context.document.getText();
  return { context, text, format: context.state.parsed.format, root: context.state.parsed.root };
}

/** The innermost node that starts exactly at an offset (a key, a value, or an object). */
export function nodeStartingAt(root: AstNode | undefined, offset: number): AstNode | undefined {
  let node = getNodeAtOffset(root, offset, false);
  while (node && node.offset !== offset) {
    const parent: AstNode | PropertyNode | undefined = node.parent;
    if (!parent) return undefined;
    node = parent.type === 'property' ? parent.parent : parent;
  }
  return node;
}

/** The node a diagnostic's range points at: one that starts there, or the innermost one containing it. */
export function nodeAtRange(fix: FixContext, start: number): AstNode | undefined {
  return nodeStartingAt(fix.root, start) ?? getNodeAtOffset(fix.root, start, false);
}

export function propertyOfKey(node: AstNode | undefined): PropertyNode | undefined {
  return keyOwner(node);
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

export function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end;
}

/** The offset just after the last non-blank character before `end`. */
export function trimmedEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1])) e--;
  return e;
}

/** The column of an offset. */
export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** The leading white space of the line holding an offset. */
export function lineIndent(text: string, offset: number): string {
  const start = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(start, start + 200))?.[0] ?? '';
}

/** The document's indentation step. */
export function unitOf(fix: FixContext): string {
  if (fix.format === 'yaml') return ' '.repeat(indentUnit(outlineFor(fix.text)));
  const match = /\n([ \t]+)\S/.exec(fix.text);
  return match ? match[1] : '  ';
}

/**
 * A value written like the text at [start, end) it replaces: with the same quotes; as it is inside
 * a string (a name within quotes); plain when that reads back as the same value.
 */
export function likeOriginal(fix: FixContext, start: number, end: number, value: string): string {
  if (/^"(?:[^"\\]|\\.)*"$/.test(value) || /^'(?:[^']|'')*'$/.test(value)) return value;
  const original = fix.text.slice(start, end);
  const first = original[0];
  if (original.length >= 2 && (first === '"' || first === "'") && original.endsWith(first)) {
    return first === '"' ? JSON.stringify(value) : `'${value.replace(/'/g, "''")}'`;
  }
  const before = fix.text[start - 1];
  if ((before === '"' || before === "'") && fix.text[end] === before) {
    return before === '"' ? JSON.stringify(value).slice(1, -1) : value.replace(/'/g, "''");
  }
  const literal = (s: string): boolean =>
    /^([-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?|true|false|null)$/.test(s);
  if (literal(original) && literal(value)) return value;
  return fix.format === 'json' ? JSON.stringify(value) : yamlString(value);
}

/** A key as the syntax writes it. */
export function keyText(fix: FixContext, key: string): string {
  return fix.format === 'json' ? JSON.stringify(key) : yamlString(key);
}

export function quickFix(
  title: string,
  diagnostics: Diagnostic[],
  uri: string,
  edits: TextEdit[],
  preferred = false,
): CodeAction {
  const action: CodeAction = {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics,
    edit: { changes: { [uri]: edits } },
  };
  if (preferred) action.isPreferred = true;
  return action;
}

export function edit(fix: FixContext, start: number, end: number, newText: string): TextEdit {
  const document = fix.context.document;
  return { range: { start: document.positionAt(start), end: document.positionAt(end) }, newText };
}
