/**
 * Wraps LSP handlers so that an exception becomes an LSP error response and a log line — never a
 * crashed server — and a cancelled request gets the cancellation error. The work starts after a
 * turn of the event loop, so a `$/cancelRequest` that arrived meanwhile is seen before it starts.
 */
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver';

export function formatError(message: string, error: unknown): string {
  if (error instanceof Error) return `${message}: ${error.message}\n${error.stack ?? ''}`;
  return `${message}: ${String(error)}`;
}

export function runSafe<T>(
  connection: Connection,
  handler: () => T,
  _emptyValue: T,
  what: string,
  token: CancellationToken | undefined,
): Promise<T | ResponseError<void>> {
  return new Promise((resolve) => {
    setImmediate(() => resolve(runNow(connection, handler, what, token)));
  });
}

function runNow<T>(
  connection: Connection,
  handler: () => T,
  what: string,
  token: CancellationToken | undefined,
): T | ResponseError<void> {
  if (token?.isCancellationRequested) return cancelled();
  try {
    const result = handler();
    if (token?.isCancellationRequested) return cancelled();
    return result;
  } catch (error) {
    // An error meant for the user (e.g. why a rename is refused) goes back as the request's error.
    if (error instanceof Error && error.name === 'UserFacingError') {
      return new ResponseError(ErrorCodes.InvalidRequest, error.message);
    }
    connection.console.error(formatError(`Error while ${what}`, error));
    const reason = error instanceof Error ? error.message : String(error);
    return new ResponseError(ErrorCodes.InternalError, `Error while ${what}: ${reason}`);
  }
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}
