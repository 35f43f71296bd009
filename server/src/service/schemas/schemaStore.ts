/**
 * Access to the JSON schemas under `schemas/`: the CloudFormation index (loaded once, small),
 * one service file per AWS service (loaded on first use; no prose), its documentation file
 * (`cloudformation/docs/`, loaded only when hover or completion asks for a documented type), the
 * hand-written/generated schemas of the other kinds, and a validator per resource type or kind,
 * made on first use: the one generated at build time when it was generated from this very schema
 * file (`precompiled`), else compiled here with ajv (loaded only then).
 */
import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import type { FileSystem } from '../fileSystem';
import type { Kind } from '../kinds';
import ajvConfig from './ajvOptions.json';
import { withDocs } from './withDocs';

/** The non-standard keywords our schemas may carry (documentation for hover/completion). */
export const ANNOTATION_KEYWORDS: readonly string[] = ajvConfig.annotationKeywords;

/**
 * Validators generated at build time (scripts/build-validators.mjs), injected by the server and
 * the CLI. `forFile` is given each schema file's text as it is read and answers a lookup of the
 * validators generated from exactly that text (by key: `cfn:<type>`, `kind:<kind>`), or
 * undefined when there are none or the file changed since.
 */
export interface PrecompiledValidators {
  forFile(file: string, text: string): ((key: string) => ValidateFunction | undefined) | undefined;
}

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  patternProperties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  required?: string[];
  items?: JsonSchema | JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  if?: JsonSchema;
  then?: JsonSchema;
  else?: JsonSchema;
  definitions?: Record<string, JsonSchema>;
  description?: string;
  markdownDescription?: string;
  documentationUrl?: string;
  causesReplacement?: 'yes' | 'maybe';
  deprecationMessage?: string;
  markdownEnumDescriptions?: string[];
  outputOnly?: boolean;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  default?: unknown;
  [key: string]: unknown;
}

export interface ResourceAttribute {
  markdownDescription?: string;
  type?: string;
}

export interface ResourceTypeInfo {
  name: string;
  markdownDescription?: string;
  documentationUrl?: string;
  attributes: Record<string, ResourceAttribute>;
  /** JSON schema of the resource's `Properties`, self-contained (own definitions). */
  schema: JsonSchema;
}

interface CfnIndex {
  source?: string;
  resourceTypes: Record<string, string>;
}

interface ServiceFile {
  resourceTypes: Record<string, Omit<ResourceTypeInfo, 'name'>>;
}

/** A service's documentation file: per type, the entry's prose in the entry's shape. */
interface DocsFile {
  resourceTypes: Record<string, unknown>;
}

const KIND_SCHEMA_FILES: Record<Exclude<Kind, 'cloudformation'>, string> = {
  buildspec: 'buildspec.schema.json',
  appspec: 'appspec.schema.json',
  'ecs-task-definition': 'ecs-task-definition.schema.json',
};

export class SchemaStore {
  private index: CfnIndex | undefined;
  private readonly services = new Map<string, ServiceFile | null>();
  private readonly docs = new Map<string, DocsFile | null>();
  private readonly documented = new Map<string, ResourceTypeInfo>();
  private readonly kindSchemas = new Map<string, JsonSchema | null>();
  private readonly validators = new Map<string, ValidateFunction | null>();
  /** Per schema file read: its build-time validators, if they match its text. */
  private readonly generated = new Map<string, ((key: string) => ValidateFunction | undefined) | undefined>();
  private ajvInstance: Ajv | undefined;
  /** Problems met while loading schemas (logged by the server). */
  readonly problems: string[] = [];

  constructor(
    private readonly fs: FileSystem,
    private readonly schemaDir: string,
    private readonly precompiled?: PrecompiledValidators,
  ) {}

  /** A JSON file under the schema folder; `validated`: its build-time validators are looked up. */
  private readJson<T>(relative: string, validated = true): T | undefined {
    const path = `${this.schemaDir}/${relative}`;
    const text = this.fs.readFile(path);
    if (text === undefined) {
      this.problems.push(`Cannot read schema ${path}`);
      return undefined;
    }
    if (this.precompiled && validated) this.generated.set(relative, this.precompiled.forFile(relative, text));
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      this.problems.push(`Schema ${path} is not valid JSON: ${String(error)}`);
      return undefined;
    }
  }

  private get cfnIndex(): CfnIndex {
    this.index ??= this.readJson<CfnIndex>('cloudformation/index.json') ?? { resourceTypes: {} };
    return this.index;
  }

  /** All known resource type names. */
  resourceTypeNames(): string[] {
    return Object.keys(this.cfnIndex.resourceTypes);
  }

  hasResourceType(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.cfnIndex.resourceTypes, name);
  }

  /** The service file name a resource type lives in (e.g. AWS_S3), for grouping. */
  serviceOf(name: string): string | undefined {
    return this.hasResourceType(name) ? this.cfnIndex.resourceTypes[name] : undefined;
  }

  resourceType(name: string): ResourceTypeInfo | undefined {
    const service = this.serviceOf(name);
    if (!service) return undefined;
    let file = this.services.get(service);
    if (file === undefined) {
      file = this.readJson<ServiceFile>(`cloudformation/services/${service}.json`) ?? null;
      this.services.set(service, file);
    }
    const info = file?.resourceTypes[name];
    return info ? { name, ...info } : undefined;
  }

  /**
   * A resource type with its documentation (descriptions, documentation URLs, allowed values'
   * descriptions) in its schema and attributes: for hover and completion. Validation and rules
   * use `resourceType`, which never reads a documentation file.
   */
  documentedResourceType(name: string): ResourceTypeInfo | undefined {
    const cached = this.documented.get(name);
    if (cached) return cached;
    const info = this.resourceType(name);
    const service = this.serviceOf(name);
    if (!info || !service) return info;
    let file = this.docs.get(service);
    if (file === undefined) {
      file = this.readJson<DocsFile>(`cloudformation/docs/${service}.json`, false) ?? null;
      this.docs.set(service, file);
    }
    const documented = withDocs(info, file?.resourceTypes[name]);
    this.documented.set(name, documented);
    return documented;
  }

  /** The schema of buildspec / appspec / ECS task definition files. */
  kindSchema(kind: Exclude<Kind, 'cloudformation'>): JsonSchema | undefined {
    let schema = this.kindSchemas.get(kind);
    if (schema === undefined) {
      schema = this.readJson<JsonSchema>(KIND_SCHEMA_FILES[kind]) ?? null;
      this.kindSchemas.set(kind, schema);
    }
    return schema ?? undefined;
  }

  private get ajv(): Ajv {
    if (!this.ajvInstance) {
      // Required here, not imported: a run whose validators were all generated at build time
      // never loads ajv's compiler. The options (ajvOptions.json) include strictRequired: false:
      // "exactly one of" / "at least one of" keys (oneOf/anyOf of required lists, from the
      // resource provider schemas) name keys the branch itself does not define.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { default: AjvClass } = require('ajv') as { default: typeof Ajv };
      this.ajvInstance = new AjvClass({ ...ajvConfig.options });
      this.ajvInstance.addVocabulary([...ANNOTATION_KEYWORDS]);
    }
    return this.ajvInstance;
  }

  /**
   * The validator for a key, made on first use (null if the schema cannot compile): the one
   * generated at build time from the schema file's current text, else compiled now.
   */
  validator(key: string, file: string, schema: () => JsonSchema | undefined): ValidateFunction | undefined {
    let validate = this.validators.get(key);
    if (validate === undefined) {
      const source = schema();
      validate = null;
      if (source) {
        const generated = this.loadGenerated(key, file);
        if (generated) {
          // The generated function does not carry its schema; messages look up `$ref`s in it.
          validate = Object.assign(generated, { schema: source });
        } else {
          try {
            validate = this.ajv.compile(source);
          } catch (error) {
            this.problems.push(`Schema for ${key} does not compile: ${String(error)}`);
          }
        }
      }
      this.validators.set(key, validate);
    }
    return validate ?? undefined;
  }

  private loadGenerated(key: string, file: string): ValidateFunction | undefined {
    try {
      return this.generated.get(file)?.(key);
    } catch (error) {
      this.problems.push(`Generated validator for ${key} does not load: ${String(error)}`);
      return undefined;
    }
  }

  resourceValidator(type: string): ValidateFunction | undefined {
    const file = `cloudformation/services/${this.serviceOf(type) ?? ''}.json`;
    return this.validator(`cfn:${type}`, file, () => this.resourceType(type)?.schema);
  }

  kindValidator(kind: Exclude<Kind, 'cloudformation'>): ValidateFunction | undefined {
    return this.validator(`kind:${kind}`, KIND_SCHEMA_FILES[kind], () => this.kindSchema(kind));
  }
}

/**
 * Follows a local `$ref` (#/definitions/X) within a root schema. Annotations written beside the
 * `$ref` (the referencing key's own description) win over the definition's.
 */
export function resolveRef(root: JsonSchema, schema: JsonSchema | undefined): JsonSchema | undefined {
  let current = schema;
  let own: JsonSchema = {};
  for (let i = 0; current?.$ref && i < 32; i++) {
    const ref: string = current.$ref;
    if (!ref.startsWith('#/')) return current;
    const annotations: JsonSchema = { ...current };
    delete annotations.$ref;
    own = { ...annotations, ...own };
    let target: unknown = root;
    for (const part of ref.slice(2).split('/')) {
      const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
      target = target && typeof target === 'object' ? (target as Record<string, unknown>)[key] : undefined;
    }
    current = target as JsonSchema | undefined;
  }
  return current && Object.keys(own).length ? { ...current, ...own } : current;
}

/** The sub-schema for a child key or index, following refs, properties, items and unions. */
export function childSchema(
  root: JsonSchema,
  schema: JsonSchema | undefined,
  segment: string | number,
): JsonSchema | undefined {
  const s = resolveRef(root, schema);
  if (!s) return undefined;
  if (typeof segment === 'number') {
    if (Array.isArray(s.items)) return resolveRef(root, s.items[segment]);
    if (s.items) return resolveRef(root, s.items);
  } else {
    const direct = s.properties?.[segment];
    if (direct) return resolveRef(root, direct);
    for (const [pattern, sub] of Object.entries(s.patternProperties ?? {})) {
      if (new RegExp(pattern, 'u').test(segment)) return resolveRef(root, sub);
    }
    if (s.additionalProperties && typeof s.additionalProperties === 'object') {
      return resolveRef(root, s.additionalProperties);
    }
  }
  const conditional = [s.then, s.else].filter((b): b is JsonSchema => !!b && typeof b === 'object');
  for (const union of [s.anyOf, s.oneOf, s.allOf, conditional]) {
    for (const branch of union ?? []) {
      const found = childSchema(root, branch, segment);
      if (found) return found;
    }
  }
  return undefined;
}

/** The schema at a path below a root schema. */
export function schemaAtPath(root: JsonSchema, path: (string | number)[]): JsonSchema | undefined {
  let schema: JsonSchema | undefined = resolveRef(root, root);
  for (const segment of path) {
    schema = childSchema(root, schema, segment);
    if (!schema) return undefined;
  }
  return schema;
}
