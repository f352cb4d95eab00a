import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFsBlobStore } from '../src/blobs/fs-blob-store.js';
import { openMailStore } from '../src/index.js';
import { createTestStore, message, type TestStore } from './helpers.js';

// SQLite-specific: corrupt the files and rows behind the store and see checkIntegrity name it;
// garbage collection against blobs an import put but has not referenced yet.
let t: TestStore;
beforeEach(async () => {
  t = await createTestStore();
});
afterEach(async () => t.cleanup());

const blobFile = (dataDir: string, blobId: string) =>
  path.join(dataDir, 'blobs', blobId.slice(1, 3), blobId.slice(3, 5), blobId.slice(1));

/** Runs raw SQL on the closed store's database, then reopens the store. */
async function tamper(sql: string): Promise<void> {
  await t.store.close();
  const db = new Database(path.join(t.dataDir, 'colibri.sqlite'));
  // The membership sort-key triggers call these (the store registers the real ones on open).
  for (const name of ['colibri_base_subject', 'colibri_unicode_fold'])
    db.function(name, (value: unknown) => value);
  db.exec(sql);
  db.close();
  t.store = await openMailStore({ dataDir: t.dataDir });
}

describe('checkIntegrity on SQLite', () => {
  it('reports a truncated blob, a forged blob, a lost search row, wrong counts and wrong usage', async () => {
    const one = await t.store.importMessage(t.account.id, {
      raw: message({ Subject: 'one' }, 'first body'),
      mailboxIds: [t.inbox.id],
    });
    const two = await t.store.importMessage(t.account.id, {
      // Over smallBlobMaxBytes: a file, where one is a row of the database (small-blobs.ts).
      raw: message({ Subject: 'two' }, `second body\n${'filler line of text\n'.repeat(4000)}`),
      mailboxIds: [t.inbox.id],
    });
    expect((await t.store.checkIntegrity()).problems).toEqual([]);
    // One's row loses bytes. Two's file has one byte changed in the body (same size): it no longer
    // hashes to its id, and its text part (decoded from it, not a blob of its own) is found nowhere.
    const forged = readFileSync(blobFile(t.dataDir, two.blobId), 'latin1').replace(
      'second body',
      'second bodX',
    );
    writeFileSync(blobFile(t.dataDir, two.blobId), forged, 'latin1');
    await tamper(`
      UPDATE small_blobs SET bytes = CAST('short' AS BLOB) WHERE id = '${one.blobId}';
      DELETE FROM email_fts WHERE rowid = (SELECT search_id FROM emails WHERE id = '${two.id}');
      UPDATE mailbox_counts SET unread_emails = 7;
      UPDATE account_quotas SET used_bytes = used_bytes + 1;
      UPDATE email_mailboxes SET subject_sort = 'zzz' WHERE email_id = '${one.id}';
    `);
    const report = await t.store.checkIntegrity();
    const kinds = report.problems.map((p) => `${p.kind} ${p.subject}`).sort();
    expect(kinds).toEqual(
      [
        `blobHashMismatch ${two.id}`,
        `missingBlob ${two.id}/1`,
        `blobSizeMismatch ${one.id}`,
        // one's text part cannot be decoded from a truncated message either.
        `missingBlob ${one.id}/1`,
        `mailboxCountMismatch ${t.inbox.id}`,
        `missingSearchRow ${two.id}`,
        `quotaUsageMismatch ${t.account.id}`,
        `sortKeyMismatch ${t.inbox.id}/${one.id}`,
      ].sort(),
    );
  });

  it('reports a membership of a missing email and a missing message blob (and so its parts)', async () => {
    const one = await t.store.importMessage(t.account.id, {
      raw: message({ Subject: 'one' }, 'gone soon'),
      mailboxIds: [t.inbox.id],
    });
    await tamper(
      `DELETE FROM small_blobs WHERE id = '${one.blobId}';
       PRAGMA foreign_keys = OFF; INSERT INTO email_mailboxes (mailbox_id, email_id, received_at) VALUES ('${t.inbox.id}', 'Enope', 0);`,
    );
    const kinds = (await t.store.checkIntegrity()).problems.map((p) => p.kind).sort();
    expect(kinds).toEqual(['danglingMembership', 'missingBlob', 'missingBlob']);
  });
});

describe('garbage collection and imports in flight', () => {
  it('keeps a destroyed email’s blobs while they were put within the idle period', async () => {
    const email = await t.store.importMessage(t.account.id, {
      raw: message({ Subject: 'recent' }, 'recent bytes'),
      mailboxIds: [t.inbox.id],
    });
    await t.store.destroyEmails(t.account.id, [email.id]);
    expect((await t.store.collectGarbage()).removedBlobs).toBe(0);
    // Still queued: a later run removes them.
    const later = { now: new Date(Date.now() + 60 * 60 * 1000) };
    // The raw message is the only file: its parts are decoded from it (part-blobs.ts).
    expect((await t.store.collectGarbage(later)).removedBlobs).toBe(1);
  });

  it('does not remove a blob that a concurrent import re-put before it committed', async () => {
    const raw = message({ Subject: 'again' }, 'same bytes again');
    const first = await t.store.importMessage(t.account.id, { raw, mailboxIds: [t.inbox.id] });
    await t.store.destroyEmails(t.account.id, [first.id]);
    // An import of the same bytes (re-)puts them; GC runs "an hour later" than the old put but
    // the new put is recent, so the file survives whatever the order of GC and the commit.
    const [second] = await Promise.all([
      t.store.importMessage(t.account.id, { raw, mailboxIds: [t.inbox.id] }),
      t.store.collectGarbage(),
    ]);
    await t.store.collectGarbage();
    expect(Buffer.from((await t.store.readBlob(t.account.id, second.blobId))!).equals(Buffer.from(raw))).toBe(
      true,
    );
    expect((await t.store.checkIntegrity()).problems).toEqual([]);
  });
});

describe('the blob_gc queue', () => {
  /** Rows waiting in the queue, read through a second connection (WAL: the store stays open). */
  function queued(): number {
    const db = new Database(path.join(t.dataDir, 'colibri.sqlite'), { readonly: true });
    try {
      return db.prepare('SELECT count(*) FROM blob_gc').pluck().get() as number;
    } finally {
      db.close();
    }
  }

  it('holds the blobs of submissions in flight only until they are done: no row stays behind', async () => {
    const later = { now: new Date(Date.now() + 60 * 60 * 1000) };
    const submissions = [];
    for (let i = 0; i < 5; i++) {
      const email = await t.store.importMessage(t.account.id, {
        raw: message({ Subject: `sent ${i}` }, `body ${i}`),
        mailboxIds: [t.inbox.id],
      });
      submissions.push(
        await t.store.createSubmission(t.account.id, {
          emailId: email.id,
          envelope: { mailFrom: t.account.email, rcptTo: ['bob@remote.test'] },
        }),
      );
      await t.store.destroyEmails(t.account.id, [email.id]);
    }
    expect(queued()).toBe(10); // each raw message and its text part
    // The text parts are no blobs of their own (part-blobs.ts): dequeued with nothing to remove.
    expect((await t.store.collectGarbage(later)).removedBlobs).toBe(0);
    expect(queued()).toBe(5); // the raw messages the queue still has to send
    for (const submission of submissions)
      await t.store.recordDeliveryAttempt(submission.id, 'bob@remote.test', {
        outcome: 'delivered',
        smtpReply: '250 2.0.0 OK',
      });
    expect((await t.store.collectGarbage(later)).removedBlobs).toBe(5);
    expect(queued()).toBe(0);
    expect((await t.store.checkIntegrity()).problems).toEqual([]);
  });
});

describe('the sweep of blob files nothing names', () => {
  const hour = 60 * 60 * 1000;
  const blobStore = () => createFsBlobStore(path.join(t.dataDir, 'blobs'));
  const bytes = (s: string) => new TextEncoder().encode(s);
  /** Makes a blob file look as if it was last put an hour ago. */
  const age = (blobId: string) => {
    const old = new Date(Date.now() - hour);
    utimesSync(blobFile(t.dataDir, blobId), old, old);
  };

  it('removes a blob an import put but never committed, once the idle period is over', async () => {
    const orphan = await blobStore().put(bytes('an import that died before its commit'));
    const now = await t.store.collectGarbage();
    expect(now).toMatchObject({ removedBlobs: 0, sweep: { examined: 1, removed: 0, complete: true } });
    expect(existsSync(blobFile(t.dataDir, orphan))).toBe(true);
    const later = await t.store.collectGarbage({ now: new Date(Date.now() + hour), sweepRestartAfterMs: 0 });
    expect(later).toMatchObject({ removedBlobs: 0, sweep: { examined: 1, removed: 1, complete: true } });
    expect(existsSync(blobFile(t.dataDir, orphan))).toBe(false);
  });

  it('starts a finished pass again only a day after it ended', async () => {
    const orphan = await blobStore().put(bytes('left by a crash'));
    age(orphan);
    expect((await t.store.collectGarbage()).sweep).toEqual({ examined: 1, removed: 1, complete: true });
    const orphan2 = await blobStore().put(bytes('left by a second crash'));
    age(orphan2);
    // An hour later the pass is not due: nothing is looked at.
    const inAnHour = { now: new Date(Date.now() + hour) };
    expect((await t.store.collectGarbage(inAnHour)).sweep).toEqual({
      examined: 0,
      removed: 0,
      complete: true,
    });
    expect(existsSync(blobFile(t.dataDir, orphan2))).toBe(true);
    const tomorrow = { now: new Date(Date.now() + 25 * hour) };
    expect((await t.store.collectGarbage(tomorrow)).sweep).toEqual({
      examined: 1,
      removed: 1,
      complete: true,
    });
    expect(existsSync(blobFile(t.dataDir, orphan2))).toBe(false);
  });

  it('never removes a referenced blob, nor a queued submission’s message until it is sent', async () => {
    const email = await t.store.importMessage(t.account.id, {
      raw: message({ Subject: 'kept' }, 'referenced bytes'),
      mailboxIds: [t.inbox.id],
    });
    const submission = await t.store.createSubmission(t.account.id, {
      raw: message({ Subject: 'bounce' }, 'a system message: no account references it'),
      envelope: { mailFrom: '', rcptTo: ['sender@remote.test'] },
    });
    const later = { now: new Date(Date.now() + hour) };
    // Two stored blobs: the two messages (the email's text part is decoded from its message).
    expect((await t.store.collectGarbage(later)).sweep).toMatchObject({ examined: 2, removed: 0 });
    expect(await t.store.readBlob(t.account.id, email.blobId)).not.toBeNull();
    expect(await t.store.readSubmissionMessage(submission.id)).not.toBeNull();
    await t.store.recordDeliveryAttempt(submission.id, 'sender@remote.test', {
      outcome: 'delivered',
      smtpReply: '250 2.0.0 OK',
    });
    const again = { ...later, sweepRestartAfterMs: 0 };
    expect((await t.store.collectGarbage(again)).sweep).toMatchObject({ examined: 2, removed: 1 });
    expect(await t.store.readSubmissionMessage(submission.id)).toBeNull();
    expect(await t.store.readBlob(t.account.id, email.blobId)).not.toBeNull();
    expect((await t.store.checkIntegrity()).problems).toEqual([]);
  });

  it('keeps a blob put again just before the sweep, or between its listing and its delete', async () => {
    const blobs = blobStore();
    const [gone, putAgain, putDuring] = await Promise.all(
      ['nobody', 'put again', 'put during'].map((s) => blobs.put(bytes(s))),
    );
    for (const id of [gone!, putAgain!, putDuring!]) age(id);
    await blobs.put(bytes('put again'));
    // A store whose delete is preceded by a put of the same bytes: an import racing the sweep.
    await t.store.close();
    t.store = await openMailStore({
      dataDir: t.dataDir,
      blobStore: {
        ...blobs,
        async delete(id, options) {
          if (id === putDuring) await blobs.put(bytes('put during'));
          return blobs.delete(id, options);
        },
      },
    });
    const gc = await t.store.collectGarbage();
    expect(gc.sweep).toMatchObject({ examined: 3, removed: 1 });
    expect([gone, putAgain, putDuring].map((id) => existsSync(blobFile(t.dataDir, id!)))).toEqual([
      false,
      true,
      true,
    ]);
  });

  it('looks at no more than maxSweepFiles files a run, and goes on where the last run stopped', async () => {
    const blobs = blobStore();
    const ids = await Promise.all([1, 2, 3, 4, 5].map((i) => blobs.put(bytes(`orphan ${i}`))));
    const later = { now: new Date(Date.now() + hour), maxSweepFiles: 2 };
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push((await t.store.collectGarbage(later)).sweep);
    expect(runs).toEqual([
      { examined: 2, removed: 2, complete: false },
      { examined: 2, removed: 2, complete: false },
      { examined: 1, removed: 1, complete: true },
    ]);
    expect(ids.filter((id) => existsSync(blobFile(t.dataDir, id)))).toEqual([]);
  });

  it('is what checkIntegrity reports as a warning, not a problem', async () => {
    const orphan = await blobStore().put(bytes('unnamed'));
    await t.store.importMessage(t.account.id, {
      raw: message({ Subject: 'x' }, 'y'),
      mailboxIds: [t.inbox.id],
    });
    const report = await t.store.checkIntegrity();
    expect(report.problems).toEqual([]);
    expect(report.unreferencedBlobs).toBe(1);
    expect(report.warnings).toEqual([
      { kind: 'unreferencedBlob', subject: orphan, detail: expect.stringContaining('collectGarbage') },
    ]);
  });
});

describe('migrations 9 and 18', () => {
  it('backfill email_blobs (with its account) from the stored index: parts stay readable, destroy frees them', async () => {
    const email = await t.store.importMessage(t.account.id, {
      raw: message(
        { Subject: 'older', 'Content-Type': 'multipart/mixed; boundary=m' },
        '--m\n\nbody text\n--m\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n\niVBORw0K\n--m--',
      ),
      mailboxIds: [t.inbox.id],
    });
    const image = email.bodyStructure.subParts!.find((p) => p.type === 'image/png')!.blobId!;
    // As a store from before migration 9: no per-email blob table, no uploads, access by blob_refs.
    await tamper(
      `DROP TABLE email_blobs; DROP TABLE uploads;
       CREATE TABLE blob_refs (account_id TEXT NOT NULL, blob_id TEXT NOT NULL, PRIMARY KEY (account_id, blob_id));
       DELETE FROM schema_migrations WHERE version IN (9, 18, 31);`,
    );
    expect((await t.store.checkIntegrity()).problems).toEqual([]);
    expect(Buffer.from((await t.store.readBlob(t.account.id, image))!)).toEqual(
      Buffer.from('iVBORw0K', 'base64'),
    );
    await t.store.destroyEmails(t.account.id, [email.id]);
    expect(await t.store.readBlob(t.account.id, image)).toBeNull();
    const gc = await t.store.collectGarbage({ now: new Date(Date.now() + 60 * 60 * 1000) });
    expect(gc.removedBlobs).toBe(1); // the raw message: parts are not files of their own
  });
});

describe('migration 31: email_blobs keyed by blob', () => {
  const withImage = (subject: string, png: string) =>
    message(
      { Subject: subject, 'Content-Type': 'multipart/mixed; boundary=m' },
      `--m\n\nbody of ${subject}\n--m\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n\n${png}\n--m--`,
    );
  const rows = async () => {
    await t.store.close();
    const db = new Database(path.join(t.dataDir, 'colibri.sqlite'), { readonly: true });
    const all = db.prepare('SELECT blob_id, account_id, email_id FROM email_blobs ORDER BY 1, 2, 3').all();
    const key = db
      .prepare("SELECT name FROM pragma_index_info('sqlite_autoindex_email_blobs_1') ORDER BY seqno")
      .pluck()
      .all();
    db.close();
    t.store = await openMailStore({ dataDir: t.dataDir });
    return { all, key };
  };

  it('keeps every reference of a store keyed by email, and destroy still frees exactly its own', async () => {
    const shared = await t.store.importMessage(t.account.id, {
      raw: withImage('one', 'iVBORw0K'),
      mailboxIds: [t.inbox.id],
    });
    const other = await t.store.importMessage(t.account.id, {
      raw: withImage('two', 'iVBORw0K'), // the same image: one blob, two emails
      mailboxIds: [t.inbox.id],
    });
    const own = await t.store.importMessage(t.account.id, {
      raw: withImage('three', 'R0lGODlh'),
      mailboxIds: [t.inbox.id],
    });
    const imageOf = (e: typeof own) => e.bodyStructure.subParts!.find((p) => p.type === 'image/png')!.blobId!;
    const before = await rows();
    expect(before.key).toEqual(['blob_id', 'account_id', 'email_id']);
    expect(before.all).toHaveLength(9); // raw + text + image, per email
    // As a store from before migration 31: the table of migration 18, keyed by email.
    await tamper(
      `CREATE TABLE old_blobs (
         email_id TEXT NOT NULL REFERENCES emails(id) ON DELETE CASCADE, blob_id TEXT NOT NULL,
         account_id TEXT NOT NULL, PRIMARY KEY (email_id, blob_id)) STRICT, WITHOUT ROWID;
       INSERT INTO old_blobs (email_id, blob_id, account_id) SELECT email_id, blob_id, account_id FROM email_blobs;
       DROP TABLE email_blobs;
       ALTER TABLE old_blobs RENAME TO email_blobs;
       CREATE INDEX email_blobs_blob ON email_blobs(blob_id, account_id);
       DELETE FROM schema_migrations WHERE version = 31;`,
    );
    const after = await rows();
    expect(after).toEqual(before);
    expect((await t.store.checkIntegrity()).problems).toEqual([]);

    await t.store.destroyEmails(t.account.id, [shared.id, own.id]);
    expect(await t.store.readBlob(t.account.id, imageOf(own))).toBeNull();
    expect(await t.store.readBlob(t.account.id, own.blobId)).toBeNull();
    // The image the remaining email shares stays readable, through that email only.
    expect(Buffer.from((await t.store.readBlob(t.account.id, imageOf(other)))!)).toEqual(
      Buffer.from('iVBORw0K', 'base64'),
    );
    const left = await rows();
    expect(left.all).toHaveLength(3);
    expect(left.all.every((r) => (r as { email_id: string }).email_id === other.id)).toBe(true);
    expect((await t.store.checkIntegrity()).problems).toEqual([]);
  });

  it('reports a reference whose email is gone (no cascade any more)', async () => {
    const email = await t.store.importMessage(t.account.id, {
      raw: message({ Subject: 'x' }, 'body\n'),
      mailboxIds: [t.inbox.id],
    });
    await tamper(
      `INSERT INTO email_blobs (blob_id, account_id, email_id) VALUES ('${email.blobId}', '${t.account.id}', 'Egone')`,
    );
    const report = await t.store.checkIntegrity();
    expect(report.problems).toEqual([
      { kind: 'danglingEmailBlob', subject: `Egone/${email.blobId}`, detail: expect.any(String) },
    ]);
  });

  it('deleting an account drops its references', async () => {
    await t.store.importMessage(t.account.id, {
      raw: withImage('one', 'iVBORw0K'),
      mailboxIds: [t.inbox.id],
    });
    await t.store.deleteAccount(t.account.id);
    expect((await rows()).all).toEqual([]);
  });
});
