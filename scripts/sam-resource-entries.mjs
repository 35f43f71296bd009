// The entry of one hand-written AWS::Serverless::* (SAM) resource type from
// scripts/sam-resources.json: its own property schemas, or CloudFormation's for the properties SAM
// passes through to a generated resource. Used by generate-cfn-schemas.mjs.
import { cleanDoc } from './cfn-doc-text.mjs';
import { attributesOf } from './cfn-resource-entries.mjs';
import { SchemaBuilder, countEnumeratedProperties } from './cfn-schema-builder.mjs';
import { SOURCE, fail, specResource } from './cfn-spec.mjs';
import { compareStrings } from './stable-json.mjs';

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

export function samResourceEntry(db, overlay, stats, type, spec) {
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
