import { randomBytes } from 'node:crypto';
import { InvalidInputError, NotFoundError } from '../errors.js';
import type { AccountId } from '../model.js';
import type { Db } from './open-database.js';

/**
 * RFC 8620 §7.2: a push subscription belongs to the principal (here, its own account id), not to
 * an account, so it has no state and no change log. `verificationCode` is the code the server
 * sent to `url`; `verified` becomes true once the client has set that code back.
 */
export interface PushSubscription {
  id: string;
  ownerId: AccountId;
  deviceClientId: string;
  url: string;
  /** RFC 8291 keys (base64url), or null for unencrypted pushes. */
  keys: { p256dh: string; auth: string } | null;
  verificationCode: string;
  verified: boolean;
  expires: Date | null;
  /** null: all types. */
  types: string[] | null;
}

export type PushSubscriptionInput = Omit<PushSubscription, 'id' | 'ownerId' | 'verified'>;
export type PushSubscriptionPatch = Partial<Pick<PushSubscription, 'verified' | 'expires' | 'types'>>;

export const pushSubscriptionLimits = {
  /** Subscriptions per principal; one more is overQuota. */
  maxPerOwner: 20,
  maxUrlChars: 2048,
  maxDeviceClientIdChars: 255,
};

interface Row {
  id: string;
  owner_id: string;
  device_client_id: string;
  url: string;
  keys_p256dh: string | null;
  keys_auth: string | null;
  verification_code: string;
  verified: number;
  expires: number | null;
  types: string | null;
}

function fromRow(r: Row): PushSubscription {
  return {
    id: r.id,
    ownerId: r.owner_id as AccountId,
    deviceClientId: r.device_client_id,
    url: r.url,
    keys:
      r.keys_p256dh !== null && r.keys_auth !== null ? { p256dh: r.keys_p256dh, auth: r.keys_auth } : null,
    verificationCode: r.verification_code,
    verified: r.verified === 1,
    expires: r.expires === null ? null : new Date(r.expires),
    types: r.types === null ? null : (JSON.parse(r.types) as string[]),
  };
}

export function listPushSubscriptions(db: Db, ownerId: AccountId): PushSubscription[] {
  return (
    db.prepare('SELECT * FROM push_subscriptions WHERE owner_id = ? ORDER BY id').all(ownerId) as Row[]
  ).map(fromRow);
}

export function createPushSubscription(
  db: Db,
  ownerId: AccountId,
  input: PushSubscriptionInput,
): PushSubscription {
  if (!db.prepare('SELECT 1 FROM accounts WHERE id = ?').get(ownerId))
    throw new NotFoundError(`Account ${ownerId}`);
  const { maxPerOwner, maxUrlChars, maxDeviceClientIdChars } = pushSubscriptionLimits;
  if (input.url.length > maxUrlChars)
    throw new InvalidInputError(`url is longer than ${maxUrlChars} characters`);
  if (input.deviceClientId.length === 0 || input.deviceClientId.length > maxDeviceClientIdChars)
    throw new InvalidInputError(`deviceClientId must have 1 to ${maxDeviceClientIdChars} characters`);
  const id = `P${randomBytes(12).toString('base64url')}`;
  // IMMEDIATE: it reads, then writes. A deferred transaction would fail at once with SQLITE_BUSY
  // (no busy wait) when another connection, e.g. the CLI, wrote since the read began.
  return db
    .transaction(() => {
      const count = db
        .prepare('SELECT count(*) FROM push_subscriptions WHERE owner_id = ?')
        .pluck()
        .get(ownerId);
      if ((count as number) >= maxPerOwner)
        throw new InvalidInputError(`At most ${maxPerOwner} push subscriptions`);
      db.prepare(
        `INSERT INTO push_subscriptions
         (id, owner_id, device_client_id, url, keys_p256dh, keys_auth, verification_code, verified, expires, types)
       VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
      ).run(
        id,
        ownerId,
        input.deviceClientId,
        input.url,
        input.keys?.p256dh ?? null,
        input.keys?.auth ?? null,
        input.verificationCode,
        input.expires?.getTime() ?? null,
        input.types === null ? null : JSON.stringify(input.types),
      );
      return fromRow(db.prepare('SELECT * FROM push_subscriptions WHERE id = ?').get(id) as Row);
    })
    .immediate();
}

export function updatePushSubscription(
  db: Db,
  ownerId: AccountId,
  id: string,
  patch: PushSubscriptionPatch,
): PushSubscription {
  // IMMEDIATE, as in createPushSubscription: read, then write.
  return db
    .transaction(() => {
      const row = db
        .prepare('SELECT * FROM push_subscriptions WHERE id = ? AND owner_id = ?')
        .get(id, ownerId) as Row | undefined;
      if (!row) throw new NotFoundError(`Push subscription ${id}`);
      const next = { ...fromRow(row), ...patch };
      db.prepare('UPDATE push_subscriptions SET verified = ?, expires = ?, types = ? WHERE id = ?').run(
        next.verified ? 1 : 0,
        next.expires?.getTime() ?? null,
        next.types === null ? null : JSON.stringify(next.types),
        id,
      );
      return next;
    })
    .immediate();
}

export function destroyPushSubscription(db: Db, ownerId: AccountId, id: string): void {
  const result = db.prepare('DELETE FROM push_subscriptions WHERE id = ? AND owner_id = ?').run(id, ownerId);
  if (result.changes === 0) throw new NotFoundError(`Push subscription ${id}`);
}

/** Migration 24: the table. */
export const pushSubscriptionsMigration = {
  version: 24,
  name: 'push subscriptions',
  sql: `
    -- RFC 8620 §7.2: push subscriptions of a principal (its account), deleted with it.
    CREATE TABLE push_subscriptions (
      id TEXT PRIMARY KEY,
      owner_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      device_client_id TEXT NOT NULL,
      url TEXT NOT NULL,
      keys_p256dh TEXT,
      keys_auth TEXT,
      verification_code TEXT NOT NULL,
      verified INTEGER NOT NULL DEFAULT 0,
      expires INTEGER,
      types TEXT
    ) STRICT;
    CREATE INDEX push_subscriptions_owner ON push_subscriptions(owner_id);
  `,
};
