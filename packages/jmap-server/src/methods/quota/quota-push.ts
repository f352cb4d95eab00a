import type { AccountId, MailStore, StateChange } from '@colibri/mail-store';
import { currentQuotas, quotaState } from './quotas.js';

/** RFC 8620 §7.1: a StateChange of one account as pushed, data type name → state. */
export interface PushedStateChange {
  accountId: AccountId;
  changed: Readonly<Record<string, string | undefined>>;
}

/** What push channels subscribe to: the store's state changes as JMAP names them. */
export interface PushStateFeed {
  subscribeStateChanges(listener: (change: PushedStateChange) => void): () => void;
}

/**
 * The store's state changes with the Quota state (RFC 9425 §4) added when an account's usage
 * moved. Quota keeps no change log (its state is the snapshot itself, `quotas.ts`), and usage only
 * moves when emails are created or destroyed, which moves the Email state: so each Email change
 * reads that account's quota once, for every channel, and carries `Quota` when the snapshot differs
 * from the one last pushed. Changes keep their order. A limit changed by an administrator (the CLI)
 * goes out with the account's next Email change.
 */
export function withQuotaStates(store: Pick<MailStore, 'subscribeStateChanges' | 'getQuota'>): PushStateFeed {
  const listeners = new Set<(change: PushedStateChange) => void>();
  const lastPushed = new Map<AccountId, string>();
  let stopStore: (() => void) | null = null;
  let queue: Promise<void> = Promise.resolve();

  const withQuota = async (change: StateChange): Promise<PushedStateChange> => {
    if (change.changed.Email === undefined) return change;
    const state = quotaState(await currentQuotas(store, change.accountId));
    if (lastPushed.get(change.accountId) === state) return change;
    lastPushed.set(change.accountId, state);
    return { accountId: change.accountId, changed: { ...change.changed, Quota: state } };
  };

  const publish = (change: PushedStateChange) => {
    for (const listener of [...listeners]) listener(change);
  };

  const onChange = (change: StateChange) => {
    // A failed quota read must not hold back the change itself.
    queue = queue.then(() => withQuota(change).then(publish, () => publish(change)));
  };

  return {
    subscribeStateChanges(listener) {
      listeners.add(listener);
      stopStore ??= store.subscribeStateChanges(onChange);
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0 || stopStore === null) return;
        stopStore();
        stopStore = null;
        lastPushed.clear();
      };
    },
  };
}
