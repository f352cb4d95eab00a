import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFixture, resultOf } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';

let f: Fixture;
beforeAll(async () => {
  f = await openFixture();
});
afterAll(() => f.close());

describe('result references (RFC 8620 §3.7)', () => {
  it('feeds Email/query /ids into Email/get, and /list/*/threadId into Thread/get', async () => {
    const accountId = f.alice.accountId;
    const response = await f.call([
      [
        'Email/query',
        {
          accountId,
          filter: { inMailbox: f.inbox.id },
          sort: [{ property: 'receivedAt', isAscending: false }],
          limit: 2,
        },
        'q',
      ],
      [
        'Email/get',
        {
          accountId,
          '#ids': { resultOf: 'q', name: 'Email/query', path: '/ids' },
          properties: ['threadId', 'subject'],
        },
        'g',
      ],
      [
        'Thread/get',
        { accountId, '#ids': { resultOf: 'g', name: 'Email/get', path: '/list/*/threadId' } },
        't',
      ],
    ]);
    const ids = resultOf(response, 'Email/query', 0).ids as string[];
    expect(ids).toEqual([f.emails.newsletter.id, f.emails.latin1Note.id]);
    const list = resultOf(response, 'Email/get', 1).list as { id: string; threadId: string }[];
    expect(list.map((email) => email.id)).toEqual(ids);
    const threads = resultOf(response, 'Thread/get', 2).list as { id: string; emailIds: string[] }[];
    expect(threads.map((thread) => thread.id)).toEqual(list.map((email) => email.threadId));
  });

  it('is invalidResultReference for a bad call id, a name mismatch, an earlier error or a bad path', async () => {
    const accountId = f.alice.accountId;
    const response = await f.call([
      ['Email/query', { accountId }, 'q'],
      ['Nope/nope', {}, 'bad'],
      ['Email/get', { accountId, '#ids': { resultOf: 'zz', name: 'Email/query', path: '/ids' } }, 'a'],
      ['Email/get', { accountId, '#ids': { resultOf: 'q', name: 'Email/get', path: '/ids' } }, 'b'],
      ['Email/get', { accountId, '#ids': { resultOf: 'bad', name: 'Nope/nope', path: '/ids' } }, 'c'],
      ['Email/get', { accountId, '#ids': { resultOf: 'q', name: 'Email/query', path: '/list/*/id' } }, 'd'],
    ]);
    for (const index of [2, 3, 4, 5]) {
      const [name, args] = response.methodResponses[index] ?? [];
      expect([name, args?.type]).toEqual(['error', 'invalidResultReference']);
    }
  });

  it('is invalidArguments when an argument is given both plain and as a reference', async () => {
    const accountId = f.alice.accountId;
    const response = await f.call([
      ['Email/query', { accountId }, 'q'],
      [
        'Email/get',
        { accountId, ids: [], '#ids': { resultOf: 'q', name: 'Email/query', path: '/ids' } },
        'g',
      ],
    ]);
    expect(response.methodResponses[1]).toEqual([
      'error',
      expect.objectContaining({ type: 'invalidArguments' }),
      'g',
    ]);
  });
});

describe('creation ids in /get ids (as RFC 9404 §4.1 uses them in Blob/get)', () => {
  it('resolves `#creationId` in ids to the record created earlier in the request', async () => {
    const accountId = f.alice.accountId;
    const response = await f.call([
      ['Mailbox/set', { accountId, create: { box: { name: 'Created then read' } } }, 's'],
      ['Mailbox/get', { accountId, ids: ['#box', '#unknown'], properties: ['name'] }, 'g'],
    ]);
    const created = (resultOf(response, 'Mailbox/set', 0).created as Record<string, { id: string }>).box;
    const got = resultOf(response, 'Mailbox/get', 1);
    expect(got.list).toEqual([{ id: created?.id, name: 'Created then read' }]);
    expect(got.notFound).toEqual(['#unknown']);
  });
});
