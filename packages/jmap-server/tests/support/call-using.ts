import type { Invocation, JmapResponse } from '@colibri/jmap-types';
import type { Fixture } from './fixture.js';
import { resultOf } from './fixture.js';

/** Sends `methodCalls` as alice with the given `using`, and returns the 200 body. */
export async function callUsing(
  f: Fixture,
  using: string[],
  methodCalls: Invocation[],
): Promise<JmapResponse> {
  const { status, body } = await f.engine.handleRequest(f.alice, { using, methodCalls });
  if (status !== 200) throw new Error(`HTTP ${status}: ${JSON.stringify(body)}`);
  return body as JmapResponse;
}

/** One call with `using`; its arguments, asserting the response's name (`error` for a method error). */
export async function callOne(
  f: Fixture,
  using: string[],
  name: string,
  args: Record<string, unknown>,
  expected = name,
): Promise<Record<string, unknown>> {
  return resultOf(
    await callUsing(f, using, [[name, { accountId: f.alice.accountId, ...args }, 'c']]),
    expected,
  );
}
