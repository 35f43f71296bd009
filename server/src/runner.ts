/**
 * Wraps LSP handlers so that an exception or a cancellation becomes an LSP error response
 * (or an empty result) and a log line — never a crashed server.
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
  errorValue: T,
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
    return errorValue;
  }
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}
