import type { AccountId, ChangeType, State, StateChange } from '../model.js';
import type { Db } from './open-database.js';

/** How often the feed looks for commits made by other connections (other processes). */
export const stateFeedPollMs = 200;

export interface StateFeed {
  subscribe(listener: (change: StateChange) => void): () => void;
  /** Something may have been written through this connection: look now (coalesced). */
  nudge(): void;
  close(): void;
}

type Snapshot = Map<string, number>;

/**
 * The pub/sub port of the embedded store: state changes per account and type, read from the
 * `states` table that every write advances in its own transaction. Writes through this connection
 * nudge the feed; commits by other connections (the CLI importing, another process) are noticed
 * through `PRAGMA data_version`, polled only while someone listens. So every committed change is
 * published once its transaction is durable, whoever made it.
 */
export function createStateFeed(db: Db, pollMs = stateFeedPollMs): StateFeed {
  const listeners = new Set<(change: StateChange) => void>();
  let snapshot: Snapshot | null = null;
  let dataVersion = -1;
  let timer: NodeJS.Timeout | null = null;
  let scheduled = false;
  let closed = false;

  const read = (): Snapshot =>
    new Map(
      (
        db.prepare('SELECT account_id, type, seq FROM states').all() as {
          account_id: string;
          type: string;
          seq: number;
        }[]
      ).map((r) => [`${r.account_id}\u0000${r.type}`, r.seq]),
    );

  // Rows this connection changed so far (SQLite total_changes()): a nudge after a read (most store
  // calls) then costs one cheap query instead of a scan of the states table.
  const ownChanges = () => (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  let changesSeen = -1;

  // A prepared statement: `db.pragma` compiles its SQL on every call, and every store call nudges.
  const dataVersionOf = () =>
    (db.prepare('PRAGMA data_version').get() as { data_version: number }).data_version;

  const check = () => {
    scheduled = false;
    if (closed || listeners.size === 0 || snapshot === null) return;
    const version = dataVersionOf();
    const changes = ownChanges();
    if (version === dataVersion && changes === changesSeen) return;
    dataVersion = version;
    changesSeen = changes;
    const next = read();
    const byAccount = new Map<AccountId, Partial<Record<ChangeType, State>>>();
    for (const [key, seq] of next) {
      if (snapshot.get(key) === seq) continue;
      const [accountId, type] = key.split('\u0000') as [AccountId, ChangeType];
      const states = byAccount.get(accountId) ?? {};
      states[type] = String(seq);
      byAccount.set(accountId, states);
    }
    snapshot = next;
    for (const [accountId, changed] of byAccount)
      for (const listener of listeners) listener({ accountId, changed });
  };

  const poll = () => {
    if (closed) return;
    // data_version moves when another connection commits; our own writes nudge instead.
    if (dataVersionOf() !== dataVersion) check();
  };

  return {
    subscribe(listener) {
      if (closed) throw new Error('The store is closed');
      if (listeners.size === 0) {
        snapshot = read();
        dataVersion = dataVersionOf();
        changesSeen = ownChanges();
        timer = setInterval(poll, pollMs);
        timer.unref();
      }
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer) {
          clearInterval(timer);
          timer = null;
          snapshot = null;
        }
      };
    },
    nudge() {
      if (scheduled || listeners.size === 0) return;
      scheduled = true;
      setImmediate(check);
    },
    close() {
      closed = true;
      if (timer) clearInterval(timer);
      listeners.clear();
    },
  };
}
