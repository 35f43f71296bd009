// The CloudFormation resource specification the schema generator reads: the pinned
// @aws-cdk/aws-service-spec database (a gzipped @cdklabs/tskb database of services, resources,
// property types and attributes), and the reading of the reviewed JSON inputs next to the
// generator. Used by generate-cfn-schemas.mjs and the modules it is split into.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const SPEC_PKG_NAME = '@aws-cdk/aws-service-spec';
const SPEC_PKG_JSON = require.resolve(`${SPEC_PKG_NAME}/package.json`, { paths: [ROOT] });
const SPEC_VERSION = JSON.parse(fs.readFileSync(SPEC_PKG_JSON, 'utf8')).version;
/** The spec package and version, as named in the generated index.json and stats.json. */
export const SOURCE = `${SPEC_PKG_NAME}@${SPEC_VERSION}`;

/** Abort generation with a message that says what to fix. */
export function fail(message) {
  throw new Error(message);
}

/** The spec database (services, resources, property types, attributes and their links). */
export function loadSpecDatabase() {
  const { loadAwsServiceSpecSync } = require(require.resolve(SPEC_PKG_NAME, { paths: [ROOT] }));
  return loadAwsServiceSpecSync();
}

/** A JSON input file, or a failure that names it. */
export function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    return fail(`cannot read ${path.relative(ROOT, file)}: ${err.message}`);
  }
}

/** Find a resource type in the spec, or fail. */
export function specResource(db, cfnType, context) {
  const found = db.lookup('resource', 'cloudFormationType', 'equals', cfnType);
  if (found.length !== 1) fail(`${context}: resource type ${cfnType} is not in ${SOURCE}`);
  return found[0];
}
