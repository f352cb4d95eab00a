import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseFileName, migrate } from '../src/sqlite/open-database.js';
import { message, openOldDatabase, openTempStore } from './helpers.js';

type Temp = Awaited<ReturnType<typeof openTempStore>>;
let temp: Temp;
beforeEach(async () => {
  temp = await openTempStore();
});
afterEach(() => temp.cleanup());

const keysOf = (db: Database.Database) =>
  db
    .prepare(
      'SELECT email_id, thread_id, size, sent_at, subject_sort, from_sort, to_sort FROM email_mailboxes ORDER BY email_id',
    )
    .all();

describe('migration 8: RFC 8621 §4.4.2 sort keys on mailbox memberships', () => {
  it('copies an imported or moved email’s keys onto each of its memberships', async () => {
    const { store, dataDir } = temp;
    await store.createDomain('x.test');
    const account = await store.createAccount({ email: 'a@x.test', displayName: 'A', passwordHash: 'h' });
    const inbox = await store.createMailbox(account.id, { name: 'Inbox', role: 'inbox' });
    const archive = await store.createMailbox(account.id, { name: 'Archive' });
    const email = await store.importMessage(account.id, {
      mailboxIds: [inbox.id],
      raw: message(
        {
          Subject: 'Re: [team] Ÿes Budget',
          From: 'Ann <ann@x.test>',
          To: 'Ünal <u@x.test>',
          Date: 'Mon, 2 Mar 2026 10:00:00 +0000',
        },
        'hi',
      ),
    });
    await store.setMailboxes(account.id, email.id, [inbox.id, archive.id]);
    const db = new Database(path.join(dataDir, databaseFileName), { readonly: true });
    try {
      const expected = {
        email_id: email.id,
        thread_id: email.threadId,
        size: email.size,
        sent_at: Date.UTC(2026, 2, 2, 10),
        subject_sort: 'ÿes budget'.normalize('NFKD'),
        from_sort: 'ann',
        to_sort: 'ünal'.normalize('NFKD'),
      };
      expect(keysOf(db)).toEqual([expected, expected]);
    } finally {
      db.close();
    }
  });

  it('backfills the keys of memberships made before it', () => {
    const db = openOldDatabase(temp.dataDir, 8);
    try {
      db.exec(`
        INSERT INTO emails (id, account_id, thread_id, blob_id, size, received_at, sent_at, subject, from_sort, has_attachment, preview, index_json)
          VALUES ('E1', 'A1', 'T1', 'G0', 7, 5, NULL, 'Fwd: Hello', 'bob', 0, 'p', '{"to":[{"name":null,"email":"Zed@x.test"}]}');
        INSERT INTO email_mailboxes (mailbox_id, email_id, received_at) VALUES ('M1', 'E1', 5);
      `);
      migrate(db);
      expect(keysOf(db)).toEqual([
        {
          email_id: 'E1',
          thread_id: 'T1',
          size: 7,
          sent_at: 5,
          subject_sort: 'hello',
          from_sort: 'bob',
          to_sort: 'zed@x.test',
        },
      ]);
    } finally {
      db.close();
    }
  });
});
