/**
 * Topics: the names a note (front matter) or a heading (`<!-- topics: … -->`) says it is about.
 * A topic matches a name exactly (case matters); `AWS::SQS::*` matches every SQS resource type.
 * Relevance tells how close a section is to the resource types around the cursor.
 */
import type { Kind } from '../kinds';
import type { NoteFile, NoteHeading } from './model';
import { headingChain } from './model';

export function topicMatches(topic: string, name: string): boolean {
  if (topic === name) return true;
  if (topic.endsWith('::*')) return name.startsWith(topic.slice(0, -1)) && name.length > topic.length - 1;
  return false;
}

export function anyTopicMatches(topics: readonly string[], name: string): boolean {
  return topics.some((t) => topicMatches(t, name));
}

/** `AWS::SQS::Queue` → `AWS::SQS::` (the service prefix of a resource type). */
export function servicePrefix(resourceType: string): string | undefined {
  const match = /^([A-Za-z0-9]+::[A-Za-z0-9]+::)/.exec(resourceType);
  return match?.[1];
}

/** Resource types that stand for each non-CloudFormation kind, to find the notes about it. */
export const KIND_RESOURCE_TYPES: Record<Exclude<Kind, 'cloudformation'>, string[]> = {
  buildspec: ['AWS::CodeBuild::Project'],
  appspec: ['AWS::CodeDeploy::Application', 'AWS::CodeDeploy::DeploymentGroup'],
  'ecs-task-definition': ['AWS::ECS::TaskDefinition'],
};

/** Relevance of a section to resource types: 2 the section is about one, 1 its note is, 0 neither. */
export function relevance(note: NoteFile, heading: NoteHeading | undefined, resourceTypes: readonly string[]): number {
  if (!resourceTypes.length) return 1;
  const chain = headingChain(heading);
  if (resourceTypes.some((type) => chain.some((h) => anyTopicMatches(h.topics, type)))) return 2;
  if (resourceTypes.some((type) => anyTopicMatches(note.topics, type))) return 1;
  // A note that names no resource type in its topics (the user's own, without front matter or
  // with topics that are property names only) is not about another type: it is neutral.
  const topics = [...note.topics, ...note.headings.flatMap((h) => h.topics)];
  if (!topics.some((t) => servicePrefix(t) !== undefined)) return 1;
  return 0;
}

/** The headings whose own topics list the name (exactly or by pattern). */
export function headingsWithTopic(note: NoteFile, name: string): NoteHeading[] {
  return note.headings.filter((h) => anyTopicMatches(h.topics, name));
}

/** The best section of a note for a resource type only matched through a pattern. */
export function sectionForService(note: NoteFile, resourceType: string): NoteHeading | undefined {
  const prefix = servicePrefix(resourceType);
  if (prefix) {
    const byService = note.headings.find((h) => h.topics.some((t) => t.startsWith(prefix)));
    if (byService) return byService;
  }
  return note.roots[0];
}
