import { describe, expect, it } from 'vitest';
import type { AccountId, StateChange } from '@colibri/mail-store';
import { withQuotaStates, type PushedStateChange } from './quota-push.js';

const A = 'A1' as AccountId;

/** A store whose state feed the test drives, with a usage the test sets. */
function fakeStore() {
  let emit: (change: StateChange) => void = () => undefined;
  const usage = { usedEmails: 1, usedBytes: 100 };
  let failing = false;
  return {
    usage,
    fail: () => (failing = true),
    emit: (change: StateChange) => emit(change),
    subscribeStateChanges(listener: (change: StateChange) => void) {
      emit = listener;
      return () => (emit = () => undefined);
    },
    async getQuota() {
      if (failing) throw new Error('disk');
      return { ...usage, maxEmails: 10, maxBytes: 1000 };
    },
  };
}

async function heard(
  feed: ReturnType<typeof withQuotaStates>,
  run: () => void,
): Promise<PushedStateChange[]> {
  const out: PushedStateChange[] = [];
  const stop = feed.subscribeStateChanges((change) => out.push(change));
  run();
  await new Promise((resolve) => setTimeout(resolve, 10));
  stop();
  return out;
}

describe('withQuotaStates (RFC 9425 §4, RFC 8620 §7.1)', () => {
  it('adds the Quota state to an Email change when the usage moved, and only then', async () => {
    const store = fakeStore();
    const feed = withQuotaStates(store);
    const changes = await heard(feed, () => {
      store.emit({ accountId: A, changed: { Email: '1' } });
      store.usage.usedEmails = 2;
      store.emit({ accountId: A, changed: { Email: '2', Mailbox: '5' } });
    });
    // Reads happen in order, after both emits: the usage read is the latest for both changes.
    expect(changes.map((c) => c.changed)).toEqual([
      { Email: '1', Quota: 'c2-10.o100-1000' },
      { Email: '2', Mailbox: '5' },
    ]);
  });

  it('passes other changes through untouched and keeps their order', async () => {
    const store = fakeStore();
    const changes = await heard(withQuotaStates(store), () => {
      store.emit({ accountId: A, changed: { Mailbox: '1' } });
      store.emit({ accountId: A, changed: { Email: '3' } });
      store.emit({ accountId: A, changed: { Identity: '2' } });
    });
    expect(changes.map((c) => Object.keys(c.changed))).toEqual([
      ['Mailbox'],
      ['Email', 'Quota'],
      ['Identity'],
    ]);
  });

  it('a failed quota read still delivers the change itself', async () => {
    const store = fakeStore();
    store.fail();
    const changes = await heard(withQuotaStates(store), () =>
      store.emit({ accountId: A, changed: { Email: '9' } }),
    );
    expect(changes.map((c) => c.changed)).toEqual([{ Email: '9' }]);
  });
});
