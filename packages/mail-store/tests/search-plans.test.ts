import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, message, type TestStore } from './helpers.js';

// queryEmails picks one of two SQL plans for a search (see `selectiveHits` in query-emails.ts):
// walk the list in order when the word is common, start from the hits when it is rare. Both
// must give the same page; this store holds enough mail for the common word to take the walk.
describe('full-text search pages on SQLite, common and rare words', () => {
  let t: TestStore;
  const count = 2100;
  beforeEach(async () => {
    t = await createTestStore();
    const inputs = Array.from({ length: count }, (_, i) => ({
      raw: message({ Subject: `weekly report ${i}`, 'Message-ID': `<r${i}@example.test>` }, `number n${i}`),
      mailboxIds: [t.inbox.id],
      receivedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
    }));
    for (let i = 0; i < count; i += 700) await t.store.importMessages(t.account.id, inputs.slice(i, i + 700));
  }, 60_000);
  afterEach(() => t.cleanup(), 60_000);

  const subjects = async (ids: string[]) =>
    (await t.store.getEmails(t.account.id, ids as never)).map((e) => e.subject);

  it('pages a common word newest first, with the total when asked', async () => {
    for (const filter of [{ text: 'report' }, { inMailbox: t.inbox.id, text: 'report' }]) {
      const page = await t.store.queryEmails(t.account.id, { filter, limit: 3, position: 1 });
      expect(page.total).toBe(count);
      expect(await subjects(page.ids)).toEqual([
        'weekly report 2098',
        'weekly report 2097',
        'weekly report 2096',
      ]);
    }
  });

  it('finds a rare word, in the account and in the mailbox, in the requested order', async () => {
    const ascending = [{ property: 'receivedAt' as const, isAscending: true }];
    const one = await t.store.queryEmails(t.account.id, { filter: { text: 'n1234' }, sort: ascending });
    expect(await subjects(one.ids)).toEqual(['weekly report 1234']);
    // Words match as prefixes: n17 is n17, n170…n179 and n1700…n1799, 111 emails.
    const many = await t.store.queryEmails(t.account.id, {
      filter: { inMailbox: t.inbox.id, text: 'n17' },
      sort: ascending,
      calculateTotal: false,
    });
    expect(many.total).toBeNull();
    const found = await subjects(many.ids);
    expect(found).toHaveLength(111);
    expect([found[0], found[1], found[11], found[110]]).toEqual([
      'weekly report 17',
      'weekly report 170',
      'weekly report 1700',
      'weekly report 1799',
    ]);
  });
});
