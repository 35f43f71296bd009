/**
 * Which of the four kinds of AWS file a document is: settings associations first, then the
 * file name (buildspec*.yml, appspec.yml, *task-def*.json), then the content (a template's
 * sections and resource types, a buildspec's `phases`, an appspec's `os` or `Resources` list, a
 * task definition's `containerDefinitions`).
 */
import { globPackage } from './utils/lazyPackages';
import type { AstNode } from './ast';
import { getProperty, stringValue } from './ast';

export const KINDS = ['cloudformation', 'buildspec', 'appspec', 'ecs-task-definition'] as const;
export type Kind = (typeof KINDS)[number];

export const KIND_LABELS: Record<Kind, string> = {
  cloudformation: 'CloudFormation',
  buildspec: 'buildspec',
  appspec: 'appspec',
  'ecs-task-definition': 'ECS task definition',
};

/** Extensions a CloudFormation template may have (content decides). */
const TEMPLATE_EXTENSIONS = /\.(ya?ml|json|template|cfn|txt)$/i;

export function fileName(uriOrPath: string): string {
  const clean = uriOrPath.replace(/[?#].*$/, '');
  const name = clean.slice(clean.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** File path of a URI for glob matching (file:///a/b.yaml → /a/b.yaml). */
export function uriPath(uri: string): string {
  if (!uri.includes('://')) return uri;
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}

/** The kind forced by a settings association, "none", or undefined when no glob matches. */
export function kindFromAssociations(
  uri: string,
  associations: Record<string, Kind | 'none'>,
): Kind | 'none' | undefined {
  const path = uriPath(uri);
  const name = fileName(path);
  for (const [glob, kind] of Object.entries(associations)) {
    const target = glob.includes('/') ? path : name;
    const pattern =
      glob.includes('/') && !glob.startsWith('/') && !glob.startsWith('**') ? `**/${glob}` : glob;
    if (globPackage().minimatch(target, pattern, { dot: true, nocase: true })) return kind;
  }
  return undefined;
}

export function kindFromFileName(uri: string): Kind | undefined {
  const name = fileName(uri).toLowerCase();
  if (/^buildspec[^/]*\.ya?ml$/.test(name)) return 'buildspec';
  if (/^appspec\.(ya?ml|json)$/.test(name)) return 'appspec';
  if (
    /^(taskdef|task-?def(inition)?s?)([-_.][^/]*)?\.json$/.test(name) ||
    /task-?def[^/]*\.json$/.test(name)
  ) {
    return 'ecs-task-definition';
  }
  return undefined;
}

export function looksLikeCloudFormation(root: AstNode | undefined): boolean {
  if (root?.type !== 'object') return false;
  if (getProperty(root, 'AWSTemplateFormatVersion')) return true;
  const transform = getProperty(root, 'Transform');
  const transforms = transform?.type === 'array' ? transform.items : transform ? [transform] : [];
  if (transforms.some((t) => stringValue(t)?.startsWith('AWS::Serverless'))) return true;
  const resources = getProperty(root, 'Resources');
  if (resources?.type !== 'object') return false;
  // An empty Resources map still makes a template beside another template section.
  if (resources.properties.length === 0) {
    return root.properties.some((p) => p.key.value !== 'Resources' && TEMPLATE_SECTIONS.has(p.key.value));
  }
  return resources.properties.some((p) => {
    const type = stringValue(getProperty(p.value, 'Type'));
    // AWS and custom types, registry and third-party types (Org::Service::Type) and modules.
    return !!type && (/^(AWS|Custom|Alexa)::/.test(type) || RESOURCE_TYPE_SHAPE.test(type));
  });
}

/** The top-level sections of a CloudFormation template (the template model and rules use them too). */
export const TOP_LEVEL_SECTIONS = [
  'AWSTemplateFormatVersion',
  'Description',
  'Metadata',
  'Parameters',
  'Rules',
  'Mappings',
  'Conditions',
  'Transform',
  'Resources',
  'Outputs',
  'Hooks',
] as const;

const TEMPLATE_SECTIONS = new Set<string>(TOP_LEVEL_SECTIONS);

const RESOURCE_TYPE_SHAPE = /^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+(::MODULE)?$/;

/** A buildspec by content (CodeBuild accepts any file name): `version` and a `phases` map. */
export function looksLikeBuildspec(root: AstNode | undefined): boolean {
  if (root?.type !== 'object' || !getProperty(root, 'version')) return false;
  return getProperty(root, 'phases')?.type === 'object';
}

/**
 * An appspec by content: `version` with `os` (EC2/on-premises), or with a `Resources` list (ECS and
 * Lambda; a template's Resources is a map).
 */
export function looksLikeAppspec(root: AstNode | undefined): boolean {
  if (root?.type !== 'object' || !getProperty(root, 'version')) return false;
  if (getProperty(root, 'os')?.type === 'string') return true;
  return getProperty(root, 'Resources')?.type === 'array';
}

export function looksLikeTaskDefinition(root: AstNode | undefined): boolean {
  if (root?.type !== 'object') return false;
  return getProperty(root, 'containerDefinitions')?.type === 'array';
}

export function detectKind(
  uri: string,
  root: AstNode | undefined,
  associations: Record<string, Kind | 'none'> = {},
): Kind | null {
  const associated = kindFromAssociations(uri, associations);
  if (associated) return associated === 'none' ? null : associated;
  const byName = kindFromFileName(uri);
  if (byName) return byName;
  const name = fileName(uri);
  const hasExtension = name.includes('.');
  if (!hasExtension || TEMPLATE_EXTENSIONS.test(name) || uri.startsWith('untitled:')) {
    if (looksLikeCloudFormation(root)) return 'cloudformation';
    if (!/\.(json|template|txt)$/i.test(name) && looksLikeBuildspec(root)) return 'buildspec';
    if (!/\.(template|txt)$/i.test(name) && looksLikeAppspec(root)) return 'appspec';
    if (/\.json$/i.test(name) || !hasExtension) {
      if (looksLikeTaskDefinition(root)) return 'ecs-task-definition';
    }
  }
  return null;
}
