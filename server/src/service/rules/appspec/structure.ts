/**
 * The top of an AppSpec file for its platform: `os` for EC2/on-premises, YAML only for
 * EC2/on-premises, keys of one platform in a file of another, and a key written in two
 * spellings at once.
 */
import type { AstNode } from '../../ast';
import { getProperty } from '../../ast';
import type { Replacements } from '../buildspec/filteredCollector';
import type { DiagnosticCollector, Span } from '../../diagnostics';
import type { JsonSchema } from '../../schemas/schemaStore';
import { knownSpellings } from './keys';
import type { Platform } from './platform';
import { EC2_ONLY_KEYS, PLATFORM_LABELS } from './platform';

/** Where a missing top-level key is reported: the first key of the file. */
function topSpan(root: AstNode): Span {
  if (root.type === 'object' && root.properties[0]) return root.properties[0].key;
  return { offset: root.offset, length: Math.min(root.length, 1) };
}

export function checkPlatformStructure(
  root: AstNode,
  platform: Platform | undefined,
  format: 'yaml' | 'json',
  collector: DiagnosticCollector,
): void {
  if (root.type !== 'object') return;
  if (platform === 'ec2') {
    if (format === 'json') {
      collector.report(
        topSpan(root),
        'EC2/on-premises AppSpec files must be YAML, in a file named appspec.yml at the root of the revision; JSON is only for ECS and Lambda deployments.',
        'appspec-ec2-json',
      );
    }
    if (getProperty(root, 'os') === undefined) {
      collector.report(
        topSpan(root),
        "EC2/on-premises AppSpec files need 'os': 'linux' or 'windows', the operating system of the instances.",
        'appspec-missing-key',
        { data: { missing: ['os'] } },
      );
    }
    for (const property of root.properties) {
      if (property.key.value.toLowerCase() === 'resources') {
        collector.report(
          property.key,
          `'${property.key.value}' is for Amazon ECS and AWS Lambda deployments; EC2/on-premises AppSpec files describe files, permissions and hooks instead.`,
          'appspec-wrong-platform-key',
          { data: { removable: true } },
        );
      }
    }
  } else if (platform) {
    for (const key of EC2_ONLY_KEYS) {
      const property = root.properties.find((p) => p.key.value === key);
      if (!property) continue;
      collector.report(
        property.key,
        `'${key}' is only used by EC2/on-premises deployments; this AppSpec file deploys to ${PLATFORM_LABELS[platform]}.`,
        'appspec-wrong-platform-key',
        { data: { removable: true } },
      );
    }
  }
}

/** Two spellings of one key in the same object (`Resources` and `resources`): CodeDeploy reads one. */
export function checkDuplicateSpellings(
  root: AstNode,
  schema: JsonSchema | undefined,
  collector: DiagnosticCollector,
): void {
  const known = knownSpellings(schema);
  const visit = (node: AstNode | undefined): void => {
    if (node?.type === 'array') {
      node.items.forEach(visit);
      return;
    }
    if (node?.type !== 'object') return;
    const first = new Map<string, string>();
    for (const property of node.properties) {
      const name = property.key.value;
      const lower = name.toLowerCase();
      const earlier = first.get(lower);
      if (known.has(name) && earlier !== undefined && earlier !== name) {
        collector.report(
          property.key,
          `'${name}' and '${earlier}' are the same key written two ways; CodeDeploy reads only one of them. Keep one spelling.`,
          'appspec-duplicate-spelling',
          { data: { removable: true } },
        );
      } else if (known.has(name) && earlier === undefined) {
        first.set(lower, name);
      }
      visit(property.value);
    }
  };
  visit(root);
}

function versionText(node: AstNode | undefined): string | undefined {
  if (node?.type === 'number') return node.source;
  if (node?.type === 'string') return node.value.trim();
  return undefined;
}

/** The schema's enum error on `version` shows the number and string forms of 0.0: this rule says it once. */
export function versionReplacements(root: AstNode, replacements: Replacements): void {
  const version = getProperty(root, 'version');
  if (version && versionText(version) !== undefined) replacements.add(version, 'appspec-invalid-value');
}

/** `version` must be 0.0 (written `0.0`, `"0.0"` or `0`). */
export function checkVersion(root: AstNode, collector: DiagnosticCollector): void {
  const version = getProperty(root, 'version');
  const text = versionText(version);
  if (!version || text === undefined) return;
  if (text === '0.0' || (version.type === 'number' && version.value === 0)) return;
  collector.report(
    version,
    `'${text}' is not an AppSpec version: the only version is 0.0.`,
    'appspec-invalid-value',
    {
      data: { replacement: '0.0', alternatives: ['0.0'] },
    },
  );
}
