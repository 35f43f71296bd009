// Checks the generated CloudFormation schemas (schemas/cloudformation/, see generate-cfn-schemas.mjs):
//
//   1. index.json, the service files and the docs files agree (every type listed once, in the file
//      the index names, its documentation in the docs file of the same name, which documents
//      nothing the schema lacks); no prose is left in a service file;
//   2. every resource schema compiles with the same ajv settings the validator uses
//      (allErrors, strict but strictRequired off, coerceTypes, plus exactly the five annotation
//      keywords as a vocabulary);
//   3. every property node has a non-empty markdownDescription (in the docs file), every $ref
//      resolves, and only the allowed non-standard keywords appear anywhere;
//   4. a few known-good and known-bad `Properties` objects validate as expected.
//
// Prints compile-time statistics (median / p90 / max, slowest types) and the size on disk.
// Exit code 1 on any problem. Run: node scripts/check-cfn-schemas.mjs
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { PROSE_KEYS } from './cfn-docs.mjs';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = path.join(ROOT, 'schemas', 'cloudformation');
const Ajv = require(require.resolve('ajv', { paths: [ROOT] })).default;

const ANNOTATION_KEYWORDS = [
  'markdownDescription',
  'documentationUrl',
  'causesReplacement',
  'deprecationMessage',
  'markdownEnumDescriptions',
];

// Draft-07 keywords the generator may emit. Anything else (other than the annotations) is an error.
const STANDARD_KEYWORDS = new Set([
  'type',
  'enum',
  'properties',
  'additionalProperties',
  'required',
  'items',
  'anyOf',
  '$ref',
  'definitions',
  // merged from the resource provider schemas (cfn-provider-constraints.mjs)
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'oneOf',
  'dependencies',
]);

const problems = [];
const problem = (message) => problems.push(message);

function newAjv() {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, coerceTypes: true });
  ajv.addVocabulary(ANNOTATION_KEYWORDS);
  return ajv;
}

/**
 * The documentation of an entry names only what the entry has: every key of `docs` is a prose key
 * or a key of `value`, all the way down (a stale path would document nothing).
 */
function checkDocsFit(type, docs, value, where) {
  if (docs === null || typeof docs !== 'object') return;
  if (!value || typeof value !== 'object') {
    problem(`${type}: docs for ${where}, which the schema lacks`);
    return;
  }
  for (const [key, doc] of Object.entries(docs)) {
    if (PROSE_KEYS.includes(key) && typeof value[key] !== 'object') continue;
    if (!(key in value)) problem(`${type}: docs for ${where}/${key}, which the schema lacks`);
    else checkDocsFit(type, doc, value[key], `${where}/${key}`);
  }
}

/** Walk a resource schema and its documentation: check keywords, property documentation and $refs. */
function checkSchemaShape(type, schema, schemaDocs) {
  const definitions = schema.definitions ?? {};
  const visit = (node, docs, where, isProperty) => {
    if (!node || typeof node !== 'object' || Array.isArray(node)) {
      problem(`${type}: ${where} is not a schema object`);
      return;
    }
    for (const key of Object.keys(node)) {
      if (PROSE_KEYS.includes(key))
        problem(`${type}: ${where} has "${key}" in its service file, not in docs/`);
      else if (!STANDARD_KEYWORDS.has(key) && !ANNOTATION_KEYWORDS.includes(key)) {
        problem(`${type}: ${where} uses keyword "${key}"`);
      }
    }
    if (isProperty) {
      const doc = docs?.markdownDescription;
      if (typeof doc !== 'string' || !doc.trim() || /^(undefined|null)$/.test(doc.trim())) {
        problem(`${type}: ${where} has no markdownDescription`);
      }
    }
    if (node.$ref) {
      const name = node.$ref.replace('#/definitions/', '');
      if (!node.$ref.startsWith('#/definitions/') || !definitions[name]) {
        problem(`${type}: ${where} has dangling $ref ${node.$ref}`);
      }
    }
    if (node.causesReplacement && !['yes', 'maybe'].includes(node.causesReplacement)) {
      problem(`${type}: ${where} causesReplacement=${node.causesReplacement}`);
    }
    if (docs?.markdownEnumDescriptions && docs.markdownEnumDescriptions.length !== node.enum?.length) {
      problem(`${type}: ${where} markdownEnumDescriptions does not match enum`);
    }
    for (const [name, prop] of Object.entries(node.properties ?? {}))
      visit(prop, docs?.properties?.[name], `${where}.${name}`, true);
    if (node.items) visit(node.items, docs?.items, `${where}[]`, false);
    if (node.additionalProperties && typeof node.additionalProperties === 'object') {
      visit(node.additionalProperties, docs?.additionalProperties, `${where}{}`, false);
    }
    (node.anyOf ?? []).forEach((branch, i) => visit(branch, docs?.anyOf?.[i], `${where}|${i}`, false));
    if (node === schema) {
      for (const [name, def] of Object.entries(definitions))
        visit(def, docs?.definitions?.[name], `#${name}`, false);
    }
  };
  visit(schema, schemaDocs, 'Properties', false);
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function main() {
  const index = JSON.parse(fs.readFileSync(path.join(OUT_DIR, 'index.json'), 'utf8'));
  const servicesDir = path.join(OUT_DIR, 'services');
  const docsDir = path.join(OUT_DIR, 'docs');
  const seen = new Set();
  const schemas = new Map(); // type -> schema
  const readTypes = (dir, file) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')).resourceTypes;
  for (const file of fs.readdirSync(docsDir))
    if (!fs.existsSync(path.join(servicesDir, file))) problem(`docs/${file} has no service file`);
  for (const file of fs.readdirSync(servicesDir).sort()) {
    const base = file.replace(/\.json$/, '');
    const resourceTypes = readTypes(servicesDir, file);
    const docsTypes = fs.existsSync(path.join(docsDir, file)) ? readTypes(docsDir, file) : {};
    for (const type of Object.keys(docsTypes))
      if (!resourceTypes[type]) problem(`${type} is in docs/${file} but not in services/${file}`);
    for (const [type, entry] of Object.entries(resourceTypes)) {
      if (seen.has(type)) problem(`${type} appears in more than one service file`);
      seen.add(type);
      if (index.resourceTypes[type] !== base)
        problem(`${type} is in ${file} but index.json says ${index.resourceTypes[type]}`);
      const docs = docsTypes[type] ?? {};
      for (const key of ['attributes', 'schema']) {
        if (entry[key] === undefined) problem(`${type}: missing ${key}`);
      }
      if (!docs.documentationUrl) problem(`${type}: missing documentationUrl`);
      if (!docs.markdownDescription?.trim()) problem(`${type}: empty markdownDescription`);
      for (const name of Object.keys(entry.attributes ?? {})) {
        if (!docs.attributes?.[name]?.markdownDescription?.trim())
          problem(`${type}: attribute ${name} has no markdownDescription`);
      }
      checkDocsFit(type, docs, entry, type);
      checkSchemaShape(type, entry.schema, docs.schema);
      schemas.set(type, entry.schema);
    }
  }
  for (const type of Object.keys(index.resourceTypes))
    if (!seen.has(type)) problem(`${type} is in index.json only`);

  // Compile every schema; time each one in a fresh-ish setting (one shared instance, as the server has).
  const ajv = newAjv();
  const timings = [];
  const validators = new Map();
  for (const [type, schema] of schemas) {
    const start = performance.now();
    try {
      validators.set(type, ajv.compile(schema));
    } catch (err) {
      problem(`${type}: does not compile: ${err.message}`);
      continue;
    }
    timings.push({ type, ms: performance.now() - start });
  }

  // Known answers, to prove the schemas say what they should.
  const cases = [
    [
      'AWS::S3::Bucket',
      {
        BucketName: 'my-bucket',
        VersioningConfiguration: { Status: 'Enabled' },
        Tags: [{ Key: 'k', Value: 'v' }],
      },
      true,
    ],
    ['AWS::S3::Bucket', { VersioningConfiguration: { Status: 'On' } }, false],
    ['AWS::S3::Bucket', { BucketNam: 'typo' }, false],
    ['AWS::S3::Bucket', { Tags: [{ Key: 'k' }] }, false],
    [
      'AWS::DynamoDB::Table',
      {
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      },
      true,
    ],
    [
      'AWS::DynamoDB::Table',
      { KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], BillingMode: 'FOO' },
      false,
    ],
    ['AWS::DynamoDB::Table', { KeySchema: [{ AttributeName: 'id', KeyType: 'PRIMARY' }] }, false],
    [
      'AWS::DynamoDB::Table',
      {
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'STRING' }],
      },
      false,
    ],
    [
      'AWS::Lambda::Function',
      {
        Role: 'arn:aws:iam::123456789012:role/r',
        Code: { ZipFile: 'x' },
        Runtime: 'python3.13',
        MemorySize: '256',
      },
      true,
    ],
    ['AWS::Lambda::Function', { Role: 'r', Code: { ZipFile: 'x' }, Runtime: 'python9' }, false],
    ['AWS::Logs::LogGroup', { RetentionInDays: 7 }, true],
    // constraints from the resource provider schemas
    ['AWS::SQS::Queue', { VisibilityTimeout: 43200 }, true],
    ['AWS::SQS::Queue', { VisibilityTimeout: 50000 }, false],
    ['AWS::IAM::Policy', { PolicyName: 'p', PolicyDocument: {}, Roles: ['r'] }, true],
    ['AWS::IAM::Policy', { PolicyName: 'p', PolicyDocument: {} }, false],
    ['AWS::Logs::LogGroup', { RetentionInDays: 8 }, false],
    ['AWS::CloudFormation::WaitConditionHandle', {}, true],
    [
      'AWS::Serverless::Function',
      {
        Handler: 'app.handler',
        Runtime: 'nodejs22.x',
        CodeUri: 'src/',
        Events: { Api: { Type: 'Api', Properties: { Path: '/', Method: 'get' } } },
      },
      true,
    ],
    ['AWS::Serverless::Function', { Runtime: 'nodejs99.x' }, false],
    ['AWS::Serverless::Function', { Events: { E: { Type: 'Sqs' } } }, false],
    ['AWS::Serverless::Api', { Cors: "'*'" }, false], // StageName is required
    ['AWS::Serverless::Api', { StageName: 'prod', Cors: "'*'", EndpointConfiguration: 'REGIONAL' }, true],
    [
      'AWS::Serverless::Connector',
      { Source: { Id: 'Fn' }, Destination: { Id: 'Table' }, Permissions: ['Read', 'Write'] },
      true,
    ],
  ];
  for (const [type, props, expected] of cases) {
    const validate = validators.get(type);
    if (!validate) {
      problem(`sample: no validator for ${type}`);
      continue;
    }
    const ok = validate(JSON.parse(JSON.stringify(props)));
    if (ok !== expected) {
      problem(
        `sample: ${type} ${JSON.stringify(props)} expected ${expected ? 'valid' : 'invalid'}, got ${ok ? 'valid' : JSON.stringify(validate.errors)}`,
      );
    }
  }

  // Report.
  const sorted = timings.map((t) => t.ms).sort((a, b) => a - b);
  const total = sorted.reduce((a, b) => a + b, 0);
  const slowest = [...timings].sort((a, b) => b.ms - a.ms).slice(0, 8);
  let bytes = 0;
  let files = 0;
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        bytes += fs.statSync(full).size;
        files++;
      }
    }
  };
  walk(OUT_DIR);
  const largest = [...schemas.entries()]
    .map(([type, schema]) => ({ type, size: JSON.stringify(schema).length }))
    .sort((a, b) => b.size - a.size)
    .slice(0, 3);

  console.log(`Checked ${schemas.size} resource types, ${cases.length} sample validations.`);
  console.log(
    `Compile time (ms): total ${total.toFixed(0)}, median ${percentile(sorted, 50).toFixed(2)}, p90 ${percentile(sorted, 90).toFixed(2)}, max ${sorted[sorted.length - 1].toFixed(1)}`,
  );
  console.log(`Slowest: ${slowest.map((t) => `${t.type} ${t.ms.toFixed(1)}`).join(', ')}`);
  console.log(
    `Largest schemas: ${largest.map((l) => `${l.type} ${(l.size / 1024).toFixed(0)} KiB`).join(', ')}`,
  );
  console.log(
    `Size on disk: ${(bytes / 1024 / 1024).toFixed(1)} MiB in ${files} files; index.json ${(fs.statSync(path.join(OUT_DIR, 'index.json')).size / 1024).toFixed(0)} KiB`,
  );
  if (problems.length > 0) {
    console.error(`\n${problems.length} problem(s):\n  ${problems.slice(0, 50).join('\n  ')}`);
    process.exit(1);
  }
  console.log('OK');
}

main();
