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
// Run:     node scripts/generate-cfn-schemas.mjs          (or: npm run schemas)
// Options: --check   exit 1 if the committed files differ from what would be generated
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { splitEntry } from './cfn-docs.mjs';
import { mendDocText } from './cfn-doc-text.mjs';
import { loadProviderOverlay } from './cfn-provider-overlay.mjs';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = path.join(ROOT, 'schemas', 'cloudformation');
const SERVICES_DIR = path.join(OUT_DIR, 'services');
const DOCS_DIR = path.join(OUT_DIR, 'docs');
/** The folders of one file per service: the schemas, and their documentation. */
const SERVICE_DIRS = [SERVICES_DIR, DOCS_DIR];
const OVERLAY_FILE = path.join(ROOT, 'scripts', 'cfn-overlay.json');
const SAM_FILE = path.join(ROOT, 'scripts', 'sam-resources.json');

const SPEC_PKG_NAME = '@aws-cdk/aws-service-spec';
const SPEC_PKG_JSON = require.resolve(`${SPEC_PKG_NAME}/package.json`, { paths: [ROOT] });
const SPEC_VERSION = JSON.parse(fs.readFileSync(SPEC_PKG_JSON, 'utf8')).version;
const SOURCE = `${SPEC_PKG_NAME}@${SPEC_VERSION}`;

const CFN_DOCS = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/';
const SAM_NAMESPACE = 'AWS::Serverless';

// Name used for the shared definition of the spec's built-in CloudFormation tag ({Key, Value}).
const BUILTIN_TAG_NAME = 'Tag';

const CHECK_ONLY = process.argv.includes('--check');
// --providers DIR: re-read the resource provider schemas and rewrite scripts/cfn-provider-overlay.json.
const PROVIDERS_DIR = (() => {
  const at = process.argv.indexOf('--providers');
  return at >= 0 ? process.argv[at + 1] : undefined;
})();

/** Abort generation with a message that says what to fix. */
function fail(message) {
  throw new Error(message);
}

// --------------------------------------------------------------------------------------------
// 1. Inputs: the spec database and the two hand-maintained files.
// --------------------------------------------------------------------------------------------

function loadSpecDatabase() {
  const { loadAwsServiceSpecSync } = require(require.resolve(SPEC_PKG_NAME, { paths: [ROOT] }));
  return loadAwsServiceSpecSync();
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    return fail(`cannot read ${path.relative(ROOT, file)}: ${err.message}`);
  }
}

/**
 * Parse the overlay into a map keyed by resource type, then by "<PropertyTypeName>.<Property>" for
 * nested property types or "<Property>" for top-level properties. The entry records whether it was
 * used, so unused (= non-existent) paths can be reported at the end.
 */
function loadOverlay() {
  const raw = readJson(OVERLAY_FILE);
  if (!raw || typeof raw.entries !== 'object') fail('cfn-overlay.json: expected an object with "entries"');
  const byResource = new Map();
  for (const [key, entry] of Object.entries(raw.entries)) {
    const match = /^([A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+)\.(.+)$/.exec(key);
    if (!match)
      fail(`cfn-overlay.json: bad key "${key}" (expected "<Type>.<Prop>" or "<Type>.<PropType>.<Prop>")`);
    const [, resourceType, rest] = match;
    const parts = rest.split('.');
    if (parts.length > 2) fail(`cfn-overlay.json: bad key "${key}" (too many path segments)`);
    if (!Array.isArray(entry.values) || entry.values.length === 0)
      fail(`cfn-overlay.json: "${key}" needs values`);
    if (new Set(entry.values).size !== entry.values.length) fail(`cfn-overlay.json: "${key}" has duplicates`);
    if (typeof entry.source !== 'string' || !entry.source.trim())
      fail(`cfn-overlay.json: "${key}" needs a source`);
    const descriptions = entry.enumDescriptions ?? {};
    for (const value of Object.keys(descriptions)) {
      if (!entry.values.map(String).includes(value)) {
        fail(`cfn-overlay.json: "${key}" describes "${value}", which is not one of its values`);
      }
    }
    if (!byResource.has(resourceType)) byResource.set(resourceType, new Map());
    byResource.get(resourceType).set(rest, { key, values: entry.values, descriptions, used: false });
  }
  return byResource;
}

// --------------------------------------------------------------------------------------------
// 2. Small helpers: documentation text, URLs, deterministic JSON.
// --------------------------------------------------------------------------------------------

/** The spec's markdown, or undefined when it is missing, blank or a stringified "undefined". */
function cleanDoc(text) {
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim();
  if (!trimmed || trimmed === 'undefined' || trimmed === 'null') return undefined;
  return mendDocText(trimmed);
}

/** CloudFormation user guide page of a resource type, e.g. AWS::S3::Bucket -> aws-resource-s3-bucket.html. */
function cfnDocumentationUrl(resourceType) {
  const [, service, resource] = resourceType.split('::');
  return `${CFN_DOCS}${`aws-resource-${service}-${resource}`.toLowerCase()}.html`;
}

/** Service file base name: AWS::S3 -> AWS_S3, Alexa::ASK -> Alexa_ASK. */
function serviceFileBase(namespace) {
  return namespace.replace(/::/g, '_');
}

/** Recursively sort object keys (arrays keep their order) so serialisation is stable. */
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out = {};
    for (const key of Object.keys(value).sort(compareStrings)) out[key] = sortKeys(value[key]);
    return out;
  }
  return value;
}

/** Plain code-unit comparison: independent of locale/ICU, so identical on every machine. */
function compareStrings(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Large service files are written one resource type per line (diffable, but compact). */
function serialiseServiceFile(resourceTypes) {
  const names = Object.keys(resourceTypes).sort(compareStrings);
  const lines = names.map(
    (name, i) =>
      `    ${JSON.stringify(name)}: ${JSON.stringify(sortKeys(resourceTypes[name]))}${i < names.length - 1 ? ',' : ''}`,
  );
  return `{\n  "resourceTypes": {\n${lines.join('\n')}\n  }\n}\n`;
}

function serialisePretty(value) {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

function uniqueValues(values) {
  return [...new Set(values)];
}

// --------------------------------------------------------------------------------------------
// 3. Spec types -> JSON Schema.
// --------------------------------------------------------------------------------------------

/**
 * Builds the schema of one resource type. Nested property types become entries of `definitions`
 * (named after the property type, with a numeric suffix if two different types share a name) and
 * are referenced with "$ref": "#/definitions/<Name>". Only types reachable from the resource are
 * emitted. The same builder is reused for SAM pass-through properties, which pull in definitions
 * from another resource type (`source`).
 */
class SchemaBuilder {
  constructor(db, overlay, stats, ownerType, { counting = true } = {}) {
    this.db = db;
    this.overlay = overlay;
    this.stats = stats;
    this.ownerType = ownerType;
    this.counting = counting; // count enumerated properties into stats (off for SAM pass-through copies)
    this.definitions = new Map(); // name -> schema (null while being built, for recursive types)
    this.nameByKey = new Map(); // "td:<id>" | "builtin:tag" -> definition name
  }

  allocateName(key, preferred) {
    let name = preferred;
    for (let n = 2; this.definitions.has(name); n++) name = `${preferred}${n}`;
    this.nameByKey.set(key, name);
    this.definitions.set(name, null);
    return name;
  }

  /** $ref to the definition of a spec type definition, building it on first use. */
  refToTypeDefinition(typeDef, source) {
    const key = `td:${typeDef.$id}`;
    let name = this.nameByKey.get(key);
    if (!name) {
      name = this.allocateName(key, typeDef.name);
      this.definitions.set(name, this.typeDefinitionSchema(typeDef, source));
    }
    return { $ref: `#/definitions/${name}` };
  }

  /** $ref to the shared {Key, Value} tag definition. */
  refToBuiltinTag() {
    const key = 'builtin:tag';
    let name = this.nameByKey.get(key);
    if (!name) {
      name = this.allocateName(key, BUILTIN_TAG_NAME);
      this.definitions.set(name, {
        type: 'object',
        markdownDescription: 'A key-value pair to associate with a resource.',
        additionalProperties: false,
        properties: {
          Key: {
            type: 'string',
            markdownDescription:
              'The key name of the tag. Up to 128 Unicode characters; it cannot be prefixed with `aws:`.',
          },
          Value: {
            type: 'string',
            markdownDescription: 'The value of the tag. Up to 256 Unicode characters.',
          },
        },
        required: ['Key', 'Value'],
      });
    }
    return { $ref: `#/definitions/${name}` };
  }

  /**
   * JSON Schema for a spec PropertyType. `inUnion` is set for members of a union: there a `json`
   * member stands for the object alternative of the registry schema, so it becomes {"type":"object"}
   * rather than "anything" (which would make the whole union accept anything).
   */
  typeSchema(type, source, inUnion = false) {
    switch (type.type) {
      case 'string':
      case 'integer': {
        const schema = { type: type.type };
        if (Array.isArray(type.allowedValues) && type.allowedValues.length > 0) {
          schema.enum = uniqueValues(type.allowedValues);
        }
        return schema;
      }
      case 'number':
      case 'boolean':
      case 'null':
        return { type: type.type };
      case 'date-time':
        return { type: 'string' };
      case 'json':
        return inUnion ? { type: 'object' } : {};
      case 'tag':
        return this.refToBuiltinTag();
      case 'array':
        return { type: 'array', items: this.typeSchema(type.element, source) };
      case 'map':
        return { type: 'object', additionalProperties: this.typeSchema(type.element, source) };
      case 'union': {
        const seen = new Set();
        const branches = [];
        for (const member of type.types) {
          const branch = this.typeSchema(member, source, true);
          const fingerprint = JSON.stringify(sortKeys(branch));
          if (!seen.has(fingerprint)) {
            seen.add(fingerprint);
            branches.push(branch);
          }
        }
        return branches.length === 1 ? branches[0] : { anyOf: branches };
      }
      case 'ref':
        return this.refToTypeDefinition(this.db.get('typeDefinition', type.reference), source);
      default:
        return fail(`${this.ownerType}: unsupported spec type ${JSON.stringify(type)}`);
    }
  }

  /** Definition of a nested property type: an object with its own properties. */
  typeDefinitionSchema(typeDef, source) {
    const schema = {
      type: 'object',
      markdownDescription:
        cleanDoc(typeDef.documentation) ??
        `The \`${typeDef.name}\` property type of \`${source.cloudFormationType}\`.`,
    };
    const names = Object.keys(typeDef.properties);
    // A handful of spec property types have no properties at all (e.g. EC2 Instance NoDevice, some
    // MediaLive/QuickSight settings). They are left as plain objects rather than "no keys allowed".
    if (names.length === 0) return schema;
    const { properties, required } = this.propertiesSchema(typeDef.properties, source, typeDef.name);
    schema.additionalProperties = false;
    schema.properties = properties;
    if (required.length > 0) schema.required = required;
    return schema;
  }

  /** `properties` + `required` for a property map of a resource (typeDefName null) or property type. */
  propertiesSchema(props, source, typeDefName) {
    const properties = {};
    const required = [];
    for (const name of Object.keys(props).sort(compareStrings)) {
      properties[name] = this.propertySchema(props[name], name, source, typeDefName);
      if (props[name].required) required.push(name);
    }
    return { properties, required };
  }

  /** Schema of one property: its type, the overlay enum if any, and the annotations. */
  propertySchema(prop, name, source, typeDefName) {
    const schema = { ...this.typeSchema(prop.type, source) };
    const ownerLabel = typeDefName
      ? `${source.cloudFormationType}.${typeDefName}`
      : source.cloudFormationType;
    if (this.counting && hasEnum(schema)) this.stats.enumsFromSpec++;
    const overlayEntry = this.overlay
      .get(source.cloudFormationType)
      ?.get(typeDefName ? `${typeDefName}.${name}` : name);
    if (overlayEntry) {
      applyOverlayEntry(schema, overlayEntry);
      if (this.counting) this.stats.enumsFromOverlay++;
    }
    schema.markdownDescription =
      cleanDoc(prop.documentation) ??
      `The \`${name}\` property of \`${ownerLabel}\` (the resource specification has no description for it).`;
    if (prop.causesReplacement === 'yes' || prop.causesReplacement === 'maybe') {
      schema.causesReplacement = prop.causesReplacement;
    }
    if (prop.deprecated && prop.deprecated !== 'NONE') {
      schema.deprecationMessage = `\`${name}\` is deprecated in the AWS resource specification; avoid using it.`;
    }
    return schema;
  }

  /** The finished `definitions` object (empty definitions cannot remain: all are built eagerly). */
  definitionsObject() {
    const out = {};
    for (const [name, schema] of this.definitions) {
      if (!schema) fail(`${this.ownerType}: definition ${name} was never completed`);
      out[name] = schema;
    }
    return out;
  }
}

/** True if a property schema (not following $refs) carries an enum on itself or its items/values. */
function hasEnum(schema) {
  if (!schema || typeof schema !== 'object') return false;
  if (Array.isArray(schema.enum)) return true;
  if (schema.items && hasEnum(schema.items)) return true;
  if (schema.additionalProperties && hasEnum(schema.additionalProperties)) return true;
  if (Array.isArray(schema.anyOf)) return schema.anyOf.some(hasEnum);
  return false;
}

/** Number of property nodes (in any `properties` map, definitions included) that carry an enum. */
function countEnumeratedProperties(schema) {
  let count = 0;
  const visit = (node) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties' && value && typeof value === 'object') {
        for (const prop of Object.values(value)) if (hasEnum(prop)) count++;
      }
      if (key !== 'enum') visit(value);
    }
  };
  visit(schema);
  return count;
}

/**
 * Put an overlay's allowed values on the scalar node of a property schema: the property itself
 * (string/integer), the items of a list, or the values of a map. Fails if the spec already has an
 * enum there (the overlay is only for gaps) or if the values do not fit the spec type.
 */
function applyOverlayEntry(schema, entry) {
  let node = schema;
  if (schema.type === 'array' && schema.items) node = schema.items;
  else if (schema.type === 'object' && schema.additionalProperties) node = schema.additionalProperties;
  if (node.type !== 'string' && node.type !== 'integer') {
    fail(
      `cfn-overlay.json: "${entry.key}" targets a ${JSON.stringify(schema)} property; only strings/integers (or lists/maps of them) can take an enum`,
    );
  }
  if (node.enum) {
    fail(
      `cfn-overlay.json: "${entry.key}" already has allowed values in the spec (${node.enum.join(', ')}); remove the overlay entry`,
    );
  }
  for (const value of entry.values) {
    const ok = node.type === 'string' ? typeof value === 'string' : Number.isInteger(value);
    if (!ok) fail(`cfn-overlay.json: "${entry.key}" value ${JSON.stringify(value)} is not a ${node.type}`);
  }
  node.enum = [...entry.values];
  if (Object.keys(entry.descriptions).length > 0) {
    node.markdownEnumDescriptions = entry.values.map((value) => entry.descriptions[String(value)] ?? '');
  }
  entry.used = true;
}

/**
 * Resources can list extra replacement paths that cannot be expressed on a property type (e.g.
 * through a list: ["Tags", "*", "Key"]). Mark the deepest property we can reach: a property of a
 * resource-specific definition, or the top-level property when the path goes into the shared tag.
 */
function markAdditionalReplacements(resource, schema, builtinTagName, warnings) {
  const seen = new Set();
  for (const pathParts of resource.additionalReplacementProperties ?? []) {
    const label = pathParts.join('.');
    if (seen.has(label)) continue;
    seen.add(label);
    // The first segment is normally a top-level property; the spec also uses paths that start at a
    // property type (e.g. EFS AccessPoint ["CreationInfo", "OwnerUid"]).
    const top = schema.properties[pathParts[0]] ?? schema.definitions?.[pathParts[0]];
    const startsAtDefinition = !schema.properties[pathParts[0]];
    if (!top || (startsAtDefinition && (pathParts.length < 2 || pathParts[0] === builtinTagName))) {
      warnings.push(`${resource.cloudFormationType}: replacement path ${label} does not exist`);
      continue;
    }
    let target = top;
    let node = top;
    for (const part of pathParts.slice(1)) {
      node = resolveRef(schema, node);
      if (part === '*' && (node.items || node.additionalProperties)) {
        node = resolveRef(schema, node.items ?? node.additionalProperties);
        continue;
      }
      if (builtinTagName && node === schema.definitions[builtinTagName]) break; // shared: mark the top level
      node = node.properties?.[part];
      if (!node) break;
      target = node;
    }
    if (target.causesReplacement !== 'yes') target.causesReplacement = 'yes';
  }
}

function resolveRef(schema, node) {
  const ref = node?.$ref;
  if (!ref) return node;
  return schema.definitions[ref.slice('#/definitions/'.length)];
}

/** Coarse attribute type for Fn::GetAtt: a JSON type name. */
function attributeType(type) {
  switch (type.type) {
    case 'string':
    case 'integer':
    case 'number':
    case 'boolean':
      return type.type;
    case 'date-time':
      return 'string';
    case 'array':
      return 'array';
    case 'union': {
      const members = uniqueValues(type.types.map(attributeType));
      return members.length === 1 ? members[0] : undefined;
    }
    default:
      return 'object';
  }
}

function attributesOf(resource) {
  const out = {};
  for (const name of Object.keys(resource.attributes).sort(compareStrings)) {
    const attr = resource.attributes[name];
    const entry = {
      markdownDescription:
        cleanDoc(attr.documentation) ??
        `The \`${name}\` attribute of \`${resource.cloudFormationType}\`, returned by \`Fn::GetAtt\`.`,
    };
    const type = attributeType(attr.type);
    if (type) entry.type = type;
    out[name] = entry;
  }
  return out;
}

// --------------------------------------------------------------------------------------------
// 4. Resource entries: CloudFormation resources from the spec, SAM resources from the file.
// --------------------------------------------------------------------------------------------

function cfnResourceEntry(db, overlay, stats, resource, warnings) {
  const builder = new SchemaBuilder(db, overlay, stats, resource.cloudFormationType);
  const { properties, required } = builder.propertiesSchema(resource.properties, resource, null);
  const schema = { type: 'object', additionalProperties: false, properties };
  if (required.length > 0) schema.required = required;
  const definitions = builder.definitionsObject();
  if (Object.keys(definitions).length > 0) schema.definitions = definitions;
  const builtinTagName = builder.nameByKey.get('builtin:tag');
  markAdditionalReplacements(resource, schema, builtinTagName, warnings);
  stats.definitions += Object.keys(definitions).filter((name) => name !== builtinTagName).length;
  return {
    markdownDescription:
      cleanDoc(resource.documentation) ?? `The \`${resource.cloudFormationType}\` resource type.`,
    documentationUrl: cfnDocumentationUrl(resource.cloudFormationType),
    attributes: attributesOf(resource),
    schema,
  };
}

/** Find a resource type in the spec, or fail. */
function specResource(db, cfnType, context) {
  const found = db.lookup('resource', 'cloudFormationType', 'equals', cfnType);
  if (found.length !== 1) fail(`${context}: resource type ${cfnType} is not in ${SOURCE}`);
  return found[0];
}

/**
 * A SAM property that SAM passes unchanged to a generated CloudFormation resource is described by
 * "passthrough": "<Type>.<Prop>" or "<Type>.<PropType>.<Prop>"; its schema is the CloudFormation
 * one (with overlay enums), its definitions copied into the SAM resource's schema.
 */
function passthroughSchema(db, builder, target, context) {
  const match = /^([A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+)\.(.+)$/.exec(target);
  if (!match) fail(`${context}: bad passthrough "${target}"`);
  const source = specResource(db, match[1], context);
  const parts = match[2].split('.');
  let props = source.properties;
  let typeDefName = null;
  if (parts.length === 2) {
    const defs = db
      .follow('usesType', source)
      .map((link) => link.entity)
      .filter((d) => d.name === parts[0]);
    if (defs.length !== 1)
      fail(`${context}: passthrough "${target}": property type ${parts[0]} not found once`);
    props = defs[0].properties;
    typeDefName = parts[0];
  } else if (parts.length !== 1) {
    fail(`${context}: bad passthrough "${target}"`);
  }
  const prop = props[parts[parts.length - 1]];
  if (!prop) fail(`${context}: passthrough "${target}" does not exist in ${SOURCE}`);
  return builder.propertySchema(prop, parts[parts.length - 1], source, typeDefName);
}

function samResourceEntry(db, overlay, stats, type, spec) {
  const context = `sam-resources.json ${type}`;
  for (const key of ['markdownDescription', 'documentationUrl', 'properties']) {
    if (!spec[key]) fail(`${context}: missing ${key}`);
  }
  const builder = new SchemaBuilder(db, overlay, stats, type, { counting: false });
  const properties = {};
  const required = [];
  for (const name of Object.keys(spec.properties).sort(compareStrings)) {
    const prop = spec.properties[name];
    const doc = cleanDoc(prop.markdownDescription);
    if (!doc) fail(`${context}: property ${name} needs a markdownDescription`);
    let schema;
    if (prop.passthrough) {
      if (prop.schema) fail(`${context}: property ${name} has both passthrough and schema`);
      schema = passthroughSchema(db, builder, prop.passthrough, `${context}.${name}`);
      schema.markdownDescription = `${doc}\n\nSAM passes this value to \`${prop.passthrough}\`.`;
      delete schema.deprecationMessage;
    } else if (prop.schema && typeof prop.schema === 'object') {
      schema = { ...prop.schema, markdownDescription: doc };
    } else {
      fail(`${context}: property ${name} needs "passthrough" or "schema"`);
    }
    properties[name] = schema;
    if (prop.required === true) required.push(name);
  }
  const schema = { type: 'object', additionalProperties: false, properties };
  if (required.length > 0) schema.required = required;
  const definitions = builder.definitionsObject();
  if (Object.keys(definitions).length > 0) schema.definitions = definitions;
  stats.samEnums += countEnumeratedProperties(schema);

  let attributes = {};
  if (spec.attributesFrom) attributes = attributesOf(specResource(db, spec.attributesFrom, context));
  return {
    markdownDescription: cleanDoc(spec.markdownDescription),
    documentationUrl: spec.documentationUrl,
    attributes,
    schema,
  };
}

// --------------------------------------------------------------------------------------------
// 5. Main: build everything in memory, then write (or compare with --check).
// --------------------------------------------------------------------------------------------

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
