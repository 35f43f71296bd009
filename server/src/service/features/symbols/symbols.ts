/**
 * Document symbols (the outline) for the four kinds:
 * - CloudFormation: the sections, then the logical IDs in each (parameters and resources with
 *   their Type as detail, outputs with their export name or description, mapping keys);
 * - buildspec: version, env (and its variables), phases (with their command counts), artifacts,
 *   reports, cache, batch…;
 * - appspec: files, permissions, hooks (EC2 script lists or ECS/Lambda hook functions), resources;
 * - ECS task definition: family and the containers (name, image as detail), volumes….
 */
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { SymbolKind } from 'vscode-languageserver-types';
import type { AstNode, PropertyNode } from '../../ast';
import { getProperty, scalarText } from '../../ast';
import type { FeatureContext } from '../featureContext';
import type { Builder } from './outline';
import {
  count,
  createBuilder,
  describe,
  entries,
  itemSymbol,
  keySymbol,
  lowerKey,
  propertySymbol,
} from './outline';

export function findDocumentSymbols(context: FeatureContext): DocumentSymbol[] {
  const { kind, parsed } = context.state;
  const root = parsed.root;
  if (!kind || root?.type !== 'object') return [];
  const document = context.document;
  const builder = createBuilder(document, parsed.text);
  switch (kind) {
    case 'cloudformation':
      return root.properties.map((p) => cloudformationSection(builder, p));
    case 'buildspec':
      return root.properties.map((p) => buildspecSymbol(builder, p));
    case 'appspec':
      return root.properties.map((p) => appspecSymbol(builder, p));
    case 'ecs-task-definition':
      return root.properties.map((p) => taskdefSymbol(builder, p));
  }
}

// ---------------------------------------------------------------------------------------------
// CloudFormation

function cloudformationSection(builder: Builder, section: PropertyNode): DocumentSymbol {
  return keySymbol(builder, section, sectionEntities(builder, section));
}

/** The logical IDs (or names) a section declares; undefined for a section that declares none. */
function sectionEntities(builder: Builder, section: PropertyNode): DocumentSymbol[] | undefined {
  const value = section.value;
  const named = (
    kind: SymbolKind,
    detail: (entity: PropertyNode) => string,
    children?: (entity: PropertyNode) => DocumentSymbol[],
  ): DocumentSymbol[] =>
    value?.type === 'object'
      ? value.properties.map((p) => propertySymbol(builder, p, kind, detail(p), children?.(p)))
      : [];
  switch (section.key.value) {
    case 'Parameters':
      return named(SymbolKind.Variable, (p) => describe(getProperty(p.value, 'Type')));
    case 'Resources':
      return named(SymbolKind.Class, (p) => describe(getProperty(p.value, 'Type')));
    case 'Conditions':
      return named(SymbolKind.Boolean, (p) => describe(p.value));
    case 'Mappings':
      return named(
        SymbolKind.Struct,
        () => '',
        (p) => entries(builder, p.value, SymbolKind.Key),
      );
    case 'Outputs':
      return named(SymbolKind.Field, outputDetail);
    case 'Rules':
    case 'Globals':
    case 'Metadata':
    case 'Hooks':
      return named(SymbolKind.Object, (p) => describe(getProperty(p.value, 'Type') ?? p.value));
    default:
      return undefined;
  }
}

function outputDetail(output: PropertyNode): string {
  const exportName = getProperty(getProperty(output.value, 'Export'), 'Name');
  if (exportName) return `export ${describe(exportName)}`;
  return describe(getProperty(output.value, 'Value'));
}

// ---------------------------------------------------------------------------------------------
// buildspec

function buildspecSymbol(builder: Builder, property: PropertyNode): DocumentSymbol {
  const value = property.value;
  switch (property.key.value) {
    case 'phases':
      return keySymbol(
        builder,
        property,
        value?.type === 'object'
          ? value.properties.map((phase) =>
              propertySymbol(
                builder,
                phase,
                SymbolKind.Function,
                commandCount(phase.value),
                entries(builder, phase.value),
              ),
            )
          : [],
      );
    case 'reports':
      return keySymbol(
        builder,
        property,
        entries(builder, value, SymbolKind.Object).map(withReportDetail(value)),
      );
    case 'env':
    case 'artifacts':
    case 'cache':
    case 'batch':
    case 'proxy':
      return keySymbol(builder, property, entries(builder, value, undefined, 1));
    default:
      return keySymbol(builder, property);
  }
}

function commandCount(phase: AstNode | undefined): string {
  const commands = getProperty(phase, 'commands');
  if (commands?.type !== 'array') return '';
  return count(commands.items.length, 'command');
}

function withReportDetail(
  reports: AstNode | undefined,
): (symbol: DocumentSymbol, index: number) => DocumentSymbol {
  return (symbol, index) => {
    const group = reports?.type === 'object' ? reports.properties[index]?.value : undefined;
    const format = scalarText(getProperty(group, 'file-format'));
    return format ? { ...symbol, detail: format } : symbol;
  };
}

// ---------------------------------------------------------------------------------------------
// appspec (EC2/on-premises, ECS, Lambda; keys in lower case or PascalCase)

function appspecSymbol(builder: Builder, property: PropertyNode): DocumentSymbol {
  const value = property.value;
  switch (lowerKey(property)) {
    case 'hooks':
      return keySymbol(builder, property, hookSymbols(builder, value));
    case 'resources':
      return keySymbol(
        builder,
        property,
        namedListSymbols(builder, value, (v) => describe(getProperty(v, 'Type') ?? getProperty(v, 'type'))),
      );
    case 'files':
      return keySymbol(
        builder,
        property,
        listSymbols(builder, value, 'source', (item) => destination(item)),
      );
    case 'permissions':
      return keySymbol(
        builder,
        property,
        listSymbols(builder, value, 'object', (item) => describe(getProperty(item, 'owner'))),
      );
    default:
      return keySymbol(builder, property);
  }
}

function destination(item: AstNode): string {
  const target = scalarText(getProperty(item, 'destination'));
  return target ? `→ ${target}` : '';
}

/** EC2 hooks are a map of hook → scripts; ECS/Lambda hooks a list of `- Hook: function`. */
function hookSymbols(builder: Builder, hooks: AstNode | undefined): DocumentSymbol[] {
  if (hooks?.type === 'object') {
    return hooks.properties.map((hook) => {
      const scripts = hook.value?.type === 'array' ? hook.value.items.length : 0;
      return propertySymbol(
        builder,
        hook,
        SymbolKind.Event,
        scripts ? count(scripts, 'script') : describe(hook.value),
      );
    });
  }
  return namedListSymbols(builder, hooks, (v) => describe(v), SymbolKind.Event);
}

/** A list of single-key maps (`- Name: value`): one symbol per key. */
function namedListSymbols(
  builder: Builder,
  list: AstNode | undefined,
  detail: (value: AstNode | undefined) => string,
  kind: SymbolKind = SymbolKind.Object,
): DocumentSymbol[] {
  if (list?.type !== 'array') return entries(builder, list, kind);
  const out: DocumentSymbol[] = [];
  for (const item of list.items) {
    if (item.type !== 'object') continue;
    for (const p of item.properties) out.push(propertySymbol(builder, p, kind, detail(p.value)));
  }
  return out;
}

function listSymbols(
  builder: Builder,
  list: AstNode | undefined,
  nameKey: string,
  detail: (item: AstNode) => string,
): DocumentSymbol[] {
  if (list?.type !== 'array') return [];
  return list.items.map((item, index) => {
    const nameNode = getProperty(item, nameKey);
    return itemSymbol(
      builder,
      item,
      scalarText(nameNode) ?? `${nameKey} ${index + 1}`,
      SymbolKind.File,
      detail(item),
      nameNode,
    );
  });
}

// ---------------------------------------------------------------------------------------------
// ECS task definition

function taskdefSymbol(builder: Builder, property: PropertyNode): DocumentSymbol {
  const value = property.value;
  if (property.key.value === 'containerDefinitions' && value?.type === 'array') {
    const containers = value.items.map((item, index) => containerSymbol(builder, item, index));
    return keySymbol(builder, property, containers, count(value.items.length, 'container'));
  }
  if (property.key.value === 'volumes' && value?.type === 'array') {
    return keySymbol(
      builder,
      property,
      listSymbols(builder, value, 'name', () => ''),
      describe(value),
    );
  }
  return keySymbol(builder, property);
}

function containerSymbol(builder: Builder, item: AstNode, index: number): DocumentSymbol {
  const nameNode = getProperty(item, 'name');
  const symbol = itemSymbol(
    builder,
    item,
    scalarText(nameNode) ?? `container ${index + 1}`,
    SymbolKind.Class,
    describe(getProperty(item, 'image')),
    nameNode,
  );
  const essential = getProperty(item, 'essential');
  if (essential?.type === 'boolean' && !essential.value)
    symbol.detail = `${symbol.detail ?? ''} (not essential)`.trim();
  return symbol;
}
