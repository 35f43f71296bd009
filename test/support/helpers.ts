/** Shared test helpers: the repo root, a service over the real schemas, and `|` cursor documents. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import { nodeFileSystem } from '../../server/src/nodeFileSystem';
import type { FileSystem } from '../../server/src/service/fileSystem';
import type { LanguageService } from '../../server/src/service/languageService';
import { getLanguageService } from '../../server/src/service/languageService';
import type { Settings } from '../../server/src/service/settings';

function findRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json')) || !fs.existsSync(path.join(dir, 'schemas'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No repository root above ${start}`);
    dir = parent;
  }
  return dir;
}

export const ROOT = findRoot(__dirname);

let shared: LanguageService | undefined;

/** The day the tests run on (date-dependent checks such as Lambda runtime deprecation read it). */
export const TEST_NOW = new Date('2026-11-20T12:00:00Z');

/** A language service over the repository's schemas and notes (shared: schemas compile once). */
export function service(): LanguageService {
  shared ??= getLanguageService({
    fs: nodeFileSystem,
    schemaDir: path.join(ROOT, 'schemas'),
    notesDir: path.join(ROOT, 'notes'),
    now: () => TEST_NOW,
  });
  return shared;
}

/** A fresh service with its own settings and file system (for settings/fs-dependent tests). */
export function serviceWith(options: {
  settings?: Settings;
  fs?: FileSystem;
  now?: () => Date;
}): LanguageService {
  return getLanguageService({
    fs: options.fs ?? nodeFileSystem,
    schemaDir: path.join(ROOT, 'schemas'),
    notesDir: path.join(ROOT, 'notes'),
    settings: options.settings,
    now: options.now ?? (() => TEST_NOW),
  });
}

let counter = 0;

export function doc(text: string, name = 'template.yaml', languageId?: string): TextDocument {
  const lang = languageId ?? (name.endsWith('.json') ? 'json' : 'yaml');
  return TextDocument.create(`file:///test/${counter++}/${name}`, lang, 1, text);
}

/** A document whose text holds one cursor marker (`|` unless given): the document and the position. */
export function docAt(
  textWithCursor: string,
  name = 'template.yaml',
  marker = '|',
): { document: TextDocument; position: Position } {
  const offset = textWithCursor.indexOf(marker);
  if (offset < 0) throw new Error(`No ${marker} cursor in the test text`);
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + marker.length);
  const document = doc(text, name);
  return { document, position: document.positionAt(offset) };
}

/** The offset of the n-th (from 0) occurrence of a needle in the text; asserts that there is one. */
export function offsetOf(text: string, needle: string, occurrence = 0): number {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) offset = text.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `no ${needle}`);
  return offset;
}

/** The text with a `|` cursor put `offsetInNeedle` characters into the n-th occurrence of a needle. */
export function cursorAt(text: string, needle: string, offsetInNeedle = 1, occurrence = 0): string {
  const at = offsetOf(text, needle, occurrence) + offsetInNeedle;
  return text.slice(0, at) + '|' + text.slice(at);
}

/** Diagnostics as compact strings `code@line:col` (1-based), for readable assertions. */
export function codes(text: string, name = 'template.yaml'): string[] {
  const document = doc(text, name);
  return service()
    .validate(document)
    .map((d) => `${String(d.code)}@${d.range.start.line + 1}:${d.range.start.character + 1}`);
}

/** Strips a common leading indentation so templates in tests can be indented with the code. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)?.[0].length ?? 0));
  return lines.map((l) => l.slice(indent)).join('\n');
}
