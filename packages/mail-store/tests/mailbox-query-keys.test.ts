import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmailId, EmailQuery, EmailSort } from '../src/index.js';
import { databaseFileName, migrate, openDatabase } from '../src/sqlite/open-database.js';
import { queryEmails } from '../src/sqlite/query-emails.js';
import { createFts5SearchIndex } from '../src/sqlite/fts5/fts5-search-index.js';
import { createTestStore, message, openOldDatabase, type TestStore } from './helpers.js';

// Migration 11's maintained tables, on SQLite: the counted date blocks (split over 1024, merged
// under 128) must count exactly the memberships in their key range whatever the writes, and the
// pages they serve must equal the plain SQL walk's (a filter that the fast paths do not take).

/** Each block's count against the memberships actually in its range, and the block sizes. */
function blockReport(dataDir: string) {
  const db = new Database(path.join(dataDir, databaseFileName), { readonly: true });
  try {
    return db
      .prepare(
        `SELECT b.emails, (SELECT count(*) FROM email_mailboxes em WHERE em.mailbox_id = b.mailbox_id
                  AND (em.received_at, em.email_id) >= (b.start_at, b.start_id)
                  AND (b.next_at IS NULL OR (em.received_at, em.email_id) < (b.next_at, b.next_id))) AS actual
           FROM (SELECT *, lead(start_at) OVER w AS next_at, lead(start_id) OVER w AS next_id
                   FROM mailbox_date_blocks WINDOW w AS (PARTITION BY mailbox_id ORDER BY start_at, start_id)) b`,
      )
      .all() as { emails: number; actual: number }[];
  } finally {
    db.close();
  }
}

/**
 * Migration 15's tables against a recount from the rows: thread blocks (each count and size), the
 * keyword counts of each date block, and the per-mailbox keyword members. Empty when all agree.
 */
function pageCountProblems(dataDir: string): string[] {
  const db = new Database(path.join(dataDir, databaseFileName), { readonly: true });
  try {
    return pageCountProblemsIn(db);
  } finally {
    db.close();
  }
}

function pageCountProblemsIn(db: Database.Database): string[] {
  const problems = (what: string, sql: string) =>
    (db.prepare(sql).all() as object[]).map((row) => `${what}: ${JSON.stringify(row)}`);
  return [
    ...problems(
      'thread block',
      `SELECT * FROM (SELECT b.mailbox_id, b.start_id, b.threads, (SELECT count(*) FROM mailbox_thread_reps r
                  WHERE r.mailbox_id = b.mailbox_id AND (r.received_at, r.email_id) >= (b.start_at, b.start_id)
                    AND (b.next_at IS NULL OR (r.received_at, r.email_id) < (b.next_at, b.next_id))) AS actual
           FROM (SELECT *, lead(start_at) OVER w AS next_at, lead(start_id) OVER w AS next_id
                   FROM mailbox_thread_blocks WINDOW w AS (PARTITION BY mailbox_id ORDER BY start_at, start_id)) b)
          WHERE threads != actual OR threads > 1024`,
    ),
    ...problems(
      'block keyword count',
      `WITH b AS (SELECT *, lead(start_at) OVER w AS next_at, lead(start_id) OVER w AS next_id
                      FROM mailbox_date_blocks WINDOW w AS (PARTITION BY mailbox_id ORDER BY start_at, start_id)),
              actual AS (SELECT b.mailbox_id, k.keyword, b.start_at, b.start_id, count(*) AS n
                           FROM b JOIN email_mailboxes em ON em.mailbox_id = b.mailbox_id
                            AND (em.received_at, em.email_id) >= (b.start_at, b.start_id)
                            AND (b.next_at IS NULL OR (em.received_at, em.email_id) < (b.next_at, b.next_id))
                           JOIN email_keywords k ON k.email_id = em.email_id
                          GROUP BY b.mailbox_id, k.keyword, b.start_at, b.start_id)
         SELECT a.*, bk.emails FROM actual a LEFT JOIN mailbox_date_block_keywords bk USING (mailbox_id, keyword, start_at, start_id)
          WHERE bk.emails IS NOT a.n
         UNION ALL
         SELECT bk.*, NULL FROM mailbox_date_block_keywords bk
          WHERE bk.emails != 0 AND NOT EXISTS (SELECT 1 FROM actual a
                  WHERE (a.mailbox_id, a.keyword, a.start_at, a.start_id) = (bk.mailbox_id, bk.keyword, bk.start_at, bk.start_id))`,
    ),
    ...problems(
      'keyword member',
      `SELECT 'missing', em.mailbox_id, k.keyword, em.email_id FROM email_mailboxes em JOIN email_keywords k USING (email_id)
          WHERE NOT EXISTS (SELECT 1 FROM mailbox_keyword_members m WHERE (m.mailbox_id, m.keyword, m.received_at, m.email_id)
                              = (em.mailbox_id, k.keyword, em.received_at, em.email_id))
         UNION ALL
         SELECT 'extra', m.mailbox_id, m.keyword, m.email_id FROM mailbox_keyword_members m
          WHERE NOT EXISTS (SELECT 1 FROM email_mailboxes em JOIN email_keywords k USING (email_id)
                             WHERE (m.mailbox_id, m.keyword, m.received_at, m.email_id)
                                 = (em.mailbox_id, k.keyword, em.received_at, em.email_id))`,
    ),
  ];
}

function memberships(dataDir: string): number {
  const db = new Database(path.join(dataDir, databaseFileName), { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM email_mailboxes').pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('migration 11: counted date blocks serve deep pages exactly', () => {
  let t: TestStore;
  let ids: EmailId[];
  const count = 2600;
  beforeEach(async () => {
    t = await createTestStore();
    // Out of date order, with runs of equal receivedAt (the id breaks those ties).
    // Threads of up to 4 (a reply refers to its thread's first email); $flagged is sparse (1 in
    // 37), $seen dense (4 in 5).
    const inputs = Array.from({ length: count }, (_, i) => {
      const root = i - (i % 4);
      return {
        raw: message(
          {
            Subject: `${root === i ? '' : 'Re: '}note ${root}`,
            'Message-ID': `<n${i}@example.test>`,
            ...(root !== i && { 'In-Reply-To': `<n${root}@example.test>` }),
          },
          `body ${i}`,
        ),
        mailboxIds: [t.inbox.id],
        receivedAt: new Date(Date.UTC(2026, 0, 1) + ((i * 7919) % count) * 60_000 - (i % 3) * 60_000),
        keywords: [...(i % 37 === 0 ? ['$flagged'] : []), ...(i % 5 !== 0 ? ['$seen'] : [])],
      };
    });
    ids = [];
    for (let i = 0; i < count; i += 650) {
      const results = await t.store.importMessages(t.account.id, inputs.slice(i, i + 650));
      for (const r of results) if (r.status === 'imported') ids.push(r.emailId);
    }
  }, 120_000);
  afterEach(() => t.cleanup(), 60_000);

  async function expectPagesLikeTheWalk(total: number): Promise<void> {
    for (const isAscending of [false, true])
      for (const position of [0, 1, 511, 512, 1023, 1024, 1025, 1700, total - 3, total, total + 5]) {
        const query: EmailQuery = {
          sort: [{ property: 'receivedAt', isAscending }],
          position,
          limit: 7,
          calculateTotal: false,
        };
        const fast = await t.store.queryEmails(t.account.id, { ...query, filter: { inMailbox: t.inbox.id } });
        const walked = await t.store.queryEmails(t.account.id, {
          ...query,
          filter: { inMailbox: t.inbox.id, minSize: 0 },
        });
        expect({ isAscending, position, ids: fast.ids }).toEqual({ isAscending, position, ids: walked.ids });
      }
    // Migration 15's orders at depth: collapsed newest first and keyword-then-date, both ways.
    const newest: EmailSort = { property: 'receivedAt', isAscending: false };
    const { total: threads } = await t.store.queryEmails(t.account.id, {
      filter: { inMailbox: t.inbox.id, minSize: 0 },
      collapseThreads: true,
    });
    const orders: { sort: EmailSort[]; collapseThreads?: boolean; size: number }[] = [
      { sort: [newest], collapseThreads: true, size: threads! },
      ...['$flagged', '$seen', '$junk'].flatMap((keyword) =>
        [false, true].map((isAscending) => ({
          sort: [
            { property: 'hasKeyword' as const, keyword, isAscending },
            { property: 'receivedAt' as const, isAscending },
          ],
          size: total,
        })),
      ),
    ];
    for (const { sort, collapseThreads, size } of orders)
      for (const position of [
        0,
        1,
        60,
        511,
        513,
        1030,
        Math.floor(size / 2),
        size - 40,
        size - 3,
        size + 5,
      ]) {
        const query: EmailQuery = { sort, collapseThreads, position, limit: 50, calculateTotal: false };
        const fast = await t.store.queryEmails(t.account.id, { ...query, filter: { inMailbox: t.inbox.id } });
        const walked = await t.store.queryEmails(t.account.id, {
          ...query,
          filter: { inMailbox: t.inbox.id, minSize: 0 },
        });
        const what = `${JSON.stringify(sort)}${collapseThreads ? ' collapsed' : ''} @${position}`;
        expect({ what, ids: fast.ids }).toEqual({ what, ids: walked.ids });
      }
    expect(pageCountProblems(t.dataDir)).toEqual([]);
    const blocks = blockReport(t.dataDir);
    expect(blocks.every((b) => b.emails === b.actual && b.emails <= 1024)).toBe(true);
    const inbox = await t.store.getMailboxCounts(t.account.id, [t.inbox.id]);
    expect(inbox.get(t.inbox.id)?.totalEmails).toBe(total);
    expect(blocks.reduce((n, b) => n + b.emails, 0)).toBe(memberships(t.dataDir));
  }

  it('splits as mail arrives, merges as it goes, and follows moves and new receivedAt', async () => {
    expect(blockReport(t.dataDir).length).toBeGreaterThan(2);
    await expectPagesLikeTheWalk(count);
    const gone = ids.filter((_, i) => i % 4 !== 0 || (i > 800 && i < 1400));
    await t.store.destroyEmails(t.account.id, gone);
    await expectPagesLikeTheWalk(count - gone.length);
    const archive = await t.store.createMailbox(t.account.id, { name: 'Archive' });
    const left = ids.filter((id) => !gone.includes(id));
    for (const id of left.slice(0, 50)) await t.store.setMailboxes(t.account.id, id, [archive.id]);
    await t.store.snoozeEmail(t.account.id, left[300]!, new Date(Date.UTC(2026, 5, 1)));
    await t.store.wakeDueSnoozes(new Date(Date.UTC(2026, 5, 2)));
    await expectPagesLikeTheWalk(count - gone.length - 50);
    // Keywords set and cleared across every block, in the Inbox and in the Archive.
    for (const [i, id] of left.entries())
      if (i % 3 === 0) await t.store.setKeywords(t.account.id, id, i % 2 === 0 ? ['$flagged'] : []);
    await expectPagesLikeTheWalk(count - gone.length - 50);
  }, 240_000);
});

describe('migration 11: backfill', () => {
  it('counts blocks, thread representatives and thread keywords of mail stored before it', async () => {
    const t = await createTestStore();
    const db = openOldDatabase(t.dataDir, 11);
    try {
      const email = db.prepare(
        `INSERT INTO emails (id, account_id, thread_id, blob_id, size, received_at, subject, has_attachment, preview, index_json)
         VALUES (?, 'A1', 'T1', 'G0', 7, ?, 'Hello', 0, 'p', '{}')`,
      );
      const member = db.prepare(
        'INSERT INTO email_mailboxes (mailbox_id, email_id, received_at) VALUES (?, ?, ?)',
      );
      const insertAll = db.transaction(() => {
        for (let i = 0; i < 1100; i += 1) {
          const id = `E${String(i).padStart(4, '0')}`;
          email.run(id, 1000 + (i % 500));
          member.run('M1', id, 1000 + (i % 500));
        }
      });
      insertAll();
      db.exec(
        `INSERT INTO email_keywords VALUES ('E0001', '$flagged'), ('E0002', '$flagged'), ('E0002', '$seen')`,
      );
      migrate(db);
      expect(
        db.prepare('SELECT emails FROM mailbox_date_blocks ORDER BY start_at, start_id').pluck().all(),
      ).toEqual([512, 512, 76]);
      expect(db.prepare('SELECT email_id, received_at FROM mailbox_thread_reps').all()).toEqual([
        { email_id: 'E0999', received_at: 1499 },
      ]);
      expect(db.prepare('SELECT emails FROM threads').pluck().all()).toEqual([1100]);
      expect(db.prepare('SELECT keyword, emails FROM thread_keywords ORDER BY keyword').all()).toEqual([
        { keyword: '$flagged', emails: 2 },
        { keyword: '$seen', emails: 1 },
      ]);
    } finally {
      db.close();
      await t.cleanup();
    }
  });
});

describe('migration 15: backfill', () => {
  it('counts thread blocks, block keywords and keyword members of mail stored before it', async () => {
    const t = await createTestStore();
    const db = openOldDatabase(t.dataDir, 15);
    try {
      const thread = db.prepare(
        "INSERT OR IGNORE INTO threads (id, account_id, base_subject) VALUES (?, 'A1', 'x')",
      );
      const email = db.prepare(
        `INSERT INTO emails (id, account_id, thread_id, blob_id, size, received_at, subject, has_attachment, preview, index_json)
         VALUES (?, 'A1', ?, 'G0', 7, ?, 'Hello', 0, 'p', '{}')`,
      );
      const member = db.prepare(
        'INSERT INTO email_mailboxes (mailbox_id, email_id, received_at) VALUES (?, ?, ?)',
      );
      const keyword = db.prepare('INSERT INTO email_keywords (email_id, keyword) VALUES (?, ?)');
      db.transaction(() => {
        for (let i = 0; i < 1500; i += 1) {
          const id = `E${String(i).padStart(4, '0')}`;
          thread.run(`T${i % 1100}`);
          email.run(id, `T${i % 1100}`, 1000 + (i % 700));
          member.run('M1', id, 1000 + (i % 700));
          if (i % 7 === 0) keyword.run(id, '$flagged');
          if (i % 3 !== 0) keyword.run(id, '$seen');
        }
      })();
      migrate(db);
      expect(
        db.prepare('SELECT threads FROM mailbox_thread_blocks ORDER BY start_at, start_id').pluck().all(),
      ).toEqual([512, 512, 76]);
      expect(
        db
          .prepare("SELECT sum(emails) FROM mailbox_date_block_keywords WHERE keyword = '$flagged'")
          .pluck()
          .get(),
      ).toBe(215);
      expect(pageCountProblemsIn(db)).toEqual([]);
    } finally {
      db.close();
      await t.cleanup();
    }
  });
});

describe('keyword sorts: the walked and the listed segment agree', () => {
  it('gives the same pages whether the keyword side is listed from its index or walked', async () => {
    const t = await createTestStore();
    const db = openDatabase(t.dataDir);
    try {
      for (let i = 0; i < 40; i += 1) {
        const thread = i % 7;
        const email = await t.store.importMessage(t.account.id, {
          raw: message(
            {
              Subject: `${i < 7 ? '' : 'Re: '}topic ${thread}`,
              'Message-ID': `<k${i}@example.test>`,
              ...(i >= 7 && { 'In-Reply-To': `<k${thread}@example.test>` }),
            },
            'body',
          ),
          mailboxIds: [t.inbox.id],
          receivedAt: new Date(Date.UTC(2026, 0, 1) + (i % 13) * 60_000),
          keywords: [...(i % 3 === 0 ? ['$flagged'] : []), ...(i % 5 !== 1 ? ['$seen'] : [])],
        });
        expect(email.threadId).toBeTruthy();
      }
      const search = createFts5SearchIndex();
      const newest: EmailSort = { property: 'receivedAt', isAscending: false };
      for (const property of ['hasKeyword', 'someInThreadHaveKeyword', 'allInThreadHaveKeyword'] as const)
        for (const keyword of ['$flagged', '$seen'])
          for (const isAscending of [false, true])
            for (const position of [0, 3, 11, 25, 39, 45]) {
              const query: EmailQuery = {
                filter: { inMailbox: t.inbox.id },
                sort: [{ property, keyword, isAscending }, newest],
                position,
                limit: 6,
              };
              const listed = queryEmails(db, search, t.account.id, query);
              const walked = queryEmails(db, search, t.account.id, query, { sparseKeywordBelow: 0 });
              const plain = queryEmails(db, search, t.account.id, {
                ...query,
                filter: { inMailbox: t.inbox.id, minSize: 0 },
              });
              const what = `${property} ${keyword} ${isAscending} @${position}`;
              expect({ what, ids: listed.ids }).toEqual({ what, ids: plain.ids });
              expect({ what, ids: walked.ids }).toEqual({ what, ids: plain.ids });
            }
    } finally {
      db.close();
      await t.cleanup();
    }
  }, 60_000);
});
