import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { databaseFileName } from '../src/sqlite/open-database.js';
import { createTestStore, message, type TestStore } from './helpers.js';

// SQLite specifics of destroying a mailbox: the per-mailbox tables of migrations 6, 11 and 15 keep
// no row of it (its counts are deleted by destroyMailbox, its page tables by the triggers on
// mailboxes; the membership triggers alone would leave its first blocks behind).

const perMailbox = [
  'mailbox_threads',
  'mailbox_counts',
  'mailbox_date_blocks',
  'mailbox_thread_reps',
  'mailbox_thread_blocks',
  'mailbox_date_block_keywords',
  'mailbox_keyword_members',
];

let t: TestStore;
beforeEach(async () => {
  t = await createTestStore();
});
afterEach(() => t.cleanup());

function rowsOf(mailboxId: string): Record<string, number> {
  const db = new Database(path.join(t.dataDir, databaseFileName), { readonly: true });
  try {
    return Object.fromEntries(
      perMailbox.map((table) => [
        table,
        db.prepare(`SELECT count(*) FROM ${table} WHERE mailbox_id = ?`).pluck().get(mailboxId) as number,
      ]),
    );
  } finally {
    db.close();
  }
}

it('destroying a mailbox of 1,100 emails (split blocks, keywords) leaves none of its rows', async () => {
  const big = await t.store.createMailbox(t.account.id, { name: 'Big' });
  const inputs = Array.from({ length: 1100 }, (_, n) => ({
    raw: message({ Subject: `m${n}`, 'Message-ID': `<m${n}@x>` }, `body ${n}`),
    mailboxIds: n % 10 === 0 ? [big.id, t.inbox.id] : [big.id],
    keywords: n % 3 === 0 ? ['$seen', '$flagged'] : [],
    receivedAt: new Date(Date.UTC(2024, 0, 1) + n * 60_000),
  }));
  for (let i = 0; i < inputs.length; i += 550)
    await t.store.importMessages(t.account.id, inputs.slice(i, i + 550));
  expect(rowsOf(big.id).mailbox_date_blocks).toBeGreaterThan(1);

  const result = await t.store.destroyMailbox(t.account.id, big.id, { removeEmails: true });
  expect(result.destroyedEmails).toHaveLength(990);
  expect(result.updatedEmails).toHaveLength(110);
  expect(Object.values(rowsOf(big.id)).every((n) => n === 0)).toBe(true);
  expect((await t.store.checkIntegrity()).problems).toEqual([]);
  expect(
    (await t.store.queryEmails(t.account.id, { filter: { inMailbox: t.inbox.id }, limit: 5 })).total,
  ).toBe(110);
});
