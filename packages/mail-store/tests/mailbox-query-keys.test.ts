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
    const inputs = Array.from({ length: count }, (_, i) => ({
      raw: message({ Subject: `note ${i}`, 'Message-ID': `<n${i}@example.test>` }, `body ${i}`),
      mailboxIds: [t.inbox.id],
      receivedAt: new Date(Date.UTC(2026, 0, 1) + ((i * 7919) % count) * 60_000 - (i % 3) * 60_000),
    }));
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
  }, 120_000);
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
