import { expect } from '@playwright/test';
import type { Invocation, QueryChangesResult } from '@colibri/jmap-types';
import type { RawAnswer } from './jmap-raw.js';

/** RFC 8620 §3.6.1: a request-level error is an RFC 7807 problem with the JMAP error type. */
export function expectProblem(answer: RawAnswer, type: string, status = 400): Record<string, unknown> {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = answer.json as Record<string, unknown>;
  expect(problem.type).toBe(`urn:ietf:params:jmap:error:${type}`);
  expect(problem.status).toBe(status);
  return problem;
}

/** RFC 8620 §3.6.2: a method-level error is an `error` invocation with the method's call id. */
export function expectMethodError(invocation: Invocation | undefined, type: string, callId?: string): void {
  expect(invocation?.[0], JSON.stringify(invocation)).toBe('error');
  expect(invocation?.[1].type).toBe(type);
  if (callId !== undefined) expect(invocation?.[2]).toBe(callId);
}

/** For errors the RFC leaves open between types: the invocation is an error of one of them. */
export function expectMethodErrorOneOf(invocation: Invocation | undefined, types: string[]): void {
  expect(invocation?.[0], JSON.stringify(invocation)).toBe('error');
  expect(types).toContain(invocation?.[1].type);
}

/** RFC 8620 §5.6: the old ids with `removed` taken out and `added` spliced in, in index order. */
export function applyQueryChanges(oldIds: string[], changes: QueryChangesResult): string[] {
  const ids = oldIds.filter((id) => !changes.removed.includes(id));
  for (const { id, index } of [...changes.added].sort((x, y) => x.index - y.index)) ids.splice(index, 0, id);
  return ids;
}
