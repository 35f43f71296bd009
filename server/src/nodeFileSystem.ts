/** The real FileSystem over node:fs, for the server and the CLI. */
import * as fs from 'node:fs';
import type { FileSystem } from './service/fileSystem';

export const nodeFileSystem: FileSystem = {
  readFile(path) {
    try {
      return fs.readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  exists(path) {
    return fs.existsSync(path);
  },
  readDirectory(path) {
    try {
      return fs
        .readdirSync(path, { withFileTypes: true })
        .map((d) => ({ name: d.name, isDirectory: d.isDirectory() }));
    } catch {
      return [];
    }
  },
  size(path) {
    try {
      return fs.statSync(path).size;
    } catch {
      return undefined;
    }
  },
};
