import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openMailStore } from '../src/index.js';
import type { Account, Mailbox, MailStore } from '../src/index.js';

export interface TestStore {
  store: MailStore;
  dataDir: string;
  account: Account;
  inbox: Mailbox;
  cleanup(): Promise<void>;
}

/** A real store in a fresh temp folder, with one account and its Inbox. */
export async function createTestStore(): Promise<TestStore> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'colibri-store-test-'));
  const store = await openMailStore({ dataDir });
  await store.createDomain('example.test');
  const account = await store.createAccount({
    email: 'Alice@Example.test',
    displayName: 'Alice',
    passwordHash: 'hash',
  });
  const inbox = await store.createMailbox(account.id, { name: 'Inbox', role: 'inbox' });
  return {
    store,
    dataDir,
    account,
    inbox,
    async cleanup() {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Builds a raw RFC 5322 message with CRLF line endings. */
export function message(headers: Record<string, string>, body: string): Uint8Array {
  const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}`);
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n\r\n${body.replace(/\r?\n/g, '\r\n')}`);
}
