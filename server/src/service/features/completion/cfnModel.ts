/**
 * The names a template defines (parameters, resources and their types, conditions, mappings and
 * their keys) for completion. The parsed tree comes first; for YAML the text outline adds what an
 * edit in progress hid from the parser, so names stay offered while the document is broken.
 */
import type { AstNode } from '../../ast';
import { getProperty, scalarText } from '../../ast';
import { getTemplate } from '../../rules/cloudformation/template';
import type { FeatureContext } from '../featureContext';
import { unquoteScalar } from './site';
import type { YamlOutline } from './yamlOutline';
import { outlineFor } from './yamlSite';

export interface CfnModel {
  parameters: Map<string, { type?: string; description?: string }>;
  resources: Map<string, { type?: string }>;
  conditions: string[];
  mappings: Map<string, AstNode | undefined>;
  isSam: boolean;
  outline: YamlOutline | undefined;
}

const TYPE_SHAPE = /^[A-Za-z0-9]+::[^\s:]+(::[^\s:]+)*$/;

export function cfnModel(context: FeatureContext): CfnModel {
  const text = context.document.getText();
  const root = context.state.parsed.root;
  const template = getTemplate(root);
  const outline = context.state.parsed.format === 'yaml' ? outlineFor(text) : undefined;
  const model: CfnModel = {
    parameters: new Map(),
    resources: new Map(),
    conditions: [],
    mappings: new Map(),
    isSam: /AWS::Serverless-2016-10-31/.test(text),
    outline,
  };
  for (const p of template?.parameters.values() ?? []) {
    model.parameters.set(p.name, {
      type: scalarText(getProperty(p.node, 'Type')),
      description: scalarText(getProperty(p.node, 'Description')),
    });
  }
  for (const r of template?.resources.values() ?? []) {
    model.resources.set(r.name, { type: r.type && TYPE_SHAPE.test(r.type) ? r.type : undefined });
  }
  model.conditions.push(...(template?.conditions.keys() ?? []));
  for (const m of template?.mappings.values() ?? []) model.mappings.set(m.name, m.node);
  if (outline) {
    for (const { key, line } of outline.childEntries(['Parameters'])) {
      if (!model.parameters.has(key))
        model.parameters.set(key, {
          type: unquoteScalar(outline.valueBelow(line, 'Type') ?? '') || undefined,
        });
    }
    for (const { key, line } of outline.childEntries(['Resources'])) {
      if (!model.resources.get(key)?.type) {
        const type = unquoteScalar(outline.valueBelow(line, 'Type') ?? '');
        model.resources.set(key, { type: TYPE_SHAPE.test(type) ? type : undefined });
      }
    }
    for (const name of outline.childKeys(['Conditions']))
      if (!model.conditions.includes(name)) model.conditions.push(name);
    for (const name of outline.childKeys(['Mappings']))
      if (!model.mappings.has(name)) model.mappings.set(name, undefined);
  }
  return model;
}

/** The top-level keys of a mapping, or the second-level keys under one of them (all of them when `first` is not a literal key). */
export function mappingKeys(model: CfnModel, mapping: string, first?: string): string[] {
  const node = model.mappings.get(mapping);
  const keys = new Set<string>();
  if (node?.type === 'object') {
    if (first === undefined) {
      for (const p of node.properties) keys.add(p.key.value);
    } else {
      const chosen = node.properties.filter((p) => p.key.value === first);
      for (const p of chosen.length ? chosen : node.properties) {
        if (p.value?.type === 'object') for (const q of p.value.properties) keys.add(q.key.value);
      }
    }
  } else if (model.outline) {
    if (first === undefined) {
      for (const k of model.outline.childKeys(['Mappings', mapping])) keys.add(k);
    } else {
      const firsts = model.outline.childKeys(['Mappings', mapping]);
      for (const k of firsts.includes(first) ? [first] : firsts) {
        for (const second of model.outline.childKeys(['Mappings', mapping, k])) keys.add(second);
      }
    }
  }
  return [...keys];
}
