import { describe, expect, it } from 'vitest';
import type { StateChange } from '../model.js';
import { useFixture, type MailStoreFactory } from './fixture.js';

/** Resolves with the next published change for the account (or fails after `ms`). */
function nextChange(
  subscribe: (l: (c: StateChange) => void) => () => void,
  accountId: string,
  ms = 3000,
): Promise<StateChange> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error('no state change published'));
    }, ms);
    const stop = subscribe((change) => {
      if (change.accountId !== accountId) return;
      clearTimeout(timer);
      stop();
      resolve(change);
    });
  });
}

export function describeStateChanges(factory: MailStoreFactory): void {
  describe('state change feed (pub/sub port, for RFC 8620 §7 push)', () => {
    const f = useFixture(factory);

    it('publishes the new states of the types a write moved, for that account only', async () => {
      const { store, account, importMail, addAccount } = f();
      const bob = await addAccount('bob');
      const others: StateChange[] = [];
      const stopOthers = store.subscribeStateChanges((c) => {
        if (c.accountId === bob.account.id) others.push(c);
      });
      const published = nextChange((l) => store.subscribeStateChanges(l), account.id);
      await importMail({ Subject: 'news' });
      const change = await published;
      expect(change.changed).toEqual({
        Email: await store.getState(account.id, 'Email'),
        Mailbox: await store.getState(account.id, 'Mailbox'),
        Thread: await store.getState(account.id, 'Thread'),
      });
      expect(others).toEqual([]);
      stopOthers();
    });

    it('stops calling a listener once it unsubscribed', async () => {
      const { store, importMail } = f();
      const seen: StateChange[] = [];
      const stop = store.subscribeStateChanges((c) => seen.push(c));
      stop();
      await importMail({ Subject: 'unheard' });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(seen).toEqual([]);
    });
  });
}
