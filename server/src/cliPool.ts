/**
 * Lints the CLI's files on more than one core when that pays: the main thread lints files from
 * a shared queue (largest first) and worker threads (running this same bundle) take files from
 * the same queue once they have started; the results are put back in the order of the files,
 * so the output is the same as one thread's.
 *
 * A thread costs a warm-up of its own (about a second of CPU on the machine this was measured
 * on: loading the bundle, compiling the parser's and the checks' hot paths, loading the
 * validators of the types it meets), so a worker is only started for a large amount of text.
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

/**
 * Bytes of text per extra thread below which a worker costs more than it saves. Measured with
 * `npm run bench` on 2 cores: over aws-cloudformation-templates (312 files, 2.7 MB) two threads
 * took longer than one (a second thread's warm-up, and the JIT and GC threads of both sharing
 * the two cores); one thread lints that text in about 0.85 s once warm.
 */
export const BYTES_PER_WORKER = 4 * 1024 * 1024;

/** A file counts for at most this much (a larger one is skipped unread: settings.maxFileSize). */
const COUNTED_FILE_SIZE = 5 * 1024 * 1024;

interface Done {
  index: number;
  results: FileResult[];
  problems: string[];
  notes: string[];
}

/** A worker's message: ready for files, or the results of one. */
type FromWorker = { ready: true } | Done;

/**
 * How many threads to use for `count` files of `bytes` bytes in all: AWS_DEV_NOTES_THREADS,
 * else the machine's idle cores (cores minus the load average: on a busy machine each extra
 * worker only adds its own warm-up), and no extra thread for fewer than FILES_PER_WORKER files
 * or BYTES_PER_WORKER bytes.
 */
export function threadCount(
  count: number,
  bytes: number,
  env: NodeJS.ProcessEnv = process.env,
  cores = availableParallelism(),
  load = loadavg()[0],
): number {
  const asked = Number(env.AWS_DEV_NOTES_THREADS);
  if (Number.isInteger(asked) && asked >= 1) return Math.min(asked, Math.max(1, count));
  const idle = Math.min(cores, Math.round(cores - load + 1));
  const worth = 1 + Math.min(Math.floor(count / FILES_PER_WORKER) - 1, Math.floor(bytes / BYTES_PER_WORKER));
  return Math.max(1, Math.min(idle, worth));
}

/** The files' sizes (a file that cannot be read counts as empty). */
export function fileSizes(files: string[], sizeOf = fileSize): number[] {
  return files.map((file) => Math.min(sizeOf(file), COUNTED_FILE_SIZE));
}

/** The files' indexes, largest file first, ties in the files' order. */
export function largestFirst(sizes: number[]): number[] {
  return sizes.map((_, i) => i).sort((a, b) => sizes[b] - sizes[a] || a - b);
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

/** The worker's side: say it is ready, then lint each file the main thread sends. */
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
    port.postMessage({ index: message.index, results, problems, notes } satisfies FromWorker);
  });
  port.postMessage({ ready: true } satisfies FromWorker);
}

/** Lets the event loop deliver the workers' messages between two files of the main thread. */
const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Lints `files` with `threads` threads (the main thread and threads − 1 workers), in the
 * files' order. `script` is the bundle the workers run (its entry calls servePool when
 * isPoolWorker()). `linted` receives the number of files each thread linted, the main
 * thread's first.
 */
export async function lintInPool(
  files: string[],
  problems: string[],
  notes: string[],
  lint: LintFiles,
  script: string,
  threads?: number,
  linted: number[] = [],
): Promise<FileResult[]> {
  // The files are measured only when more than one thread could be used (a run on one thread
  // reads each file's size once, in lintFiles).
  const possible = threads ?? threadCount(files.length, Infinity);
  const sizes = possible > 1 ? fileSizes(files) : [];
  const count =
    threads ??
    (possible > 1
      ? threadCount(
          files.length,
          sizes.reduce((a, b) => a + b, 0),
        )
      : 1);
  if (count <= 1) {
    linted.push(files.length);
    return lint(files, problems, notes);
  }

  const done: (Done | undefined)[] = new Array<Done | undefined>(files.length);
  // The largest files are handed out first, so that no thread is left with a big one at the end
  // while the others wait (the results still come out in the files' order).
  const order = largestFirst(sizes);
  let next = 0;

  linted.push(0);
  const lintHere = (index: number): void => {
    linted[0]++;
    const own: string[] = [];
    const ownNotes: string[] = [];
    done[index] = { index, results: lint([files[index]], own, ownNotes), problems: own, notes: ownNotes };
  };

  const { Worker } = workerThreads();
  const stops: (() => void)[] = [];
  const workers = Array.from(
    { length: count - 1 },
    () =>
      new Promise<void>((resolve) => {
        const worker = new Worker(script, { argv: [WORKER_FLAG] });
        let ready = false;
        let inFlight = 0;
        // Two files at a time, so that the worker never waits for its next one.
        const feed = (): void => {
          while (inFlight < 2 && next < order.length) {
            const index = order[next++];
            inFlight++;
            worker.postMessage({ index, file: files[index] });
          }
          if (!inFlight) worker.postMessage(null);
        };
        const slot = linted.push(0) - 1;
        worker.on('message', (message: FromWorker) => {
          if ('ready' in message) ready = true;
          else {
            done[message.index] = message;
            inFlight--;
            linted[slot]++;
          }
          feed();
        });
        worker.on('error', () => undefined);
        worker.on('exit', () => resolve());
        // Once the queue is empty, a worker still starting has nothing left to do.
        stops.push(() => {
          if (!ready) void worker.terminate();
        });
      }),
  );
  // The main thread lints too, a file at a time, letting the workers' messages in between.
  while (next < order.length) {
    lintHere(order[next++]);
    await breathe();
  }
  for (const stop of stops) stop();
  await Promise.all(workers);
  // Files a crashed worker held are linted here.
  for (let index = 0; index < files.length; index++) if (!done[index]) lintHere(index);
  const results: FileResult[] = [];
  for (const item of done) {
    if (!item) continue;
    results.push(...item.results);
    problems.push(...item.problems);
    notes.push(...item.notes);
  }
  return results;
}
