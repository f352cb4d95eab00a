import type { PushStateFeed, PushedStateChange } from '@colibri/jmap-server';

/** RFC 8620 §7.1: `changed` of a StateChange object, account id → type name → state. */
export type ChangedStates = Record<string, Record<string, string>>;

/** What a push channel wants to hear about: its principal's accounts and, optionally, some types. */
export interface PushInterest {
  accountIds: ReadonlySet<string>;
  /** null: every type. */
  types: ReadonlySet<string> | null;
  /**
   * The principal's own account. Of the others (shared with them, RFC 9670) only the shared
   * data's types are pushed: the owner's submissions, identities or quota are not the sharee's
   * business. Absent: no account is treated apart.
   */
  ownAccountId?: string;
  /** What each shared account may push (`sharedPushTypes`); an account missing here, mail only. */
  sharedTypes?: ReadonlyMap<string, ReadonlySet<string>>;
}

/** The types a sharee may follow in an account whose mailboxes are shared with them. */
export const SHARED_PUSH_TYPES: ReadonlySet<string> = new Set(['Mailbox', 'Email', 'Thread']);

/**
 * The types a sharee may follow in an account shared with them, by what is shared there
 * (RFC 9670): mailboxes and their mail, calendars and their events, address books and their cards.
 * Nothing else of the owner's, not even that their mail changed when only a calendar is shared.
 */
export function sharedPushTypes(shared: {
  mail: boolean;
  calendars: boolean;
  contacts: boolean;
}): Set<string> {
  return new Set([
    ...(shared.mail ? SHARED_PUSH_TYPES : []),
    ...(shared.calendars ? ['Calendar', 'CalendarEvent'] : []),
    ...(shared.contacts ? ['AddressBook', 'ContactCard'] : []),
  ]);
}

/** A burst of writes gives at most one push per channel in this window, carrying the latest states. */
export const PUSH_COALESCE_MS = 100;

/**
 * Subscribes to the store's state feed for one push channel: keeps only the interesting accounts
 * and types (read at each change, so a WebSocket may change them) and hands over the latest
 * states. A change after a quiet window is pushed at once (a client waiting for it should not wait
 * for a timer); those that follow within PUSH_COALESCE_MS of a push are merged into one push at the
 * window's end. Returns the unsubscribe function, which also drops a pending push.
 */
export function subscribePush(
  store: PushStateFeed,
  interest: () => PushInterest,
  deliver: (changed: ChangedStates) => void,
  coalesceMs = PUSH_COALESCE_MS,
): () => void {
  let pending: ChangedStates | null = null;
  let timer: NodeJS.Timeout | null = null;
  let lastPush = Number.NEGATIVE_INFINITY;
  const flush = () => {
    timer = null;
    const changed = pending;
    pending = null;
    if (!changed) return;
    lastPush = Date.now();
    deliver(changed);
  };
  const unsubscribe = store.subscribeStateChanges((change: PushedStateChange) => {
    const { accountIds, types, ownAccountId, sharedTypes } = interest();
    if (!accountIds.has(change.accountId)) return;
    const shared = ownAccountId !== undefined && change.accountId !== ownAccountId;
    const allowed = shared ? (sharedTypes?.get(change.accountId) ?? SHARED_PUSH_TYPES) : null;
    const kept = keptStates(change, types, allowed);
    if (kept === null) return;
    pending ??= {};
    pending[change.accountId] = { ...pending[change.accountId], ...kept };
    if (timer) return;
    const wait = lastPush + coalesceMs - Date.now();
    if (wait <= 0) flush();
    else timer = setTimeout(flush, wait);
  });
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
    timer = null;
    pending = null;
  };
}

/** The states of a change whose type the channel wants (`types` null: every type); null if none. */
export function keptStates(
  change: PushedStateChange,
  types: ReadonlySet<string> | null,
  allowed: ReadonlySet<string> | null = null,
): Record<string, string> | null {
  const kept = Object.entries(change.changed).filter(
    (entry): entry is [string, string] =>
      entry[1] !== undefined &&
      (types === null || types.has(entry[0])) &&
      (allowed === null || allowed.has(entry[0])),
  );
  return kept.length === 0 ? null : Object.fromEntries(kept);
}

/** RFC 8620 §7.1: the StateChange object pushed to clients. */
export function stateChangeObject(changed: ChangedStates): {
  '@type': 'StateChange';
  changed: ChangedStates;
} {
  return { '@type': 'StateChange', changed };
}

/**
 * Counts open push connections per principal against an explicit ceiling. `acquire` returns the
 * release function, or null when the principal already has `max` connections open.
 */
export class ConnectionLimiter {
  private readonly open = new Map<string, number>();
  constructor(readonly max: number) {}

  acquire(key: string): (() => void) | null {
    const count = this.open.get(key) ?? 0;
    if (count >= this.max) return null;
    this.open.set(key, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(key) ?? 1) - 1;
      if (left === 0) this.open.delete(key);
      else this.open.set(key, left);
    };
  }

  /** Open connections of this principal (for tests and metrics). */
  count(key: string): number {
    return this.open.get(key) ?? 0;
  }
}

/** The store's state feed as the push channels use it, counting live listeners (leak checks). */
export interface PushFeed extends PushStateFeed {
  listenerCount(): number;
  /** Registers how to end one open push connection at shutdown; returns the unregistering function. */
  onShutdown(close: () => void): () => void;
  /** Ends every open push connection (server shutdown: they would hold the HTTP server open). */
  shutdown(): void;
}

export function countingFeed(store: PushStateFeed): PushFeed {
  let listeners = 0;
  const closers = new Set<() => void>();
  return {
    subscribeStateChanges(listener) {
      const stop = store.subscribeStateChanges(listener);
      listeners += 1;
      let stopped = false;
      return () => {
        if (stopped) return;
        stopped = true;
        listeners -= 1;
        stop();
      };
    },
    listenerCount: () => listeners,
    onShutdown(close) {
      closers.add(close);
      return () => closers.delete(close);
    },
    shutdown() {
      for (const close of [...closers]) close();
      closers.clear();
    },
  };
}
