/**
 * Runs our own CommonJS files (the server and CLI bundles, the validators generated at build
 * time) with V8's cached data from an earlier run, so that their code is not parsed and compiled
 * again in every fresh process (Node 20 has no compile cache of its own; Node 22+ does, and the
 * callers use it instead). The data lives in a folder of the system's temporary directory, is
 * keyed by Node's version, the V8 flags of the run and the file's identity, is written at exit
 * (when it also holds every function the run compiled) through a temporary file and a rename,
 * and is simply not used when V8 rejects it.
 */
// Named imports: a namespace import of a built-in costs a copy of all its exports at start-up.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** Where V8's cached data of our own files is kept between runs. */
export const CODE_CACHE_DIR = join(tmpdir(), 'aws-dev-notes-code-cache');

interface Pending {
  script: Script;
  file: string;
  /** Older cache files of the same code (an earlier build) start with this; they are removed. */
  family: string;
}
const pendingCaches: Pending[] = [];

/** FNV-1a of a short string, in hex (node:crypto costs a start-up of its own). */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16);
}

export interface CodeCacheOptions {
  /** What identifies the file's content beyond its size and time (e.g. its hash at build time). */
  version?: string;
  /** `module` seen by the file (a fresh one by default). */
  module?: { exports: unknown };
  /** `require` seen by the file (Node's, relative to the file, by default). */
  require?: (id: string) => unknown;
  /** `__filename` seen by the file (its own path by default). */
  filename?: string;
  /**
   * Also write the data this long after the start (a long-running process, such as the server,
   * may be killed rather than exit; the data then holds what its start-up compiled).
   */
  writeAfterMs?: number;
}

/**
 * Runs a CommonJS file of ours as `require` would, reusing V8's cached data; answers its
 * exports. When the file cannot be read or compiled this way, it is required as usual.
 */
export function requireWithCodeCache(file: string, options: CodeCacheOptions = {}): unknown {
  let script: Script;
  let cachedData: Buffer | undefined;
  let cacheFile: string;
  let family: string;
  try {
    const code = readFileSync(file, 'utf8');
    const stat = statSync(file);
    // V8 rejects cached data made under other flags (a profiler, say): those runs get their own.
    // Each installation (folder) keeps its own, and only the newest of each file.
    const flags = shortHash(process.execArgv.join(' '));
    family = `${process.version}-${flags}-${shortHash(dirname(file))}-${basename(file)}`;
    const key = `${family}-${options.version ?? ''}-${stat.size}-${Math.round(stat.mtimeMs)}`;
    cacheFile = join(CODE_CACHE_DIR, `${key.replace(/[^\w.-]/g, '_')}.bin`);
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // first run
    }
    const wrapper = `(function (exports, require, module, __filename, __dirname) {${code}\n})`;
    script = new Script(wrapper, { filename: file, cachedData });
  } catch {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(file);
  }
  const module = options.module ?? { exports: {} };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  const filename = options.filename ?? file;
  run.call(
    module.exports,
    module.exports,
    options.require ?? createRequire(file),
    module,
    filename,
    dirname(file),
  );
  if (!cachedData || script.cachedDataRejected) {
    if (!pendingCaches.length) process.once('exit', writeCodeCaches);
    pendingCaches.push({ script, file: cacheFile, family: family.replace(/[^\w.-]/g, '_') });
    if (options.writeAfterMs !== undefined) setTimeout(writeCodeCaches, options.writeAfterMs).unref();
  }
  return module.exports;
}

/**
 * The family of a cache file's name (`<family>-<version>-<size>-<time>.bin`, see
 * requireWithCodeCache): what the names of one file's data, of every build, begin with.
 */
function familyOf(name: string): string {
  let end = name.length;
  for (let field = 0; field < 3 && end > 0; field++) end = name.lastIndexOf('-', end - 1);
  return name.slice(0, Math.max(end, 0));
}

function writeCodeCaches(): void {
  try {
    mkdirSync(CODE_CACHE_DIR, { recursive: true });
    // The folder's files by family, listed once: a first run after a build writes the data of
    // hundreds of validator modules into a folder of thousands of files.
    const existing = new Map<string, string[]>();
    for (const name of readdirSync(CODE_CACHE_DIR)) {
      if (!name.endsWith('.bin')) continue;
      const family = familyOf(name);
      existing.set(family, [...(existing.get(family) ?? []), name]);
    }
    for (const { script, file, family } of pendingCaches.splice(0)) {
      const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, file);
      // The data of an earlier build of the same file is of no further use.
      for (const name of existing.get(family) ?? []) {
        const old = join(CODE_CACHE_DIR, name);
        if (old !== file) rmSync(old, { force: true });
      }
    }
  } catch {
    // A cache that cannot be written only costs the next run a parse.
  }
}
