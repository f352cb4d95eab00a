import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AccountId, EmailId, MailStore } from '@colibri/mail-store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStores } from './config/open-stores.js';
import { createLogger } from './logger.js';
import { startSnoozeScheduler } from './snooze-scheduler.js';

let dir: string;
let store: MailStore;
let accountId: AccountId;
let emailId: EmailId;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'colibri-snooze-'));
  store = (await openStores({ dataDir: dir })).mail;
  await store.createDomain('example.test');
  accountId = (await store.createAccount({ email: 'a@example.test', displayName: 'A', passwordHash: 'h' }))
    .id;
  const inbox = await store.createMailbox(accountId, { name: 'Inbox', role: 'inbox' });
  const raw = new TextEncoder().encode('Subject: later\r\n\r\nx\r\n');
  emailId = (await store.importMessage(accountId, { raw, mailboxIds: [inbox.id] })).id;
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const log = createLogger('silent');
const until = async (check: () => Promise<boolean>, limitMs = 5_000) => {
  const started = Date.now();
  while (!(await check()) && Date.now() - started < limitMs) await new Promise((r) => setTimeout(r, 20));
};

describe('snooze scheduler (real SQLite store in a temp folder)', () => {
  it('wakes a snooze at its due time', async () => {
    await store.snoozeEmail(accountId, emailId, new Date(Date.now() + 150));
    const scheduler = startSnoozeScheduler(store, { log });
    try {
      await until(async () => (await store.listSnoozed(accountId)).length === 0);
      expect(await store.listSnoozed(accountId)).toEqual([]);
    } finally {
      await scheduler.close();
    }
  });

  it('sees a snooze set after it went to sleep within the capped interval', async () => {
    const scheduler = startSnoozeScheduler(store, { log, maxIntervalMs: 200 });
    try {
      await new Promise((r) => setTimeout(r, 50));
      await store.snoozeEmail(accountId, emailId, new Date(Date.now() + 10));
      await until(async () => (await store.listSnoozed(accountId)).length === 0);
      expect(await store.listSnoozed(accountId)).toEqual([]);
    } finally {
      await scheduler.close();
    }
  });

  it('wakes nothing after close', async () => {
    const scheduler = startSnoozeScheduler(store, { log, maxIntervalMs: 50 });
    await scheduler.close();
    await scheduler.close();
    await store.snoozeEmail(accountId, emailId, new Date(Date.now() + 10));
    await new Promise((r) => setTimeout(r, 200));
    expect(await store.listSnoozed(accountId)).toHaveLength(1);
  });
});
