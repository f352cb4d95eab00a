import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openMailStore } from '../src/index.js';
import type { Account, Mailbox, MailStore } from '../src/index.js';

export { rawMessage as message } from '../src/testing/fixture.js';

/** A real, empty store in a fresh temp folder, removed again by `cleanup`. */
export async function openTempStore(): Promise<{
  store: MailStore;
  dataDir: string;
  cleanup(): Promise<void>;
}> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'colibri-store-test-'));
  const store = await openMailStore({ dataDir });
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
export async function createTestStore(): Promise<TestStore> {
  const opened = await openTempStore();
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
