/**
 * The `env` section: environment variable names, names CodeBuild reserves or cannot export, and
 * the Secrets Manager reference format `secret-id:json-key:version-stage:version-id`.
 */
import type { AstNode, PropertyNode } from '../../ast';
import type { ValidationContext } from '../validationContext';
import { envProperty } from './model';

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** The maps whose keys are environment variable names. */
const DEFINING_MAPS = ['variables', 'parameter-store', 'secrets-manager'] as const;

function entries(property: PropertyNode | undefined): PropertyNode[] {
  return property?.value?.type === 'object' ? property.value.properties : [];
}

/** Why a Secrets Manager reference is malformed (undefined when it looks right). */
export function secretReferenceProblem(reference: string): string | undefined {
  if (!reference.trim())
    return 'The Secrets Manager reference is empty: write `secret-id:json-key:version-stage:version-id` (only the secret-id is required).';
  let secretId: string;
  let rest: string[];
  if (reference.startsWith('arn:')) {
    // arn:partition:secretsmanager:region:account:secret:name, then the optional fields.
    const parts = reference.split(':');
    if (parts.length < 7 || parts[2] !== 'secretsmanager' || parts[5] !== 'secret' || !parts[6]) {
      return `'${reference}' is not a Secrets Manager secret ARN (arn:aws:secretsmanager:region:account-id:secret:name).`;
    }
    secretId = parts.slice(0, 7).join(':');
    rest = parts.slice(7);
  } else {
    [secretId, ...rest] = reference.split(':');
  }
  if (!secretId) return `The reference '${reference}' has no secret-id before the first ':'.`;
  if (rest.length > 3) {
    return `The reference '${reference}' has too many ':'-separated parts: the format is secret-id:json-key:version-stage:version-id.`;
  }
  const [, versionStage, versionId] = rest;
  if (versionStage && versionId) {
    return `Give either a version-stage ('${versionStage}') or a version-id ('${versionId}'), not both: leave one of them empty.`;
  }
  return undefined;
}

export function checkEnv({ root, collector }: ValidationContext): void {
  for (const mapName of DEFINING_MAPS) {
    for (const entry of entries(envProperty(root, mapName))) {
      const name = entry.key.value;
      if (!VARIABLE_NAME.test(name)) {
        collector.report(
          entry.key,
          `'${name}' is not a usable environment variable name: use letters, digits and underscores, not starting with a digit.`,
          'buildspec-invalid-variable-name',
          { severity: 'warning' },
        );
      } else if (name.startsWith('CODEBUILD_')) {
        collector.report(
          entry.key,
          `Names starting with CODEBUILD_ are reserved for CodeBuild's own variables; rename '${name}'.`,
          'buildspec-reserved-variable-name',
          { severity: 'warning' },
        );
      }
    }
  }
  for (const entry of entries(envProperty(root, 'secrets-manager'))) {
    if (entry.value?.type !== 'string') continue;
    const problem = secretReferenceProblem(entry.value.value);
    if (problem) collector.report(entry.value, problem, 'buildspec-invalid-secret-reference');
  }
  const exported = envProperty(root, 'exported-variables')?.value;
  const names: AstNode[] = exported?.type === 'array' ? exported.items : [];
  for (const item of names) {
    if (item.type !== 'string') continue;
    if (!VARIABLE_NAME.test(item.value)) {
      collector.report(
        item,
        `'${item.value}' is not a valid environment variable name, so it cannot be exported: use letters, digits and underscores, not starting with a digit.`,
        'buildspec-invalid-variable-name',
      );
    } else if (item.value.startsWith('AWS_')) {
      collector.report(
        item,
        `Variables whose names start with AWS_ cannot be exported; copy the value to another name and export that.`,
        'buildspec-unexportable-variable',
        { severity: 'warning' },
      );
    }
  }
}
