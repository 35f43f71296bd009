/**
 * CloudFormation completion: what to offer at a site, by where it is in the template —
 * sections, resource attributes, properties of the resource type (and its nested property types),
 * allowed values, parameter types, references, intrinsic functions.
 */
import { lambdaRuntimeNote } from '../runtimeNotes';
import type { CompletionItem } from 'vscode-languageserver-types';
import { CompletionItemKind } from 'vscode-languageserver-types';
import type { JsonPath } from '../../ast';
import { PARAMETER_TYPES } from '../../rules/cloudformation/parameters';
import { DELETION_POLICIES, UPDATE_REPLACE_POLICIES } from '../../rules/cloudformation/structure';
import type { FeatureContext } from '../featureContext';
import { stripIntrinsics } from '../schemaLookup';
import { resolveRef, schemaAtPath } from '../../schemas/schemaStore';
import {
  conditionFunctionProposals,
  intrinsicKeyProposals,
  outputKeyProposals,
  parameterKeyProposals,
  policyKeyProposals,
  resourceAttributeProposals,
  sectionProposals,
  shortFormProposals,
  TRANSFORMS,
} from './cfnKeys';
import { functionValueProposals } from './cfnFunctionValues';
import type { CfnModel } from './cfnModel';
import { cfnModel } from './cfnModel';
import { referenceCompletions } from './cfnReferences';
import type { KeyProposal, ValueProposal } from './items';
import { keyItem, valueItem } from './items';
import { resourceTypeItems } from './resourceTypes';
import type { PropertyValue } from './cfnValueReferences';
import {
  outputValueReferences,
  parameterDefaults,
  propertyReferences,
  stackNameSub,
} from './cfnValueReferences';
import { numberProposals } from './numberProposals';
import { currentFirst, propertyProposals, shapeOf, valueProposals } from './schemaProposals';
import type { Site } from './site';

function inConditions(path: JsonPath): boolean {
  return path[0] === 'Conditions' || path[0] === 'Rules';
}

/** True when a path inside Properties goes through an intrinsic function other than an Fn::If branch. */
function insideFunction(path: JsonPath): boolean {
  return stripIntrinsics(path).some((s) => s === 'Ref' || (typeof s === 'string' && s.startsWith('Fn::')));
}

function keys(site: Site, proposals: KeyProposal[]): CompletionItem[] {
  return proposals.filter((p) => !site.existingKeys.has(p.name)).map((p) => keyItem(site, p));
}

function values(site: Site, proposals: ValueProposal[]): CompletionItem[] {
  return proposals.map((p) => valueItem(site, p));
}

function intrinsicKeys(site: Site): CompletionItem[] {
  return site.existingKeys.size ? [] : keys(site, intrinsicKeyProposals(inConditions(site.path)));
}

function propertyKeys(
  context: FeatureContext,
  site: Site,
  model: CfnModel,
  logicalId: string,
): CompletionItem[] {
  const rest = site.path.slice(3);
  if (insideFunction(rest)) return intrinsicKeys(site);
  const type = model.resources.get(logicalId)?.type;
  const info = type ? context.schemas.documentedResourceType(type) : undefined;
  const items: CompletionItem[] = [];
  if (info) {
    const schema = schemaAtPath(info.schema, stripIntrinsics(rest));
    items.push(...keys(site, propertyProposals(info.schema, schema, site.existingKeys)));
  } else if (
    type &&
    rest.length === 0 &&
    (type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource')
  ) {
    items.push(
      ...keys(site, [
        {
          name: 'ServiceToken',
          shape: 'string',
          required: true,
          documentation: 'The ARN of the Lambda function or SNS topic that handles the custom resource.',
        },
      ]),
    );
  }
  if (rest.length) items.push(...intrinsicKeys(site));
  return items;
}

function resourceKeys(context: FeatureContext, site: Site, model: CfnModel): CompletionItem[] {
  const [, logicalId, attribute] = site.path;
  if (typeof logicalId !== 'string') return [];
  if (site.path.length === 2) {
    const type = model.resources.get(logicalId)?.type;
    const required = (type && context.schemas.resourceType(type)?.schema.required) || [];
    return keys(site, resourceAttributeProposals(required));
  }
  if (attribute === 'Properties') return propertyKeys(context, site, model, logicalId);
  if ((attribute === 'UpdatePolicy' || attribute === 'CreationPolicy') && site.path.length <= 4) {
    return keys(site, policyKeyProposals(String(site.path[site.path.length - 1])));
  }
  return [];
}

function keyCompletions(context: FeatureContext, site: Site, model: CfnModel): CompletionItem[] {
  const path = site.path;
  const [section] = path;
  if (path.length === 0) return keys(site, sectionProposals(model.isSam));
  switch (section) {
    case 'Resources':
      return resourceKeys(context, site, model);
    case 'Parameters':
      return path.length === 2 ? keys(site, parameterKeyProposals()) : [];
    case 'Outputs':
      if (path.length === 2) return keys(site, outputKeyProposals());
      if (path.length === 3 && path[2] === 'Export')
        return keys(site, [{ name: 'Name', shape: 'string', required: true }]);
      return path[2] === 'Value' || path[3] === 'Name' ? intrinsicKeys(site) : [];
    case 'Conditions':
      return path.length === 2 ? keys(site, conditionFunctionProposals()) : intrinsicKeys(site);
    default:
      return [];
  }
}

function resourceValues(context: FeatureContext, site: Site, model: CfnModel): CompletionItem[] {
  const path = site.path;
  const logicalId = path[1];
  if (typeof logicalId !== 'string') return [];
  if (path.length === 3) {
    if (path[2] === 'Type') return resourceTypeItems(context, site, model);
    if (path[2] === 'DeletionPolicy')
      return values(
        site,
        DELETION_POLICIES.map((value, order) => ({ value, order })),
      );
    if (path[2] === 'UpdateReplacePolicy')
      return values(
        site,
        UPDATE_REPLACE_POLICIES.map((value, order) => ({ value, order })),
      );
    return [];
  }
  if (path[2] !== 'Properties') return [];
  const rest = path.slice(3);
  if (insideFunction(rest)) return [];
  const type = model.resources.get(logicalId)?.type;
  const info = type ? context.schemas.documentedResourceType(type) : undefined;
  if (!info) return [];
  const propertyPath = stripIntrinsics(rest);
  const schema = schemaAtPath(info.schema, propertyPath);
  const proposals = valueProposals(info.schema, schema);
  const today = context.now();
  for (const proposal of proposals) {
    const note = lambdaRuntimeNote(type, propertyPath, proposal.value, today);
    if (!note) continue;
    proposal.documentation = note.text;
    proposal.deprecated = note.deprecated;
  }
  const name = String([...propertyPath].reverse().find((s) => typeof s === 'string') ?? '');
  const resolved = resolveRef(info.schema, schema);
  const property: PropertyValue = {
    name,
    shape: shapeOf(info.schema, schema),
    description: schema?.markdownDescription ?? resolved?.markdownDescription ?? '',
    choices: proposals.length > 0,
  };
  // Deprecated runtimes (by the runtime clock) after the current ones; then numbers, references.
  return values(site, [
    ...currentFirst(proposals),
    ...numberProposals(info.schema, schema, name),
    ...propertyReferences(context, site, model, property),
    // Functions where no list of values says what to write (with one, they would only crowd it);
    // not on a bare line inside an object, where keys are being typed.
    ...(property.choices || (site.ambiguous && property.shape === 'object')
      ? []
      : functionValueProposals(property.shape, site.format === 'json')),
  ]);
}

function valueCompletions(context: FeatureContext, site: Site, model: CfnModel): CompletionItem[] {
  const references = referenceCompletions(context, site, model);
  if (references) return references;
  if (site.blockScalar) return [];
  const path = site.path;
  const [section] = path;
  if (section === 'AWSTemplateFormatVersion' && path.length === 1) {
    return values(site, [{ value: '2010-09-09', text: site.format === 'yaml' ? '"2010-09-09"' : undefined }]);
  }
  if (section === 'Transform' && (path.length === 1 || (path.length === 2 && typeof path[1] === 'number'))) {
    return values(
      site,
      TRANSFORMS.map((t, order) => ({ ...t, order, kind: CompletionItemKind.Module })),
    );
  }
  if (section === 'Resources') return resourceValues(context, site, model);
  if (section === 'Outputs' && path.length === 3 && path[2] === 'Value')
    return values(site, outputValueReferences(context, site, model));
  if (section === 'Outputs' && path.length === 4 && path[2] === 'Export' && path[3] === 'Name')
    return values(site, stackNameSub(site, typeof path[1] === 'string' ? path[1] : ''));
  if (section === 'Parameters' && path.length === 3 && path[2] === 'Default')
    return values(site, parameterDefaults(context, String(path[1])));
  if (section === 'Parameters' && path.length === 3) {
    if (path[2] === 'Type')
      return values(
        site,
        PARAMETER_TYPES.map((value, order) => ({ value, order, kind: CompletionItemKind.TypeParameter })),
      );
    if (path[2] === 'NoEcho') return values(site, [{ value: true }, { value: false }]);
  }
  return [];
}

export function completeCloudFormation(context: FeatureContext, site: Site): CompletionItem[] {
  const model = cfnModel(context);
  if (site.tag) {
    const inValue = site.mode === 'value' && site.format === 'yaml';
    return inValue ? values(site, shortFormProposals(inConditions(site.path))) : [];
  }
  if (site.mode === 'value') return valueCompletions(context, site, model);
  if (site.ambiguous) {
    // A bare word in a list or on its own line: a name where the template expects one, else keys or values.
    const valueSite: Site = { ...site, mode: 'value' };
    const references = referenceCompletions(context, valueSite, model);
    if (references) return references;
    return [...valueCompletions(context, valueSite, model), ...keyCompletions(context, site, model)];
  }
  return keyCompletions(context, site, model);
}
