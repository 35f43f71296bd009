/**
 * The small file that starts the server (dist/server.js) and the CLI (dist/cli.js): it runs the
 * bundle beside it (dist/server.main.js, dist/cli.main.js) with V8's cached data from an earlier
 * run, so that a fresh process does not parse and compile the whole bundle again (codeCache.ts).
 * On Node 22+ the bundle is required under Node's own compile cache instead. Its exports are the
 * bundle's; when run as a program, it calls the bundle's `run` (the CLI's entry; the server's
 * bundle starts itself). esbuild.mjs sets LAUNCH_BUNDLE and LAUNCH_HASH (the bundle's hash).
 */
import { Module } from 'node:module';
import { join } from 'node:path';
import { requireWithCodeCache } from './codeCache';

declare const LAUNCH_BUNDLE: string;
declare const LAUNCH_HASH: string;

const bundle = join(__dirname, LAUNCH_BUNDLE);
const compileCache = (Module as { enableCompileCache?: () => unknown }).enableCompileCache;
let loaded: { run?: () => void };
if (compileCache) {
  compileCache();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded = require(bundle) as typeof loaded;
} else {
  // The bundle sees this file as its own: worker threads it starts come back through here.
  // The server is often stopped by a signal, never reaching its exit: its data is written once
  // start-up is over.
  loaded = requireWithCodeCache(bundle, {
    version: LAUNCH_HASH,
    filename: __filename,
    writeAfterMs: LAUNCH_BUNDLE.startsWith('server') ? 5000 : undefined,
  }) as typeof loaded;
}
module.exports = loaded;
if (require.main === module) loaded.run?.();
