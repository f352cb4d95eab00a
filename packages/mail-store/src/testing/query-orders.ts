import { describe, expect, it } from 'vitest';
import type { EmailId, EmailQuery, EmailRecord, EmailSort, MailboxId } from '../model.js';
import { useFixture, type MailStoreFactory } from './fixture.js';

/**
 * The orders a backend may serve from keys it maintains (keyword sorts, collapseThreads, deep
 * receivedAt pages), checked against the same orders computed here from `getEmails`, after each
 * write that can change them: keywords set on another email of the thread, moves, destroys,
 * imports into a thread, a snooze wake (a new receivedAt).
 */

type Keyed = Pick<EmailRecord, 'id' | 'threadId' | 'mailboxIds' | 'keywords' | 'receivedAt'>;

/** RFC 8621 §4.4.2 comparators over the reference records; ties end with the id. */
function expected(
  all: Keyed[],
  mailbox: MailboxId,
  sort: EmailSort[],
  collapse: boolean,
  include: (e: Keyed) => boolean = () => true,
): EmailId[] {
  const byThread = new Map<string, Keyed[]>();
  for (const e of all) byThread.set(e.threadId, [...(byThread.get(e.threadId) ?? []), e]);
  const key = (e: Keyed, s: EmailSort): number => {
    const has = (x: Keyed) => x.keywords.includes(s.keyword!);
    const thread = byThread.get(e.threadId)!;
    if (s.property === 'receivedAt') return e.receivedAt.getTime();
    if (s.property === 'hasKeyword') return has(e) ? 1 : 0;
    if (s.property === 'someInThreadHaveKeyword') return thread.some(has) ? 1 : 0;
    if (s.property === 'allInThreadHaveKeyword') return thread.every(has) ? 1 : 0;
    throw new Error(`No reference for ${s.property}`);
  };
  const compare = (a: Keyed, b: Keyed) => {
    for (const s of sort) {
      const d = key(a, s) - key(b, s);
      if (d !== 0) return s.isAscending ? d : -d;
    }
    const d = a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    return sort[0]!.isAscending ? d : -d;
  };
  // The thread keys above read every email of the thread; only the results are narrowed.
  const sorted = all.filter((e) => e.mailboxIds.includes(mailbox) && include(e)).sort(compare);
  const seen = new Set<string>();
  return sorted.filter((e) => !collapse || (!seen.has(e.threadId) && seen.add(e.threadId))).map((e) => e.id);
}

const newest: EmailSort = { property: 'receivedAt', isAscending: false };
const sorts: EmailSort[][] = [
  [newest],
  [{ property: 'receivedAt', isAscending: true }],
  [{ property: 'hasKeyword', keyword: '$flagged', isAscending: false }, newest],
  [{ property: 'hasKeyword', keyword: '$seen', isAscending: true }, newest],
  [
    { property: 'hasKeyword', keyword: '$flagged', isAscending: true },
    { property: 'receivedAt', isAscending: true },
  ],
  [{ property: 'hasKeyword', keyword: '$seen', isAscending: false }, newest],
  [{ property: 'someInThreadHaveKeyword', keyword: '$flagged', isAscending: false }, newest],
  [{ property: 'someInThreadHaveKeyword', keyword: '$flagged', isAscending: true }],
  [{ property: 'allInThreadHaveKeyword', keyword: '$seen', isAscending: false }, newest],
  [
    { property: 'allInThreadHaveKeyword', keyword: '$seen', isAscending: true },
    { property: 'receivedAt', isAscending: true },
  ],
];

export function describeQueryOrders(factory: MailStoreFactory): void {
  describe('queryEmails: keyword sorts, collapseThreads and pages stay right across writes', () => {
    const f = useFixture(factory);

    async function check(step: string): Promise<void> {
      const { store, account, inbox } = f();
      const { ids } = await store.queryEmails(account.id, {});
      const all = await store.getEmails(account.id, ids);
      const mailboxes = [...new Set(all.flatMap((e) => e.mailboxIds))];
      // A whole mailbox (the maintained keys), and the same mailbox narrowed by another condition
      // (which a backend may serve by its general path): both must give the reference order.
      const unseen = (e: Keyed) => !e.keywords.includes('$seen');
      for (const mailbox of mailboxes.includes(inbox.id) ? mailboxes : [inbox.id, ...mailboxes])
        for (const sort of sorts)
          for (const [collapse, narrowed] of [
            [false, false],
            [true, false],
            [false, true],
            [true, true],
          ]) {
            const want = expected(all, mailbox, sort, collapse!, narrowed ? unseen : undefined);
            const filter = narrowed
              ? { operator: 'AND' as const, conditions: [{ inMailbox: mailbox }, { notKeyword: '$seen' }] }
              : { inMailbox: mailbox };
            const query: EmailQuery = { filter, sort, collapseThreads: collapse! };
            const what = `${step}: ${JSON.stringify(sort)}${collapse ? ' collapsed' : ''}${narrowed ? ' unseen' : ''}`;
            const whole = await store.queryEmails(account.id, query);
            expect({ what, ids: whole.ids, total: whole.total }).toEqual({
              what,
              ids: want,
              total: want.length,
            });
            // Pages that start inside, at the edge of and past each segment.
            for (const position of [1, 3, 5, want.length - 1, want.length + 2])
              for (const limit of [1, 2, 4]) {
                const page = await store.queryEmails(account.id, {
                  ...query,
                  position,
                  limit,
                  calculateTotal: false,
                });
                expect({ what, position, limit, ids: page.ids }).toEqual({
                  what,
                  position,
                  limit,
                  ids: want.slice(position, position + limit),
                });
              }
            // RFC 8620 §5.5 anchors: the page starts at the anchor's index plus the offset.
            for (const [index, anchor] of want.entries())
              for (const anchorOffset of [-2, 0, 1]) {
                const page = await store.queryEmails(account.id, {
                  ...query,
                  anchor,
                  anchorOffset,
                  limit: 2,
                });
                const start = Math.max(0, index + anchorOffset);
                expect({ what, anchor, anchorOffset, ids: page.ids, position: page.position }).toEqual({
                  what,
                  anchor,
                  anchorOffset,
                  ids: want.slice(start, start + 2),
                  position: start,
                });
              }
          }
    }

    it('RFC 8621 §4.4.2/§4.4.3: matches the orders computed from the emails themselves', async () => {
      const { store, account, inbox, importMail } = f();
      const archive = await store.createMailbox(account.id, { name: 'Archive' });
      const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 9, minutes));
      const mail: EmailRecord[] = [];
      // Four threads of 1-4 emails; two emails share a receivedAt (the id breaks the tie).
      const plan: [thread: number, minutes: number, keywords: string[], archived: boolean][] = [
        [0, 1, ['$seen'], false],
        [1, 2, [], false],
        [0, 3, ['$seen'], true],
        [2, 4, ['$flagged'], false],
        [1, 4, ['$seen'], false],
        [3, 5, [], true],
        [0, 6, [], false],
        [2, 7, ['$seen'], false],
        [0, 8, ['$seen', '$flagged'], false],
      ];
      for (const [i, [thread, minutes, keywords, archived]] of plan.entries()) {
        const first = plan.findIndex(([t]) => t === thread);
        mail.push(
          await importMail(
            {
              Subject: `${first === i ? '' : 'Re: '}Topic ${thread}`,
              'Message-ID': `<m${i}@x.test>`,
              ...(first !== i && { 'In-Reply-To': `<m${first}@x.test>` }),
            },
            {
              receivedAt: at(minutes),
              keywords,
              mailboxIds: archived ? [inbox.id, archive.id] : [inbox.id],
            },
          ),
        );
      }
      expect(new Set(mail.map((m) => m.threadId)).size).toBe(4);
      const m = (i: number) => mail[i]!.id;
      await check('imported');
      await store.setKeywords(account.id, m(6), ['$seen']);
      await check('thread 0 all seen');
      await store.setKeywords(account.id, m(1), ['$flagged']);
      await check('flag on another email of thread 1');
      await store.setKeywords(account.id, m(2), []);
      await check('unseen in thread 0');
      await store.setMailboxes(account.id, m(8), [archive.id]);
      await check('newest of thread 0 moved to Archive');
      await store.destroyEmails(account.id, [m(3), m(4)]);
      await check('flagged email and a thread 1 email destroyed');
      await importMail(
        { Subject: 'Re: Topic 3', 'Message-ID': '<late@x.test>', 'In-Reply-To': '<m5@x.test>' },
        { receivedAt: at(0), keywords: ['$flagged'] },
      );
      await check('an older reply with a keyword joins thread 3');
      await store.snoozeEmail(account.id, m(0), at(30));
      await check('oldest email snoozed');
      await store.wakeDueSnoozes(at(31));
      await check('woken: newest now');
      await store.destroyEmails(account.id, [m(5), m(7)]);
      await check('thread representatives destroyed');
      // Thousands of queries (every sort, page and anchor at each step): 16 s on a quiet machine.
    }, 90_000);
  });
}
