/**
 * A rename the server refuses (a name already taken, an invalid name) comes back as an
 * `InvalidRequest` error. The language client's default path logs every failed request as
 * `[error]` in the output channel, which reads like a crash; a refusal is a message for the user.
 * Pure, so unit tests cover it.
 */

/** JSON-RPC InvalidRequest: what the server's runner answers for a user-facing refusal. */
const INVALID_REQUEST = -32600;

/** The refusal's message, or undefined when the error is a real failure. */
export function refusalMessage(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === INVALID_REQUEST && typeof message === 'string' && message !== '' ? message : undefined;
}
