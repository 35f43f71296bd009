/**
 * Resource type completion. About 1,800 types: the list itself is cheap (names from the index,
 * no service file read), and each item's documentation is only loaded when the editor resolves
 * the item it shows (completionItem/resolve).
 */
import type { CompletionItem } from 'vscode-languageserver-types';
import { CompletionItemKind } from 'vscode-languageserver-types';
import type { FeatureContext } from '../featureContext';
import type { SchemaStore } from '../../schemas/schemaStore';
import type { CfnModel } from './cfnModel';
import { valueItem } from './items';
import type { Site } from './site';

/** `data.resolve` of items whose documentation comes from completionItem/resolve. */
export const RESOURCE_TYPE_ITEM = 'cfn-resource-type';

export function resourceTypeItems(context: FeatureContext, site: Site, model: CfnModel): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const name of context.schemas.resourceTypeNames()) {
    if (!model.isSam && name.startsWith('AWS::Serverless::')) continue;
    items.push(
      valueItem(site, { value: name, kind: CompletionItemKind.Class, data: { resolve: RESOURCE_TYPE_ITEM } }),
    );
  }
  return items;
}

/** Adds the resource type's description and documentation link to an item. */
export function resolveResourceTypeItem(schemas: SchemaStore, item: CompletionItem): CompletionItem {
  const info = schemas.documentedResourceType(item.label);
  if (!info) return item;
  const parts = [info.markdownDescription ?? ''];
  if (info.documentationUrl) parts.push(`[${info.name} documentation](${info.documentationUrl})`);
  const required = info.schema.required ?? [];
  return {
    ...item,
    detail: required.length ? `Required properties: ${required.join(', ')}` : 'No required properties',
    documentation: { kind: 'markdown', value: parts.filter((p) => p).join('\n\n') },
  };
}
