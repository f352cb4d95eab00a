import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrations } from '../src/sqlite/migrations.js';
import { migrate } from '../src/sqlite/open-database.js';
import { openMailStore } from '../src/index.js';
import type { EmbeddedPorts } from '../src/open-mail-store.js';
import type { Account, Mailbox, MailStore } from '../src/index.js';

export { rawMessage as message } from '../src/testing/fixture.js';

/** A real, empty store in a fresh temp folder, removed again by `cleanup` (`ports`: see openMailStore). */
export async function openTempStore(ports?: EmbeddedPorts): Promise<{
  store: MailStore;
  dataDir: string;
  cleanup(): Promise<void>;
}> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'colibri-store-test-'));
  const store = await openMailStore({ dataDir }, ports);
  return {
    store,
    dataDir,
    async cleanup() {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestStore {
  store: MailStore;
  dataDir: string;
  account: Account;
  inbox: Mailbox;
  cleanup(): Promise<void>;
}

/** A real store in a fresh temp folder, with one account and its Inbox. */
export async function createTestStore(ports?: EmbeddedPorts): Promise<TestStore> {
  const opened = await openTempStore(ports);
  const { store } = opened;
  await store.createDomain('example.test');
  const account = await store.createAccount({
    email: 'Alice@Example.test',
    displayName: 'Alice',
    passwordHash: 'hash',
  });
  const inbox = await store.createMailbox(account.id, { name: 'Inbox', role: 'inbox' });
  // cleanup closes whichever store the test left in `store` (a reopen test swaps it).
  const testStore: TestStore = {
    store,
    dataDir: opened.dataDir,
    account,
    inbox,
    async cleanup() {
      await testStore.store.close();
      rmSync(opened.dataDir, { recursive: true, force: true });
    },
  };
  return testStore;
}

/**
 * A database in `dir` migrated only up to (not including) `version`, with one domain (D1), account
 * (A1), Inbox (M1) and thread (T1): mail written by an older Colibri, for backfill tests.
 */
export function openOldDatabase(dir: string, version: number): Database.Database {
  const db = new Database(path.join(dir, 'old.sqlite'));
  migrate(
    db,
    migrations.filter((m) => m.version < version),
  );
  db.exec(`
    INSERT INTO domains VALUES ('D1', 'example.test', 0);
    INSERT INTO accounts VALUES ('A1', 'D1', 'a@example.test', 'A', 'h', 0);
    INSERT INTO mailboxes VALUES ('M1', 'A1', 'Inbox', NULL, 'inbox', 0, 1);
    INSERT INTO threads (id, account_id, base_subject) VALUES ('T1', 'A1', 'hello');
  `);
  return db;
}
