import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMailStore, stateFeedPollMs, type MailStore, type StateChange } from '../src/index.js';
import { createTestStore, message, type TestStore } from './helpers.js';

// Another connection to the same SQLite file stands for another process (the CLI importing while
// the server runs): its commits reach this store's listeners through PRAGMA data_version.
describe('state change feed across connections (SQLite)', () => {
  let t: TestStore;
  let other: MailStore;
  beforeEach(async () => {
    t = await createTestStore();
    other = await openMailStore({ dataDir: t.dataDir });
  });
  afterEach(async () => {
    await other.close();
    await t.cleanup();
  });

  it('publishes a change committed by another connection within a few poll intervals', async () => {
    const changes: StateChange[] = [];
    const stop = t.store.subscribeStateChanges((c) => changes.push(c));
    const started = Date.now();
    await other.importMessage(t.account.id, {
      raw: message({ Subject: 'from the CLI' }, 'hi'),
      mailboxIds: [t.inbox.id],
    });
    while (changes.length === 0 && Date.now() - started < stateFeedPollMs * 10)
      await new Promise((resolve) => setTimeout(resolve, stateFeedPollMs / 4));
    stop();
    expect(changes).toEqual([
      {
        accountId: t.account.id,
        changed: {
          Email: await t.store.getState(t.account.id, 'Email'),
          Mailbox: await t.store.getState(t.account.id, 'Mailbox'),
          Thread: await t.store.getState(t.account.id, 'Thread'),
        },
      },
    ]);
  });
});
