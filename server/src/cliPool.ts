/**
 * Lints the CLI's files on every core: worker threads (running this same bundle) take files
 * from a shared queue, and the results are put back in the order of the files, so the output is
 * the same as one thread's. Few files are linted on the main thread alone (a worker costs a
 * start-up of its own).
 *
 * AWS_DEV_NOTES_THREADS=N sets the number of threads (1 = no workers).
 */
import { statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import type * as WorkerThreads from 'node:worker_threads';
import type { FileResult } from './cli';

/** In argv of the pool's threads; node:worker_threads is only loaded where it is needed. */
const WORKER_FLAG = '--aws-dev-notes-pool-worker';

function workerThreads(): typeof WorkerThreads {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('node:worker_threads') as typeof WorkerThreads;
}

/** Lints some files, pushing a message per file it cannot read and a note per file it skips (cli.ts lintFiles). */
export type LintFiles = (files: string[], problems: string[], notes: string[]) => FileResult[];

/** Files per extra thread below which a worker is not worth its start-up. */
const FILES_PER_WORKER = 8;

interface Done {
  index: number;
  results: FileResult[];
  problems: string[];
  notes: string[];
}

/**
 * How many threads to use for `count` files: AWS_DEV_NOTES_THREADS, else the machine's idle
 * cores (cores minus the load average: on a busy machine each extra worker only adds its own
 * start-up), and none beyond one per FILES_PER_WORKER files.
 */
export function threadCount(
  count: number,
  env: NodeJS.ProcessEnv = process.env,
  cores = availableParallelism(),
  load = loadavg()[0],
): number {
  const asked = Number(env.AWS_DEV_NOTES_THREADS);
  if (Number.isInteger(asked) && asked >= 1) return Math.min(asked, Math.max(1, count));
  const idle = Math.min(cores, Math.round(cores - load + 1));
  return Math.max(1, Math.min(idle, Math.floor(count / FILES_PER_WORKER)));
}

/** The files' indexes, largest file first (a file that cannot be read counts as empty). */
export function largestFirst(files: string[], sizeOf = fileSize): number[] {
  const sizes = files.map(sizeOf);
  return files.map((_, i) => i).sort((a, b) => sizes[b] - sizes[a] || a - b);
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** True in a thread started by lintInPool: it serves files until told to stop. */
export function isPoolWorker(): boolean {
  return process.argv.includes(WORKER_FLAG) && !workerThreads().isMainThread;
}

/** The worker's side: lint each file the main thread sends, answer with its results. */
export function servePool(lint: LintFiles): void {
  const port = workerThreads().parentPort;
  if (!port) return;
  port.on('message', (message: { index: number; file: string } | null) => {
    if (message === null) {
      port.close();
      return;
    }
    const problems: string[] = [];
    const notes: string[] = [];
    const results = lint([message.file], problems, notes);
    port.postMessage({ index: message.index, results, problems, notes } satisfies Done);
  });
}

/**
 * Lints `files` with `threads` worker threads, in the files' order. The main thread only hands
 * out files (two at a time per worker, so none waits for the next) and puts the results back in
 * order. `script` is the bundle the workers run (its entry calls servePool when isPoolWorker()).
 */
export async function lintInPool(
  files: string[],
  problems: string[],
  notes: string[],
  lint: LintFiles,
  script: string,
  threads = threadCount(files.length),
): Promise<FileResult[]> {
  if (threads <= 1) return lint(files, problems, notes);
  const { Worker } = workerThreads();
  const done: (Done | undefined)[] = new Array<Done | undefined>(files.length);
  // The largest files are handed out first, so that no thread is left with a big one at the end
  // while the others wait (the results still come out in the files' order).
  const order = largestFirst(files);
  let next = 0;

  const run = (): Promise<void> =>
    new Promise<void>((resolve) => {
      const worker = new Worker(script, { argv: [WORKER_FLAG] });
      const inFlight = new Set<number>();
      const feed = (): void => {
        if (next < order.length) {
          const index = order[next++];
          inFlight.add(index);
          worker.postMessage({ index, file: files[index] });
        } else if (!inFlight.size) worker.postMessage(null);
      };
      worker.on('message', (message: Done) => {
        done[message.index] = message;
        inFlight.delete(message.index);
        feed();
      });
      worker.on('error', () => undefined);
      worker.on('exit', () => resolve());
      feed();
      feed();
    });
  await Promise.all(Array.from({ length: threads }, run));
  // Files a crashed worker held (or all, if no worker could start) are linted here.
  for (let index = 0; index < files.length; index++) {
    if (done[index]) continue;
    const own: string[] = [];
    const ownNotes: string[] = [];
    done[index] = { index, results: lint([files[index]], own, ownNotes), problems: own, notes: ownNotes };
  }
  const results: FileResult[] = [];
  for (const item of done) {
    if (!item) continue;
    results.push(...item.results);
    problems.push(...item.problems);
    notes.push(...item.notes);
  }
  return results;
}
