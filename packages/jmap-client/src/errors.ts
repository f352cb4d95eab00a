import type { MethodError, MethodErrorType, ProblemDetails } from '@colibri/jmap-types';

/**
 * A request-level failure (RFC 8620 §3.6.1): the whole HTTP request was refused, e.g. a
 * problem+json body (RFC 7807) for notJSON, notRequest, limit or unknownCapability, a 401 when
 * the session ended, or a body that is not a JMAP Response at all.
 */
export class JmapRequestError extends Error {
  override readonly name = 'JmapRequestError';
  /** The problem type URI, e.g. `urn:ietf:params:jmap:error:limit`, or `about:blank` when none was given. */
  readonly type: string;
  /** The HTTP status of the response. */
  readonly status: number;
  readonly detail: string | undefined;
  /** For `urn:ietf:params:jmap:error:limit`: the name of the limit that was exceeded. */
  readonly limit: string | undefined;

  constructor(problem: ProblemDetails) {
    super(problem.detail ?? `JMAP request failed: ${problem.type} (HTTP ${problem.status})`);
    this.type = problem.type;
    this.status = problem.status;
    this.detail = problem.detail;
    this.limit = problem.limit;
  }
}

/**
 * A method-level error (RFC 8620 §3.6.2): the server answered `["error", {type}, callId]` for one
 * method call. The client throws it (rather than returning it) so that a caller such as a TanStack
 * Query fetcher gets it in its error state; per-item /set failures are not method errors and stay
 * values in `notCreated`/`notUpdated`/`notDestroyed`.
 */
export class JmapMethodError extends Error {
  override readonly name = 'JmapMethodError';
  readonly type: MethodErrorType | string;
  readonly description: string | undefined;
  /** The method that failed, e.g. `Email/get`. */
  readonly method: string;
  /** The method call id of the failed call within its request. */
  readonly callId: string;
  /** The whole error object, with any extra properties the server sent. */
  readonly error: MethodError;

  constructor(method: string, callId: string, error: MethodError) {
    super(`${method} failed: ${error.type}${error.description ? ` (${error.description})` : ''}`);
    this.type = error.type;
    this.description = error.description;
    this.method = method;
    this.callId = callId;
    this.error = error;
  }
}
