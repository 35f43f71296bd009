import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { nodeFileSystem } from '../../server/src/nodeFileSystem';
import type { FileSystem } from '../../server/src/service/fileSystem';
import { memoryFileSystem } from '../../server/src/service/fileSystem';
import { doc, serviceWith } from '../support/helpers';

/** The real file system (for the schemas) with an in-memory revision folder on top. */
function overlay(files: Record<string, string>): FileSystem {
  const memory = memoryFileSystem(files);
  const inMemory = (path: string): boolean => path === '/rev' || path.startsWith('/rev/');
  return {
    readFile: (path) => (inMemory(path) ? memory.readFile(path) : nodeFileSystem.readFile(path)),
    exists: (path) => (inMemory(path) ? memory.exists(path) : nodeFileSystem.exists(path)),
    readDirectory: (path) =>
      inMemory(path) ? (memory.readDirectory?.(path) ?? []) : (nodeFileSystem.readDirectory?.(path) ?? []),
  };
}

const APPSPEC = [
  'version: 0.0',
  'os: linux',
  'hooks:',
  '  BeforeInstall:',
  '    - location: scripts/install deps.sh',
  '  AfterInstall:',
  '    - location: "./scripts/configure.sh"',
  '    - location: scripts/missing.sh',
  '  ApplicationStart:',
  '    - location: /opt/app/start.sh',
  '',
].join('\n');

describe('appspec document links', () => {
  const fs = overlay({
    '/rev/appspec.yml': APPSPEC,
    '/rev/scripts/install deps.sh': '#!/bin/sh\n',
    '/rev/scripts/configure.sh': '#!/bin/sh\n',
  });

  it('links the hook scripts that exist next to the appspec', () => {
    const ls = serviceWith({ fs });
    const appspec = TextDocument.create('file:///rev/appspec.yml', 'yaml', 1, APPSPEC);
    const links = ls.findDocumentLinks(appspec);
    assert.deepEqual(
      links.map((l) => [l.target, l.range.start.line, l.range.start.character, l.range.end.character]),
      [
        ['file:///rev/scripts/install%20deps.sh', 4, 16, 39],
        ['file:///rev/scripts/configure.sh', 6, 17, 39],
      ],
    );
  });

  it('warns about the missing one and skips absolute paths', () => {
    const ls = serviceWith({ fs });
    const appspec = TextDocument.create('file:///rev/appspec.yml', 'yaml', 1, APPSPEC);
    const missing = ls.validate(appspec).filter((d) => d.code === 'appspec-missing-script');
    assert.deepEqual(
      missing.map((d) => d.range.start.line),
      [7],
    );
  });

  it('gives no links for other kinds or unsaved documents', () => {
    const ls = serviceWith({ fs });
    assert.deepEqual(ls.findDocumentLinks(doc('version: 0.2\nphases: {}\n', 'buildspec.yml')), []);
    const untitled = TextDocument.create('untitled:appspec.yml', 'yaml', 1, APPSPEC);
    assert.deepEqual(ls.findDocumentLinks(untitled), []);
  });
});
