import type { ProblemDetails } from '@colibri/jmap-types';
import { JmapRequestError } from './errors.js';
import type { ResponseLike } from './fetch-like.js';

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turns a failed HTTP response into a JmapRequestError. RFC 8620 §3.6.1 problem+json bodies keep
 * their type/status/detail/limit; other JSON bodies (e.g. the BFF's `{ error, message }`) lend
 * their message as the detail.
 */
export function problemFrom(status: number, text: string): JmapRequestError {
  const body = parseJson(text);
  const problem: ProblemDetails = { type: 'about:blank', status };
  if (isRecord(body)) {
    if (typeof body.type === 'string') problem.type = body.type;
    if (typeof body.detail === 'string') problem.detail = body.detail;
    else if (typeof body.message === 'string') problem.detail = body.message;
    if (typeof body.limit === 'string') problem.limit = body.limit;
  }
  return new JmapRequestError(problem);
}

/** Reads a JSON body from a successful response, or throws a JmapRequestError. */
export async function readJson(response: ResponseLike): Promise<Record<string, unknown>> {
  const text = await response.text();
  if (!response.ok) throw problemFrom(response.status, text);
  const body = parseJson(text);
  if (!isRecord(body)) {
    throw new JmapRequestError({
      type: 'about:blank',
      status: response.status,
      detail: 'The server did not answer with a JSON object.',
    });
  }
  return body;
}
