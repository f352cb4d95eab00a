import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMailStore } from '../src/index.js';
import { createTestStore, message, type TestStore } from './helpers.js';

// Backend-neutral behaviour lives in the conformance suite (src/testing/); this is SQLite's own.
let t: TestStore;
beforeEach(async () => {
  t = await createTestStore();
});
afterEach(async () => t.cleanup());

describe('durability', () => {
  it('reopens an existing data folder without re-running migrations or losing data', async () => {
    await t.store.importMessage(t.account.id, {
      raw: message({ Subject: 'kept' }, 'kept'),
      mailboxIds: [t.inbox.id],
    });
    await t.store.setMeta('demo', 'seeded');
    await t.store.close();
    const reopened = await openMailStore({ dataDir: t.dataDir });
    try {
      expect(await reopened.getMeta('demo')).toBe('seeded');
      const account = await reopened.findAccountByEmail('alice@example.test');
      expect(account?.id).toBe(t.account.id);
      expect((await reopened.queryEmails(t.account.id, {})).total).toBe(1);
    } finally {
      await reopened.close();
    }
    t.store = await openMailStore({ dataDir: t.dataDir });
  });
});
