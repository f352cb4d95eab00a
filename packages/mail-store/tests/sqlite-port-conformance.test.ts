import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { newId } from '../src/ids.js';
import type { AccountId, EmailId } from '../src/index.js';
import { sqliteChangeLog } from '../src/sqlite/change-log.js';
import { createFts5SearchIndex } from '../src/sqlite/fts5/fts5-search-index.js';
import { openDatabase, type Db } from '../src/sqlite/open-database.js';
import { describeChangeLogConformance, describeSearchIndexConformance } from '../src/testing/index.js';

/** A migrated database in a temp folder, with the port suites' transactions and accounts. */
function openBackend() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'colibri-ports-'));
  const db = openDatabase(dataDir);
  const domainId = newId('Domain');
  db.prepare('INSERT INTO domains (id, name, created_at) VALUES (?, ?, 0)').run(domainId, 'example.test');
  return {
    db,
    // better-sqlite3 transactions are synchronous: the SQLite ports answer at once.
    transact: async <T>(fn: (tx: Db) => T | Promise<T>) => db.transaction(() => fn(db)).immediate() as T,
    async newAccount() {
      const id = newId('Account') as AccountId;
      db.prepare(
        `INSERT INTO accounts (id, domain_id, email, display_name, password_hash, created_at)
         VALUES (?, ?, ?, '', '', 0)`,
      ).run(id, domainId, `${id.toLowerCase()}@example.test`);
      return id;
    },
    async cleanup() {
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// STYLE 17: the ports' own suites on the embedded backend; a PostgreSQL backend runs them too.
describeChangeLogConformance('SQLite', async () => ({ ...openBackend(), log: sqliteChangeLog }));

describeSearchIndexConformance('SQLite FTS5', async () => {
  const backend = openBackend();
  const { db } = backend;
  return {
    ...backend,
    index: createFts5SearchIndex(),
    // The FTS5 row hangs off the emails row (search_id): make a bare one, as import would.
    async newEmail(accountId) {
      const threadId = newId('Thread');
      const id = newId('Email') as EmailId;
      db.prepare('INSERT INTO threads (id, account_id, base_subject) VALUES (?, ?, ?)').run(
        threadId,
        accountId,
        '',
      );
      db.prepare(
        `INSERT INTO emails (id, account_id, thread_id, blob_id, size, received_at, has_attachment, preview,
                             index_json, search_id)
         VALUES (?, ?, ?, 'Gnone', 0, 0, 0, '', '{}',
                 (SELECT coalesce(max(search_id), 0) + 1 FROM emails))`,
      ).run(id, accountId, threadId);
      return id;
    },
  };
});
