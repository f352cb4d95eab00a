import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmailSort } from '../src/index.js';
import { InvalidInputError } from '../src/index.js';
import { createTestStore, message, type TestStore } from './helpers.js';

let t: TestStore;
beforeEach(async () => {
  t = await createTestStore();
  // Same receivedAt for two of them, so that the id tiebreak decides.
  const rows = [
    { subject: 'banana', from: 'Carol <c@x>', day: 2, sent: 5, body: 'x'.repeat(30) },
    { subject: 'Apple', from: 'alice@x', day: 1, sent: 9, body: 'x' },
    { subject: 'cherry', from: 'Bob <b@x>', day: 2, sent: 1, body: 'x'.repeat(300) },
    { subject: 'date', from: 'Dave <d@x>', day: 4, sent: 7, body: 'attached' },
  ];
  for (const r of rows) {
    await t.store.importMessage(t.account.id, {
      raw: message(
        { Subject: r.subject, From: r.from, Date: new Date(Date.UTC(2026, 0, r.sent)).toUTCString() },
        r.body,
      ),
      mailboxIds: [t.inbox.id],
      receivedAt: new Date(Date.UTC(2026, 1, r.day)),
      keywords: r.subject === 'cherry' ? ['$flagged'] : [],
    });
  }
});
afterEach(async () => t.cleanup());

async function subjects(sort: EmailSort[], extra: { position?: number; limit?: number } = {}) {
  const result = await t.store.queryEmails(t.account.id, {
    filter: { inMailbox: t.inbox.id },
    sort,
    ...extra,
  });
  return (await t.store.getEmails(t.account.id, result.ids)).map((e) => e.subject);
}

describe('queryEmails', () => {
  it('sorts by each property both ways', async () => {
    expect(await subjects([{ property: 'subject', isAscending: true }])).toEqual([
      'Apple',
      'banana',
      'cherry',
      'date',
    ]);
    expect(await subjects([{ property: 'size', isAscending: false }])).toEqual([
      'cherry',
      'banana',
      'date',
      'Apple',
    ]);
    expect(await subjects([{ property: 'sentAt', isAscending: true }])).toEqual([
      'cherry',
      'banana',
      'date',
      'Apple',
    ]);
    expect(await subjects([{ property: 'from', isAscending: true }])).toEqual([
      'Apple',
      'cherry',
      'banana',
      'date',
    ]);
    const newest = await subjects([{ property: 'receivedAt', isAscending: false }]);
    expect(newest[0]).toBe('date');
    expect(newest[3]).toBe('Apple');
  });

  it('breaks ties by id so that pages never overlap or skip', async () => {
    const sort: EmailSort[] = [{ property: 'receivedAt', isAscending: false }];
    const all = await subjects(sort);
    const paged = [
      ...(await subjects(sort, { limit: 2 })),
      ...(await subjects(sort, { position: 2, limit: 2 })),
    ];
    expect(paged).toEqual(all);
    expect(new Set(paged).size).toBe(4);
    const again = await subjects(sort);
    expect(again).toEqual(all);
  });

  it('reports total and position, counting a negative position from the end', async () => {
    const page = await t.store.queryEmails(t.account.id, { position: 1, limit: 2 });
    expect(page).toMatchObject({ total: 4, position: 1 });
    expect(page.ids).toHaveLength(2);
    expect(await t.store.queryEmails(t.account.id, { position: -1 })).toMatchObject({
      total: 4,
      position: 3,
    });
    expect(await t.store.queryEmails(t.account.id, { position: -10 })).toMatchObject({ position: 0 });
    expect((await t.store.queryEmails(t.account.id, { position: 10 })).ids).toEqual([]);
    expect((await t.store.queryEmails(t.account.id, { limit: 0 })).ids).toEqual([]);
    await expect(t.store.queryEmails(t.account.id, { limit: -1 })).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('combines mailbox, keyword and text filters', async () => {
    const filtered = async (filter: object) =>
      (
        await t.store.getEmails(
          t.account.id,
          (
            await t.store.queryEmails(t.account.id, {
              filter,
              sort: [{ property: 'subject', isAscending: true }],
            })
          ).ids,
        )
      ).map((e) => e.subject);
    expect(await filtered({ inMailbox: t.inbox.id, hasKeyword: '$Flagged' })).toEqual(['cherry']);
    expect(await filtered({ inMailbox: t.inbox.id, notKeyword: '$flagged' })).toEqual([
      'Apple',
      'banana',
      'date',
    ]);
    expect(await filtered({ text: 'attach' })).toEqual(['date']);
    expect(await filtered({ text: 'carol' })).toEqual(['banana']);
    expect(await filtered({ text: '   ' })).toHaveLength(4);
  });

  it('finds nothing in a mailbox of another account', async () => {
    const bob = await t.store.createAccount({
      email: 'bob@example.test',
      displayName: 'Bob',
      passwordHash: 'x',
    });
    expect(await t.store.queryEmails(bob.id, { filter: { inMailbox: t.inbox.id } })).toEqual({
      ids: [],
      total: 0,
      position: 0,
    });
    expect((await t.store.queryEmails(bob.id, {})).total).toBe(0);
    expect(await t.store.getEmails(bob.id, (await t.store.queryEmails(t.account.id, {})).ids)).toEqual([]);
  });
});
