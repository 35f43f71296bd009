// The entry of one CloudFormation resource type from the spec: { markdownDescription,
// documentationUrl, attributes, schema }, with the replacement paths the spec lists apart marked on
// the schema. Used by generate-cfn-schemas.mjs (and attributesOf by sam-resource-entries.mjs).
import { cleanDoc } from './cfn-doc-text.mjs';
import { SchemaBuilder } from './cfn-schema-builder.mjs';
import { compareStrings, uniqueValues } from './stable-json.mjs';

const CFN_DOCS = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/';

/** CloudFormation user guide page of a resource type, e.g. AWS::S3::Bucket -> aws-resource-s3-bucket.html. */
function cfnDocumentationUrl(resourceType) {
  const [, service, resource] = resourceType.split('::');
  return `${CFN_DOCS}${`aws-resource-${service}-${resource}`.toLowerCase()}.html`;
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

export function attributesOf(resource) {
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

export function cfnResourceEntry(db, overlay, stats, resource, warnings) {
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
