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
import type { AstNode, PropertyNode } from './ast';
import { getProperty, scalarText } from './ast';
import type { FeatureContext } from './featureContext';
import type { Builder } from './outline';
import {
  createBuilder,
  describe,
  entries,
  itemSymbol,
  kindOfValue,
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
      return propertySymbol(
        builder,
        section,
        SymbolKind.Namespace,
        '',
        named(SymbolKind.Variable, (p) => describe(getProperty(p.value, 'Type'))),
      );
    case 'Resources':
      return propertySymbol(
        builder,
        section,
        SymbolKind.Namespace,
        '',
        named(SymbolKind.Class, (p) => describe(getProperty(p.value, 'Type'))),
      );
    case 'Conditions':
      return propertySymbol(
        builder,
        section,
        SymbolKind.Namespace,
        '',
        named(SymbolKind.Boolean, (p) => describe(p.value)),
      );
    case 'Mappings':
      return propertySymbol(
        builder,
        section,
        SymbolKind.Namespace,
        '',
        named(
          SymbolKind.Struct,
          () => '',
          (p) => entries(builder, p.value, SymbolKind.Key),
        ),
      );
    case 'Outputs':
      return propertySymbol(
        builder,
        section,
        SymbolKind.Namespace,
        '',
        named(SymbolKind.Field, outputDetail),
      );
    case 'Rules':
    case 'Globals':
    case 'Metadata':
    case 'Hooks':
      return propertySymbol(
        builder,
        section,
        SymbolKind.Namespace,
        '',
        named(SymbolKind.Object, (p) => describe(getProperty(p.value, 'Type') ?? p.value)),
      );
    default:
      return propertySymbol(builder, section, kindOfValue(value), describe(value));
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
    case 'phases': {
      const phases =
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
          : [];
      return propertySymbol(builder, property, SymbolKind.Namespace, '', phases);
    }
    case 'env':
      return propertySymbol(
        builder,
        property,
        SymbolKind.Namespace,
        '',
        entries(builder, value, undefined, 1),
      );
    case 'reports':
      return propertySymbol(
        builder,
        property,
        SymbolKind.Namespace,
        '',
        entries(builder, value, SymbolKind.Object).map(withReportDetail(value)),
      );
    case 'artifacts':
    case 'cache':
    case 'batch':
    case 'proxy':
      return propertySymbol(
        builder,
        property,
        SymbolKind.Namespace,
        '',
        entries(builder, value, undefined, 1),
      );
    default:
      return propertySymbol(builder, property, kindOfValue(value), describe(value));
  }
}

function commandCount(phase: AstNode | undefined): string {
  const commands = getProperty(phase, 'commands');
  if (commands?.type !== 'array') return '';
  return `${commands.items.length} ${commands.items.length === 1 ? 'command' : 'commands'}`;
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
      return propertySymbol(builder, property, SymbolKind.Namespace, '', hookSymbols(builder, value));
    case 'resources':
      return propertySymbol(
        builder,
        property,
        SymbolKind.Namespace,
        '',
        namedListSymbols(builder, value, (v) => describe(getProperty(v, 'Type') ?? getProperty(v, 'type'))),
      );
    case 'files':
      return propertySymbol(
        builder,
        property,
        SymbolKind.Namespace,
        '',
        listSymbols(builder, value, 'source', (item) => destination(item)),
      );
    case 'permissions':
      return propertySymbol(
        builder,
        property,
        SymbolKind.Namespace,
        '',
        listSymbols(builder, value, 'object', (item) => describe(getProperty(item, 'owner'))),
      );
    default:
      return propertySymbol(builder, property, kindOfValue(value), describe(value));
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
        scripts ? `${scripts} ${scripts === 1 ? 'script' : 'scripts'}` : describe(hook.value),
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
    return propertySymbol(
      builder,
      property,
      SymbolKind.Namespace,
      `${value.items.length} ${value.items.length === 1 ? 'container' : 'containers'}`,
      containers,
    );
  }
  if (property.key.value === 'volumes' && value?.type === 'array') {
    return propertySymbol(
      builder,
      property,
      SymbolKind.Namespace,
      describe(value),
      listSymbols(builder, value, 'name', () => ''),
    );
  }
  return propertySymbol(builder, property, kindOfValue(value), describe(value));
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
