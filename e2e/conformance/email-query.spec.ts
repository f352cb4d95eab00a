import type { QueryResult } from '@colibri/jmap-types';
import { expect, test } from './support/fixtures.js';
import type { JmapAccount } from './support/jmap-raw.js';
import { expectMethodError, expectMethodErrorOneOf } from './support/expect-jmap.js';
import { perAccount } from './support/per-account.js';
import { makeQueryCorpus } from './support/query-data.js';

const corpus = perAccount(makeQueryCorpus);
const ascending = [{ property: 'receivedAt', isAscending: true }];

/** Email/query ids, oldest first unless `sort` says otherwise. */
async function ids(account: JmapAccount, args: Record<string, unknown>): Promise<string[]> {
  return (await query(account, { sort: ascending, ...args })).ids;
}

function query(account: JmapAccount, args: Record<string, unknown>): Promise<QueryResult> {
  return account.ok<QueryResult>('Email/query', { accountId: account.accountId, ...args });
}

test.describe('RFC 8621 §4.4 Email/query', () => {
  test('RFC 8621 §4.4.1: inMailbox and inMailboxOtherThan', async ({ account }) => {
    const c = await corpus(account);
    expect(await ids(account, { filter: { inMailbox: c.inbox } })).toEqual([c.m1, c.m2, c.m4]);
    expect(await ids(account, { filter: { inMailboxOtherThan: [c.inbox] } })).toEqual([c.m3]);
  });

  test('RFC 8621 §4.4.1: before is strictly earlier, after is the same or later (receivedAt)', async ({
    account,
  }) => {
    const c = await corpus(account);
    expect(await ids(account, { filter: { before: '2026-01-02T12:00:00Z' } })).toEqual([c.m1]);
    expect(await ids(account, { filter: { after: '2026-01-03T12:00:00Z' } })).toEqual([c.m3, c.m4]);
  });

  test('RFC 8621 §4.4.1: minSize is the same or larger, maxSize strictly smaller', async ({ account }) => {
    const c = await corpus(account);
    const largest = Math.max(...Object.values(c.sizes));
    expect(largest).toBe(c.sizes.m3);
    expect(await ids(account, { filter: { minSize: c.sizes.m3 } })).toEqual([c.m3]);
    expect(await ids(account, { filter: { maxSize: c.sizes.m3 } })).toEqual([c.m1, c.m2, c.m4]);
  });

  test('RFC 8621 §4.4.1: hasKeyword and notKeyword', async ({ account }) => {
    const c = await corpus(account);
    expect(await ids(account, { filter: { hasKeyword: '$seen' } })).toEqual([c.m1]);
    expect(await ids(account, { filter: { notKeyword: '$seen' } })).toEqual([c.m2, c.m3, c.m4]);
  });

  test('RFC 8621 §4.4.1: allInThreadHaveKeyword, someInThreadHaveKeyword, noneInThreadHaveKeyword', async ({
    account,
  }) => {
    const c = await corpus(account);
    // m1 ($seen) and m4 (not) share a thread.
    expect(await ids(account, { filter: { allInThreadHaveKeyword: '$seen' } })).toEqual([]);
    expect(await ids(account, { filter: { allInThreadHaveKeyword: '$flagged' } })).toEqual([c.m2]);
    expect(await ids(account, { filter: { someInThreadHaveKeyword: '$seen' } })).toEqual([c.m1, c.m4]);
    expect(await ids(account, { filter: { noneInThreadHaveKeyword: '$seen' } })).toEqual([c.m2, c.m3]);
  });

  test('RFC 8621 §4.4.1: hasAttachment', async ({ account }) => {
    const c = await corpus(account);
    expect(await ids(account, { filter: { hasAttachment: true } })).toEqual([c.m3]);
    expect(await ids(account, { filter: { hasAttachment: false } })).toEqual([c.m1, c.m2, c.m4]);
  });

  test('RFC 8621 §4.4.1: text, from, to, subject and body match the text given', async ({ account }) => {
    const c = await corpus(account);
    expect(await ids(account, { filter: { from: 'bob' } })).toEqual([c.m2]);
    expect(await ids(account, { filter: { to: 'bob@example.org' } })).toEqual([c.m3]);
    expect(await ids(account, { filter: { cc: 'dan@example.org' } })).toEqual([c.m3]);
    expect(await ids(account, { filter: { bcc: 'hidden@example.org' } })).toEqual([c.m3]);
    expect(await ids(account, { filter: { subject: 'cherry' } })).toEqual([c.m3]);
    expect(await ids(account, { filter: { body: 'banana' } })).toEqual([c.m1]);
    // text: any of from, to, cc, bcc, subject or a text body part.
    expect(await ids(account, { filter: { text: 'banana' } })).toEqual([c.m1, c.m2]);
  });

  test('RFC 8621 §4.4.1: header with a name only, and with a value', async ({ account }) => {
    const c = await corpus(account);
    expect(await ids(account, { filter: { header: ['X-Custom'] } })).toEqual([c.m3]);
    expect(await ids(account, { filter: { header: ['X-Custom', 'second'] } })).toEqual([c.m3]);
    expect(await ids(account, { filter: { header: ['X-Custom', 'no such value'] } })).toEqual([]);
  });

  test('RFC 8620 §5.5: FilterOperator AND, OR and NOT', async ({ account }) => {
    const c = await corpus(account);
    expect(
      await ids(account, {
        filter: { operator: 'OR', conditions: [{ hasKeyword: '$seen' }, { hasAttachment: true }] },
      }),
    ).toEqual([c.m1, c.m3]);
    expect(
      await ids(account, {
        filter: { operator: 'AND', conditions: [{ inMailbox: c.inbox }, { notKeyword: '$flagged' }] },
      }),
    ).toEqual([c.m1, c.m4]);
    expect(
      await ids(account, {
        filter: { operator: 'NOT', conditions: [{ inMailbox: c.inbox }, { hasKeyword: '$seen' }] },
      }),
    ).toEqual([c.m3]);
  });

  test('RFC 8621 §4.4.2: sort by receivedAt, size, from, subject and hasKeyword', async ({ account }) => {
    const c = await corpus(account);
    expect(await ids(account, { sort: [{ property: 'receivedAt', isAscending: false }] })).toEqual([
      c.m4,
      c.m3,
      c.m2,
      c.m1,
    ]);
    const bySize = Object.entries(c.sizes)
      .sort(([, a], [, b]) => a - b)
      .map(([key]) => c[key as 'm1' | 'm2' | 'm3' | 'm4']);
    expect(await ids(account, { sort: [{ property: 'size', isAscending: true }] })).toEqual(bySize);
    // from: Alice, Ann (m3), Bob, Dave.
    expect(await ids(account, { sort: [{ property: 'from', isAscending: true }] })).toEqual([
      c.m1,
      c.m3,
      c.m2,
      c.m4,
    ]);
    const firstThree = { before: '2026-01-04T00:00:00Z' };
    expect(
      await ids(account, { filter: firstThree, sort: [{ property: 'subject', isAscending: false }] }),
    ).toEqual([c.m3, c.m2, c.m1]);
    const flaggedFirst = await ids(account, {
      sort: [{ property: 'hasKeyword', keyword: '$flagged', isAscending: false }, ...ascending],
    });
    expect(flaggedFirst).toEqual([c.m2, c.m1, c.m3, c.m4]);
  });

  test('RFC 8621 §4.4.3: collapseThreads keeps the first email of each thread', async ({ account }) => {
    const c = await corpus(account);
    const result = await query(account, {
      filter: { inMailbox: c.inbox },
      sort: [{ property: 'receivedAt', isAscending: false }],
      collapseThreads: true,
      calculateTotal: true,
    });
    expect(result.ids).toEqual([c.m4, c.m2]);
    expect(result.total).toBe(2);
  });

  test('RFC 8620 §5.5: position, limit and calculateTotal', async ({ account }) => {
    const c = await corpus(account);
    const page = await query(account, { sort: ascending, position: 1, limit: 2, calculateTotal: true });
    expect(page).toMatchObject({ position: 1, ids: [c.m2, c.m3], total: 4 });
    const fromEnd = await query(account, { sort: ascending, position: -1 });
    expect(fromEnd).toMatchObject({ position: 3, ids: [c.m4] });
    // A negative position beyond the start is clamped to 0.
    const clamped = await query(account, { sort: ascending, position: -10, limit: 1 });
    expect(clamped).toMatchObject({ position: 0, ids: [c.m1] });
    const past = await query(account, { sort: ascending, position: 10 });
    expect(past.ids).toEqual([]);
  });

  test('RFC 8620 §5.5: anchor and anchorOffset place the window; an unknown anchor is anchorNotFound', async ({
    account,
  }) => {
    const c = await corpus(account);
    const at = await query(account, { sort: ascending, anchor: c.m2, limit: 2 });
    expect(at).toMatchObject({ position: 1, ids: [c.m2, c.m3] });
    const before = await query(account, { sort: ascending, anchor: c.m3, anchorOffset: -1, limit: 2 });
    expect(before).toMatchObject({ position: 1, ids: [c.m2, c.m3] });
    const after = await query(account, { sort: ascending, anchor: c.m1, anchorOffset: 2 });
    expect(after).toMatchObject({ position: 2, ids: [c.m3, c.m4] });
    // An offset before the start is clamped to 0.
    const clamped = await query(account, { sort: ascending, anchor: c.m2, anchorOffset: -5, limit: 1 });
    expect(clamped).toMatchObject({ position: 0, ids: [c.m1] });
    expectMethodError(
      await account.invoke('Email/query', { accountId: account.accountId, sort: ascending, anchor: 'Enope' }),
      'anchorNotFound',
    );
  });

  test('RFC 8620 §5.5: a negative limit is invalidArguments', async ({ account }) => {
    expectMethodError(
      await account.invoke('Email/query', { accountId: account.accountId, limit: -1 }),
      'invalidArguments',
    );
  });

  test('RFC 8620 §5.5: an unsupported sort property is unsupportedSort; an unknown filter property is refused', async ({
    account,
  }) => {
    expectMethodError(
      await account.invoke('Email/query', { accountId: account.accountId, sort: [{ property: 'colour' }] }),
      'unsupportedSort',
    );
    // §5.5 leaves open whether an unknown condition is "syntactically valid" (unsupportedFilter) or
    // invalid (invalidArguments); either refuses it.
    expectMethodErrorOneOf(
      await account.invoke('Email/query', { accountId: account.accountId, filter: { colour: 'red' } }),
      ['unsupportedFilter', 'invalidArguments'],
    );
  });

  test('RFC 8620 §5.5: the response carries queryState and canCalculateChanges', async ({ account }) => {
    await corpus(account);
    const result = await query(account, {});
    expect(result).toMatchObject({
      accountId: account.accountId,
      queryState: expect.any(String),
      canCalculateChanges: expect.any(Boolean),
      position: 0,
    });
  });

  test('RFC 8621 §4.4.2: sort by sentAt follows the Date header, not receivedAt', async ({ account }) => {
    const c = await corpus(account);
    // m1, m2 and m4 share one Date header; m3 (richMessage) is dated 2026-03-03, the latest.
    const bySentAt = await ids(account, {
      sort: [
        { property: 'sentAt', isAscending: false },
        { property: 'receivedAt', isAscending: true },
      ],
    });
    expect(bySentAt).toEqual([c.m3, c.m1, c.m2, c.m4]);
  });

  test('RFC 8621 §4.4.2: a hasKeyword sort without its keyword is refused', async ({ account }) => {
    expectMethodErrorOneOf(
      await account.invoke('Email/query', {
        accountId: account.accountId,
        sort: [{ property: 'hasKeyword' }],
      }),
      ['invalidArguments', 'unsupportedSort'],
    );
  });
});
