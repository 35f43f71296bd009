// Bundles the extension (dist/client.js), the language server (dist/server.js) and the CLI
// (dist/cli.js) with esbuild, and generates the schema validators (dist/validators/, see
// scripts/build-validators.mjs). `--tests` also bundles test/**/*.test.ts into out/test/.
import * as esbuild from 'esbuild';
import { buildValidators } from './scripts/build-validators.mjs';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const withTests = process.argv.includes('--tests');

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  // yaml and ajv have optional pieces we never load.
  mainFields: ['module', 'main'],
};

// The server and the CLI start in a fresh process each time: a third less text to read and
// pre-parse. Names are kept, so profiles and stack traces stay readable.
const lean = { minifyWhitespace: true, minifySyntax: true };

function findTests(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== 'fixtures' && name !== 'e2e') out.push(...findTests(full));
    } else if (name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

const started = Date.now();
await Promise.all([
  esbuild.build({
    ...common,
    entryPoints: ['client/src/extension.ts'],
    outfile: 'dist/client.js',
    external: ['vscode'],
  }),
  esbuild.build({ ...common, ...lean, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  esbuild.build({
    ...common,
    ...lean,
    entryPoints: ['server/src/cli.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  }),
  withTests
    ? esbuild.build({
        ...common,
        entryPoints: findTests('test'),
        outdir: 'out/test',
        outbase: 'test',
        sourcemap: 'inline',
        external: ['vscode'],
      })
    : Promise.resolve(),
]);
console.log(`esbuild: built dist/${withTests ? ' and out/test/' : ''} in ${Date.now() - started} ms`);
const validators = await buildValidators();
console.log(
  `validators: ${validators.validators} in dist/validators/ (${validators.generated} generated) in ${validators.ms} ms`,
);
