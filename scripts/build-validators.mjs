// Generates the schema validators at build time (ajv standalone code), so that no schema is
// compiled while linting or editing: one CommonJS module per CloudFormation resource type and per
// file kind, under dist/validators/, loaded on demand by server/src/precompiledValidators.ts.
//
// It reads whatever schemas are committed under schemas/ when the build runs. Generated code is
// cached by the content hash of each schema (node_modules/.cache/aws-dev-notes/validators/), so a
// rebuild only regenerates the types whose schema changed. The manifest records the hash of each
// schema file's text (server/src/schemaHash.ts, run here too); at run time a validator is used
// only when the file still has that text (otherwise the service compiles the schema itself).
//
//   node scripts/build-validators.mjs            (also run by `node esbuild.mjs`)
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import {
  memberSchema,
  planSharing,
  pointAtShared,
  sharedPrefix,
  splitModules,
} from './shared-definitions.mjs';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, threadId, Worker, workerData } from 'node:worker_threads';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ajvConfig = JSON.parse(readFileSync(join(root, 'server/src/service/schemas/ajvOptions.json'), 'utf8'));
const ajvVersion = JSON.parse(readFileSync(join(root, 'node_modules/ajv/package.json'), 'utf8')).version;
/** Bump when the generated code's shape changes, to invalidate the cache. */
const GENERATOR_VERSION = 7;
const KIND_FILES = {
  buildspec: 'buildspec.schema.json',
  appspec: 'appspec.schema.json',
  'ecs-task-definition': 'ecs-task-definition.schema.json',
};
/** ajv's run-time helpers that generated code may require; bundled once into runtime.js. */
const RUNTIME = ['equal', 'ucs2length', 'uri', 'validation_error', 'timestamp'];

const sha1 = (text) => createHash('sha1').update(text).digest('hex');
const configHash = sha1(`${GENERATOR_VERSION}\0${ajvVersion}\0${JSON.stringify(ajvConfig)}`);
const cacheKey = (schemaText) => createHash('sha256').update(`${configHash}\0${schemaText}`).digest('hex');

const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SCHEMA_VALUES = [
  'items',
  'additionalItems',
  'additionalProperties',
  'contains',
  'propertyNames',
  'not',
];
const SCHEMA_BRANCHES = ['if', 'then', 'else', 'unevaluatedProperties', 'unevaluatedItems'];

/**
 * The schema without its documentation keywords (markdownDescription …): the generated code
 * embeds the schema it checks against (ajv's `verbose` errors carry their schema), and the docs
 * are most of its text (QuickSight: megabytes) while no check and no message reads them. The
 * branches of anyOf / oneOf / allOf keep their own keys (messages look at which keys a branch
 * has: schemaValidation.ts requiredOnly); what is below them loses its docs too.
 */
export function withoutAnnotations(schema, keepOwn = false) {
  if (Array.isArray(schema)) return schema.map((item) => withoutAnnotations(item));
  if (!schema || typeof schema !== 'object') return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (!keepOwn && ajvConfig.annotationKeywords.includes(key)) continue;
    if (SCHEMA_MAPS.includes(key) && value && typeof value === 'object')
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutAnnotations(v)]));
    else if (key === 'dependencies' && value && typeof value === 'object')
      out[key] = Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, Array.isArray(v) ? v : withoutAnnotations(v)]),
      );
    else if (SCHEMA_LISTS.includes(key) && Array.isArray(value))
      out[key] = value.map((branch) => withoutAnnotations(branch, true));
    else if (SCHEMA_VALUES.includes(key) || SCHEMA_BRANCHES.includes(key))
      out[key] = withoutAnnotations(value);
    else out[key] = value;
  }
  return out;
}

async function standaloneAjv() {
  const { default: Ajv } = await import('ajv');
  const standalone = await import('ajv/dist/standalone/index.js');
  const ajv = new Ajv({ ...ajvConfig.options, code: { source: true, lines: false } });
  ajv.addVocabulary(ajvConfig.annotationKeywords);
  return { ajv, standaloneCode: standalone.default.default ?? standalone.default };
}

/** Standalone code for one schema, with ajv's run-time requires pointed at ./runtime.js. */
export async function generate(schema) {
  const { ajv, standaloneCode } = await standaloneAjv();
  return withRuntime(standaloneCode(ajv, ajv.compile(withoutAnnotations(schema))));
}

/**
 * The modules of the types of one service file that share definitions (shared-definitions.mjs):
 * out → code, the shared module under `group.shared`. All are compiled in one ajv instance, so
 * the members' code refers to the shared definitions' functions by the names they have there.
 */
export async function generateGroup(group) {
  const { ajv, standaloneCode } = await standaloneAjv();
  const id = sharedPrefix(group.service);
  const names = new Set(Object.keys(group.definitions));
  const refs = {};
  for (const [name, definition] of Object.entries(group.definitions)) {
    refs[name] = `${id}${name}.json`;
    ajv.addSchema(pointAtShared(definition, names, id), refs[name]);
  }
  const memberIds = {};
  for (const [type, { schema, used }] of Object.entries(group.members)) {
    memberIds[type] = `https://aws-dev-notes.invalid/type/${type.replace(/::/g, '.')}.json`;
    ajv.addSchema(memberSchema(schema, new Set(used), id), memberIds[type]);
  }
  const sharedCode = standaloneCode(ajv, refs);
  const memberCodes = {};
  for (const type of Object.keys(group.members)) {
    const validate = ajv.getSchema(memberIds[type]);
    const code = standaloneCode(ajv, { ...refs, __member: memberIds[type] });
    if (!code.startsWith(sharedCode)) throw new Error(`${type}: the shared code differs`);
    memberCodes[type] = { code: code.slice(sharedCode.length), name: String(validate.source.validateName) };
  }
  const sharedFile = group.shared.slice(group.shared.lastIndexOf('/') + 1);
  const { shared, members } = splitModules(sharedCode, memberCodes, sharedFile, id);
  const out = { [group.shared]: withRuntime(shared) };
  for (const [type, code] of Object.entries(members)) out[group.members[type].out] = withRuntime(code);
  return out;
}

/** A group's modules; when the shared code cannot be split off, each member's on its own. */
async function generateGroupOrAlone(group) {
  try {
    return await generateGroup(group);
  } catch (error) {
    console.error(`validators: ${group.shared} not generated (${error.message}); its types on their own`);
    const out = {};
    for (const { out: file, schema } of Object.values(group.members)) out[file] = await generate(schema);
    return out;
  }
}

function withRuntime(code) {
  return code.replace(/require\("ajv\/dist\/runtime\/([a-z0-9_]+)"\)/gi, (_, name) => {
    if (!RUNTIME.includes(name)) throw new Error(`generated code needs ajv runtime '${name}'`);
    // Modules sit in cfn/ or kind/, the helpers one folder up.
    return `require("../runtime.js").${name}`;
  });
}

/** The jobs: every resource type of every service file, and the three kind schemas. */
function listJobs(previous, outDir, schemaTextHash) {
  const jobs = [];
  const files = {};
  /** A file whose text is unchanged since the last build keeps its validators without parsing. */
  const reuse = (relative, text) => {
    const entry = previous.files?.[relative];
    if (previous.config !== configHash || entry?.hash !== schemaTextHash(text)) return false;
    const outs = [...Object.values(entry.validators), ...(entry.shared ? [entry.shared] : [])];
    if (!outs.every((out) => previous.keys?.[out] && existsSync(join(outDir, out)))) return false;
    files[relative] = entry;
    for (const out of outs) jobs.push({ out, key: previous.keys[out], reused: true });
    return true;
  };
  const servicesDir = join(root, 'schemas/cloudformation/services');
  for (const name of readdirSync(servicesDir).sort()) {
    if (!name.endsWith('.json')) continue;
    const relative = `cloudformation/services/${name}`;
    const text = readFileSync(join(servicesDir, name), 'utf8');
    if (reuse(relative, text)) continue;
    const entry = { hash: schemaTextHash(text), validators: {} };
    const types = JSON.parse(text).resourceTypes ?? {};
    const plan = planSharing(
      Object.fromEntries(
        Object.entries(types).map(([type, info]) => [type, withoutAnnotations(info.schema)]),
      ),
    );
    const outOf = (type) => `cfn/${type.replace(/::/g, '.')}.js`;
    for (const [type, info] of Object.entries(types)) {
      entry.validators[`cfn:${type}`] = outOf(type);
      if (!plan?.members[type]) jobs.push({ out: outOf(type), schemaText: JSON.stringify(info.schema) });
    }
    if (plan) {
      const service = name.slice(0, -'.json'.length);
      const members = Object.fromEntries(
        Object.entries(plan.members).map(([type, used]) => [
          type,
          { out: outOf(type), used: [...used].sort(), schema: withoutAnnotations(types[type].schema) },
        ]),
      );
      const group = { service, shared: `cfn/${service}.shared.js`, definitions: plan.definitions, members };
      entry.shared = group.shared;
      // One job makes the shared module and its members' (generateGroup).
      jobs.push({
        out: group.shared,
        outs: [group.shared, ...Object.values(members).map((m) => m.out)],
        schemaText: JSON.stringify(group),
        group: true,
      });
    }
    files[relative] = entry;
  }
  for (const [kind, relative] of Object.entries(KIND_FILES)) {
    const text = readFileSync(join(root, 'schemas', relative), 'utf8');
    if (reuse(relative, text)) continue;
    const out = `kind/${kind}.js`;
    files[relative] = { hash: schemaTextHash(text), validators: { [`kind:${kind}`]: out } };
    jobs.push({ out, schemaText: JSON.stringify(JSON.parse(text)) });
  }
  return { jobs, files };
}

/**
 * The manifest's hash of a schema file's text: server/src/schemaHash.ts itself, bundled here, so
 * the build and the run-time check cannot disagree.
 */
async function loadSchemaTextHash() {
  const esbuild = await import('esbuild');
  const { outputFiles } = await esbuild.build({
    entryPoints: [join(root, 'server/src/schemaHash.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    banner: {
      js: `import { createRequire } from 'node:module'; const require = createRequire(${JSON.stringify(join(root, 'package.json'))});`,
    },
  });
  const url = `data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`;
  return (await import(url)).schemaTextHash;
}

/** Generates the jobs missing from the cache, in worker threads. */
async function fillCache(missing, cacheDir) {
  const threads = Math.max(1, Math.min(availableParallelism(), 4, Math.ceil(missing.length / 20)));
  const slices = Array.from({ length: threads }, (_, i) => missing.filter((_, j) => j % threads === i));
  await Promise.all(
    slices.map(
      (slice) =>
        new Promise((resolve, reject) => {
          const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { slice, cacheDir } });
          worker.on('error', reject);
          worker.on('exit', (code) =>
            code === 0 ? resolve() : reject(new Error(`worker exited with ${code}`)),
          );
        }),
    ),
  );
}

export async function buildValidators(outDir = join(root, 'dist/validators')) {
  const started = Date.now();
  const cacheDir = join(root, 'node_modules/.cache/aws-dev-notes/validators');
  mkdirSync(cacheDir, { recursive: true });
  // manifest.json is what the run time reads; the cache keys of what dist holds, what the next
  // build reuses, stay beside the cache (out of the package).
  const manifestPath = join(outDir, 'manifest.json');
  const buildPath = join(cacheDir, '..', 'validators-build.json');
  let previous = {};
  try {
    previous = {
      ...JSON.parse(readFileSync(manifestPath, 'utf8')),
      ...JSON.parse(readFileSync(buildPath, 'utf8')),
    };
  } catch {
    // first build
  }
  const { jobs, files } = listJobs(previous, outDir, await loadSchemaTextHash());
  for (const job of jobs) job.key ??= cacheKey(job.schemaText);
  const fresh = jobs.filter((job) => !job.reused && !existsSync(join(cacheDir, `${job.key}.js`)));
  const missing = [...new Map(fresh.map((j) => [j.key, j])).values()];
  if (missing.length) await fillCache(missing, cacheDir);

  // Update dist/validators/ in place: only files whose schema changed are written (deleting and
  // copying 1,800 files costs seconds on slow disks).
  mkdirSync(join(outDir, 'cfn'), { recursive: true });
  mkdirSync(join(outDir, 'kind'), { recursive: true });
  const keys = {};
  const previousKeys = previous.keys ?? {};
  for (const job of jobs) {
    if (job.reused) {
      keys[job.out] = job.key;
      continue;
    }
    const cached = join(cacheDir, `${job.key}.js`);
    if (!existsSync(cached)) {
      for (const entry of Object.values(files))
        for (const [name, out] of Object.entries(entry.validators))
          if (out === job.out) delete entry.validators[name];
      continue;
    }
    if (job.group) {
      // A group's cache file holds the code of each of its modules (out → code).
      for (const [out, code] of Object.entries(JSON.parse(readFileSync(cached, 'utf8')))) {
        if (previousKeys[out] !== job.key || !existsSync(join(outDir, out)))
          writeFileSync(join(outDir, out), code);
        keys[out] = job.key;
      }
      continue;
    }
    keys[job.out] = job.key;
    if (previousKeys[job.out] !== job.key || !existsSync(join(outDir, job.out)))
      copyFileSync(cached, join(outDir, job.out));
  }
  for (const out of Object.keys(previousKeys)) if (!keys[out]) rmSync(join(outDir, out), { force: true });
  const esbuild = await import('esbuild');
  await esbuild.build({
    stdin: {
      contents: RUNTIME.map((name) => `exports.${name} = require('ajv/dist/runtime/${name}');`).join('\n'),
      resolveDir: root,
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: join(outDir, 'runtime.js'),
    logLevel: 'warning',
  });
  // JSON with one schema file a line: the run time parses only the entry it needs.
  const lines = Object.entries(files).map(
    ([file, entry]) => `${JSON.stringify(file)}:${JSON.stringify(entry)}`,
  );
  writeFileSync(manifestPath, `{"files":{\n${lines.join(',\n')}\n}}\n`);
  writeFileSync(buildPath, JSON.stringify({ config: configHash, keys }));
  return { validators: jobs.length, generated: missing.length, ms: Date.now() - started };
}

if (!isMainThread && workerData?.slice) {
  for (const job of workerData.slice) {
    let code;
    try {
      code = job.group
        ? JSON.stringify(await generateGroupOrAlone(JSON.parse(job.schemaText)))
        : await generate(JSON.parse(job.schemaText));
    } catch (error) {
      // Left to the run-time compiler, which reports it as a schema problem.
      console.error(`validators: ${job.out} not generated: ${error.message}`);
      continue;
    }
    const file = join(workerData.cacheDir, `${job.key}.js`);
    writeFileSync(`${file}.${threadId}.tmp`, code);
    renameSync(`${file}.${threadId}.tmp`, file);
  }
  parentPort?.close();
} else if (isMainThread && process.argv[1] === fileURLToPath(import.meta.url)) {
  const { validators, generated, ms } = await buildValidators();
  console.log(`validators: ${validators} in dist/validators/ (${generated} generated) in ${ms} ms`);
}
