/**
 * A minimal LSP client over stdio for protocol tests: starts `node dist/server.js --stdio` on first
 * use. `withServer()` gives the tests of a `describe` one server; `initializeResult()` asks a fresh one.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { after, before } from 'node:test';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { Diagnostic, Position, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ROOT } from './helpers';

interface Running {
  child: ChildProcess;
  connection: MessageConnection;
}

export class TestClient {
  private running: Running | undefined;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: { uri: string; resolve: (d: Diagnostic[]) => void }[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  /** Every publishDiagnostics, in order of arrival. */
  readonly published: PublishDiagnosticsParams[] = [];
  stderr = '';

  /** `env`: the server's environment (the test's own by default). */
  constructor(private readonly env?: NodeJS.ProcessEnv) {}

  /** The connection to the server, which starts on first use. */
  get connection(): MessageConnection {
    this.running ??= this.start();
    return this.running.connection;
  }

  private start(): Running {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'server.js'), '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: this.env ?? process.env,
    });
    child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    if (!child.stdout || !child.stdin) throw new Error('no stdio');
    const connection = createMessageConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params);
      this.published.push(params);
      for (const waiter of this.waiters.filter((w) => w.uri === params.uri)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(params.diagnostics);
      }
    });
    connection.onNotification((method: string, params: unknown) => {
      this.notifications.push({ method, params });
    });
    connection.listen();
    return { child, connection };
  }

  async initialize(settings: unknown = {}): Promise<unknown> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
      initializationOptions: { settings },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  async open(uri: string, text: string, languageId = 'yaml'): Promise<Diagnostic[]> {
    const waiting = this.nextDiagnostics(uri);
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId, version: 1, text },
    });
    return waiting;
  }

  async change(uri: string, version: number, text: string): Promise<Diagnostic[]> {
    const waiting = this.nextDiagnostics(uri);
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
    return waiting;
  }

  nextDiagnostics(uri: string, timeoutMs = 20000): Promise<Diagnostic[]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`No diagnostics for ${uri} within ${timeoutMs} ms\n${this.stderr}`)),
        timeoutMs,
      );
      this.waiters.push({
        uri,
        resolve: (d) => {
          clearTimeout(timer);
          resolve(d);
        },
      });
    });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params);
  }

  /** A request about a document (`textDocument/documentSymbol` …), with more parameters if given. */
  requestFor<R>(method: string, uri: string, params: object = {}): Promise<R> {
    return this.request<R>(method, { textDocument: { uri }, ...params });
  }

  /** A request about a position in a document (`textDocument/hover`, `textDocument/completion` …). */
  requestAt<R>(method: string, uri: string, position: Position, params: object = {}): Promise<R> {
    return this.requestFor<R>(method, uri, { position, ...params });
  }

  /** The server process (started on first use). */
  get process(): ChildProcess {
    this.running ??= this.start();
    return this.running.child;
  }

  async shutdown(): Promise<void> {
    const running = this.running;
    if (!running) return;
    try {
      await Promise.race([
        running.connection.sendRequest('shutdown'),
        new Promise((r) => setTimeout(r, 3000)),
      ]);
      await running.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    running.connection.dispose();
    running.child.kill();
  }
}

/**
 * A server for the tests of the enclosing `describe`: started and initialized with the settings
 * before them (then `setUp` runs), shut down after them.
 */
export function withServer(
  settings: unknown = {},
  setUp?: (client: TestClient) => Promise<void>,
): TestClient {
  const client = new TestClient();
  before(async () => {
    await client.initialize(settings);
    await setUp?.(client);
  });
  after(() => client.shutdown());
  return client;
}

/** What a fresh server answers to `initialize` (the server is shut down again). */
export async function initializeResult<R>(settings: unknown = {}): Promise<R> {
  const probe = new TestClient();
  try {
    return (await probe.initialize(settings)) as R;
  } finally {
    await probe.shutdown();
  }
}
