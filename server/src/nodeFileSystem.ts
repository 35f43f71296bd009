/** The real FileSystem over node:fs, for the server and the CLI. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { FileSystem } from './service/fileSystem';

export const nodeFileSystem: FileSystem = {
  readFile(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  exists(path) {
    return existsSync(path);
  },
  readDirectory(path) {
    try {
      return readdirSync(path, { withFileTypes: true }).map((d) => ({
        name: d.name,
        isDirectory: d.isDirectory(),
      }));
    } catch {
      return [];
    }
  },
  size(path) {
    try {
      return statSync(path).size;
    } catch {
      return undefined;
    }
  },
};
