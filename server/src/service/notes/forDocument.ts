/**
 * "Notes for this file": the sections of the notes about the services a document uses — the
 * resource types of a template, or CodeBuild / CodeDeploy / ECS for the other kinds.
 */
import { getTemplate } from '../rules/cloudformation/template';
import type { DocumentState } from '../parsing/documentCache';
import { detectPlatform } from '../rules/appspec/platform';
import type { NoteFile, NoteHeading } from './model';
import { anyTopicMatches, headingsWithTopic, KIND_RESOURCE_TYPES, sectionForService } from './topics';

/** The resource types a document is about (for other kinds, the types that stand for the kind). */
export function documentResourceTypes(state: DocumentState): string[] {
  const { kind } = state;
  if (!kind || !state.parsed.root) return [];
  if (kind === 'cloudformation') {
    const template = getTemplate(state.parsed.root);
    const types = [...(template?.resources.values() ?? [])].map((r) => r.type).filter((t): t is string => !!t);
    return [...new Set(['AWS::CloudFormation::Stack', ...types])];
  }
  const types = [...KIND_RESOURCE_TYPES[kind]];
  if (kind === 'appspec') {
    const platform = detectPlatform(state.parsed.root);
    if (platform === 'ecs') types.push('AWS::ECS::Service');
    if (platform === 'lambda') types.push('AWS::Lambda::Function');
  }
  return types;
}

export interface RelevantSection {
  note: NoteFile;
  heading: NoteHeading | undefined;
  /** The resource types that lead to it. */
  resourceTypes: string[];
}

/** The sections about these resource types, in note order (exact topics first, then service patterns). */
export function sectionsForResourceTypes(notes: NoteFile[], resourceTypes: string[]): RelevantSection[] {
  const found = new Map<string, RelevantSection>();
  for (const type of resourceTypes) {
    for (const note of notes) {
      const matching = headingsWithTopic(note, type);
      const exact = matching.filter((h) => h.topics.includes(type));
      let headings: (NoteHeading | undefined)[] = exact.length ? exact : matching;
      if (!headings.length && anyTopicMatches(note.topics, type)) headings = [sectionForService(note, type)];
      for (const heading of headings) {
        const key = `${note.path}#${heading?.line ?? -1}`;
        const entry = found.get(key) ?? { note, heading, resourceTypes: [] };
        if (!entry.resourceTypes.includes(type)) entry.resourceTypes.push(type);
        found.set(key, entry);
      }
    }
  }
  const order = new Map(notes.map((n, i) => [n, i]));
  return [...found.values()].sort(
    (a, b) => (order.get(a.note) ?? 0) - (order.get(b.note) ?? 0) || (a.heading?.line ?? -1) - (b.heading?.line ?? -1),
  );
}
