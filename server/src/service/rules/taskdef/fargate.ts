/**
 * Task sizes: reading `cpu` ("1024", 1024, "1 vCPU") and `memory` ("2048", 2048, "2 GB") the way
 * ECS does, and the cpu/memory combinations Fargate offers (Amazon ECS task size table).
 */
import type { AstNode } from '../../ast';

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let value = from; value <= to; value += step) out.push(value);
  return out;
}

/** Fargate task cpu (CPU units) → the memory values (MiB) it can be combined with. */
export const FARGATE_SIZES: ReadonlyMap<number, readonly number[]> = new Map([
  [256, [512, 1024, 2048]],
  [512, range(1024, 4096, 1024)],
  [1024, range(2048, 8192, 1024)],
  [2048, range(4096, 16384, 1024)],
  [4096, range(8192, 30720, 1024)],
  [8192, range(16384, 61440, 4096)],
  [16384, range(32768, 122880, 8192)],
]);

export const FARGATE_CPUS: readonly number[] = [...FARGATE_SIZES.keys()];

/** Windows containers on Fargate need at least 1 vCPU. */
export const FARGATE_WINDOWS_MIN_CPU = 1024;

/** Task-level cpu limits outside Fargate: 128 units (0.125 vCPU) to 196608 (192 vCPUs). */
export const EC2_CPU_RANGE = { min: 128, max: 196608 } as const;

export type SizeReading = { value: number } | { error: string } | undefined;

/** Task cpu in CPU units; undefined when there is no value to read. */
export function readCpu(node: AstNode | undefined): SizeReading {
  if (node?.type === 'number') return { value: node.value };
  if (node?.type !== 'string') return undefined;
  const text = node.value.trim();
  if (/^\d+$/.test(text)) return { value: Number(text) };
  const vcpu = /^(\d+(?:\.\d+)?|\.\d+)\s*vcpus?$/i.exec(text);
  if (vcpu) return { value: Math.round(Number(vcpu[1]) * 1024) };
  return { error: `'${node.value}' is not a cpu value: write CPU units ('1024') or vCPUs ('1 vCPU').` };
}

/** Task memory in MiB; undefined when there is no value to read. */
export function readMemory(node: AstNode | undefined): SizeReading {
  if (node?.type === 'number') return { value: node.value };
  if (node?.type !== 'string') return undefined;
  const text = node.value.trim();
  if (/^\d+$/.test(text)) return { value: Number(text) };
  const gb = /^(\d+(?:\.\d+)?|\.\d+)\s*gb$/i.exec(text);
  if (gb) return { value: Math.round(Number(gb[1]) * 1024) };
  return { error: `'${node.value}' is not a memory value: write MiB ('2048') or GB ('2 GB').` };
}

/** "0.25 vCPU" for 256 units. */
export function describeCpu(units: number): string {
  return `${units / 1024} vCPU`;
}

/** The memory values (MiB) Fargate allows with this cpu, or undefined when the cpu itself is not offered. */
export function fargateMemoryOptions(cpu: number): readonly number[] | undefined {
  return FARGATE_SIZES.get(cpu);
}

/** "512, 1024 or 2048" for short lists, "from 4096 to 16384 in steps of 1024" for ranges. */
export function describeMemoryOptions(options: readonly number[]): string {
  if (options.length <= 4) return `${options.slice(0, -1).join(', ')} or ${options[options.length - 1]}`;
  const step = options[1] - options[0];
  return `${options[0]} to ${options[options.length - 1]} in steps of ${step}`;
}
