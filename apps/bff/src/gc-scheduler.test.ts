import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AccountId, MailStore } from '@colibri/mail-store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStores } from './config/open-stores.js';
import { startGcScheduler } from './gc-scheduler.js';
import { createLogger } from './logger.js';

let dir: string;
let store: MailStore;
let accountId: AccountId;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'colibri-gc-'));
  // Uploads expire after 50 ms here, so that a run of the scheduler has something to collect.
  store = (await openStores({ dataDir: dir, uploadTtlMs: 50 })).mail;
  await store.createDomain('example.test');
  accountId = (await store.createAccount({ email: 'a@example.test', displayName: 'A', passwordHash: 'h' }))
    .id;
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const log = createLogger('silent');
const upload = (text: string) =>
  store.createUpload(
    accountId,
    (async function* () {
      yield new TextEncoder().encode(text);
    })(),
    'text/plain',
  );

describe('garbage collection scheduler (real SQLite store in a temp folder)', () => {
  it('collects on its own: an expired upload is no longer readable after a run', async () => {
    const { blobId } = await upload('soon gone');
    expect(await store.readBlob(accountId, blobId)).not.toBeNull();
    await new Promise((r) => setTimeout(r, 60));
    const scheduler = startGcScheduler(store, { log, continueDelayMs: 10, intervalMs: 10 });
    try {
      const started = Date.now();
      while ((await store.readBlob(accountId, blobId)) !== null && Date.now() - started < 5_000)
        await new Promise((r) => setTimeout(r, 20));
      expect(await store.readBlob(accountId, blobId)).toBeNull();
    } finally {
      await scheduler.close();
    }
  });

  it('runs nothing after close', async () => {
    const scheduler = startGcScheduler(store, { log, continueDelayMs: 100, intervalMs: 100 });
    await scheduler.close();
    const { blobId } = await upload('kept');
    await new Promise((r) => setTimeout(r, 250));
    expect(await store.readBlob(accountId, blobId)).not.toBeNull();
  });
});
