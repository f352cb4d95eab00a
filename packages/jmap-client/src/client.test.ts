// Wire-format tests against a fake fetch: they check what the client sends and how it reads the
// answers (RFC 8620 §2, §3.3-3.7, §6.2). The real server is exercised by e2e.
import { describe, expect, it } from 'vitest';
import type { Session } from '@colibri/jmap-types';
import { createJmapClient } from './client.js';
import { JmapMethodError, JmapRequestError } from './errors.js';
import type { FetchInit, FetchLike } from './fetch-like.js';
import { ref } from './request-builder.js';

const session: Session = {
  capabilities: {
    'urn:ietf:params:jmap:core': {
      maxSizeUpload: 50_000_000,
      maxConcurrentUpload: 4,
      maxSizeRequest: 10_000_000,
      maxConcurrentRequests: 4,
      maxCallsInRequest: 16,
      maxObjectsInGet: 500,
      maxObjectsInSet: 500,
      collationAlgorithms: [],
    },
  },
  accounts: {
    A1: { name: 'alice@colibri.test', isPersonal: true, isReadOnly: false, accountCapabilities: {} },
  },
  primaryAccounts: { 'urn:ietf:params:jmap:mail': 'A1' },
  username: 'alice@colibri.test',
  apiUrl: 'http://mail.test/jmap/api',
  downloadUrl: 'http://mail.test/jmap/download/{accountId}/{blobId}/{name}?accept={type}',
  uploadUrl: 'http://mail.test/jmap/upload/{accountId}/',
  eventSourceUrl: 'http://mail.test/jmap/eventsource?types={types}&closeafter={closeafter}&ping={ping}',
  state: 's1',
};

interface Sent {
  url: string;
  init: FetchInit;
}

type Reply = { status: number; body: unknown; contentType?: string };

/** A fake fetch that records requests and answers from a script (session first, then API calls). */
function fakeFetch(
  apiReplies: ((body: { using: string[]; methodCalls: unknown[] }) => Reply)[],
  sessionReplies: Reply[] = [{ status: 200, body: session }],
) {
  const sent: Sent[] = [];
  const fetch: FetchLike = async (url, init) => {
    sent.push({ url, init });
    const reply = url.endsWith('/.well-known/jmap')
      ? sessionReplies.shift()
      : apiReplies.shift()?.(JSON.parse(init.body ?? '{}'));
    if (!reply) throw new Error(`unexpected request to ${url}`);
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    return {
      ok: reply.status >= 200 && reply.status < 300,
      status: reply.status,
      headers: {
        get: (name: string) =>
          name.toLowerCase() === 'content-type' ? (reply.contentType ?? 'application/json') : null,
      },
      text: async () => text,
    };
  };
  return { fetch, sent };
}

describe('createJmapClient (fake fetch)', () => {
  it('fetches the Session once and sends the caller headers and credentials on every request', async () => {
    let token = 't1';
    const { fetch, sent } = fakeFetch([
      () => ({
        status: 200,
        body: { methodResponses: [['Core/echo', { hello: 1 }, 'c0']], sessionState: 's1' },
      }),
      () => ({
        status: 200,
        body: { methodResponses: [['Core/echo', { hello: 2 }, 'c0']], sessionState: 's1' },
      }),
    ]);
    const client = createJmapClient({
      sessionUrl: '/.well-known/jmap',
      fetch,
      headers: () => ({ 'X-CSRF-Token': token }),
      credentials: 'same-origin',
    });

    expect(await client.call('Core/echo', { hello: 1 })).toEqual({ hello: 1 });
    token = 't2';
    expect(await client.call('Core/echo', { hello: 2 })).toEqual({ hello: 2 });

    expect(sent.map((s) => `${s.init.method} ${s.url}`)).toEqual([
      'GET /.well-known/jmap',
      'POST http://mail.test/jmap/api',
      'POST http://mail.test/jmap/api',
    ]);
    expect(sent[1]?.init.headers['X-CSRF-Token']).toBe('t1');
    expect(sent[2]?.init.headers['X-CSRF-Token']).toBe('t2');
    expect(sent.every((s) => s.init.credentials === 'same-origin')).toBe(true);
    expect(sent[1]?.init.headers['Content-Type']).toBe('application/json');
  });

  it('batches calls with #-prefixed result references and derives `using` (RFC 8620 §3.3, §3.7)', async () => {
    let wire: { using: string[]; methodCalls: unknown[] } | undefined;
    const { fetch } = fakeFetch([
      (body) => {
        wire = body;
        return {
          status: 200,
          body: {
            methodResponses: [
              [
                'Email/query',
                { accountId: 'A1', queryState: 'q1', canCalculateChanges: false, position: 0, ids: ['e1'] },
                'c0',
              ],
              [
                'Email/get',
                { accountId: 'A1', state: 'e', list: [{ id: 'e1', subject: 'Hi' }], notFound: [] },
                'c1',
              ],
            ],
            sessionState: 's1',
          },
        };
      },
    ]);
    const client = createJmapClient({ sessionUrl: '/.well-known/jmap', fetch });

    const { query, get } = await client.request((b) => {
      const query = b.call('Email/query', {
        accountId: 'A1',
        filter: { inMailbox: 'M1' },
        sort: [{ property: 'receivedAt', isAscending: false }],
      });
      const get = b.call('Email/get', { accountId: 'A1', ids: ref(query, '/ids'), properties: ['subject'] });
      return { query, get };
    });

    expect(query.ids).toEqual(['e1']);
    expect(get.list[0]?.subject).toBe('Hi');
    expect(wire?.using).toEqual(['urn:ietf:params:jmap:core', 'urn:ietf:params:jmap:mail']);
    expect(wire?.methodCalls).toEqual([
      [
        'Email/query',
        {
          accountId: 'A1',
          filter: { inMailbox: 'M1' },
          sort: [{ property: 'receivedAt', isAscending: false }],
        },
        'c0',
      ],
      [
        'Email/get',
        {
          accountId: 'A1',
          '#ids': { resultOf: 'c0', name: 'Email/query', path: '/ids' },
          properties: ['subject'],
        },
        'c1',
      ],
    ]);
  });

  it('returns tuple results in order and picks the response named after the method', async () => {
    const { fetch } = fakeFetch([
      () => ({
        status: 200,
        body: {
          methodResponses: [
            ['Mailbox/get', { accountId: 'A1', state: 'm', list: [], notFound: [] }, 'c0'],
            // An implicit response sharing the call id (RFC 8620 §3.4) must not be mistaken for ours.
            ['Email/set', { accountId: 'A1' }, 'c1'],
            ['Core/echo', { ok: true }, 'c1'],
          ],
          sessionState: 's1',
        },
      }),
    ]);
    const client = createJmapClient({ sessionUrl: '/.well-known/jmap', fetch });
    const [mailboxes, echo] = await client.request(
      (b) => [b.call('Mailbox/get', { accountId: 'A1' }), b.call('Core/echo', { ok: true })] as const,
    );
    expect(mailboxes.state).toBe('m');
    expect(echo).toEqual({ ok: true });
  });

  it('throws a JmapMethodError for an ["error", …] response (RFC 8620 §3.6.2)', async () => {
    const { fetch } = fakeFetch([
      () => ({
        status: 200,
        body: {
          methodResponses: [['error', { type: 'invalidArguments', description: 'bad filter' }, 'c0']],
          sessionState: 's1',
        },
      }),
    ]);
    const client = createJmapClient({ sessionUrl: '/.well-known/jmap', fetch });
    const error = await client.call('Email/query', { accountId: 'A1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JmapMethodError);
    expect(error).toMatchObject({
      type: 'invalidArguments',
      description: 'bad filter',
      method: 'Email/query',
      callId: 'c0',
    });
  });

  it('throws a JmapRequestError with the problem+json fields (RFC 8620 §3.6.1)', async () => {
    const { fetch } = fakeFetch([
      () => ({
        status: 400,
        contentType: 'application/problem+json',
        body: {
          type: 'urn:ietf:params:jmap:error:limit',
          status: 400,
          detail: 'Too many calls',
          limit: 'maxCallsInRequest',
        },
      }),
    ]);
    const client = createJmapClient({ sessionUrl: '/.well-known/jmap', fetch });
    const error = await client.call('Mailbox/get', { accountId: 'A1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JmapRequestError);
    expect(error).toMatchObject({
      type: 'urn:ietf:params:jmap:error:limit',
      status: 400,
      detail: 'Too many calls',
      limit: 'maxCallsInRequest',
    });
  });

  it('does not cache a failed Session fetch, so a later call (after login) succeeds', async () => {
    const { fetch } = fakeFetch(
      [() => ({ status: 200, body: { methodResponses: [['Core/echo', {}, 'c0']], sessionState: 's1' } })],
      [
        { status: 401, body: { error: 'unauthenticated' } },
        { status: 200, body: session },
      ],
    );
    const client = createJmapClient({ sessionUrl: '/.well-known/jmap', fetch });
    await expect(client.getSession()).rejects.toMatchObject({ name: 'JmapRequestError', status: 401 });
    expect(await client.call('Core/echo', {})).toEqual({});
  });

  it('fetches the Session again after a response carries a new sessionState (RFC 8620 §3.4)', async () => {
    const { fetch, sent } = fakeFetch(
      [
        () => ({ status: 200, body: { methodResponses: [['Core/echo', {}, 'c0']], sessionState: 's2' } }),
        () => ({ status: 200, body: { methodResponses: [['Core/echo', {}, 'c0']], sessionState: 's2' } }),
      ],
      [
        { status: 200, body: session },
        { status: 200, body: { ...session, state: 's2' } },
      ],
    );
    const client = createJmapClient({ sessionUrl: '/.well-known/jmap', fetch });
    await client.call('Core/echo', {});
    await client.call('Core/echo', {});
    expect(sent.filter((s) => s.init.method === 'GET')).toHaveLength(2);
    expect((await client.getSession()).state).toBe('s2');
  });

  it('adds an extension to `using` only when the Session offers it (RFC 8620 §3.3)', async () => {
    const usings: string[][] = [];
    const echo = (body: { using: string[] }): Reply => {
      usings.push(body.using);
      return { status: 200, body: { methodResponses: [['Core/echo', {}, 'c0']], sessionState: 's1' } };
    };
    const offered = { ...session, capabilities: { ...session.capabilities, 'urn:x:snooze': {} } };
    const extensions = ['urn:x:snooze', 'urn:x:absent'];
    const withIt = fakeFetch([echo], [{ status: 200, body: offered }]);
    await createJmapClient({ sessionUrl: '/.well-known/jmap', fetch: withIt.fetch, extensions }).call(
      'Core/echo',
      {},
    );
    const without = fakeFetch([echo]);
    await createJmapClient({ sessionUrl: '/.well-known/jmap', fetch: without.fetch, extensions }).call(
      'Core/echo',
      {},
    );
    expect(usings).toEqual([['urn:ietf:params:jmap:core', 'urn:x:snooze'], ['urn:ietf:params:jmap:core']]);
  });

  it('rejects a 200 answer that is not a JMAP Response', async () => {
    const { fetch } = fakeFetch([
      () => ({ status: 200, body: '<html>proxy error</html>', contentType: 'text/html' }),
    ]);
    const client = createJmapClient({ sessionUrl: '/.well-known/jmap', fetch });
    await expect(client.call('Core/echo', {})).rejects.toBeInstanceOf(JmapRequestError);
  });

  it('expands the download template with RFC 6570 simple encoding (RFC 8620 §6.2)', async () => {
    const { fetch } = fakeFetch([]);
    const client = createJmapClient({ sessionUrl: '/.well-known/jmap', fetch });
    expect(await client.primaryAccountId()).toBe('A1');
    expect(await client.downloadUrl('A1', 'B/1', 'Q3 report (final)!.pdf', 'application/pdf')).toBe(
      'http://mail.test/jmap/download/A1/B%2F1/Q3%20report%20%28final%29%21.pdf?accept=application%2Fpdf',
    );
  });
});

describe('ref() typing', () => {
  it('only accepts paths that start with a property of the referenced result', () => {
    const handle = { method: 'Email/query', callId: 'c0' } as const;
    expect(ref(handle, '/ids').reference).toEqual({ resultOf: 'c0', name: 'Email/query', path: '/ids' });
    // @ts-expect-error "idz" is not a property of an Email/query result
    ref(handle, '/idz');
  });
});
