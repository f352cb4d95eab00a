import { describe, expect, it } from 'vitest';
import type { EmailFilter, EmailQuery, EmailRecord, EmailSort, Mailbox } from '../model.js';
import { maxAnyMailbox, maxFilterDepth } from '../sqlite/query/filter-sql.js';
import { useFixture, type Fixture, type MailStoreFactory } from './fixture.js';

interface Seeded {
  archive: Mailbox;
  emails: Record<'budget' | 'reply' | 'lunch' | 'list', EmailRecord>;
}

const day = (d: number) => new Date(Date.UTC(2026, 2, d));

/**
 * Four emails covering every RFC 8621 §4.4.1 condition: a two-email thread (budget, reply), a
 * lunch note only in Archive, and a list mail with a PDF attachment.
 */
async function seed({ store, account, inbox, importMail }: Fixture): Promise<Seeded> {
  const archive = await store.createMailbox(account.id, { name: 'Archive' });
  const budget = await importMail(
    {
      Subject: 'Budget 2027',
      From: 'Ann Lee <ann@corp.test>',
      To: 'bob@x.test',
      Cc: 'cy@x.test',
      'Message-ID': '<b1@x>',
      'X-Priority': '1 (Highest)',
    },
    { body: 'quarterly numbers', receivedAt: day(1), keywords: ['$seen'] },
  );
  const reply = await importMail(
    {
      Subject: 'Re: Budget 2027',
      From: 'Bob <bob@x.test>',
      To: 'ann@corp.test',
      'Message-ID': '<b2@x>',
      'In-Reply-To': '<b1@x>',
    },
    {
      body: 'see the numbers',
      receivedAt: day(3),
      keywords: ['$seen', '$flagged'],
      mailboxIds: [inbox.id, archive.id],
    },
  );
  const lunch = await importMail(
    { Subject: 'Lunch', From: 'Cy <cy@x.test>', To: 'Zed <zed@x.test>', Bcc: 'ann@corp.test' },
    { body: 'pizza NEAR the office', receivedAt: day(2), mailboxIds: [archive.id] },
  );
  const list = await importMail(
    {
      Subject: '[list] 10 items',
      From: 'dee@y.test',
      To: '10 people <all@y.test>',
      'MIME-Version': '1.0',
      'Content-Type': 'multipart/mixed; boundary="b"',
    },
    {
      body: [
        '--b',
        'Content-Type: text/plain',
        '',
        `${'long '.repeat(400)}pizza`,
        '--b',
        'Content-Type: application/pdf',
        'Content-Disposition: attachment; filename="report.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        'JVBERi0xLjQK',
        '--b--',
        '',
      ].join('\n'),
      receivedAt: day(4),
    },
  );
  return { archive, emails: { budget, reply, lunch, list } };
}

export function describeQueryFilters(factory: MailStoreFactory): void {
  describe('queryEmails: every RFC 8621 filter, sort, collapse and anchor', () => {
    const f = useFixture(factory);
    let names: Map<string, string>;

    async function run(query: EmailQuery): Promise<string[]> {
      const { store, account } = f();
      const result = await store.queryEmails(account.id, query);
      return result.ids.map((id) => names.get(id) ?? id);
    }
    /** The names matching a filter, in receivedAt order (budget, lunch, reply, list). */
    const matching = (filter: EmailFilter) =>
      run({ filter, sort: [{ property: 'receivedAt', isAscending: true }] });

    async function setup(): Promise<Seeded> {
      const seeded = await seed(f());
      names = new Map(Object.entries(seeded.emails).map(([name, e]) => [e.id, name]));
      return seeded;
    }

    it('RFC 8621 §4.4.1: mailbox, date, size and attachment conditions', async () => {
      const { archive, emails } = await setup();
      const { inbox } = f();
      expect(await matching({ inMailbox: archive.id })).toEqual(['lunch', 'reply']);
      expect(await matching({ inMailboxOtherThan: [inbox.id] })).toEqual(['lunch', 'reply']);
      expect(await matching({ inMailboxOtherThan: [inbox.id, archive.id] })).toEqual([]);
      expect(await matching({ inAnyMailbox: [archive.id] })).toEqual(['lunch', 'reply']);
      expect(await matching({ inAnyMailbox: [inbox.id, archive.id] })).toEqual([
        'budget',
        'lunch',
        'reply',
        'list',
      ]);
      expect(await matching({ inAnyMailbox: [] })).toEqual([]);
      expect(await matching({ before: day(3) })).toEqual(['budget', 'lunch']);
      expect(await matching({ after: day(3) })).toEqual(['reply', 'list']);
      expect(await matching({ minSize: emails.list.size })).toEqual(['list']);
      expect(await matching({ maxSize: emails.list.size })).toEqual(['budget', 'lunch', 'reply']);
      expect(await matching({ hasAttachment: true })).toEqual(['list']);
      expect(await matching({ hasAttachment: false })).toEqual(['budget', 'lunch', 'reply']);
    });

    it('RFC 8621 §4.4.1: keyword conditions, on the email and across its thread', async () => {
      await setup();
      expect(await matching({ hasKeyword: '$Flagged' })).toEqual(['reply']);
      expect(await matching({ notKeyword: '$seen' })).toEqual(['lunch', 'list']);
      expect(await matching({ allInThreadHaveKeyword: '$seen' })).toEqual(['budget', 'reply']);
      expect(await matching({ someInThreadHaveKeyword: '$flagged' })).toEqual(['budget', 'reply']);
      expect(await matching({ noneInThreadHaveKeyword: '$flagged' })).toEqual(['lunch', 'list']);
    });

    it('RFC 8621 §4.4.1: text, address, subject, body and header conditions', async () => {
      await setup();
      expect(await matching({ text: 'pizza' })).toEqual(['lunch', 'list']);
      expect(await matching({ text: 'report' })).toEqual(['list']);
      expect(await matching({ from: 'bob' })).toEqual(['reply']);
      expect(await matching({ from: 'ann@corp' })).toEqual(['budget']);
      expect(await matching({ to: 'ann' })).toEqual(['reply']);
      expect(await matching({ cc: 'cy' })).toEqual(['budget']);
      expect(await matching({ bcc: 'ann' })).toEqual(['lunch']);
      expect(await matching({ subject: 'budget' })).toEqual(['budget', 'reply']);
      expect(await matching({ subject: 'pizza' })).toEqual([]);
      expect(await matching({ body: 'pizza' })).toEqual(['lunch', 'list']);
      expect(await matching({ body: 'lunch' })).toEqual([]);
      expect(await matching({ header: ['x-priority'] })).toEqual(['budget']);
      expect(await matching({ header: ['X-Priority', 'highest'] })).toEqual(['budget']);
      expect(await matching({ header: ['X-Priority', 'lowest'] })).toEqual([]);
      expect(await matching({ header: ['In-Reply-To', 'b1@x'] })).toEqual(['reply']);
    });

    it('treats search-box text as literal words, never as full-text syntax', async () => {
      await setup();
      expect(await matching({ text: 'NEAR' })).toEqual(['lunch']);
      expect(await matching({ text: '"pizza' })).toEqual(['lunch', 'list']);
      expect(await matching({ text: '-pizza' })).toEqual(['lunch', 'list']);
      expect(await matching({ text: 'pizza*' })).toEqual(['lunch', 'list']);
      expect(await matching({ text: 'pizza OR budget' })).toEqual([]);
      expect(await matching({ text: 'subject:budget' })).toEqual([]);
      expect(await matching({ text: 'NEAR(pizza office) ^ )' })).toEqual([]);
      expect(await matching({ text: '* - " ( )' })).toHaveLength(4);
    });

    it('RFC 8620 §5.5: nests AND, OR and NOT operators', async () => {
      const { inbox } = f();
      await setup();
      expect(await matching({ operator: 'OR', conditions: [{ from: 'bob' }, { from: 'cy' }] })).toEqual([
        'lunch',
        'reply',
      ]);
      expect(await matching({ operator: 'NOT', conditions: [{ hasKeyword: '$seen' }] })).toEqual([
        'lunch',
        'list',
      ]);
      expect(
        await matching({
          operator: 'AND',
          conditions: [
            { inMailbox: inbox.id },
            { operator: 'NOT', conditions: [{ text: 'pizza' }, { hasKeyword: '$flagged' }] },
          ],
        }),
      ).toEqual(['budget']);
      expect(await matching({ operator: 'OR', conditions: [] })).toEqual([]);
      expect(await matching({ operator: 'AND', conditions: [] })).toHaveLength(4);
    });

    it('refuses a filter nested deeper than the limit', async () => {
      const { store, account } = f();
      await setup();
      let filter: EmailFilter = { text: 'pizza' };
      for (let i = 0; i <= maxFilterDepth; i++) filter = { operator: 'AND', conditions: [filter] };
      await expect(store.queryEmails(account.id, { filter })).rejects.toMatchObject({
        code: 'unsupportedFilter',
      });
    });

    it('takes thousands of mailboxes in one inAnyMailbox, and refuses more than its limit', async () => {
      const { store, account, inbox } = f();
      const { archive } = await setup();
      // Past SQLite's bind-variable limit of older builds (999): the list is one parameter.
      const many = Array.from(
        { length: maxAnyMailbox - 1 },
        (_, i) => `${archive.id}-${i}` as typeof archive.id,
      );
      expect(await matching({ inAnyMailbox: [...many, archive.id] })).toEqual(['lunch', 'reply']);
      await expect(
        store.queryEmails(account.id, { filter: { inAnyMailbox: [...many, archive.id, inbox.id] } }),
      ).rejects.toMatchObject({ code: 'unsupportedFilter' });
    });

    it('RFC 8621 §4.4.2: sorts by base subject, addresses, keywords and several comparators', async () => {
      const { emails } = await setup();
      const sorted = (sort: EmailSort[]) => run({ sort });
      // The two Budget emails share a base subject: the id breaks the tie (RFC 8620 §5.5 stable order).
      const budgets = [emails.budget, emails.reply].sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(await sorted([{ property: 'subject', isAscending: true }])).toEqual([
        'list',
        ...budgets.map((e) => names.get(e.id)),
        'lunch',
      ]);
      expect(await sorted([{ property: 'from', isAscending: true }])).toEqual([
        'budget',
        'reply',
        'lunch',
        'list',
      ]);
      expect(await sorted([{ property: 'from', isAscending: false }])).toEqual([
        'list',
        'lunch',
        'reply',
        'budget',
      ]);
      expect(await sorted([{ property: 'to', isAscending: true }])).toEqual([
        'list',
        'reply',
        'budget',
        'lunch',
      ]);
      expect((await sorted([{ property: 'to', isAscending: true, collation: 'i;ascii-numeric' }]))[0]).toBe(
        'list',
      );
      expect((await sorted([{ property: 'hasKeyword', keyword: '$flagged', isAscending: false }]))[0]).toBe(
        'reply',
      );
      expect(
        await sorted([
          { property: 'someInThreadHaveKeyword', keyword: '$flagged', isAscending: false },
          { property: 'receivedAt', isAscending: true },
        ]),
      ).toEqual(['budget', 'reply', 'lunch', 'list']);
      expect(
        await sorted([
          { property: 'allInThreadHaveKeyword', keyword: '$seen', isAscending: false },
          { property: 'subject', isAscending: false, collation: 'i;ascii-casemap' },
          { property: 'receivedAt', isAscending: true },
        ]),
      ).toEqual(['budget', 'reply', 'lunch', 'list']);
    });

    it('refuses an unknown sort property, collation, or a keyword sort without keyword', async () => {
      const { store, account } = f();
      await setup();
      for (const sort of [
        [{ property: 'nope', isAscending: true }],
        [{ property: 'subject', isAscending: true, collation: 'i;octet' }],
        [{ property: 'hasKeyword', isAscending: true }],
      ] as unknown as EmailSort[][]) {
        await expect(store.queryEmails(account.id, { sort })).rejects.toMatchObject({
          code: 'unsupportedSort',
        });
      }
    });

    it('RFC 8621 §4.4.3: collapseThreads keeps the first email of each thread in the sorted order', async () => {
      const { store, account } = f();
      await setup();
      const newest: EmailSort[] = [{ property: 'receivedAt', isAscending: false }];
      expect(await run({ sort: newest, collapseThreads: true })).toEqual(['list', 'reply', 'lunch']);
      expect(
        await run({ sort: [{ property: 'receivedAt', isAscending: true }], collapseThreads: true }),
      ).toEqual(['budget', 'lunch', 'list']);
      const page = await store.queryEmails(account.id, {
        sort: newest,
        collapseThreads: true,
        position: 1,
        limit: 1,
      });
      expect(page).toMatchObject({ total: 3, position: 1 });
      expect(page.ids.map((id) => names.get(id))).toEqual(['reply']);
    });

    it('RFC 8620 §5.5: counts the total only when asked, or when a negative position needs it', async () => {
      const { store, account } = f();
      const { archive } = await setup();
      const sort: EmailSort[] = [{ property: 'receivedAt', isAscending: true }];
      const uncounted = await store.queryEmails(account.id, { sort, limit: 2, calculateTotal: false });
      expect(uncounted).toMatchObject({ total: null, position: 0 });
      expect(uncounted.ids.map((id) => names.get(id))).toEqual(['budget', 'lunch']);
      const fromEnd = await store.queryEmails(account.id, { sort, position: -1, calculateTotal: false });
      expect(fromEnd).toMatchObject({ total: 4, position: 3 });
      expect(fromEnd.ids.map((id) => names.get(id))).toEqual(['list']);
      // A whole mailbox, plain and collapsed: the same totals as counting the results.
      for (const collapseThreads of [false, true]) {
        const all = await store.queryEmails(account.id, {
          filter: { inMailbox: archive.id },
          collapseThreads,
        });
        expect(all.total).toBe(all.ids.length);
      }
    });

    it('RFC 8620 §5.5: pages from an anchor with a (negative) offset, or reports it missing', async () => {
      const { store, account } = f();
      const { emails } = await setup();
      const sort: EmailSort[] = [{ property: 'receivedAt', isAscending: true }];
      const from = (anchor: EmailRecord, anchorOffset: number, limit = 2) =>
        store.queryEmails(account.id, { sort, anchor: anchor.id, anchorOffset, limit, position: 3 });
      const at = await from(emails.lunch, 0);
      expect(at).toMatchObject({ position: 1, total: 4 });
      expect(at.ids.map((id) => names.get(id))).toEqual(['lunch', 'reply']);
      expect((await from(emails.list, -1)).position).toBe(2);
      expect((await from(emails.reply, -5)).position).toBe(0);
      expect((await from(emails.budget, 10)).ids).toEqual([]);
      await expect(
        store.queryEmails(account.id, { sort, filter: { text: 'pizza' }, anchor: emails.budget.id }),
      ).rejects.toMatchObject({ code: 'anchorNotFound' });
      await expect(
        store.queryEmails(account.id, { sort, collapseThreads: true, anchor: emails.reply.id }),
      ).rejects.toMatchObject({ code: 'anchorNotFound' });
    });
  });
}
