/** Small views of a buildspec tree shared by its rules: the phases and the env maps. */
import type { AstNode, ObjectNode, PropertyNode } from '../../ast';
import { findProperty, getProperty } from '../../ast';

/** The phase names CodeBuild knows, in the order it runs them. */
export const PHASE_NAMES = ['install', 'pre_build', 'build', 'post_build'] as const;

export interface Phase {
  name: string;
  property: PropertyNode;
  node: ObjectNode;
}

/** The phases written as objects (other shapes are the schema's business). */
export function getPhases(root: AstNode): Phase[] {
  const phases = getProperty(root, 'phases');
  if (phases?.type !== 'object') return [];
  const out: Phase[] = [];
  for (const property of phases.properties) {
    if (property.value?.type === 'object') {
      out.push({ name: property.key.value, property, node: property.value });
    }
  }
  return out;
}

/** A property of the `env` section, e.g. `variables` or `secrets-manager`. */
export function envProperty(root: AstNode, name: string): PropertyNode | undefined {
  return findProperty(getProperty(root, 'env'), name);
}
