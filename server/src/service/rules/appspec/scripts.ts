/**
 * EC2/on-premises hook scripts: their `location` values, where each lies relative to the
 * AppSpec file (the root of the revision), and a warning for scripts that are not there.
 */
import type { AstNode, StringNode } from '../../ast';
import { getProperty, stringValue } from '../../ast';
import type { DiagnosticCollector } from '../../diagnostics';
import type { FileSystem } from '../../fileSystem';
import { hookSections } from './hooks';

/** Every `location` string of the map-form hooks. */
export function scriptLocations(root: AstNode): StringNode[] {
  const out: StringNode[] = [];
  for (const section of hookSections(root)) {
    if (section.value?.type !== 'object') continue;
    for (const event of section.value.properties) {
      if (event.value?.type !== 'array') continue;
      for (const script of event.value.items) {
        const location = getProperty(script, 'location');
        if (location?.type === 'string' && location.value.trim()) out.push(location);
      }
    }
  }
  return out;
}

/**
 * The location as a path relative to the revision root, with forward slashes, or undefined when
 * it is absolute (not a file of the revision we could look for).
 */
export function relativeScriptPath(location: string): string | undefined {
  const path = location.trim().replace(/\\/g, '/');
  if (path.startsWith('/') || /^[A-Za-z]:\//.test(path)) return undefined;
  return path.replace(/^(\.\/)+/, '');
}

/** The folder holding the AppSpec file (the root of the revision). */
function folderOf(documentPath: string): string {
  return documentPath.replace(/\\/g, '/').replace(/\/[^/]*$/, '');
}

export type ScriptLookup =
  /** The file is there, spelled as written. */
  | { status: 'found'; path: string }
  /** A file is there, but its name differs in letter case (`actual` is the relative path on disk). */
  | { status: 'case'; path: string; actual: string }
  | { status: 'missing' }
  /** Not a path of the revision (absolute), or nothing to look in. */
  | { status: 'unchecked' };

/**
 * Looks the script up next to the AppSpec file at documentPath. Letter case is checked segment by
 * segment when the file system can list folders, so the answer is the same on case-insensitive
 * disks as on the case-sensitive Linux instances the scripts run on.
 */
export function lookUpScript(fs: FileSystem, documentPath: string, location: string): ScriptLookup {
  const relative = relativeScriptPath(location);
  if (relative === undefined || !relative) return { status: 'unchecked' };
  const folder = folderOf(documentPath);
  const path = `${folder}/${relative}`;
  const segments = relative.split('/').filter((segment) => segment && segment !== '.');
  if (!fs.readDirectory || segments.includes('..'))
    return fs.exists(path) ? { status: 'found', path } : { status: 'missing' };
  let current = folder;
  const actual: string[] = [];
  for (const segment of segments) {
    const entries = fs.readDirectory(current).map((entry) => entry.name);
    const name = entries.includes(segment)
      ? segment
      : entries.find((entry) => entry.toLowerCase() === segment.toLowerCase());
    if (name === undefined) return { status: 'missing' };
    actual.push(name);
    current = `${current}/${name}`;
  }
  const actualPath = actual.join('/');
  return actualPath === segments.join('/')
    ? { status: 'found', path: current }
    : { status: 'case', path: current, actual: actualPath };
}

export function checkScripts(
  root: AstNode,
  documentPath: string | undefined,
  fs: FileSystem,
  collector: DiagnosticCollector,
): void {
  if (!documentPath) return;
  const windows = stringValue(getProperty(root, 'os')) === 'windows';
  for (const location of scriptLocations(root)) {
    const lookup = lookUpScript(fs, documentPath, location.value);
    if (lookup.status === 'missing') {
      collector.report(
        location,
        `Script '${location.value}' was not found next to this AppSpec file. CodeDeploy looks for hook scripts relative to the root of the revision, where the AppSpec file sits.`,
        'appspec-missing-script',
        { severity: 'warning' },
      );
    } else if (lookup.status === 'case' && !windows) {
      collector.report(
        location,
        `Script '${location.value}' is '${lookup.actual}' on disk: Linux instances tell letter case apart, so the deployment would not find it.`,
        'appspec-missing-script',
        { severity: 'warning', data: { replacement: lookup.actual } },
      );
    }
  }
}
