/**
 * Task size: readable cpu/memory values, Fargate's network mode and cpu/memory combinations,
 * and container memory within the task's memory.
 */
import type { AstNode } from '../../ast';
import type { TaskCheckContext } from './checkContext';
import { capitalise, containerLabel, joinWords } from './checkContext';
import {
  describeCpu,
  describeMemoryOptions,
  EC2_CPU_RANGE,
  FARGATE_CPUS,
  FARGATE_WINDOWS_MIN_CPU,
  fargateMemoryOptions,
  readCpu,
  readMemory,
} from './fargate';
import type { Field } from './model';
import { itemsOf, numberOf, stringOf } from './model';

function reading(field: Field, read: typeof readCpu): number | undefined {
  if (field.dynamic) return undefined;
  const result = read(field.node);
  return result && 'value' in result ? result.value : undefined;
}

export function taskCpu(context: TaskCheckContext): number | undefined {
  return reading(context.model.cpu, readCpu);
}

export function taskMemory(context: TaskCheckContext): number | undefined {
  return reading(context.model.memory, readMemory);
}

/** cpu and memory must be readable values (and cpu within what ECS accepts on EC2). */
export function checkSizeValues(context: TaskCheckContext): void {
  const { model, report, key } = context;
  for (const [field, read, name] of [
    [model.cpu, readCpu, 'invalid-cpu'],
    [model.memory, readMemory, 'invalid-memory'],
  ] as const) {
    if (field.dynamic || !field.node) continue;
    const result = read(field.node);
    if (result && 'error' in result) report(field.node, result.error, name);
  }
  const cpu = taskCpu(context);
  if (
    cpu !== undefined &&
    !context.fargate &&
    model.cpu.node &&
    (cpu < EC2_CPU_RANGE.min || cpu > EC2_CPU_RANGE.max)
  ) {
    report(
      model.cpu.node,
      `Task ${key('cpu')} must be between ${EC2_CPU_RANGE.min} and ${EC2_CPU_RANGE.max} CPU units (${describeCpu(EC2_CPU_RANGE.min)} to ${describeCpu(EC2_CPU_RANGE.max)}); found ${cpu}.`,
      'invalid-cpu',
    );
  }
}

/** The FARGATE item of requiresCompatibilities, where task-level problems of Fargate are reported. */
function fargateItem(context: TaskCheckContext): AstNode | undefined {
  return itemsOf(context.model.requiresCompatibilities).find(
    (item) => item.type === 'string' && item.value === 'FARGATE',
  );
}

export function checkFargateTask(context: TaskCheckContext): void {
  const { model, report, key } = context;
  const anchor = fargateItem(context);
  if (!context.fargate || !anchor) return;
  const networkMode = stringOf(model.networkMode);
  if (!model.networkMode.node) {
    report(
      anchor,
      `Fargate tasks need ${key('networkMode')} 'awsvpc' (without it the network mode is 'bridge').`,
      'fargate-network-mode',
      {
        data: { missing: [key('networkMode')] },
      },
    );
  } else if (networkMode !== undefined && networkMode !== 'awsvpc') {
    report(
      model.networkMode.node,
      `Fargate tasks need ${key('networkMode')} 'awsvpc'; found '${networkMode}'.`,
      'fargate-network-mode',
      {
        data: { replacement: 'awsvpc' },
      },
    );
  }
  const missing = (['cpu', 'memory'] as const).filter((name) => !model[name].node).map(key);
  if (missing.length) {
    report(
      anchor,
      `Fargate tasks need task-level ${joinWords(
        missing.map((m) => `'${m}'`),
        'and',
      )}, in one of the combinations Fargate offers.`,
      'fargate-task-size',
      { data: { missing } },
    );
  }
  const cpu = taskCpu(context);
  const memory = taskMemory(context);
  if (cpu === undefined || !model.cpu.node) return;
  const options = fargateMemoryOptions(cpu);
  if (!options) {
    report(
      model.cpu.node,
      `Fargate does not offer ${key('cpu')} ${cpu}. Use ${joinWords(
        FARGATE_CPUS.map((c) => `${c} (${describeCpu(c)})`),
        'or',
      )}.`,
      'fargate-cpu-memory',
      { data: { alternatives: FARGATE_CPUS.map(String) } },
    );
    return;
  }
  const os = stringOf(model.operatingSystemFamily);
  if (os?.startsWith('WINDOWS') && cpu < FARGATE_WINDOWS_MIN_CPU) {
    report(
      model.cpu.node,
      `Windows containers on Fargate need at least ${FARGATE_WINDOWS_MIN_CPU} CPU units (1 vCPU); found ${cpu}.`,
      'fargate-cpu-memory',
      { data: { alternatives: FARGATE_CPUS.filter((c) => c >= FARGATE_WINDOWS_MIN_CPU).map(String) } },
    );
  }
  if (memory === undefined || !model.memory.node || options.includes(memory)) return;
  report(
    model.memory.node,
    `With ${key('cpu')} ${cpu} (${describeCpu(cpu)}), Fargate offers ${key('memory')} ${describeMemoryOptions(options)} (MiB); found ${memory}.`,
    'fargate-cpu-memory',
    { data: { alternatives: options.map(String) } },
  );
}

/** Container memory limits within the task memory, and a soft limit below the hard limit. */
export function checkContainerMemory(context: TaskCheckContext): void {
  const { model, report, key } = context;
  const task = taskMemory(context);
  const reserved: { label: string; mib: number }[] = [];
  let allKnown = !model.containersIncomplete;
  let exceeded = false;
  for (const container of model.containers) {
    const hard = numberOf(container.memory);
    const soft = numberOf(container.memoryReservation);
    for (const [field, value, name] of [
      [container.memory, hard, 'memory'],
      [container.memoryReservation, soft, 'memoryReservation'],
    ] as const) {
      if (task !== undefined && value !== undefined && field.node && value > task) {
        exceeded = true;
        report(
          field.node,
          `The ${key(name)} of ${containerLabel(container)} (${value} MiB) is more than the task's ${key('memory')} (${task} MiB).`,
          'container-memory-exceeds-task',
        );
      }
    }
    if (hard !== undefined && soft !== undefined && soft > hard && container.memoryReservation.node) {
      report(
        container.memoryReservation.node,
        `The ${key('memoryReservation')} (soft limit, ${soft} MiB) of ${containerLabel(container)} must not be more than its ${key('memory')} (hard limit, ${hard} MiB).`,
        'memory-reservation-above-limit',
      );
    }
    const unknown = container.memory.dynamic || container.memoryReservation.dynamic;
    if (
      !unknown &&
      hard === undefined &&
      soft === undefined &&
      !container.memory.node &&
      !container.memoryReservation.node
    ) {
      if (task === undefined && !model.memory.node && context.ec2Only) {
        report(
          container.name.node ?? container.node,
          `${capitalise(containerLabel(container))} needs ${key('memory')} or ${key('memoryReservation')}: the task has no task-level ${key('memory')}, so ECS cannot tell how much memory to give it.`,
          'container-memory-missing',
        );
      }
    }
    const counted = soft ?? hard;
    if (counted === undefined) {
      if (container.memory.node || container.memoryReservation.node) allKnown = false;
    } else {
      reserved.push({ label: stringOf(container.name) ?? String(container.index + 1), mib: counted });
    }
  }
  const total = reserved.reduce((sum, r) => sum + r.mib, 0);
  if (
    task !== undefined &&
    allKnown &&
    !exceeded &&
    reserved.length > 1 &&
    total > task &&
    model.memory.node
  ) {
    report(
      model.memory.node,
      `The containers reserve ${total} MiB together (${reserved.map((r) => `${r.label} ${r.mib}`).join(', ')}), more than the task's ${key('memory')} of ${task} MiB.`,
      'containers-memory-exceed-task',
    );
  }
}
