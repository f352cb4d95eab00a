import { RequestErrorType } from '@colibri/jmap-types';
import type { ProblemDetails } from '@colibri/jmap-types';

/** RFC 8620 §3.6.1: a request-level error, a problem details object (RFC 7807). */
export interface ProblemAnswer {
  status: number;
  body: ProblemDetails;
}

export function problem(
  type: RequestErrorType,
  status: number,
  detail: string,
  limit?: string,
): ProblemAnswer {
  return { status, body: { type, status, detail, ...(limit === undefined ? {} : { limit }) } };
}

export const notJson = (): ProblemAnswer =>
  problem(RequestErrorType.NotJSON, 400, 'The request body is not valid JSON.');

export const notRequest = (detail: string): ProblemAnswer =>
  problem(RequestErrorType.NotRequest, 400, `The request is not a valid JMAP Request object: ${detail}`);

export const unknownCapability = (urns: string[]): ProblemAnswer =>
  problem(RequestErrorType.UnknownCapability, 400, `Unknown capability: ${urns.join(', ')}.`);

/** RFC 8620 §3.6.1: a `limit` problem names the limit in its `limit` property. */
export const limitExceeded = (limit: string, status: number, detail: string): ProblemAnswer =>
  problem(RequestErrorType.Limit, status, detail, limit);
