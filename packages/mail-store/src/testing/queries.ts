import { describe, expect, it } from 'vitest';
import type { EmailFilter, EmailSort } from '../model.js';
import { useFixture, type Fixture, type MailStoreFactory } from './fixture.js';

/** Four emails; two share a receivedAt, so that the id tiebreak decides between them. */
async function seed({ importMail }: Fixture): Promise<void> {
  const rows = [
    { subject: 'banana', from: 'Carol <c@x>', day: 2, sent: 5, body: 'x'.repeat(30) },
    { subject: 'Apple', from: 'alice@x', day: 1, sent: 9, body: 'x' },
    { subject: 'cherry', from: 'Bob <b@x>', day: 2, sent: 1, body: 'x'.repeat(300) },
    { subject: 'date', from: 'Dave <d@x>', day: 4, sent: 7, body: 'attached' },
  ];
  for (const r of rows) {
    await importMail(
      { Subject: r.subject, From: r.from, Date: new Date(Date.UTC(2026, 0, r.sent)).toUTCString() },
      {
        body: r.body,
        receivedAt: new Date(Date.UTC(2026, 1, r.day)),
        keywords: r.subject === 'cherry' ? ['$flagged'] : [],
      },
    );
  }
}

async function subjects(
  { store, account, inbox }: Fixture,
  sort: EmailSort[],
  extra: { filter?: EmailFilter; position?: number; limit?: number } = {},
): Promise<(string | null)[]> {
  const result = await store.queryEmails(account.id, { filter: { inMailbox: inbox.id }, sort, ...extra });
  return (await store.getEmails(account.id, result.ids)).map((e) => e.subject);
}

export function describeQueries(factory: MailStoreFactory): void {
  describe('queryEmails', () => {
    const f = useFixture(factory);

    it('sorts by each property both ways, newest first by default', async () => {
      await seed(f());
      const sorted = (property: EmailSort['property'], isAscending: boolean) =>
        subjects(f(), [{ property, isAscending }]);
      expect(await sorted('subject', true)).toEqual(['Apple', 'banana', 'cherry', 'date']);
      expect(await sorted('subject', false)).toEqual(['date', 'cherry', 'banana', 'Apple']);
      expect(await sorted('size', false)).toEqual(['cherry', 'banana', 'date', 'Apple']);
      expect(await sorted('sentAt', true)).toEqual(['cherry', 'banana', 'date', 'Apple']);
      expect(await sorted('from', true)).toEqual(['Apple', 'cherry', 'banana', 'date']);
      const newest = await sorted('receivedAt', false);
      expect([newest[0], newest[3]]).toEqual(['date', 'Apple']);
      expect(await subjects(f(), [])).toEqual(newest);
      const oldest = await sorted('receivedAt', true);
      expect([oldest[0], oldest[3]]).toEqual(['Apple', 'date']);
    });

    it('breaks ties by id so that pages never overlap or skip', async () => {
      await seed(f());
      const sort: EmailSort[] = [{ property: 'receivedAt', isAscending: false }];
      const all = await subjects(f(), sort);
      const paged = [
        ...(await subjects(f(), sort, { limit: 2 })),
        ...(await subjects(f(), sort, { position: 2, limit: 2 })),
      ];
      expect(paged).toEqual(all);
      expect(new Set(paged).size).toBe(4);
      expect(await subjects(f(), sort)).toEqual(all);
    });

    it('reports total and position, counting a negative position from the end', async () => {
      const { store, account } = f();
      await seed(f());
      const page = await store.queryEmails(account.id, { position: 1, limit: 2 });
      expect(page).toMatchObject({ total: 4, position: 1 });
      expect(page.ids).toHaveLength(2);
      const tail = await store.queryEmails(account.id, { position: -1 });
      expect(tail).toMatchObject({ total: 4, position: 3 });
      expect(tail.ids).toHaveLength(1);
      expect(await store.queryEmails(account.id, { position: -10 })).toMatchObject({ position: 0 });
      expect(await store.queryEmails(account.id, { position: 10 })).toMatchObject({ ids: [], total: 4 });
      expect(await store.queryEmails(account.id, { limit: 0 })).toMatchObject({ ids: [], total: 4 });
      await expect(store.queryEmails(account.id, { limit: -1 })).rejects.toMatchObject({ code: 'invalid' });
    });

    it('combines mailbox, keyword and text filters', async () => {
      const { inbox } = f();
      await seed(f());
      const filtered = (filter: EmailFilter) =>
        subjects(f(), [{ property: 'subject', isAscending: true }], { filter });
      expect(await filtered({ inMailbox: inbox.id, hasKeyword: '$Flagged' })).toEqual(['cherry']);
      expect(await filtered({ inMailbox: inbox.id, notKeyword: '$flagged' })).toEqual([
        'Apple',
        'banana',
        'date',
      ]);
      expect(await filtered({ text: 'attach' })).toEqual(['date']);
      expect(await filtered({ text: 'carol' })).toEqual(['banana']);
      expect(await filtered({ text: '   ' })).toHaveLength(4);
      expect(await filtered({ text: '"AND OR NOT * (' })).toEqual([]);
    });

    it('filters by mailbox when an email is in several', async () => {
      const { store, account, inbox, importMail } = f();
      const work = await store.createMailbox(account.id, { name: 'Work' });
      const both = await importMail({ Subject: 'both' }, { mailboxIds: [inbox.id, work.id] });
      await importMail({ Subject: 'inbox only' });
      expect(await store.queryEmails(account.id, { filter: { inMailbox: work.id } })).toEqual({
        ids: [both.id],
        total: 1,
        position: 0,
      });
      expect((await store.queryEmails(account.id, { filter: { inMailbox: inbox.id } })).total).toBe(2);
    });

    it('finds nothing in a mailbox of another account', async () => {
      const { store, account, inbox, addAccount } = f();
      await seed(f());
      const bob = await addAccount('bob');
      expect(await store.queryEmails(bob.account.id, { filter: { inMailbox: inbox.id } })).toEqual({
        ids: [],
        total: 0,
        position: 0,
      });
      expect((await store.queryEmails(bob.account.id, {})).total).toBe(0);
      expect((await store.queryEmails(account.id, {})).total).toBe(4);
    });
  });
}
