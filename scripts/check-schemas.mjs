// Smoke check for the JSON schemas in schemas/:
//  1. each schema compiles with the validator settings used by the server
//     (ajv strict mode, allErrors, coerceTypes, our documentation keywords);
//  2. every property node carries a non-empty markdownDescription (hover text);
//  3. the documents in test/fixtures/schema-smoke/<schema>/ validate: valid-* must pass, invalid-* must
//     fail with the expected error;
//  4. schemas/ecs-task-definition.schema.json matches what scripts/generate-ecs-schema.mjs produces.
// Run: node scripts/check-schemas.mjs   (exit code 1 on any failure)
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import YAML from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCHEMA_DIR = path.join(ROOT, 'schemas');
const FIXTURE_DIR = path.join(ROOT, 'test', 'fixtures', 'schema-smoke');

// Same vocabulary as the server's validator: documentation keywords, nothing else non-standard.
export const DOC_KEYWORDS = [
  'markdownDescription',
  'documentationUrl',
  'causesReplacement',
  'deprecationMessage',
  'markdownEnumDescriptions',
  'outputOnly',
];

const SCHEMAS = {
  buildspec: 'buildspec.schema.json',
  appspec: 'appspec.schema.json',
  'ecs-task-definition': 'ecs-task-definition.schema.json',
};

// invalid-* fixtures and the error each must produce (instancePath + keyword [+ offending key]).
const EXPECTED_ERRORS = {
  buildspec: {
    'invalid-runtime-versions-outside-install.yml': {
      instancePath: '/phases/build',
      keyword: 'additionalProperties',
      key: 'runtime-versions',
    },
    'invalid-unknown-key.yml': { instancePath: '', keyword: 'additionalProperties', key: 'artifact' },
    'invalid-bad-enum.yml': { instancePath: '/env/shell', keyword: 'enum' },
    'invalid-wrong-type.yml': { instancePath: '/phases/build/commands', keyword: 'type' },
    'invalid-bad-version.yml': { instancePath: '/version', keyword: 'enum' },
    'invalid-report-format.yml': { instancePath: '/reports/pytest/file-format', keyword: 'pattern' },
  },
  appspec: {
    'invalid-bad-enum.yml': { instancePath: '/file_exists_behavior', keyword: 'enum' },
    'invalid-wrong-type.yml': { instancePath: '/hooks/AfterInstall/0/timeout', keyword: 'type' },
    'invalid-unknown-key.yml': {
      instancePath: '/Resources/0/TargetService/Properties/LoadBalancerInfo',
      keyword: 'additionalProperties',
      key: 'HealthCheckPath',
    },
    'invalid-bad-version.yml': { instancePath: '/version', keyword: 'enum' },
    'invalid-hook-shape.yml': { instancePath: '/Hooks/0/BeforeAllowTraffic', keyword: 'type' },
  },
  'ecs-task-definition': {
    'invalid-unknown-key.json': {
      instancePath: '/containerDefinitions/0',
      keyword: 'additionalProperties',
      key: 'portMapping',
    },
    'invalid-bad-enum.json': { instancePath: '/networkMode', keyword: 'enum' },
    'invalid-wrong-type.json': { instancePath: '/containerDefinitions/0/memory', keyword: 'type' },
    'invalid-missing-required.json': { instancePath: '', keyword: 'required' },
  },
};

export function createAjv() {
  const ajv = new Ajv({ allErrors: true, strict: true, coerceTypes: true });
  ajv.addVocabulary(DOC_KEYWORDS);
  return ajv;
}

const failures = [];
const fail = (msg) => failures.push(msg);

// Walks a schema and returns every property node: entries of `properties` and the value schema of
// maps (`additionalProperties: {...}`), with a JSON-pointer-like location.
function propertyNodes(schema) {
  const out = [];
  const visit = (node, where) => {
    if (Array.isArray(node)) {
      node.forEach((n, i) => visit(n, `${where}/${i}`));
      return;
    }
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'enum' || key === 'examples' || key === 'markdownEnumDescriptions') continue;
      if (key === 'properties' && value && typeof value === 'object') {
        for (const [prop, sub] of Object.entries(value)) {
          out.push({ where: `${where}/properties/${prop}`, node: sub, kind: 'property' });
          visit(sub, `${where}/properties/${prop}`);
        }
      } else if (key === 'additionalProperties' && value && typeof value === 'object') {
        out.push({ where: `${where}/additionalProperties`, node: value, kind: 'map value' });
        visit(value, `${where}/additionalProperties`);
      } else {
        visit(value, `${where}/${key}`);
      }
    }
  };
  visit(schema, '#');
  return out;
}

function loadDocument(file) {
  const text = fs.readFileSync(file, 'utf8');
  if (file.endsWith('.json')) return [JSON.parse(text)];
  // YAML 1.2 (the default) reads `yes` as a string; YAML 1.1 reads it as `true`: both must pass.
  return [YAML.parse(text), YAML.parse(text, { version: '1.1' })];
}

const clone = (value) => JSON.parse(JSON.stringify(value));
const describe = (errors) =>
  (errors ?? [])
    .map(
      (e) =>
        `${e.instancePath || '/'} ${e.message}${e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ''}`,
    )
    .join('; ');

const summary = [];
for (const [id, fileName] of Object.entries(SCHEMAS)) {
  const schemaPath = path.join(SCHEMA_DIR, fileName);
  const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
  if (schema.$id !== id)
    fail(`${fileName}: $id is ${JSON.stringify(schema.$id)}, expected ${JSON.stringify(id)}`);

  let validate;
  try {
    validate = createAjv().compile(schema);
  } catch (err) {
    fail(`${fileName}: does not compile: ${err.message}`);
    continue;
  }

  const nodes = propertyNodes(schema);
  const undocumented = nodes.filter(
    (n) => typeof n.node.markdownDescription !== 'string' || !n.node.markdownDescription.trim(),
  );
  for (const n of undocumented) fail(`${fileName}: ${n.kind} ${n.where} has no markdownDescription`);
  const definitions = Object.keys(schema.definitions ?? {}).length;
  const outputOnly = nodes.filter((n) => n.node.outputOnly === true).length;

  const dir = path.join(FIXTURE_DIR, id);
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
  let valid = 0;
  let invalid = 0;
  for (const file of files) {
    const full = path.join(dir, file);
    const rel = path.relative(ROOT, full);
    let docs;
    try {
      docs = loadDocument(full);
    } catch (err) {
      fail(`${rel}: cannot parse: ${err.message}`);
      continue;
    }
    if (file.startsWith('valid-')) {
      valid += 1;
      docs.forEach((doc, i) => {
        if (!validate(clone(doc)))
          fail(`${rel}${i ? ' (YAML 1.1)' : ''}: expected valid, got: ${describe(validate.errors)}`);
      });
    } else if (file.startsWith('invalid-')) {
      invalid += 1;
      const expected = EXPECTED_ERRORS[id]?.[file];
      if (!expected) fail(`${rel}: no expected error listed in scripts/check-schemas.mjs`);
      docs.forEach((doc, i) => {
        const label = `${rel}${i ? ' (YAML 1.1)' : ''}`;
        if (validate(clone(doc))) {
          fail(`${label}: expected invalid, but it validated`);
          return;
        }
        if (!expected) return;
        const hit = validate.errors.some(
          (e) =>
            e.instancePath === expected.instancePath &&
            e.keyword === expected.keyword &&
            (!expected.key || e.params?.additionalProperty === expected.key),
        );
        if (!hit) {
          fail(
            `${label}: expected ${expected.keyword} at "${expected.instancePath}"` +
              `${expected.key ? ` (${expected.key})` : ''}, got: ${describe(validate.errors)}`,
          );
        }
      });
    }
  }
  if (!valid) fail(`${id}: no valid-* fixtures in ${path.relative(ROOT, dir)}`);
  summary.push(
    `${fileName}: compiles; ${nodes.length} property nodes documented ` +
      `(${nodes.filter((n) => n.kind === 'property').length} keys, ${nodes.filter((n) => n.kind === 'map value').length} map values` +
      `${outputOnly ? `, ${outputOnly} output-only` : ''}), ${definitions} definitions; ` +
      `fixtures: ${valid} valid, ${invalid} invalid`,
  );
}

// The generated ECS schema must match its generator output byte for byte.
const gen = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'generate-ecs-schema.mjs'), '--check'], {
  cwd: ROOT,
  encoding: 'utf8',
});
if (gen.status !== 0) fail(`generate-ecs-schema --check: ${(gen.stderr || gen.stdout).trim()}`);
else summary.push(gen.stdout.trim());

for (const line of summary) console.log(line);
if (failures.length) {
  console.error(`\n${failures.length} problem(s):`);
  for (const f of failures) console.error(`- ${f}`);
  process.exit(1);
}
console.log('schema smoke check passed');
