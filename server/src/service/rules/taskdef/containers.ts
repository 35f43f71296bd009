/**
 * The containers of a task: at least one essential container, unique names, dependencies on
 * containers that exist, and host ports where the network mode fixes them.
 */
import type { AstNode } from '../../ast';
import { closest, didYouMean } from '../../utils/suggest';
import type { TaskCheckContext } from './checkContext';
import { capitalise, containerLabel } from './checkContext';
import { booleanOf, numberOf, stringOf } from './model';

export function checkEssential(context: TaskCheckContext): void {
  const { model, report, key } = context;
  if (model.containersIncomplete || !model.containers.length || !model.containerDefinitions.property) return;
  // `essential` defaults to true, so only an explicit false on every container is a problem.
  if (!model.containers.every((c) => booleanOf(c.essential) === false)) return;
  report(
    model.containerDefinitions.property.key,
    `At least one container must be essential, but every container sets ${key('essential')}: false. Mark the main container essential (or leave ${key('essential')} out: it defaults to true).`,
    'no-essential-container',
  );
}

export function checkNames(context: TaskCheckContext): void {
  const { model, report, key } = context;
  const seen = new Map<string, AstNode>();
  for (const container of model.containers) {
    const name = stringOf(container.name);
    if (name === undefined || !container.name.node) continue;
    if (seen.has(name)) {
      report(
        container.name.node,
        `Another container is already named '${name}': container names must be unique within a task.`,
        'duplicate-container-name',
      );
    } else {
      seen.set(name, container.name.node);
    }
  }
  // A dependency on an unknown name is only certain when every container's name is known.
  const namesKnown =
    !model.containersIncomplete && model.containers.every((c) => stringOf(c.name) !== undefined);
  for (const container of model.containers) {
    const own = stringOf(container.name);
    for (const dependency of container.dependsOn) {
      const target = stringOf(dependency.containerName);
      const node = dependency.containerName.node;
      if (target === undefined || !node) continue;
      if (target === own) {
        report(
          node,
          `${capitalise(containerLabel(container))} cannot depend on itself.`,
          'unknown-container-dependency',
        );
      } else if (namesKnown && !seen.has(target)) {
        const suggestion = closest(target, seen.keys());
        report(
          node,
          `${capitalise(containerLabel(container))} depends on '${target}', but no container of this task has that ${key('name')}.${didYouMean(suggestion)}`,
          'unknown-container-dependency',
          { data: { replacement: suggestion, alternatives: [...seen.keys()] } },
        );
      }
    }
  }
}

/** In awsvpc and host network modes a container port is published as itself: hostPort must match it. */
export function checkHostPorts(context: TaskCheckContext): void {
  const { model, report, key } = context;
  const mode = stringOf(model.networkMode);
  if (mode !== 'awsvpc' && mode !== 'host') return;
  for (const container of model.containers) {
    for (const mapping of container.portMappings) {
      const containerPort = numberOf(mapping.containerPort);
      const hostPort = numberOf(mapping.hostPort);
      if (
        containerPort === undefined ||
        hostPort === undefined ||
        hostPort === containerPort ||
        !mapping.hostPort.node
      )
        continue;
      report(
        mapping.hostPort.node,
        `In ${mode} network mode a ${key('hostPort')} must equal its ${key('containerPort')} (or be left out); found ${key('hostPort')} ${hostPort} for ${key('containerPort')} ${containerPort}.`,
        'host-port-mismatch',
        { data: { replacement: String(containerPort) } },
      );
    }
  }
}
