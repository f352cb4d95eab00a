import { Capability, RequestErrorType } from '@colibri/jmap-types';
import type { JmapResponse, ProblemDetails } from '@colibri/jmap-types';
import type { MailStore } from '@colibri/mail-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJmapEngine } from '../src/index.js';
import { USING, openFixture, recordingLogger, withOverrides } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';

let f: Fixture;
beforeAll(async () => {
  f = await openFixture();
});
afterAll(() => f.close());

async function problemOf(body: unknown): Promise<ProblemDetails & { status: number }> {
  const answer = await f.engine.handleRequest(f.alice, body);
  expect(answer.body).toHaveProperty('status', answer.status);
  return answer.body as ProblemDetails & { status: number };
}

describe('request-level errors (RFC 8620 §3.6.1)', () => {
  it('notJSON (400) for a body that is not JSON', async () => {
    expect(await problemOf('{"using": [')).toMatchObject({ type: RequestErrorType.NotJSON, status: 400 });
  });

  it('accepts a body that is JSON text (e.g. sent as text/plain)', async () => {
    const answer = await f.engine.handleRequest(
      f.alice,
      JSON.stringify({ using: USING, methodCalls: [['Core/echo', { a: 1 }, 'c']] }),
    );
    expect(answer.status).toBe(200);
    expect((answer.body as JmapResponse).methodResponses).toEqual([['Core/echo', { a: 1 }, 'c']]);
  });

  it('notRequest (400) for JSON that is not a Request', async () => {
    const bad: unknown[] = [
      null,
      'just a string',
      [],
      { methodCalls: [] },
      { using: USING },
      { using: 'urn:ietf:params:jmap:core', methodCalls: [] },
      { using: USING, methodCalls: [['Core/echo', {}]] },
      { using: USING, methodCalls: [['Core/echo', [], 'c']] },
      { using: USING, methodCalls: [[1, {}, 'c']] },
      { using: USING, methodCalls: [], createdIds: { a: 1 } },
    ];
    for (const body of bad) {
      expect(await problemOf(body === 'just a string' ? JSON.stringify(body) : body)).toMatchObject({
        type: RequestErrorType.NotRequest,
        status: 400,
      });
    }
  });

  it('unknownCapability (400) names the capability', async () => {
    const problem = await problemOf({ using: [...USING, 'urn:example:nope'], methodCalls: [] });
    expect(problem).toMatchObject({ type: RequestErrorType.UnknownCapability, status: 400 });
    expect(problem.detail).toContain('urn:example:nope');
  });

  it('limit (400) with limit "maxCallsInRequest" beyond 32 calls', async () => {
    const calls = Array.from({ length: 33 }, (_, i) => ['Core/echo', {}, `c${i}`]);
    expect(await problemOf({ using: USING, methodCalls: calls })).toMatchObject({
      type: RequestErrorType.Limit,
      status: 400,
      limit: 'maxCallsInRequest',
    });
    const ok = await f.engine.handleRequest(f.alice, { using: USING, methodCalls: calls.slice(0, 32) });
    expect(ok.status).toBe(200);
  });

  it('limit "maxConcurrentRequests" when too many requests of one account run at once', async () => {
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slowStore = withOverrides(f.store, {
      listMailboxes: async (...args: Parameters<MailStore['listMailboxes']>) => {
        await gate;
        return f.store.listMailboxes(...args);
      },
    });
    const engine = createJmapEngine({ store: slowStore, limits: { maxConcurrentRequests: 2 } });
    const body = { using: USING, methodCalls: [['Mailbox/get', { accountId: f.alice.accountId }, 'm']] };
    const first = [engine.handleRequest(f.alice, body), engine.handleRequest(f.alice, body)];
    const third = await engine.handleRequest(f.alice, body);
    expect(third.body).toMatchObject({ type: RequestErrorType.Limit, limit: 'maxConcurrentRequests' });
    // Another account is not held back by alice's requests.
    expect(
      (await engine.handleRequest(f.bob, { using: USING, methodCalls: [['Core/echo', {}, 'e']] })).status,
    ).toBe(200);
    release();
    for (const answer of await Promise.all(first)) expect(answer.status).toBe(200);
    expect((await engine.handleRequest(f.alice, body)).status).toBe(200);
  });
});

describe('method processing (RFC 8620 §3.6)', () => {
  it('runs the calls in order and echoes Core/echo (§4.1)', async () => {
    const response = await f.call([
      ['Core/echo', { hello: true, list: [1, 2] }, 'a'],
      ['Core/echo', {}, 'b'],
    ]);
    expect(response.methodResponses).toEqual([
      ['Core/echo', { hello: true, list: [1, 2] }, 'a'],
      ['Core/echo', {}, 'b'],
    ]);
    expect(response).not.toHaveProperty('createdIds');
  });

  it('answers unknownMethod for an unknown name and for a method whose capability is not in "using"', async () => {
    const unknown = await f.call([['Nope/get', {}, 'a']]);
    expect(unknown.methodResponses[0]).toMatchObject(['error', { type: 'unknownMethod' }, 'a']);
    const answer = await f.engine.handleRequest(f.alice, {
      using: [Capability.Core],
      methodCalls: [
        ['Mailbox/get', { accountId: f.alice.accountId }, 'm'],
        ['Core/echo', {}, 'e'],
      ],
    });
    const body = answer.body as JmapResponse;
    expect(body.methodResponses[0]).toMatchObject(['error', { type: 'unknownMethod' }, 'm']);
    // One failed call does not stop the next.
    expect(body.methodResponses[1]).toEqual(['Core/echo', {}, 'e']);
  });

  it('answers invalidArguments for unknown, missing or mistyped arguments', async () => {
    const response = await f.call([
      ['Mailbox/get', { accountId: f.alice.accountId, bogus: 1 }, 'a'],
      ['Mailbox/get', {}, 'b'],
      ['Email/query', { accountId: f.alice.accountId, limit: -1 }, 'c'],
      ['Mailbox/get', { accountId: f.alice.accountId, properties: ['name', 'colour'] }, 'd'],
    ]);
    for (const invocation of response.methodResponses)
      expect(invocation[1]).toMatchObject({ type: 'invalidArguments' });
  });

  it('passes createdIds through (§3.3, §3.4)', async () => {
    const answer = await f.engine.handleRequest(f.alice, {
      using: USING,
      methodCalls: [['Core/echo', {}, 'a']],
      createdIds: { k1: 'Mabc' },
    });
    expect((answer.body as JmapResponse).createdIds).toEqual({ k1: 'Mabc' });
  });

  it('turns a thrown bug into serverFail without leaking it, and logs it', async () => {
    const log = recordingLogger();
    const broken = withOverrides(f.store, {
      listMailboxes: () => Promise.reject(new Error('SQLITE_CORRUPT: /secret/path/colibri.sqlite')),
    });
    const engine = createJmapEngine({ store: broken, logger: log });
    const answer = await engine.handleRequest(f.alice, {
      using: USING,
      methodCalls: [['Mailbox/get', { accountId: f.alice.accountId }, 'm']],
    });
    expect(answer.status).toBe(200);
    const [invocation] = (answer.body as JmapResponse).methodResponses;
    expect(invocation?.[0]).toBe('error');
    expect(invocation?.[1]).toMatchObject({ type: 'serverFail' });
    expect(JSON.stringify(answer.body)).not.toContain('SQLITE');
    expect(JSON.stringify(log.lines)).toContain('SQLITE_CORRUPT');
  });
});
