/**
 * The validators generated at build time (scripts/build-validators.mjs → dist/validators/):
 * a manifest of schema files with the SHA-1 of the text each was generated from, and one
 * CommonJS module per resource type or kind, required only when that type is first validated.
 * A schema file whose text differs from the manifest's gets no generated validators, so the
 * service compiles it itself and never validates against a stale schema.
 */
import type * as Crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as nodeModule from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import type { ValidateFunction } from 'ajv';
import type { PrecompiledValidators } from './service/schemas/schemaStore';

interface Manifest {
  files: Record<string, { sha1: string; validators: Record<string, string> }>;
}

/** The generated validators under `dir` (undefined when the build made none, e.g. in tests). */
export function loadPrecompiledValidators(dir: string): PrecompiledValidators | undefined {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
  // Node 22+ keeps the compiled code of required modules between runs; on older Node the
  // validator modules keep theirs through V8 cached data (loadWithCodeCache).
  const compileCache = (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache;
  compileCache?.();
  const load = compileCache ? requireModule : loadWithCodeCache;
  return {
    forFile(file, text) {
      const entry = manifest.files[file];
      if (!entry) return undefined;
      // Required here: a run that reads no schema file does not load node:crypto.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { createHash } = require('node:crypto') as typeof Crypto;
      if (createHash('sha1').update(text).digest('hex') !== entry.sha1) return undefined;
      return (key) => {
        const module = entry.validators[key];
        if (!module) return undefined;
        const loaded = load(path.join(dir, module)) as ValidateFunction | { default: ValidateFunction };
        return typeof loaded === 'function' ? loaded : loaded.default;
      };
    },
  };
}

function createHashOf(text: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createHash } = require('node:crypto') as typeof Crypto;
  return createHash('sha1').update(text).digest('hex');
}

function requireModule(file: string): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file);
}

/** Where V8's cached data of the validator modules is kept between runs. */
const CODE_CACHE_DIR = path.join(os.tmpdir(), 'aws-dev-notes-code-cache');
const pendingCaches: { script: vm.Script; file: string }[] = [];

/**
 * Loads a CommonJS validator module with V8's cached data from an earlier run, so a giant
 * validator (QuickSight: 3 MB of code) is not parsed again; the data is written at exit, when
 * it also holds the functions the run compiled. Any problem: a plain require.
 */
function loadWithCodeCache(file: string): unknown {
  try {
    const code = fs.readFileSync(file, 'utf8');
    const stat = fs.statSync(file);
    // V8 rejects cached data made under other flags (a profiler, say): those runs get their own.
    const flags = createHashOf(process.execArgv.join(' ')).slice(0, 8);
    const key = `${process.version}-${flags}-${path.basename(file)}-${stat.size}-${Math.round(stat.mtimeMs)}`;
    const cacheFile = path.join(CODE_CACHE_DIR, `${key.replace(/[^\w.-]/g, '_')}.bin`);
    let cachedData: Buffer | undefined;
    try {
      cachedData = fs.readFileSync(cacheFile);
    } catch {
      // first run
    }
    const wrapper = `(function (exports, require, module, __filename, __dirname) {${code}\n})`;
    const script = new vm.Script(wrapper, { filename: file, cachedData });
    const module = { exports: {} as unknown };
    const run = script.runInThisContext() as (...args: unknown[]) => void;
    run.call(
      module.exports,
      module.exports,
      nodeModule.createRequire(file),
      module,
      file,
      path.dirname(file),
    );
    if (!cachedData || script.cachedDataRejected) {
      if (!pendingCaches.length) process.once('exit', writeCodeCaches);
      pendingCaches.push({ script, file: cacheFile });
    }
    return module.exports;
  } catch {
    return requireModule(file);
  }
}

function writeCodeCaches(): void {
  try {
    fs.mkdirSync(CODE_CACHE_DIR, { recursive: true });
    for (const { script, file } of pendingCaches.splice(0)) {
      const temporary = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, script.createCachedData());
      fs.renameSync(temporary, file);
    }
  } catch {
    // A cache that cannot be written only costs the next run a parse.
  }
}
