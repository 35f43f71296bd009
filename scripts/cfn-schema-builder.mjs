// Spec types -> JSON Schema: the `Properties` schema of one resource type, with its nested property
// types as `definitions`, the overlay's allowed values and the annotations (descriptions,
// causesReplacement, deprecationMessage). Used by cfn-resource-entries.mjs and
// sam-resource-entries.mjs for generate-cfn-schemas.mjs.
import { cleanDoc } from './cfn-doc-text.mjs';
import { applyOverlayEntry } from './cfn-overlay.mjs';
import { fail } from './cfn-spec.mjs';
import { compareStrings, sortKeys, uniqueValues } from './stable-json.mjs';

// Name used for the shared definition of the spec's built-in CloudFormation tag ({Key, Value}).
const BUILTIN_TAG_NAME = 'Tag';

/**
 * Builds the schema of one resource type. Nested property types become entries of `definitions`
 * (named after the property type, with a numeric suffix if two different types share a name) and
 * are referenced with "$ref": "#/definitions/<Name>". Only types reachable from the resource are
 * emitted. The same builder is reused for SAM pass-through properties, which pull in definitions
 * from another resource type (`source`).
 */
export class SchemaBuilder {
  constructor(db, overlay, stats, ownerType, { counting = true } = {}) {
    this.db = db;
    this.overlay = overlay;
    this.stats = stats;
    this.ownerType = ownerType;
    this.counting = counting; // count enumerated properties into stats (off for SAM pass-through copies)
    this.definitions = new Map(); // name -> schema (null while being built, for recursive types)
    this.nameByKey = new Map(); // "td:<id>" | "builtin:tag" -> definition name
  }

  allocateName(key, preferred) {
    let name = preferred;
    for (let n = 2; this.definitions.has(name); n++) name = `${preferred}${n}`;
    this.nameByKey.set(key, name);
    this.definitions.set(name, null);
    return name;
  }

  /** $ref to the definition of a spec type definition, building it on first use. */
  refToTypeDefinition(typeDef, source) {
    const key = `td:${typeDef.$id}`;
    let name = this.nameByKey.get(key);
    if (!name) {
      name = this.allocateName(key, typeDef.name);
      this.definitions.set(name, this.typeDefinitionSchema(typeDef, source));
    }
    return { $ref: `#/definitions/${name}` };
  }

  /** $ref to the shared {Key, Value} tag definition. */
  refToBuiltinTag() {
    const key = 'builtin:tag';
    let name = this.nameByKey.get(key);
    if (!name) {
      name = this.allocateName(key, BUILTIN_TAG_NAME);
      this.definitions.set(name, {
        type: 'object',
        markdownDescription: 'A key-value pair to associate with a resource.',
        additionalProperties: false,
        properties: {
          Key: {
            type: 'string',
            markdownDescription:
              'The key name of the tag. Up to 128 Unicode characters; it cannot be prefixed with `aws:`.',
          },
          Value: {
            type: 'string',
            markdownDescription: 'The value of the tag. Up to 256 Unicode characters.',
          },
        },
        required: ['Key', 'Value'],
      });
    }
    return { $ref: `#/definitions/${name}` };
  }

  /**
   * JSON Schema for a spec PropertyType. `inUnion` is set for members of a union: there a `json`
   * member stands for the object alternative of the registry schema, so it becomes {"type":"object"}
   * rather than "anything" (which would make the whole union accept anything).
   */
  typeSchema(type, source, inUnion = false) {
    switch (type.type) {
      case 'string':
      case 'integer': {
        const schema = { type: type.type };
        if (Array.isArray(type.allowedValues) && type.allowedValues.length > 0) {
          schema.enum = uniqueValues(type.allowedValues);
        }
        return schema;
      }
      case 'number':
      case 'boolean':
      case 'null':
        return { type: type.type };
      case 'date-time':
        return { type: 'string' };
      case 'json':
        return inUnion ? { type: 'object' } : {};
      case 'tag':
        return this.refToBuiltinTag();
      case 'array':
        return { type: 'array', items: this.typeSchema(type.element, source) };
      case 'map':
        return { type: 'object', additionalProperties: this.typeSchema(type.element, source) };
      case 'union': {
        const seen = new Set();
        const branches = [];
        for (const member of type.types) {
          const branch = this.typeSchema(member, source, true);
          const fingerprint = JSON.stringify(sortKeys(branch));
          if (!seen.has(fingerprint)) {
            seen.add(fingerprint);
            branches.push(branch);
          }
        }
        return branches.length === 1 ? branches[0] : { anyOf: branches };
      }
      case 'ref':
        return this.refToTypeDefinition(this.db.get('typeDefinition', type.reference), source);
      default:
        return fail(`${this.ownerType}: unsupported spec type ${JSON.stringify(type)}`);
    }
  }

  /** Definition of a nested property type: an object with its own properties. */
  typeDefinitionSchema(typeDef, source) {
    const schema = {
      type: 'object',
      markdownDescription:
        cleanDoc(typeDef.documentation) ??
        `The \`${typeDef.name}\` property type of \`${source.cloudFormationType}\`.`,
    };
    const names = Object.keys(typeDef.properties);
    // A handful of spec property types have no properties at all (e.g. EC2 Instance NoDevice, some
    // MediaLive/QuickSight settings). They are left as plain objects rather than "no keys allowed".
    if (names.length === 0) return schema;
    const { properties, required } = this.propertiesSchema(typeDef.properties, source, typeDef.name);
    schema.additionalProperties = false;
    schema.properties = properties;
    if (required.length > 0) schema.required = required;
    return schema;
  }

  /** `properties` + `required` for a property map of a resource (typeDefName null) or property type. */
  propertiesSchema(props, source, typeDefName) {
    const properties = {};
    const required = [];
    for (const name of Object.keys(props).sort(compareStrings)) {
      properties[name] = this.propertySchema(props[name], name, source, typeDefName);
      if (props[name].required) required.push(name);
    }
    return { properties, required };
  }

  /** Schema of one property: its type, the overlay enum if any, and the annotations. */
  propertySchema(prop, name, source, typeDefName) {
    const schema = { ...this.typeSchema(prop.type, source) };
    const ownerLabel = typeDefName
      ? `${source.cloudFormationType}.${typeDefName}`
      : source.cloudFormationType;
    if (this.counting && hasEnum(schema)) this.stats.enumsFromSpec++;
    const overlayEntry = this.overlay
      .get(source.cloudFormationType)
      ?.get(typeDefName ? `${typeDefName}.${name}` : name);
    if (overlayEntry) {
      applyOverlayEntry(schema, overlayEntry);
      if (this.counting) this.stats.enumsFromOverlay++;
    }
    schema.markdownDescription =
      cleanDoc(prop.documentation) ??
      `The \`${name}\` property of \`${ownerLabel}\` (the resource specification has no description for it).`;
    if (prop.causesReplacement === 'yes' || prop.causesReplacement === 'maybe') {
      schema.causesReplacement = prop.causesReplacement;
    }
    if (prop.deprecated && prop.deprecated !== 'NONE') {
      schema.deprecationMessage = `\`${name}\` is deprecated in the AWS resource specification; avoid using it.`;
    }
    return schema;
  }

  /** The finished `definitions` object (empty definitions cannot remain: all are built eagerly). */
  definitionsObject() {
    const out = {};
    for (const [name, schema] of this.definitions) {
      if (!schema) fail(`${this.ownerType}: definition ${name} was never completed`);
      out[name] = schema;
    }
    return out;
  }
}

/** True if a property schema (not following $refs) carries an enum on itself or its items/values. */
export function hasEnum(schema) {
  if (!schema || typeof schema !== 'object') return false;
  if (Array.isArray(schema.enum)) return true;
  if (schema.items && hasEnum(schema.items)) return true;
  if (schema.additionalProperties && hasEnum(schema.additionalProperties)) return true;
  if (Array.isArray(schema.anyOf)) return schema.anyOf.some(hasEnum);
  return false;
}

/** Number of property nodes (in any `properties` map, definitions included) that carry an enum. */
export function countEnumeratedProperties(schema) {
  let count = 0;
  const visit = (node) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties' && value && typeof value === 'object') {
        for (const prop of Object.values(value)) if (hasEnum(prop)) count++;
      }
      if (key !== 'enum') visit(value);
    }
  };
  visit(schema);
  return count;
}
