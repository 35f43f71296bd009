/**
 * Validation off the server's main thread, so that no single document can stall it: a worker
 * thread (the same bundle, dist/server.js, started with `workerData`) holds its own language
 * service and validates one document at a time. Each validation has a time budget; past it the
 * worker is ended (the work is abandoned, whatever it was doing) and a fresh one takes the next
 * request. Only the newest version of a document waits in the queue, and a result for a version
 * that is no longer current is dropped.
 */
import * as path from 'node:path';
import { Worker, parentPort } from 'node:worker_threads';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { nodeFileSystem } from './nodeFileSystem';
import { loadPrecompiledValidators } from './precompiledValidators';
import { loadPrebuiltNotes, NOTES_INDEX } from './prebuiltNotes';
import { getLanguageService } from './service/languageService';
import { sanitizeSettings } from './service/settings';

/** What the worker is started with (`workerData`). */
export interface AnalysisWorkerData {
  role: 'aws-dev-notes-analysis';
  schemaDir: string;
  notesDir: string;
}

interface DocumentSnapshot {
  uri: string;
  languageId: string;
  version: number;
  text: string;
}

type ToWorker =
  | { type: 'settings'; raw: unknown }
  | { type: 'forget'; uri: string }
  | ({ type: 'validate'; id: number } & DocumentSnapshot);

type FromWorker =
  | { type: 'ready' }
  | { type: 'result'; id: number; diagnostics: Diagnostic[]; kind: string | null; problems: string[] }
  | { type: 'error'; id: number; message: string };

export type AnalysisOutcome =
  | { status: 'done'; diagnostics: Diagnostic[]; kind: string | null }
  /** Past the budget: the work was abandoned. */
  | { status: 'timeout'; budgetMs: number }
  /** A newer version of the document came first, or the document was closed. */
  | { status: 'stale' }
  | { status: 'failed'; message: string }
  /** The worker itself died on this document (out of memory, a crash): the work is lost. */
  | { status: 'crashed'; message: string };

interface Pending {
  snapshot: DocumentSnapshot;
  resolve: (outcome: AnalysisOutcome) => void;
}

/** How long a new worker may take to start before its first document's budget runs. */
const STARTUP_ALLOWANCE_MS = 30_000;

const WARM_UP = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Queue:\n    Type: AWS::SQS::Queue\n";

/** The body of the worker thread: a language service answering `validate` messages. */
export function runAnalysisWorker(data: AnalysisWorkerData): void {
  const port = parentPort;
  if (!port) return;
  const service = getLanguageService({
    fs: nodeFileSystem,
    schemaDir: data.schemaDir,
    notesDir: data.notesDir,
    // The validators generated at build time sit beside the bundle (dist/validators/).
    prebuiltNotes: loadPrebuiltNotes(path.join(__dirname, NOTES_INDEX)),
    precompiled: loadPrecompiledValidators(path.join(__dirname, 'validators')),
  });
  // Start-up (the schema index, a first compile) is not any document's time: warm up, then say so.
  service.validate(TextDocument.create('file:///warm-up.yaml', 'yaml', 0, WARM_UP));
  service.forget('file:///warm-up.yaml');
  port.postMessage({ type: 'ready' } satisfies FromWorker);
  port.on('message', (message: ToWorker) => {
    if (message.type === 'settings') {
      service.configure(sanitizeSettings(message.raw).settings);
    } else if (message.type === 'forget') {
      service.forget(message.uri);
    } else {
      const document = TextDocument.create(message.uri, message.languageId, message.version, message.text);
      let reply: FromWorker;
      try {
        const diagnostics = service.validate(document);
        const kind = service.getKind(document);
        reply = {
          type: 'result',
          id: message.id,
          diagnostics,
          kind,
          problems: service.schemas.problems.splice(0),
        };
      } catch (error) {
        reply = {
          type: 'error',
          id: message.id,
          message: error instanceof Error ? error.message : String(error),
        };
      }
      port.postMessage(reply);
    }
  });
}

export function isAnalysisWorker(data: unknown): data is AnalysisWorkerData {
  return (data as AnalysisWorkerData | undefined)?.role === 'aws-dev-notes-analysis';
}

/** The main thread's side: one worker, a queue with one entry per document, a budget per run. */
export class AnalysisRunner {
  private worker: Worker | undefined;
  private readonly queue = new Map<string, Pending>();
  private running: { id: number; pending: Pending; timer: NodeJS.Timeout | undefined } | undefined;
  /** Whether the current worker has started up (the budget runs from then on). */
  private ready = false;
  private nextId = 1;
  private settings: unknown;

  constructor(
    private readonly script: string,
    private readonly data: Omit<AnalysisWorkerData, 'role'>,
    readonly budgetMs: number,
    private readonly log: (message: string) => void,
  ) {}

  configure(raw: unknown): void {
    this.settings = raw;
    this.worker?.postMessage({ type: 'settings', raw } satisfies ToWorker);
  }

  /** Validates a snapshot of the document; a queued older version of it is answered `stale`. */
  validate(snapshot: DocumentSnapshot): Promise<AnalysisOutcome> {
    return new Promise((resolve) => {
      this.queue.get(snapshot.uri)?.resolve({ status: 'stale' });
      this.queue.set(snapshot.uri, { snapshot, resolve });
      this.pump();
    });
  }

  forget(uri: string): void {
    this.queue.get(uri)?.resolve({ status: 'stale' });
    this.queue.delete(uri);
    this.worker?.postMessage({ type: 'forget', uri } satisfies ToWorker);
  }

  dispose(): void {
    for (const pending of this.queue.values()) pending.resolve({ status: 'stale' });
    this.queue.clear();
    if (this.running) clearTimeout(this.running.timer);
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private pump(): void {
    if (this.running) return;
    const next = this.queue.entries().next().value;
    if (!next) return;
    const [uri, pending] = next;
    this.queue.delete(uri);
    const worker = this.ensureWorker();
    const id = this.nextId++;
    this.running = { id, pending, timer: undefined };
    // A worker still starting gets its start-up time on top of the budget.
    this.startBudget(this.ready ? 0 : STARTUP_ALLOWANCE_MS);
    worker.postMessage({ type: 'validate', id, ...pending.snapshot } satisfies ToWorker);
  }

  private startBudget(extraMs: number): void {
    const running = this.running;
    if (!running) return;
    clearTimeout(running.timer);
    running.timer = setTimeout(() => this.abandon(running.id), this.budgetMs + extraMs);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    this.ready = false;
    const worker = new Worker(this.script, {
      workerData: { role: 'aws-dev-notes-analysis', ...this.data } satisfies AnalysisWorkerData,
      stdout: false,
      stderr: false,
      // A document that eats memory ends the worker, not the server. A young generation of
      // 8 MB instead of V8's default (up to 48 MB) keeps ~20 MB off the server's memory with a
      // 1,000-resource template, for no measurable cost in validation time (npm run bench).
      resourceLimits: { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 8 },
    });
    worker.unref();
    worker.on('message', (message: FromWorker) => {
      if (this.worker === worker) this.onMessage(message);
    });
    worker.on('error', (error) => {
      if (this.worker === worker) this.worker = undefined;
      this.log(`The analysis worker failed: ${error.message}`);
      this.finish({ status: 'crashed', message: error.message });
    });
    worker.on('exit', () => {
      if (this.worker === worker) {
        this.worker = undefined;
        this.finish({ status: 'crashed', message: 'the analysis worker stopped' });
      }
    });
    if (this.settings !== undefined)
      worker.postMessage({ type: 'settings', raw: this.settings } satisfies ToWorker);
    this.worker = worker;
    return worker;
  }

  private onMessage(message: FromWorker): void {
    if (message.type === 'ready') {
      this.ready = true;
      this.startBudget(0);
      return;
    }
    if (!this.running || this.running.id !== message.id) return;
    if (message.type === 'error') {
      this.finish({ status: 'failed', message: message.message });
      return;
    }
    for (const problem of message.problems) this.log(problem);
    this.finish({ status: 'done', diagnostics: message.diagnostics, kind: message.kind });
  }

  /** Past the budget: end the worker (abandoning its work); the next request starts a new one. */
  private abandon(id: number): void {
    if (!this.running || this.running.id !== id) return;
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    this.log(`Analysis of ${this.running.pending.snapshot.uri} stopped after ${this.budgetMs} ms.`);
    this.finish({ status: 'timeout', budgetMs: this.budgetMs });
  }

  private finish(outcome: AnalysisOutcome): void {
    const running = this.running;
    if (!running) return;
    clearTimeout(running.timer);
    this.running = undefined;
    running.pending.resolve(outcome);
    this.pump();
  }
}
