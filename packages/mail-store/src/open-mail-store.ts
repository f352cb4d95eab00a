import path from 'node:path';
import type { BlobStore } from './blobs/blob-store.js';
import { createFsBlobStore } from './blobs/fs-blob-store.js';
import type { MailStore } from './mail-store.js';
import { changesSince, currentState } from './sqlite/change-log.js';
import { collectGarbage } from './sqlite/collect-garbage.js';
import { destroyEmails } from './sqlite/destroy-emails.js';
import { deleteAccount, listDomains } from './sqlite/delete-account.js';
import * as directory from './sqlite/directory.js';
import { importMessage } from './sqlite/import-message.js';
import { importMessages } from './sqlite/import-batch.js';
import { createGroupCommit } from './sqlite/group-commit.js';
import { setKeywords } from './sqlite/keywords.js';
import { createMailbox, findMailboxByRole, listMailboxes, mailboxCounts } from './sqlite/mailboxes.js';
import { loadEmails } from './sqlite/email-rows.js';
import { openDatabase } from './sqlite/open-database.js';
import { queryEmails } from './sqlite/query-emails.js';
import { getQuota, setQuota } from './sqlite/quotas.js';
import { setMailboxes } from './sqlite/set-mailboxes.js';
import type { AccountId, BlobId, EmailId, ThreadId } from './model.js';

export interface OpenMailStoreOptions {
  /** The data folder: `colibri.sqlite` and `blobs/` live in it. Created when missing. */
  dataDir: string;
  /** Where blobs live; by default content-addressed files under `<dataDir>/blobs/`. */
  blobStore?: BlobStore;
}

/**
 * Opens the embedded store: SQLite (WAL) for metadata, the change log and full-text search, and
 * content-addressed files for blobs. better-sqlite3 is synchronous; the async interface is for
 * networked backends, and each call here is one short transaction.
 */
export async function openMailStore(options: OpenMailStoreOptions): Promise<MailStore> {
  const db = openDatabase(options.dataDir);
  const blobs = options.blobStore ?? createFsBlobStore(path.join(options.dataDir, 'blobs'));
  let closed = false;
  const groupCommit = createGroupCommit(db);

  const mayRead = (accountId: AccountId, blobId: BlobId) =>
    db.prepare('SELECT 1 FROM blob_refs WHERE account_id = ? AND blob_id = ?').get(accountId, blobId) !==
    undefined;

  return {
    async createDomain(name) {
      return directory.createDomain(db, name);
    },
    async findDomain(name) {
      return directory.findDomain(db, name);
    },
    async createAccount(input) {
      return directory.createAccount(db, input);
    },
    async getAccount(id) {
      return directory.getAccount(db, id);
    },
    async findAccountByEmail(email) {
      return directory.findAccountByEmail(db, email);
    },
    async listAccounts() {
      return directory.listAccounts(db);
    },
    async listDomains() {
      return listDomains(db);
    },
    async deleteAccount(id) {
      deleteAccount(db, id);
    },
    async getPasswordHash(id) {
      return directory.getPasswordHash(db, id);
    },
    async setPasswordHash(id, hash) {
      directory.setPasswordHash(db, id, hash);
    },
    async createMailbox(accountId, input) {
      return createMailbox(db, accountId, input);
    },
    async listMailboxes(accountId) {
      return listMailboxes(db, accountId);
    },
    async getMailboxCounts(accountId, ids) {
      return mailboxCounts(db, accountId, ids);
    },
    async findMailboxByRole(accountId, role) {
      return findMailboxByRole(db, accountId, role);
    },
    async importMessage(accountId, input) {
      return importMessage(db, blobs, accountId, input, groupCommit);
    },
    async importMessages(accountId, inputs) {
      return importMessages(db, blobs, accountId, inputs);
    },
    async getEmails(accountId, ids) {
      return loadEmails(db, accountId, ids);
    },
    async queryEmails(accountId, query) {
      return queryEmails(db, accountId, query);
    },
    async setKeywords(accountId, id, keywords) {
      setKeywords(db, accountId, id, keywords);
    },
    async setMailboxes(accountId, id, mailboxIds) {
      setMailboxes(db, accountId, id, mailboxIds);
    },
    async destroyEmails(accountId, ids) {
      return destroyEmails(db, accountId, ids);
    },
    async getThreadEmailIds(accountId, threadId: ThreadId) {
      return (
        db
          .prepare('SELECT id FROM emails WHERE thread_id = ? AND account_id = ? ORDER BY received_at, id')
          .all(threadId, accountId) as { id: string }[]
      ).map((r) => r.id as EmailId);
    },
    async setQuota(accountId, limits) {
      setQuota(db, accountId, limits);
    },
    async getQuota(accountId) {
      return getQuota(db, accountId);
    },
    async openBlob(accountId, blobId) {
      return mayRead(accountId, blobId) ? blobs.open(blobId) : null;
    },
    async readBlob(accountId, blobId) {
      return mayRead(accountId, blobId) ? blobs.read(blobId) : null;
    },
    async collectGarbage() {
      return collectGarbage(db, blobs);
    },
    async getState(accountId, type) {
      return currentState(db, accountId, type);
    },
    async getChanges(accountId, type, sinceState, maxChanges) {
      return changesSince(db, accountId, type, sinceState, maxChanges);
    },
    async getMeta(key) {
      const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as
        { value: string } | undefined;
      return row?.value ?? null;
    },
    async setMeta(key, value) {
      db.prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ).run(key, value);
    },
    async close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}
