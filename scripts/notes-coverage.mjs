#!/usr/bin/env node
// How much of the notes hovers can reach. Run after `npm run build`:
//
//   node scripts/notes-coverage.mjs [--json] [--all]
//
// It hovers, through the bundled language service (dist/cli.js createService()), every place a
// user could: every resource type of the services the notes cover and their properties (two
// levels, and each allowed value of a property with a fixed list), the intrinsic functions and
// pseudo-parameters, the template's sections and keys, and every key of the buildspec, appspec and
// ECS task definition schemas (plus every CodeDeploy lifecycle event), every word of the example
// files (examples/, test/e2e/workspace/), and each name a section lists as a topic written as the
// value of a property of the resource type the section is about (as in `OptionName:
// EnvironmentType`). The "Open note" links of the hovers tell which sections they reach. It prints:
//
//   1. each note section (a heading with text under it) and whether a hover reaches it;
//   2. for each CloudFormation service the notes cover, how many of its resource types get an
//      excerpt of the notes in their hover: all of them when a note has the service's pattern
//      (`AWS::SQS::*`), else the types the notes name.
//
// --all lists reached sections and services too (by default only the misses are listed);
// --json prints the figures as JSON. Exit code 0 (it measures, it does not judge); 2 when
// dist/cli.js is missing.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { INTRINSIC_FUNCTIONS } from './notes-front-matter.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error('dist/cli.js is missing: run `npm run build` first.');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const { createService, vocabulary } = require(cli);
const { pseudoParameters: PSEUDO_PARAMETERS, templateSections, hookEvents, reservedEvents } = vocabulary;
const service = createService();
const args = new Set(process.argv.slice(2));

// ---------------------------------------------------------------------------------------------
// Hovering

let documents = 0;
let hoverCount = 0;
/** "path#line" of every heading a hover links to. */
const reached = new Set();
const LINK = /\(command:awsDevNotes\.openNote\?([^)]*)\)/g;

function norm(p) {
  return p.replace(/\\/g, '/');
}

/** Hovers each offset of a text; returns whether each hover had a notes excerpt. */
function hoverAll(text, name, offsets) {
  const languageId = name.endsWith('.json') ? 'json' : 'yaml';
  const document = TextDocument.create(`file:///coverage/${documents++}/${name}`, languageId, 1, text);
  return offsets.map((offset) => {
    hoverCount++;
    const hover = service.doHover(document, document.positionAt(offset));
    const value = hover?.contents?.value ?? '';
    for (const match of value.matchAll(LINK)) {
      const [target] = JSON.parse(decodeURIComponent(match[1]));
      reached.add(`${norm(target.path)}#${target.line}`);
    }
    return value.includes('#### From your notes');
  });
}

/** A YAML text built line by line, remembering where the keys to hover are. */
class Text {
  lines = [];
  offsets = [];
  length = 0;
  add(line, hoverColumn) {
    if (hoverColumn !== undefined) this.offsets.push(this.length + hoverColumn);
    this.lines.push(line);
    this.length += line.length + 1;
  }
  get text() {
    return this.lines.join('\n') + '\n';
  }
}

// ---------------------------------------------------------------------------------------------
// Schemas

function resolve(rootSchema, schema, depth = 0) {
  if (!schema || depth > 16) return schema;
  if (schema.$ref?.startsWith('#/')) {
    let target = rootSchema;
    for (const part of schema.$ref.slice(2).split('/')) target = target?.[part];
    return resolve(rootSchema, target, depth + 1);
  }
  return schema;
}

function objectProperties(rootSchema, schema) {
  const s = resolve(rootSchema, schema);
  if (!s) return [];
  const own = Object.entries(s.properties ?? {});
  const branches = [s.anyOf, s.oneOf, s.allOf, [s.then, s.else]].flat().filter(Boolean);
  return [...own, ...branches.flatMap((b) => objectProperties(rootSchema, b))];
}

function itemsOf(rootSchema, schema) {
  const s = resolve(rootSchema, schema);
  if (!s?.items) return undefined;
  return resolve(rootSchema, Array.isArray(s.items) ? s.items[0] : s.items);
}

function enumStrings(rootSchema, schema) {
  const s = resolve(rootSchema, schema);
  return (s?.enum ?? []).filter((v) => typeof v === 'string').slice(0, 12);
}

// ---------------------------------------------------------------------------------------------
// What the notes cover

const notes = service.notes.notes();
const topics = new Set(notes.flatMap((n) => [...n.topics, ...n.headings.flatMap((h) => h.topics)]));
const typeNames = service.schemas.resourceTypeNames();
const coveredServices = new Map(); // "AWS::SQS::" → resource types
const patterns = new Set(); // services a note covers as a whole ("AWS::SQS::")
const named = new Set(); // resource types the notes name
for (const topic of topics) {
  const match = /^([A-Za-z0-9]+::[A-Za-z0-9]+::)(\*|[A-Za-z0-9]+)$/.exec(topic);
  if (!match) continue;
  if (!coveredServices.has(match[1])) coveredServices.set(match[1], []);
  if (match[2] === '*') patterns.add(match[1]);
  else named.add(topic);
}
for (const type of typeNames) {
  const prefix = /^([A-Za-z0-9]+::[A-Za-z0-9]+::)/.exec(type)?.[1];
  if (prefix && coveredServices.has(prefix)) coveredServices.get(prefix).push(type);
}

// 1. Resource types, their properties (two levels) and the allowed values of their properties.
const typeHasExcerpt = new Map();
for (const types of coveredServices.values()) {
  for (const type of types) {
    const info = service.schemas.resourceType(type);
    const doc = new Text();
    doc.add('Resources:');
    doc.add('  R:');
    doc.add(`    Type: ${type}`, 10);
    doc.add('    Properties:');
    const valued = [];
    for (const [key, schema] of objectProperties(info?.schema, info?.schema)) {
      doc.add(`      ${key}:`, 6);
      for (const value of enumStrings(info.schema, schema)) valued.push([key, value]);
      const items = itemsOf(info.schema, schema);
      const nested = objectProperties(info.schema, items ?? schema);
      nested.forEach(([inner, innerSchema], i) => {
        const prefix = items ? (i === 0 ? '        - ' : '          ') : '        ';
        doc.add(`${prefix}${inner}:`, prefix.length);
        for (const value of enumStrings(info.schema, innerSchema)) valued.push([key, value, inner, !!items]);
      });
    }
    const [typeExcerpt] = hoverAll(doc.text, 'template.yaml', doc.offsets);
    typeHasExcerpt.set(type, typeExcerpt);
    for (const [key, value, inner, list] of valued) {
      const text = inner
        ? `Resources:\n  R:\n    Type: ${type}\n    Properties:\n      ${key}:\n        ${list ? '- ' : ''}${inner}: ${value}\n`
        : `Resources:\n  R:\n    Type: ${type}\n    Properties:\n      ${key}: ${value}\n`;
      hoverAll(text, 'template.yaml', [text.lastIndexOf(value)]);
    }
  }
}

// 2. Intrinsic functions, pseudo-parameters, sections and keys of a template.
{
  const functions = ['Ref', ...INTRINSIC_FUNCTIONS];
  const doc = new Text();
  for (const section of templateSections.filter((name) => name !== 'Resources' && name !== 'Hooks')) {
    doc.add(`${section}:`, 0);
    if (section === 'Parameters') {
      doc.add('  P:', 2);
      for (const key of ['Type', 'Default', 'AllowedValues', 'NoEcho']) doc.add(`    ${key}:`, 4);
    }
    if (section === 'Outputs') {
      doc.add('  O:');
      for (const key of ['Value', 'Description', 'Export', 'Condition']) doc.add(`    ${key}:`, 4);
    }
  }
  doc.add('Resources:', 0);
  doc.add('  Q:', 2);
  for (const key of [
    'Type',
    'Condition',
    'DependsOn',
    'DeletionPolicy',
    'UpdateReplacePolicy',
    'UpdatePolicy',
    'CreationPolicy',
    'Metadata',
  ]) {
    doc.add(`    ${key}:`, 4);
  }
  doc.add('    Properties:', 4);
  functions.forEach((fn, i) => {
    doc.add(`      P${i}:`);
    doc.add(`        ${fn}: x`, 8);
  });
  PSEUDO_PARAMETERS.forEach((name, i) => doc.add(`      R${i}: !Ref ${name}`, 20));
  hoverAll(doc.text, 'template.yaml', doc.offsets);
}

// 3. Every key of the buildspec, appspec and task definition schemas (four levels), and the
// allowed values of those keys.
for (const [kind, name] of [
  ['buildspec', 'buildspec.yml'],
  ['appspec', 'appspec.yml'],
  ['ecs-task-definition', 'taskdef.json'],
]) {
  const schema = service.schemas.kindSchema(kind);
  // chain: the keys down to a node, with 0 for "an item of this list".
  const visit = (node, chain, depth) => {
    if (depth > 4) return;
    for (const [key, child] of objectProperties(schema, node)) {
      const segments = [...chain, key];
      const build = (leaf) => segments.reduceRight((inner, s) => (s === 0 ? [inner] : { [s]: inner }), leaf);
      const keyText = JSON.stringify(build(null));
      hoverAll(keyText, name, [keyText.lastIndexOf(`"${key}"`) + 1]);
      for (const value of enumStrings(schema, child)) {
        const valueText = JSON.stringify(build(value));
        hoverAll(valueText, name, [valueText.lastIndexOf(`"${value}"`) + 1]);
      }
      const items = itemsOf(schema, child);
      visit(items ?? child, items ? [...segments, 0] : segments, depth + 1);
    }
  };
  visit(schema, [], 0);
}
{
  // Every event a hook can name or CodeDeploy runs itself, on any platform.
  const events = [...new Set([...Object.values(hookEvents), ...Object.values(reservedEvents)].flat())];
  const ec2 = new Text();
  ec2.add('version: 0.0');
  ec2.add('os: linux');
  ec2.add('hooks:', 0);
  for (const event of events) ec2.add(`  ${event}: []`, 2);
  hoverAll(ec2.text, 'appspec.yml', ec2.offsets);
  const ecs = new Text();
  ecs.add('version: 0.0');
  ecs.add('Resources:', 0);
  ecs.add('  - TargetService:');
  ecs.add('      Type: AWS::ECS::Service');
  ecs.add('Hooks:', 0);
  for (const event of events) ecs.add(`  - ${event}: fn`, 4);
  hoverAll(ecs.text, 'appspec.yml', ecs.offsets);
}

// 4. Names a section lists as topics, written as the value of a string property of the resource
// type the section (or its note) is about.
for (const note of notes) {
  for (const heading of note.headings) {
    const chain = [];
    for (let h = heading; h; h = h.parent) chain.push(...h.topics);
    const types = [...chain, ...note.topics]
      .flatMap((t) =>
        t.endsWith('::*') ? typeNames.filter((n) => n.startsWith(t.slice(0, -1))).slice(0, 1) : [t],
      )
      .filter((t) => service.schemas.hasResourceType(t));
    const type = types[0];
    const info = type && service.schemas.resourceType(type);
    const property =
      info &&
      objectProperties(info.schema, info.schema).find(([, p]) => resolve(info.schema, p)?.type === 'string');
    if (!property) continue;
    for (const topic of heading.topics.filter((t) => !t.includes('::') && /^[A-Za-z][\w.-]*$/.test(t))) {
      const text = `Resources:\n  R:\n    Type: ${type}\n    Properties:\n      ${property[0]}: ${topic}\n`;
      hoverAll(text, 'template.yaml', [text.lastIndexOf(topic)]);
    }
  }
}

// 5. Every word of the example files.
function* files(dir) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* files(full);
    else if (/\.(ya?ml|json|template)$/i.test(name)) yield full;
  }
}
for (const file of [
  ...files(path.join(root, 'examples')),
  ...files(path.join(root, 'test', 'e2e', 'workspace')),
]) {
  const text = readFileSync(file, 'utf8');
  const offsets = [...text.matchAll(/[A-Za-z!][\w:.-]*/g)].map((m) => m.index);
  hoverAll(text, path.basename(file), offsets);
}

// ---------------------------------------------------------------------------------------------
// Report

const sections = [];
for (const note of notes) {
  for (const heading of note.headings) {
    const hasText = heading.bullets.length > 0 || (heading.level === 1 && note.preamble.length > 0);
    if (!hasText) continue;
    const key = `${norm(note.path)}#${heading.line}`;
    sections.push({
      note: note.relativePath,
      heading: heading.label,
      line: heading.line + 1,
      questions: note.kind === 'questions',
      topics: heading.topics.length,
      reached: reached.has(key),
    });
  }
}
const serviceRows = [...coveredServices].map(([prefix, types]) => {
  const whole = patterns.has(prefix);
  const expected = whole ? types : types.filter((t) => named.has(t));
  return {
    service: prefix.slice(0, -2),
    coverage: whole ? 'whole service' : 'named types',
    types: expected.length,
    withExcerpt: expected.filter((t) => typeHasExcerpt.get(t)).length,
    missing: expected.filter((t) => !typeHasExcerpt.get(t)),
    otherTypesWithExcerpt: whole ? 0 : types.filter((t) => !named.has(t) && typeHasExcerpt.get(t)).length,
  };
});
const aboutServices = sections.filter((s) => !s.questions);
const figures = {
  hovers: hoverCount,
  sections: sections.length,
  sectionsReached: sections.filter((s) => s.reached).length,
  serviceSections: aboutServices.length,
  serviceSectionsReached: aboutServices.filter((s) => s.reached).length,
  services: serviceRows.length,
  servicesFullyCovered: serviceRows.filter((r) => r.withExcerpt === r.types).length,
  resourceTypes: serviceRows.reduce((n, r) => n + r.types, 0),
  resourceTypesWithExcerpt: serviceRows.reduce((n, r) => n + r.withExcerpt, 0),
};

if (args.has('--json')) {
  console.log(JSON.stringify({ figures, sections, services: serviceRows }, null, 2));
  process.exit(0);
}

const percent = (a, b) => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');
console.log(`Notes coverage (${figures.hovers} hovers)\n`);
console.log('Sections of the notes (headings with text under them):');
for (const s of sections) {
  if (s.reached && !args.has('--all')) continue;
  const why = s.reached ? '' : s.questions ? ' (open questions)' : s.topics ? '' : ' (no topics comment)';
  console.log(`  ${s.reached ? 'reached  ' : 'NOT REACHED'} ${s.note}:${s.line} ${s.heading}${why}`);
}
console.log(
  `  → ${figures.sectionsReached} of ${figures.sections} sections reached (${percent(figures.sectionsReached, figures.sections)}); ` +
    `sections about a service or file kind: ${figures.serviceSectionsReached} of ${figures.serviceSections} (${percent(figures.serviceSectionsReached, figures.serviceSections)})\n`,
);
console.log('CloudFormation services the notes cover (resource types whose hover has a notes excerpt):');
for (const row of serviceRows) {
  if (row.withExcerpt === row.types && !args.has('--all')) continue;
  const missing = row.missing.length
    ? ` — without: ${row.missing.slice(0, 6).join(', ')}${row.missing.length > 6 ? ', …' : ''}`
    : '';
  console.log(`  ${row.service} (${row.coverage}): ${row.withExcerpt}/${row.types}${missing}`);
}
console.log(
  `  → ${figures.servicesFullyCovered} of ${figures.services} services fully covered; ` +
    `${figures.resourceTypesWithExcerpt} of ${figures.resourceTypes} resource types (${percent(figures.resourceTypesWithExcerpt, figures.resourceTypes)}) get an excerpt`,
);
