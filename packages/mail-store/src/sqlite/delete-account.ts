import type { AccountId } from '../model.js';
import { NotFoundError } from '../errors.js';
import { sqliteChangeLog as changeLog } from './change-log.js';
import type { Db } from './open-database.js';
import type { SqliteSearchIndex } from './sqlite-search-index.js';
import { deleteAccountContacts } from './contacts/address-books.js';
import { getAccount, recordDirectoryChange } from './directory.js';

/**
 * Deletes an account and everything it owns in ONE transaction: emails (with memberships,
 * keywords, search rows), threads, threading ids, mailboxes and their counts, the change log and
 * states, quota, import keys, snoozes, identities, vacation, Sieve scripts, calendars and events, aliases, uploads, queued
 * submissions,
 * and its blobs' records. Its blobs are
 * queued in `blob_gc` (their files go at the next `collectGarbage` unless another account still
 * uses them; metadata first as always).
 */
export function deleteAccount(db: Db, search: SqliteSearchIndex, accountId: AccountId): void {
  db.transaction(() => {
    const account = getAccount(db, accountId);
    if (account === null) throw new NotFoundError(`Account ${accountId}`);
    recordDirectoryChange(db, account, 'destroyed');
    const run = (sql: string) => db.prepare(sql).run(accountId);
    // What other features keep per account: snoozes, identities, vacation, aliases, uploads, and
    // the submission queue (its messages are queued for GC like the account's other blobs).
    run(`DELETE FROM snoozes WHERE account_id = ?`);
    run(`DELETE FROM identities WHERE account_id = ?`);
    run(`DELETE FROM vacation_responses WHERE account_id = ?`);
    run(`DELETE FROM vacation_replies WHERE account_id = ?`);
    run(`DELETE FROM aliases WHERE account_id = ?`);
    deleteAccountContacts(db, accountId);
    // Every blob the account had goes to the GC queue; collectGarbage keeps those another account
    // still uses (blobInUse), so nothing here needs to ask.
    run(`INSERT OR IGNORE INTO blob_gc (blob_id) SELECT blob_id FROM uploads WHERE account_id = ?`);
    run(`INSERT OR IGNORE INTO blob_gc (blob_id) SELECT blob_id FROM email_blobs WHERE account_id = ?`);
    // Keyed by blob, without a cascade from emails (migration 31).
    run(`DELETE FROM email_blobs WHERE account_id = ?`);
    run(`DELETE FROM uploads WHERE account_id = ?`);
    run(`INSERT OR IGNORE INTO blob_gc (blob_id) SELECT blob_id FROM sieve_scripts WHERE account_id = ?`);
    run(`DELETE FROM sieve_scripts WHERE account_id = ?`);
    run(`DELETE FROM calendar_events WHERE account_id = ?`); // memberships cascade
    run(`DELETE FROM calendars WHERE account_id = ?`);
    run(`INSERT OR IGNORE INTO blob_gc (blob_id) SELECT blob_id FROM submissions WHERE account_id = ?`);
    run(
      `DELETE FROM submission_recipients WHERE submission_id IN (SELECT id FROM submissions WHERE account_id = ?)`,
    );
    run(`DELETE FROM submissions WHERE account_id = ?`);
    search.removeAccount(db, accountId); // before the emails rows that link documents to the account
    run(`DELETE FROM emails WHERE account_id = ?`); // memberships and keywords cascade
    run(`DELETE FROM mailbox_threads WHERE mailbox_id IN (SELECT id FROM mailboxes WHERE account_id = ?)`);
    run(`DELETE FROM mailbox_counts WHERE mailbox_id IN (SELECT id FROM mailboxes WHERE account_id = ?)`);
    run(`DELETE FROM mailboxes WHERE account_id = ?`);
    run(`DELETE FROM threads WHERE account_id = ?`);
    run(`DELETE FROM message_ids WHERE account_id = ?`);
    changeLog.deleteAccount(db, accountId);
    run(`DELETE FROM account_quotas WHERE account_id = ?`);
    run(`DELETE FROM import_keys WHERE account_id = ?`);
    run(`DELETE FROM accounts WHERE id = ?`);
  }).immediate();
}
