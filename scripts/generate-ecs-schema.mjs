// Generates schemas/ecs-task-definition.schema.json from the TypeScript declarations shipped in
// @aws-sdk/client-ecs (dist-types/models/*.d.ts), parsed with the TypeScript compiler API.
//
// The schema describes the input of `aws ecs register-task-definition --cli-input-json` (the
// RegisterTaskDefinitionRequest shape and every shape reachable from it), plus the keys that
// `describe-task-definition` adds to a task definition, which are accepted but marked
// `"outputOnly": true` so a code rule can warn about them.
//
// Deterministic: same SDK version in, byte-identical JSON out. Run: node scripts/generate-ecs-schema.mjs
// Options: --check   exit 1 if the committed schema differs from what would be generated
//          --stdout  print the schema instead of writing it
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { htmlToMarkdown, jsDocOf } from './sdk-doc-markdown.mjs';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'schemas', 'ecs-task-definition.schema.json');
const SDK_PKG = require.resolve('@aws-sdk/client-ecs/package.json', { paths: [ROOT] });
const SDK_DIR = path.dirname(SDK_PKG);
const SDK_VERSION = JSON.parse(fs.readFileSync(SDK_PKG, 'utf8')).version;
const MODELS_DIR = path.join(SDK_DIR, 'dist-types', 'models');

const ROOT_SHAPE = 'RegisterTaskDefinitionRequest';
const OUTPUT_SHAPE = 'TaskDefinition';
const API_DOC = 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/';

// Smithy integers and doubles both become `number` in the .d.ts files. Every numeric member reachable
// from RegisterTaskDefinitionRequest is an Integer/Long in the ECS model, so numbers default to
// "integer"; list "Shape.member" here if a future SDK adds a floating-point member.
const FLOAT_MEMBERS = new Set([]);

// --------------------------------------------------------------------------------------------
// 1. Collect declarations from the .d.ts files.
// --------------------------------------------------------------------------------------------
const interfaces = new Map(); // name -> InterfaceDeclaration
const enumConsts = new Map(); // name -> { values: string[], docs: string[] }
const aliases = new Map(); // name -> TypeAliasDeclaration
const namespaces = new Map(); // name -> Map(memberInterfaceName -> InterfaceDeclaration)

const modelFiles = fs
  .readdirSync(MODELS_DIR)
  .filter((f) => f.endsWith('.d.ts'))
  .sort();

function collect(stmt) {
  if (ts.isInterfaceDeclaration(stmt)) {
    interfaces.set(stmt.name.text, stmt);
  } else if (ts.isTypeAliasDeclaration(stmt)) {
    aliases.set(stmt.name.text, stmt);
  } else if (ts.isVariableStatement(stmt)) {
    for (const decl of stmt.declarationList.declarations) {
      if (!ts.isIdentifier(decl.name) || !decl.type || !ts.isTypeLiteralNode(decl.type)) continue;
      const values = [];
      const docs = [];
      let isEnum = decl.type.members.length > 0;
      for (const m of decl.type.members) {
        if (
          ts.isPropertySignature(m) &&
          m.type &&
          ts.isLiteralTypeNode(m.type) &&
          ts.isStringLiteral(m.type.literal)
        ) {
          values.push(m.type.literal.text);
          docs.push(htmlToMarkdown(jsDocOf(m).text));
        } else {
          isEnum = false;
        }
      }
      if (isEnum) enumConsts.set(decl.name.text, { values, docs });
    }
  } else if (ts.isModuleDeclaration(stmt) && stmt.body && ts.isModuleBlock(stmt.body)) {
    const members = new Map();
    for (const inner of stmt.body.statements) {
      if (ts.isInterfaceDeclaration(inner)) members.set(inner.name.text, inner);
    }
    namespaces.set(stmt.name.text, members);
  }
}

// --------------------------------------------------------------------------------------------
// 2. Types -> JSON Schema (documentation text from sdk-doc-markdown.mjs).
// --------------------------------------------------------------------------------------------
const definitions = new Map(); // name -> schema (filled lazily)
const pending = [];
const usedEnums = new Set();
const stats = { properties: 0, enumProperties: 0 };

function unsupported(node, where) {
  throw new Error(`Unsupported type "${node.getText()}" (${ts.SyntaxKind[node.kind]}) at ${where}`);
}

function refTo(name) {
  if (!definitions.has(name)) {
    definitions.set(name, null);
    pending.push(name);
  }
  return { $ref: `#/definitions/${name}` };
}

function enumSchema(name) {
  const e = enumConsts.get(name);
  usedEnums.add(name);
  const schema = { type: 'string', enum: [...e.values] };
  if (e.docs.some(Boolean)) schema.markdownEnumDescriptions = [...e.docs];
  return schema;
}

// `typeof X[keyof typeof X]` style alias -> the const name X.
function enumNameOfAlias(alias) {
  let t = alias.type;
  while (ts.isParenthesizedTypeNode(t)) t = t.type;
  if (!ts.isIndexedAccessTypeNode(t)) return undefined;
  let obj = t.objectType;
  while (ts.isParenthesizedTypeNode(obj)) obj = obj.type;
  if (ts.isTypeQueryNode(obj) && ts.isIdentifier(obj.exprName) && enumConsts.has(obj.exprName.text)) {
    return obj.exprName.text;
  }
  return undefined;
}

function typeToSchema(node, where) {
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return { type: 'string' };
    case ts.SyntaxKind.NumberKeyword:
      return { type: FLOAT_MEMBERS.has(where) ? 'number' : 'integer' };
    case ts.SyntaxKind.BooleanKeyword:
      return { type: 'boolean' };
    default:
      break;
  }
  if (ts.isParenthesizedTypeNode(node)) return typeToSchema(node.type, where);
  if (ts.isUnionTypeNode(node)) {
    const parts = node.types.filter((t) => t.kind !== ts.SyntaxKind.UndefinedKeyword);
    if (parts.length === 1) return typeToSchema(parts[0], where);
    if (parts.every((t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal))) {
      return { type: 'string', enum: parts.map((t) => t.literal.text) };
    }
    unsupported(node, where);
  }
  if (ts.isArrayTypeNode(node)) {
    return { type: 'array', items: typeToSchema(node.elementType, where) };
  }
  if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) {
    return { type: 'string', enum: [node.literal.text] };
  }
  if (ts.isTypeReferenceNode(node)) {
    const name = node.typeName.getText();
    const args = node.typeArguments ?? [];
    if (name === 'Date') return { type: 'string' };
    if (name === 'Record' && args.length === 2 && args[0].kind === ts.SyntaxKind.StringKeyword) {
      const member = where.split('.').pop();
      const value = typeToSchema(args[1], where);
      return {
        type: 'object',
        additionalProperties: {
          markdownDescription: `Value stored under this key of \`${member}\`.`,
          ...value,
        },
      };
    }
    if (name === 'Array' && args.length === 1) {
      return { type: 'array', items: typeToSchema(args[0], where) };
    }
    if (enumConsts.has(name) && aliases.has(name) && enumNameOfAlias(aliases.get(name)) === name) {
      return enumSchema(name);
    }
    if (interfaces.has(name)) return refTo(name);
    if (aliases.has(name)) {
      const alias = aliases.get(name);
      const enumName = enumNameOfAlias(alias);
      if (enumName) return enumSchema(enumName);
      if (namespaces.has(name)) return refTo(name); // tagged union
      return typeToSchema(alias.type, where);
    }
  }
  return unsupported(node, where);
}

function memberName(member) {
  const n = member.name;
  if (ts.isIdentifier(n) || ts.isStringLiteral(n)) return n.text;
  throw new Error(`Unsupported member name ${n.getText()}`);
}

function propertySchema(member, shapeName) {
  const name = memberName(member);
  const where = `${shapeName}.${name}`;
  const schema = typeToSchema(member.type, where);
  const doc = jsDocOf(member);
  const prop = {};
  // Documentation keywords first, so a reader of the JSON sees them before the constraints.
  prop.markdownDescription = htmlToMarkdown(doc.text) || `The \`${name}\` member of \`${shapeName}\`.`;
  if (doc.deprecated) prop.deprecationMessage = `Deprecated: ${htmlToMarkdown(doc.deprecated)}`;
  Object.assign(prop, schema);
  stats.properties += 1;
  if (schema.enum || schema.items?.enum) stats.enumProperties += 1;
  return { name, prop, optional: Boolean(member.questionToken) };
}

function objectSchemaFromMembers(members, shapeName) {
  const properties = {};
  const required = [];
  for (const member of members) {
    if (!ts.isPropertySignature(member)) continue;
    const { name, prop, optional } = propertySchema(member, shapeName);
    prop.documentationUrl ??= memberUrl(shapeName, name);
    properties[name] = prop;
    if (!optional) required.push(name);
  }
  const schema = { type: 'object', additionalProperties: false, properties };
  if (required.length) schema.required = required;
  return schema;
}

/** The API Reference anchor of one member: the request's parameters, or a data type's members. */
function memberUrl(shapeName, member) {
  if (shapeName === ROOT_SHAPE)
    return `${API_DOC}API_RegisterTaskDefinition.html#ECS-RegisterTaskDefinition-request-${member}`;
  return `${API_DOC}API_${shapeName}.html#ECS-Type-${shapeName}-${member}`;
}

function shapeDoc(decl) {
  return htmlToMarkdown(jsDocOf(decl).text);
}

function unionDoc(name) {
  const doc = shapeDoc(aliases.get(name)) || `The \`${name}\` union.`;
  return /exactly one/i.test(doc) ? doc : `${doc}\n\nSpecify exactly one of the members.`;
}

function buildDefinition(name) {
  if (interfaces.has(name)) {
    const decl = interfaces.get(name);
    const schema = objectSchemaFromMembers(decl.members, name);
    const doc = shapeDoc(decl);
    return {
      markdownDescription: doc || `The \`${name}\` structure.`,
      documentationUrl: `${API_DOC}API_${name}.html`,
      ...schema,
    };
  }
  // Tagged union: `type X = X.AMember | X.$UnknownMember` -> exactly one of the member keys.
  // Only the interfaces named in the alias's union are members (the namespace also holds a Visitor).
  const members = namespaces.get(name);
  const alias = aliases.get(name);
  const memberNames = ts.isUnionTypeNode(alias.type)
    ? alias.type.types.filter(ts.isTypeReferenceNode).map((t) => t.typeName.getText().split('.').pop())
    : [];
  const properties = {};
  for (const memberIface of memberNames) {
    if (memberIface === '$UnknownMember' || !members.has(memberIface)) continue;
    const decl = members.get(memberIface);
    for (const m of decl.members) {
      if (!ts.isPropertySignature(m) || !m.type || m.type.kind === ts.SyntaxKind.NeverKeyword) continue;
      const { name: key, prop } = propertySchema(m, name);
      prop.documentationUrl ??= memberUrl(name, key);
      // The member's documentation sits on the member interface, not on its single property.
      const ifaceDoc = shapeDoc(decl);
      if (ifaceDoc && !jsDocOf(m).text) prop.markdownDescription = ifaceDoc;
      properties[key] = prop;
    }
  }
  return {
    markdownDescription: unionDoc(name),
    documentationUrl: `${API_DOC}API_${name}.html`,
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    maxProperties: 1,
    properties,
  };
}

// --------------------------------------------------------------------------------------------
// 3. Read the declarations and assemble the root schema.
// --------------------------------------------------------------------------------------------
for (const file of modelFiles) {
  const text = fs.readFileSync(path.join(MODELS_DIR, file), 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  for (const stmt of sf.statements) collect(stmt);
}

const requestDecl = interfaces.get(ROOT_SHAPE);
const outputDecl = interfaces.get(OUTPUT_SHAPE);
if (!requestDecl || !outputDecl)
  throw new Error(`${ROOT_SHAPE} or ${OUTPUT_SHAPE} not found in ${MODELS_DIR}`);

const rootObject = objectSchemaFromMembers(requestDecl.members, ROOT_SHAPE);
const outputOnlyKeys = [];
for (const member of outputDecl.members) {
  if (!ts.isPropertySignature(member)) continue;
  const name = memberName(member);
  if (Object.hasOwn(rootObject.properties, name)) continue;
  const { prop } = propertySchema(member, OUTPUT_SHAPE);
  prop.markdownDescription =
    `**Output only.** \`describe-task-definition\` returns this key, but ` +
    '`register-task-definition` does not accept it: remove it before registering ' +
    '(the AWS CLI rejects unknown keys in `--cli-input-json`).\n\n' +
    prop.markdownDescription;
  rootObject.properties[name] = { ...prop, outputOnly: true };
  outputOnlyKeys.push(name);
}

while (pending.length) {
  const name = pending.shift();
  definitions.set(name, buildDefinition(name));
}

const sortedDefinitions = Object.fromEntries(
  [...definitions.keys()].sort().map((k) => [k, definitions.get(k)]),
);

const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'ecs-task-definition',
  title: 'Amazon ECS task definition (register-task-definition --cli-input-json)',
  markdownDescription:
    `${shapeDoc(requestDecl) ? `${shapeDoc(requestDecl)}\n\n` : ''}An Amazon ECS task definition in the JSON form accepted by ` +
    '`aws ecs register-task-definition --cli-input-json file://taskdef.json`. ' +
    `Generated from the \`${ROOT_SHAPE}\` declarations of \`@aws-sdk/client-ecs@${SDK_VERSION}\`; ` +
    `keys that only \`describe-task-definition\` output contains are accepted and marked output-only ` +
    `(${outputOnlyKeys.map((k) => `\`${k}\``).join(', ')}).`,
  documentationUrl: `${API_DOC}API_RegisterTaskDefinition.html`,
  ...rootObject,
  definitions: sortedDefinitions,
};

const json = JSON.stringify(schema, null, 2) + '\n';
const args = new Set(process.argv.slice(2));
if (args.has('--stdout')) {
  process.stdout.write(json);
} else if (args.has('--check')) {
  const current = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
  if (current !== json) {
    console.error(`${path.relative(ROOT, OUT)} is out of date: run node scripts/generate-ecs-schema.mjs`);
    process.exit(1);
  }
  console.log(`${path.relative(ROOT, OUT)} is up to date`);
} else {
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, json);
}

const totalProps = stats.properties;
console.error(
  `ecs-task-definition schema (@aws-sdk/client-ecs@${SDK_VERSION}): ` +
    `${Object.keys(sortedDefinitions).length} definitions, ` +
    `${totalProps} properties (${Object.keys(rootObject.properties).length} top-level, ` +
    `${outputOnlyKeys.length} output-only), ` +
    `${usedEnums.size} enums used by ${stats.enumProperties} properties`,
);
