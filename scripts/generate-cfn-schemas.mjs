// Generates the CloudFormation resource schemas under schemas/cloudformation/ from the pinned
// @aws-cdk/aws-service-spec database (a gzipped @cdklabs/tskb database of services, resources,
// property types and attributes), plus two reviewed inputs that live next to this script:
//
//   scripts/cfn-overlay.json    allowed values ("enum") that CloudFormation enforces but the spec
//                               lacks. Every entry must hit an existing property that has no enum
//                               yet, otherwise generation fails, so the overlay stays reviewed.
//   scripts/sam-resources.json  hand-written AWS::Serverless::* (SAM) resource types. The spec's own
//                               SAM entries are old and undocumented, so they are replaced by these.
//
// Output (all JSON, keys sorted, byte-for-byte reproducible):
//   schemas/cloudformation/index.json               { source, resourceTypes: { type -> service file } }
//   schemas/cloudformation/services/<AWS_S3>.json   { resourceTypes: { type -> entry without prose } }
//   schemas/cloudformation/docs/<AWS_S3>.json       { resourceTypes: { type -> its documentation } }
//   schemas/cloudformation/stats.json               counts printed at the end of a run
//
// A resource entry is { markdownDescription, documentationUrl, attributes, schema } where `schema` is
// a self-contained draft-07 JSON Schema for the resource's `Properties` object. Only these
// non-standard keywords are emitted (the validator registers exactly these with ajv):
// markdownDescription, documentationUrl, causesReplacement, deprecationMessage, markdownEnumDescriptions.
// The entry is written in two halves (scripts/cfn-docs.mjs): the service file keeps what validation
// reads, the docs file beside it the prose (descriptions, documentation URLs), which only hover and
// completion load.
// Values are NOT wrapped to accept intrinsic functions; the validator filters those errors itself.
//
// This file runs the generation and writes (or --check compares) the files; the work is done by:
//   cfn-spec.mjs               the spec database and its version, reading the JSON inputs
//   cfn-overlay.mjs            reading cfn-overlay.json and putting its values on a property
//   cfn-schema-builder.mjs     spec types -> JSON Schema (definitions, annotations)
//   cfn-resource-entries.mjs   the entry of a CloudFormation resource type (attributes, replacements)
//   sam-resource-entries.mjs   the entry of a SAM resource type from sam-resources.json
//   cfn-provider-overlay.mjs   the resource provider constraints (cfn-provider-overlay.json)
//   cfn-docs.mjs, cfn-doc-text.mjs, stable-json.mjs   splitting off the prose, mending it, stable JSON
//
// Run:     node scripts/generate-cfn-schemas.mjs          (or: npm run schemas)
// Options: --check   exit 1 if the committed files differ from what would be generated
import fs from 'node:fs';
import path from 'node:path';
import { splitEntry } from './cfn-docs.mjs';
import { loadOverlay } from './cfn-overlay.mjs';
import { loadProviderOverlay } from './cfn-provider-overlay.mjs';
import { cfnResourceEntry } from './cfn-resource-entries.mjs';
import { ROOT, SOURCE, fail, loadSpecDatabase, readJson } from './cfn-spec.mjs';
import { samResourceEntry } from './sam-resource-entries.mjs';
import { compareStrings, serialisePretty, serialiseServiceFile, sortKeys } from './stable-json.mjs';

const OUT_DIR = path.join(ROOT, 'schemas', 'cloudformation');
const SERVICES_DIR = path.join(OUT_DIR, 'services');
const DOCS_DIR = path.join(OUT_DIR, 'docs');
/** The folders of one file per service: the schemas, and their documentation. */
const SERVICE_DIRS = [SERVICES_DIR, DOCS_DIR];
const SAM_FILE = path.join(ROOT, 'scripts', 'sam-resources.json');

const SAM_NAMESPACE = 'AWS::Serverless';

const CHECK_ONLY = process.argv.includes('--check');
// --providers DIR: re-read the resource provider schemas and rewrite scripts/cfn-provider-overlay.json.
const PROVIDERS_DIR = (() => {
  const at = process.argv.indexOf('--providers');
  return at >= 0 ? process.argv[at + 1] : undefined;
})();

/** Service file base name: AWS::S3 -> AWS_S3, Alexa::ASK -> Alexa_ASK. */
function serviceFileBase(namespace) {
  return namespace.replace(/::/g, '_');
}

/** Builds everything in memory: the files to write (path relative to OUT_DIR -> content), the stats. */
function generate() {
  const db = loadSpecDatabase();
  const overlay = loadOverlay();
  const sam = readJson(SAM_FILE);
  if (!sam || typeof sam.resourceTypes !== 'object') fail('sam-resources.json: expected "resourceTypes"');

  const stats = { enumsFromSpec: 0, enumsFromOverlay: 0, samEnums: 0, definitions: 0 };
  const providerOverlay = loadProviderOverlay(PROVIDERS_DIR);
  const warnings = [];
  const services = new Map(); // file base -> { type -> entry }
  const index = {};
  const specSamTypes = [];

  const addEntry = (fileBase, type, entry) => {
    if (index[type]) fail(`resource type ${type} generated twice`);
    index[type] = fileBase;
    if (!services.has(fileBase)) services.set(fileBase, {});
    services.get(fileBase)[type] = entry;
  };

  const resources = db.all('resource').slice();
  resources.sort((a, b) => compareStrings(a.cloudFormationType, b.cloudFormationType));
  for (const resource of resources) {
    const type = resource.cloudFormationType;
    if (type.startsWith(`${SAM_NAMESPACE}::`)) {
      // Replaced by the hand-written SAM file; make sure it covers every SAM type the spec knows.
      specSamTypes.push(type);
      if (!sam.resourceTypes[type]) fail(`${type} is in the spec but not in sam-resources.json`);
      continue;
    }
    const owners = db.incoming('hasResource', resource);
    if (owners.length !== 1) fail(`${type}: expected exactly one service, found ${owners.length}`);
    const namespace = owners[0].entity.cloudFormationNamespace;
    if (!type.startsWith(`${namespace}::`)) fail(`${type}: not in its service namespace ${namespace}`);
    const entry = cfnResourceEntry(db, overlay, stats, resource, warnings);
    providerOverlay.apply(type, entry.schema);
    addEntry(serviceFileBase(namespace), type, entry);
  }

  for (const type of Object.keys(sam.resourceTypes).sort(compareStrings)) {
    if (!type.startsWith(`${SAM_NAMESPACE}::`)) fail(`sam-resources.json: ${type} is not a SAM type`);
    addEntry(
      serviceFileBase(SAM_NAMESPACE),
      type,
      samResourceEntry(db, overlay, stats, type, sam.resourceTypes[type]),
    );
  }

  // Every overlay entry must have matched a property: anything else is a typo or a spec change.
  const unused = [];
  for (const entries of overlay.values())
    for (const entry of entries.values()) if (!entry.used) unused.push(entry.key);
  if (unused.length > 0)
    fail(`cfn-overlay.json: these paths do not exist in ${SOURCE}:\n  ${unused.join('\n  ')}`);

  const files = new Map(); // path relative to OUT_DIR -> content
  // `source` first for readers; JSON.stringify keeps insertion order, sortKeys orders the types.
  files.set('index.json', `${JSON.stringify({ source: SOURCE, resourceTypes: sortKeys(index) }, null, 2)}\n`);
  for (const fileBase of [...services.keys()].sort(compareStrings)) {
    const schemas = {};
    const docs = {};
    for (const [type, entry] of Object.entries(services.get(fileBase))) {
      const split = splitEntry(entry);
      schemas[type] = split.entry;
      docs[type] = split.docs;
    }
    files.set(path.join('services', `${fileBase}.json`), serialiseServiceFile(schemas));
    files.set(path.join('docs', `${fileBase}.json`), serialiseServiceFile(docs));
  }
  let totalBytes = 0;
  let docsBytes = 0;
  for (const [rel, content] of files) {
    totalBytes += Buffer.byteLength(content);
    if (rel.startsWith('docs')) docsBytes += Buffer.byteLength(content);
  }

  const overlayEntries = [...overlay.values()].reduce((n, m) => n + m.size, 0);
  const summary = {
    source: SOURCE,
    resourceTypes: Object.keys(index).length,
    cloudFormationResourceTypes: Object.keys(index).length - Object.keys(sam.resourceTypes).length,
    samResourceTypes: Object.keys(sam.resourceTypes).length,
    samTypesInSpecReplaced: specSamTypes,
    serviceFiles: services.size,
    propertyTypes: {
      inSpec: db.all('typeDefinition').length,
      emittedDefinitions: stats.definitions,
    },
    enumeratedProperties: {
      beforeOverlay: stats.enumsFromSpec,
      afterOverlay: stats.enumsFromSpec + stats.enumsFromOverlay,
      overlayEntries,
      samHandWritten: stats.samEnums,
    },
    bytesWritten: totalBytes,
    docsBytesWritten: docsBytes,
  };
  summary.providerConstraints = providerOverlay.finish(CHECK_ONLY);
  files.set('stats.json', serialisePretty(summary));
  return { files, summary, warnings };
}

function main() {
  const { files, summary, warnings } = generate();
  for (const warning of warnings) console.warn(`warning: ${warning}`);

  if (CHECK_ONLY) {
    const stale = [];
    for (const [rel, content] of files) {
      const file = path.join(OUT_DIR, rel);
      if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== content) stale.push(rel);
    }
    for (const dir of SERVICE_DIRS.filter((d) => fs.existsSync(d))) {
      for (const name of fs.readdirSync(dir)) {
        const rel = path.relative(OUT_DIR, path.join(dir, name));
        if (!files.has(rel)) stale.push(`${rel} (should not exist)`);
      }
    }
    if (stale.length > 0) {
      console.error(
        `schemas/cloudformation is out of date (${stale.length} files):\n  ${stale.join('\n  ')}`,
      );
      process.exit(1);
    }
    console.log('schemas/cloudformation is up to date.');
    return;
  }

  // Remove files of services that no longer exist, so the folders mirror the spec exactly.
  const keep = new Set([...files.keys()].map((rel) => path.join(OUT_DIR, rel)));
  for (const dir of SERVICE_DIRS) {
    fs.mkdirSync(dir, { recursive: true });
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name);
      if (name.endsWith('.json') && !keep.has(file)) fs.unlinkSync(file);
    }
  }
  for (const [rel, content] of files) fs.writeFileSync(path.join(OUT_DIR, rel), content);

  const e = summary.enumeratedProperties;
  console.log(`Generated ${path.relative(ROOT, OUT_DIR)} from ${summary.source}`);
  console.log(
    `  resource types:        ${summary.resourceTypes} (${summary.cloudFormationResourceTypes} CloudFormation + ${summary.samResourceTypes} SAM) in ${summary.serviceFiles} service files`,
  );
  console.log(
    `  property types:        ${summary.propertyTypes.inSpec} in spec, ${summary.propertyTypes.emittedDefinitions} definitions emitted`,
  );
  console.log(
    `  enumerated properties: ${e.beforeOverlay} before overlay, ${e.afterOverlay} after (${e.overlayEntries} overlay entries); ${e.samHandWritten} in SAM`,
  );
  const mib = (bytes) => (bytes / 1024 / 1024).toFixed(1);
  console.log(
    `  size:                  ${mib(summary.bytesWritten)} MiB, of which ${mib(summary.docsBytesWritten)} MiB in docs/`,
  );
}

try {
  main();
} catch (err) {
  console.error(`generate-cfn-schemas: ${err.message}`);
  process.exit(1);
}
