// Bundles the extension (dist/client.js), the language server (dist/server.js) and the CLI
// (dist/cli.js; each of these two a launcher of its bundle, dist/*.main.js) with esbuild, and generates the schema validators (dist/validators/, see
// scripts/build-validators.mjs). `--tests` also bundles test/**/*.test.ts into out/test/.
import * as esbuild from 'esbuild';
import { buildValidators } from './scripts/build-validators.mjs';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

/**
 * Packages the server and the CLI require only in some runs (ajv's compiler when a schema file
 * differs from the one its validators were generated from; the Markdown parser when a note
 * differs from the parsed copy), bundled apart into dist/vendor/<chunk>.js: a lint does not read
 * their 0.4 MB. Each is still required where it was (the bundle's require is the one of a
 * module in dist/).
 */
const LAZY_CHUNKS = {
  ajv: ['ajv'],
  markdown: [
    'mdast-util-from-markdown',
    'mdast-util-frontmatter',
    'mdast-util-gfm-table',
    'micromark-extension-frontmatter',
    'micromark-extension-gfm-table',
  ],
};
const chunkOf = new Map(Object.entries(LAZY_CHUNKS).flatMap(([chunk, ids]) => ids.map((id) => [id, chunk])));
/** @type {esbuild.Plugin} */
const lazyChunks = {
  name: 'lazy-chunks',
  setup(build) {
    const filter = new RegExp(`^(${[...chunkOf.keys()].join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'lazy-chunk' }));
    build.onResolve({ filter: /^\.\/vendor\// }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-chunk' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(`./vendor/${chunkOf.get(args.path)}.js`)})[${JSON.stringify(args.path)}];`,
      loader: 'js',
    }));
  },
};

/** The server's and the CLI's bundles must be ASCII: Node decodes UTF-8 at half the speed. */
function assertAscii(file) {
  const text = readFileSync(file, 'latin1');
  const at = text.search(/[^\0-\x7f]/);
  if (at >= 0)
    throw new Error(`${file} is not ASCII at ${at}: ${JSON.stringify(text.slice(at - 40, at + 10))}`);
}

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
  ...[
    ['server/src/server.ts', 'server'],
    ['server/src/cli.ts', 'cli'],
  ].map(async ([entry, name]) => {
    // The bundle (dist/<name>.main.js), then the launcher that runs it with V8's cached data
    // (dist/<name>.js, server/src/launch.ts), which knows the bundle by its hash.
    const bundle = `${name}.main.js`;
    await esbuild.build({
      ...common,
      ...lean,
      entryPoints: [entry],
      outfile: `dist/${bundle}`,
      plugins: [lazyChunks],
    });
    assertAscii(`dist/${bundle}`);
    const hash = createHash('sha256')
      .update(readFileSync(`dist/${bundle}`))
      .digest('hex')
      .slice(0, 16);
    await esbuild.build({
      ...common,
      ...lean,
      sourcemap: false,
      entryPoints: ['server/src/launch.ts'],
      outfile: `dist/${name}.js`,
      define: { LAUNCH_BUNDLE: JSON.stringify(bundle), LAUNCH_HASH: JSON.stringify(hash) },
      banner: name === 'cli' ? { js: '#!/usr/bin/env node' } : undefined,
    });
  }),
  ...Object.entries(LAZY_CHUNKS).map(([chunk, ids]) =>
    esbuild.build({
      ...common,
      ...lean,
      stdin: {
        contents: ids
          .map((id) => `exports[${JSON.stringify(id)}] = require(${JSON.stringify(id)});`)
          .join('\n'),
        resolveDir: '.',
        sourcefile: `vendor-${chunk}.js`,
      },
      outfile: `dist/vendor/${chunk}.js`,
    }),
  ),
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
// The bundled notes, parsed once here rather than in every process that reads them.
const cli = createRequire(import.meta.url)('./dist/cli.main.js');
writeFileSync('dist/notes-index.json', JSON.stringify(cli.bundledNotesSnapshot()));
console.log(`esbuild: built dist/${withTests ? ' and out/test/' : ''} in ${Date.now() - started} ms`);
const validators = await buildValidators();
console.log(
  `validators: ${validators.validators} in dist/validators/ (${validators.generated} generated) in ${validators.ms} ms`,
);
