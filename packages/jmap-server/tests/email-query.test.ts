import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFixture, resultOf } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';

let f: Fixture;
let newestFirst: string[];
beforeAll(async () => {
  f = await openFixture();
  const e = f.emails;
  newestFirst = [e.newsletter.id, e.latin1Note.id, e.lunchReply.id, e.lunchInvite.id];
});
afterAll(() => f.close());

async function query(args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const response = await f.call([['Email/query', { accountId: f.alice.accountId, ...args }, 'q']]);
  const [invocation] = response.methodResponses;
  return invocation?.[0] === 'error' ? { error: invocation[1] } : resultOf(response, 'Email/query');
}

const inbox = () => ({
  filter: { inMailbox: f.inbox.id },
  sort: [{ property: 'receivedAt', isAscending: false }],
});

describe('Email/query (RFC 8621 §4.4, RFC 8620 §5.5)', () => {
  it('sorts a mailbox newest first, with the Email state as queryState', async () => {
    const result = await query({ ...inbox(), calculateTotal: true });
    expect(result.ids).toEqual(newestFirst);
    expect(result).toMatchObject({
      position: 0,
      total: 4,
      canCalculateChanges: true,
      accountId: f.alice.accountId,
    });
    const state = resultOf(
      await f.call([['Email/get', { accountId: f.alice.accountId, ids: [] }, 'g']]),
      'Email/get',
    ).state;
    expect(result.queryState).toBe(state);
  });

  it('returns total only when asked', async () => {
    expect(await query(inbox())).not.toHaveProperty('total');
  });

  it('pages with position and limit', async () => {
    const result = await query({ ...inbox(), position: 1, limit: 2, calculateTotal: true });
    expect(result).toMatchObject({ ids: newestFirst.slice(1, 3), position: 1, total: 4 });
    expect(result).not.toHaveProperty('limit');
    expect(await query({ ...inbox(), position: 10 })).toMatchObject({ ids: [] });
  });

  it('counts a negative position from the end, clamped to 0 (§5.5)', async () => {
    expect(await query({ ...inbox(), position: -1 })).toMatchObject({
      ids: newestFirst.slice(3),
      position: 3,
    });
    expect(await query({ ...inbox(), position: -10, limit: 1 })).toMatchObject({
      ids: newestFirst.slice(0, 1),
      position: 0,
    });
  });

  it('starts at an anchor plus anchorOffset, and answers anchorNotFound for an absent one', async () => {
    expect(await query({ ...inbox(), anchor: newestFirst[2], anchorOffset: -1, limit: 2 })).toMatchObject({
      ids: newestFirst.slice(1, 3),
      position: 1,
    });
    expect(await query({ ...inbox(), anchor: f.emails.invoice.id })).toMatchObject({
      error: { type: 'anchorNotFound' },
    });
  });

  it('clamps the limit at 1000 and says so', async () => {
    expect(await query({ ...inbox(), limit: 5000 })).toMatchObject({ ids: newestFirst, limit: 1000 });
    expect(await query({ ...inbox(), limit: null })).toMatchObject({ limit: 1000 });
  });

  it('filters by keyword, text and AND of conditions', async () => {
    const unread = await query({
      filter: { inMailbox: f.inbox.id, notKeyword: '$seen' },
      sort: inbox().sort,
    });
    expect(unread.ids).toEqual([f.emails.latin1Note.id, f.emails.lunchInvite.id]);
    const flagged = await query({
      filter: { operator: 'AND', conditions: [{ hasKeyword: '$Flagged' }, { inMailbox: f.inbox.id }] },
    });
    expect(flagged.ids).toEqual([f.emails.newsletter.id]);
    const text = await query({ filter: { text: 'invoice' } });
    expect(text.ids).toEqual([f.emails.invoice.id]);
    const archived = await query({ filter: { inMailbox: f.archive.id } });
    expect(archived.ids).toEqual([f.emails.invoice.id]);
  });

  it('sorts by size, subject and sentAt in both directions', async () => {
    const all = Object.values(f.emails);
    const bySize = await query({ sort: [{ property: 'size', isAscending: false }] });
    const sizeOf = new Map(all.map((email) => [email.id as string, email.size]));
    const sizes = (bySize.ids as string[]).map((id) => sizeOf.get(id));
    expect(sizes).toEqual(all.map((email) => email.size).sort((a, b) => b - a));
    const bySentAt = await query({ filter: { inMailbox: f.inbox.id }, sort: [{ property: 'sentAt' }] });
    expect(bySentAt.ids).toEqual([...newestFirst].reverse());
    const subjectUp = await query({
      filter: { inMailbox: f.inbox.id },
      sort: [{ property: 'subject', isAscending: true }, { property: 'receivedAt' }],
    });
    const subjectDown = await query({
      filter: { inMailbox: f.inbox.id },
      sort: [
        { property: 'subject', isAscending: false },
        { property: 'receivedAt', isAscending: false },
      ],
    });
    expect(subjectUp.ids).toHaveLength(4);
    expect(subjectDown.ids).toEqual([...(subjectUp.ids as string[])].reverse());
    const byFrom = await query({ filter: { inMailbox: f.inbox.id }, sort: [{ property: 'from' }] });
    expect(byFrom.ids).toHaveLength(4);
  });

  it('answers unsupportedSort, unsupportedFilter and invalidArguments (RFC 8620 §5.5)', async () => {
    expect(await query({ filter: { colour: 'red' } })).toMatchObject({ error: { type: 'invalidArguments' } });
    expect(await query({ filter: { before: 'yesterday' } })).toMatchObject({
      error: { type: 'invalidArguments' },
    });
    expect(await query({ filter: { operator: 'XOR', conditions: [] } })).toMatchObject({
      error: { type: 'invalidArguments' },
    });
    expect(await query({ sort: [{ property: 'colour' }] })).toMatchObject({
      error: { type: 'unsupportedSort' },
    });
    expect(await query({ sort: [{ property: 'hasKeyword' }] })).toMatchObject({
      error: { type: 'unsupportedSort' },
    });
    expect(await query({ sort: [{ property: 'subject', collation: 'i;octet' }] })).toMatchObject({
      error: { type: 'unsupportedSort' },
    });
    let deep: Record<string, unknown> = { text: 'lunch' };
    for (let i = 0; i < 12; i++) deep = { operator: 'AND', conditions: [deep] };
    expect(await query({ filter: deep })).toMatchObject({ error: { type: 'unsupportedFilter' } });
    expect(await query({ collapseThreads: false, limit: 1 })).toMatchObject({ ids: [expect.any(String)] });
  });

  it('serves every RFC 8621 §4.4.1 condition and nested operators', async () => {
    const e = f.emails;
    expect((await query({ filter: { from: 'carol' } })).ids).toEqual([e.lunchReply.id]);
    expect((await query({ filter: { to: 'bob' } })).ids).toEqual([e.lunchReply.id]);
    expect((await query({ filter: { subject: 'invoice' } })).ids).toEqual([e.invoice.id]);
    expect((await query({ filter: { header: ['Subject', 'lunch'] }, sort: inbox().sort })).ids).toEqual([
      e.lunchReply.id,
      e.lunchInvite.id,
    ]);
    expect((await query({ filter: { after: '2024-03-04T11:00:05Z', inMailbox: f.inbox.id } })).ids).toEqual(
      newestFirst.slice(0, 2),
    );
    expect(
      (
        await query({
          filter: { someInThreadHaveKeyword: '$seen', inMailbox: f.inbox.id },
          sort: inbox().sort,
        })
      ).ids,
    ).toEqual([e.newsletter.id, e.lunchReply.id, e.lunchInvite.id]);
    const either = await query({
      filter: { operator: 'OR', conditions: [{ from: 'billing' }, { from: 'jean' }] },
      sort: inbox().sort,
    });
    expect(either.ids).toEqual([e.latin1Note.id, e.invoice.id]);
    const notInbox = await query({
      filter: { operator: 'NOT', conditions: [{ inMailbox: f.inbox.id }] },
    });
    expect(notInbox.ids).toEqual([e.invoice.id]);
    expect((await query({ filter: { inMailbox: 'not-an-id' } })).ids).toEqual([]);
  });

  it('treats search text with FTS syntax as literal words', async () => {
    for (const text of ['"lunch', 'lunch*', 'NEAR(lunch', 'lunch -friday', '{subject}: lunch']) {
      const result = await query({ filter: { text } });
      expect(result).not.toHaveProperty('error');
    }
    expect((await query({ filter: { text: 'lunch OR invoice' } })).ids).toEqual([]);
  });

  it('collapses threads to their first email in the sort order (RFC 8621 §4.4.3)', async () => {
    const collapsed = await query({ ...inbox(), collapseThreads: true, calculateTotal: true });
    expect(collapsed).toMatchObject({
      ids: [f.emails.newsletter.id, f.emails.latin1Note.id, f.emails.lunchReply.id],
      total: 3,
    });
    expect(await query({ ...inbox(), collapseThreads: true, anchor: f.emails.lunchInvite.id })).toMatchObject(
      {
        error: { type: 'anchorNotFound' },
      },
    );
  });

  it('sorts by every RFC 8621 §4.4.2 property with keyword and collation', async () => {
    const e = f.emails;
    const flaggedFirst = await query({
      ...inbox(),
      sort: [{ property: 'hasKeyword', keyword: '$flagged', isAscending: false }, { property: 'receivedAt' }],
    });
    expect(flaggedFirst.ids).toEqual([e.newsletter.id, e.lunchInvite.id, e.lunchReply.id, e.latin1Note.id]);
    for (const property of ['to', 'from', 'subject']) {
      for (const collation of ['i;ascii-casemap', 'i;unicode-casemap', 'i;ascii-numeric']) {
        expect((await query({ ...inbox(), sort: [{ property, collation }] })).ids).toHaveLength(4);
      }
    }
    const seenThreads = await query({
      ...inbox(),
      sort: [
        { property: 'allInThreadHaveKeyword', keyword: '$seen', isAscending: false },
        { property: 'someInThreadHaveKeyword', keyword: '$seen', isAscending: false },
        { property: 'receivedAt' },
      ],
    });
    expect(seenThreads.ids).toEqual([e.newsletter.id, e.lunchInvite.id, e.lunchReply.id, e.latin1Note.id]);
  });
});
