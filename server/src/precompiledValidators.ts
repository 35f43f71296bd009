/**
 * The validators generated at build time (scripts/build-validators.mjs → dist/validators/):
 * a manifest of schema files with the hash of the text each was generated from (schemaHash.ts),
 * and one CommonJS module per resource type or kind, required only when that type is first
 * validated.
 * A schema file whose text differs from the manifest's gets no generated validators, so the
 * service compiles it itself and never validates against a stale schema.
 */
// Named imports: a namespace import of a built-in costs a copy of all its exports at start-up.
import { readFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { requireWithCodeCache } from './codeCache';
import { schemaTextHash } from './schemaHash';
import type { PrecompiledValidators } from './service/schemas/schemaStore';

interface ManifestEntry {
  hash: string;
  validators: Record<string, string>;
}

/**
 * The manifest's entries, read one at a time. The build writes one schema file a line
 * (`"<file>":{...},`), so that a lookup parses only its own entry: parsing the whole manifest
 * (1,800 types) cost a cold lint 4-6 ms. Lines are indexed by their key on first use. A line that
 * cannot be read counts as no entry (the schema is then compiled at run time).
 */
function manifestEntries(manifest: string): (file: string) => ManifestEntry | undefined {
  let lines: Map<string, string> | undefined;
  return (file) => {
    if (!lines) {
      lines = new Map();
      for (const line of manifest.split('\n')) {
        const end = line.indexOf('":{');
        if (line.startsWith('"') && end > 0) lines.set(line.slice(0, end + 1), line);
      }
    }
    const key = JSON.stringify(file);
    const line = lines.get(key);
    if (line === undefined) return undefined;
    try {
      const entry = JSON.parse(line.slice(key.length + 1).replace(/,$/, '')) as Partial<ManifestEntry> | null;
      return typeof entry?.hash === 'string' && entry.validators ? (entry as ManifestEntry) : undefined;
    } catch {
      return undefined;
    }
  };
}

/** The generated validators under `dir` (undefined when the build made none, e.g. in tests). */
export function loadPrecompiledValidators(dir: string): PrecompiledValidators | undefined {
  let manifest: string;
  try {
    manifest = readFileSync(join(dir, 'manifest.json'), 'utf8');
  } catch {
    return undefined;
  }
  const manifestEntry = manifestEntries(manifest);
  // Node 22+ keeps the compiled code of required modules between runs; on older Node the
  // validator modules keep theirs through V8 cached data (codeCache.ts): QuickSight's are
  // megabytes of code, not parsed again.
  const compileCache = (Module as { enableCompileCache?: () => unknown }).enableCompileCache;
  compileCache?.();
  const load = compileCache ? requireModule : withSharedModules();
  return {
    forFile(file, text) {
      const entry = manifestEntry(file);
      if (!entry) return undefined;
      if (schemaTextHash(text) !== entry.hash) return undefined;
      return (key) => {
        const module = entry.validators[key];
        if (!module) return undefined;
        const loaded = load(join(dir, module)) as ValidateFunction | { default: ValidateFunction };
        return typeof loaded === 'function' ? loaded : loaded.default;
      };
    },
  };
}

/**
 * Runs validator modules with V8's cached data, and the modules of definitions several types
 * share (`./<service>.shared.js`) too, once each.
 */
function withSharedModules(): (file: string) => unknown {
  const shared = new Map<string, unknown>();
  const nodeRequire = createRequire(__filename);
  return (file) => {
    const dir = dirname(file);
    const require = (id: string): unknown => {
      if (!/^\.\/[\w.-]+\.shared\.js$/.test(id)) return nodeRequire(resolve(dir, id));
      const sharedFile = join(dir, id);
      if (!shared.has(sharedFile)) shared.set(sharedFile, requireWithCodeCache(sharedFile));
      return shared.get(sharedFile);
    };
    return requireWithCodeCache(file, { require });
  };
}

function requireModule(file: string): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file);
}
