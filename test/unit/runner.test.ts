/** The handler wrapper (server/src/runner.ts): exceptions become error responses and a log line. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { runSafe } from '../../server/src/runner';

function fakeConnection(): { connection: Connection; logged: string[] } {
  const logged: string[] = [];
  const connection = { console: { error: (m: string) => logged.push(m) } } as unknown as Connection;
  return { connection, logged };
}

const token = (cancelled: () => boolean): CancellationToken => ({
  get isCancellationRequested() {
    return cancelled();
  },
  onCancellationRequested: () => ({ dispose: () => undefined }),
});

describe('runSafe', () => {
  it('answers an exception with an internal-error response and logs it with the stack', async () => {
    const { connection, logged } = fakeConnection();
    const result = await runSafe(
      connection,
      () => {
        throw new Error('boom');
      },
      null,
      'computing hover',
      undefined,
    );
    assert.ok(result instanceof ResponseError);
    assert.equal(result.code, ErrorCodes.InternalError);
    assert.equal(result.message, 'Error while computing hover: boom');
    assert.equal(logged.length, 1);
    assert.match(logged[0], /^Error while computing hover: boom\n.*Error: boom/s);
  });

  it('passes a user-facing error through as an invalid request, without logging it', async () => {
    const { connection, logged } = fakeConnection();
    const refused = Object.assign(new Error('Cannot rename a pseudo parameter'), { name: 'UserFacingError' });
    const result = await runSafe(
      connection,
      () => {
        throw refused;
      },
      null,
      'renaming',
      undefined,
    );
    assert.ok(result instanceof ResponseError);
    assert.equal(result.code, ErrorCodes.InvalidRequest);
    assert.deepEqual(logged, []);
  });

  it('does not start work cancelled while it waited for its turn', async () => {
    const { connection } = fakeConnection();
    let cancelled = false;
    let ran = false;
    const pending = runSafe(
      connection,
      () => {
        ran = true;
        return 1;
      },
      0,
      'computing completion',
      token(() => cancelled),
    );
    cancelled = true; // the cancel arrives before the next turn of the event loop
    const result = await pending;
    assert.equal(ran, false);
    assert.ok(result instanceof ResponseError);
    assert.equal(result.code, LSPErrorCodes.RequestCancelled);
  });

  it('returns the result otherwise', async () => {
    const { connection } = fakeConnection();
    assert.equal(
      await runSafe(
        connection,
        () => 42,
        0,
        'x',
        token(() => false),
      ),
      42,
    );
  });
});
