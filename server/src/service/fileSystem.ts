/**
 * The I/O the service needs, injected so that tests can give an in-memory version
 * and the server/CLI a real one (see server/src/nodeFileSystem.ts).
 */
export interface FileSystem {
  /** File contents as UTF-8, or undefined when the file cannot be read. */
  readFile(path: string): string | undefined;
  exists(path: string): boolean;
  /** Names of the entries of a folder (files and folders), or [] when unreadable. */
  readDirectory?(path: string): { name: string; isDirectory: boolean }[];
  /** Size in bytes without reading the file, or undefined when unknown. */
  size?(path: string): number | undefined;
}

/** An in-memory FileSystem for tests. */
export function memoryFileSystem(files: Record<string, string>): FileSystem {
  const normalized = new Map(Object.entries(files).map(([path, text]) => [path.replace(/\\/g, '/'), text]));
  return {
    readFile: (path) => normalized.get(path.replace(/\\/g, '/')),
    exists: (path) => {
      const p = path.replace(/\\/g, '/').replace(/\/$/, '');
      return normalized.has(p) || [...normalized.keys()].some((k) => k.startsWith(`${p}/`));
    },
    readDirectory: (path) => {
      const prefix = `${path.replace(/\\/g, '/').replace(/\/$/, '')}/`;
      const entries = new Map<string, boolean>();
      for (const key of normalized.keys()) {
        if (!key.startsWith(prefix)) continue;
        const rest = key.slice(prefix.length);
        const slash = rest.indexOf('/');
        entries.set(slash < 0 ? rest : rest.slice(0, slash), slash >= 0);
      }
      return [...entries].map(([name, isDirectory]) => ({ name, isDirectory }));
    },
    size: (path) => normalized.get(path.replace(/\\/g, '/'))?.length,
  };
}
