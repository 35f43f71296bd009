/**
 * Completion: keys, values and references at the cursor, for the four kinds of file.
 * The site (what is being typed, where, with which range) is read from the text so that it works
 * while the document is broken by the edit in progress; providers per kind turn it into items.
 */
import type { CompletionItem, CompletionList, Position } from 'vscode-languageserver-types';
import { analyzeJson } from './jsonSite';
import { completeCloudFormation } from './cloudformation';
import { RESOURCE_TYPE_ITEM, resolveResourceTypeItem } from './resourceTypes';
import { completeSchemaKind } from './schemaKinds';
import type { Site } from './site';
import type { SnippetLibrary } from './snippets';
import { snippetItems } from './snippets';
import { analyzeYaml } from './yamlSite';
import type { FeatureContext } from '../featureContext';
import type { SchemaStore } from '../../schemas/schemaStore';

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

/** The completion site at an offset, or undefined where nothing can be completed (a comment). */
export function completionSite(context: FeatureContext, offset: number): Site | undefined {
  const text = context.document.getText();
  const site =
    context.state.parsed.format === 'json'
      ? analyzeJson(text, offset, context.state.parsed.root)
      : analyzeYaml(text, offset);
  if (site) {
    site.range = {
      start: context.document.positionAt(site.start),
      end: context.document.positionAt(site.end),
    };
  }
  return site;
}

/** Completion at a position; `snippets` adds the bundled snippets that fit there. */
export function doComplete(
  context: FeatureContext,
  position: Position,
  snippets?: SnippetLibrary,
): CompletionList {
  const kind = context.state.kind;
  if (context.state.skipped) return EMPTY;
  const site = completionSite(context, context.document.offsetAt(position));
  if (!site) return EMPTY;
  const items = !kind
    ? []
    : kind === 'cloudformation'
      ? completeCloudFormation(context, site)
      : completeSchemaKind(context, site, kind);
  const fitting = snippetItems(snippets, context.document.getText(), site, kind);
  return { isIncomplete: false, items: fitting.length ? [...items, ...fitting] : items };
}

/** Fills in the documentation of an item that was sent without it (completionItem/resolve). */
export function resolveCompletionItem(schemas: SchemaStore, item: CompletionItem): CompletionItem {
  const data = item.data as { resolve?: string } | undefined;
  if (data?.resolve === RESOURCE_TYPE_ITEM) return resolveResourceTypeItem(schemas, item);
  return item;
}
