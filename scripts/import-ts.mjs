// Loads a TypeScript module of the language service into a build script, so that code the server
// runs (e.g. server/src/service/utils/javaRegex.ts) is not written a second time under scripts/:
// esbuild bundles the module in memory and the bundle is imported through a data: URL. Only
// self-contained modules fit (node built-ins are fine; nothing that needs the editor).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The exports of a TypeScript module, given by its path from the repository root. */
export async function importTs(relativePath) {
  const result = esbuild.buildSync({
    entryPoints: [path.join(ROOT, relativePath)],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}
