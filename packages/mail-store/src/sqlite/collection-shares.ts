import { InvalidInputError, NotFoundError } from '../errors.js';
import {
  ADDRESS_BOOK_RIGHT_NAMES,
  CALENDAR_RIGHT_NAMES,
  type AccountId,
  type CollectionRights,
  type CollectionShare,
  type SharedCollectionKind,
} from '../model.js';
import { sqliteChangeLog as changeLog } from './change-log.js';
import type { Migration } from './migrations.js';
import type { Db } from './open-database.js';
import { notifyShareChanges, type ShareChange } from './share-notifications.js';

/** How many principals one calendar or address book may be shared with. */
export const collectionShareLimits = { maxGranteesPerCollection: 256 };

/** Per kind: its table of shares, the collections' table, the change type, the rights' bit order. */
const KINDS = {
  calendar: { shares: 'calendar_shares', owner: 'calendars', type: 'Calendar', names: CALENDAR_RIGHT_NAMES },
  addressBook: {
    shares: 'address_book_shares',
    owner: 'address_books',
    type: 'AddressBook',
    names: ADDRESS_BOOK_RIGHT_NAMES,
  },
} as const;

interface ShareRow {
  account_id: string;
  collection_id: string;
  grantee_id: string;
  rights: number;
}

function toMask(kind: SharedCollectionKind, rights: Readonly<Record<string, boolean>>): number {
  const names: readonly string[] = KINDS[kind].names;
  return names.reduce((mask, name, bit) => (rights[name] === true ? mask | (1 << bit) : mask), 0);
}

function toRights<K extends SharedCollectionKind>(kind: K, mask: number): CollectionRights<K> {
  const names: readonly string[] = KINDS[kind].names;
  return Object.fromEntries(
    names.map((name, bit) => [name, (mask & (1 << bit)) !== 0]),
  ) as CollectionRights<K>;
}

function toShare<K extends SharedCollectionKind>(kind: K, r: ShareRow): CollectionShare<K> {
  return {
    kind,
    accountId: r.account_id as AccountId,
    collectionId: r.collection_id,
    granteeId: r.grantee_id as AccountId,
    rights: toRights(kind, r.rights),
  };
}

/** Every share of the account's collections of one kind (what their `shareWith` shows). */
export function listCollectionShares<K extends SharedCollectionKind>(
  db: Db,
  accountId: AccountId,
  kind: K,
): CollectionShare<K>[] {
  const rows = db
    .prepare(`SELECT * FROM ${KINDS[kind].shares} WHERE account_id = ? ORDER BY collection_id, grantee_id`)
    .all(accountId) as ShareRow[];
  return rows.map((r) => toShare(kind, r));
}

/** Every calendar and address book shared with `granteeId`, in any account. */
export function listCollectionSharesWith(db: Db, granteeId: AccountId): CollectionShare[] {
  return (Object.keys(KINDS) as SharedCollectionKind[]).flatMap((kind) =>
    (
      db
        .prepare(
          `SELECT * FROM ${KINDS[kind].shares} WHERE grantee_id = ? ORDER BY account_id, collection_id`,
        )
        .all(granteeId) as ShareRow[]
    ).map((r): CollectionShare => toShare(kind, r)),
  );
}

/** A collection's rights mask as named rights, for its ShareNotifications. */
export function collectionMaskToRights(
  objectType: 'Calendar' | 'AddressBook',
  mask: number,
): CollectionRights<SharedCollectionKind> {
  return toRights(objectType === 'Calendar' ? 'calendar' : 'addressBook', mask);
}

/**
 * Replaces who a calendar or address book is shared with, in one transaction (RFC 9670 §4). A
 * grantee whose rights are all false is dropped; the owner cannot be a grantee; every grantee must
 * be an account of the store. The collection's state moves only if something changed; then each
 * grantee whose rights changed, but `changedBy`, gets a ShareNotification (RFC 9670 §5).
 */
export function setCollectionShares(
  db: Db,
  accountId: AccountId,
  kind: SharedCollectionKind,
  collectionId: string,
  shares: ReadonlyMap<AccountId, Readonly<Record<string, boolean>>>,
  changedBy: AccountId | null = null,
): void {
  const { shares: table, owner, type } = KINDS[kind];
  db.transaction(() => {
    const name = db
      .prepare(`SELECT name FROM ${owner} WHERE id = ? AND account_id = ?`)
      .pluck()
      .get(collectionId, accountId) as string | undefined;
    if (name === undefined) throw new NotFoundError(`${type} ${collectionId}`);
    const wanted = new Map(
      [...shares].map(([id, rights]) => [id, toMask(kind, rights)] as const).filter(([, mask]) => mask !== 0),
    );
    if (wanted.size > collectionShareLimits.maxGranteesPerCollection)
      throw new InvalidInputError(
        `A ${kind} can be shared with at most ${collectionShareLimits.maxGranteesPerCollection} principals`,
      );
    for (const granteeId of wanted.keys()) {
      if (granteeId === accountId)
        throw new InvalidInputError(`The owner of a ${kind} cannot be among its sharees`);
      if (!db.prepare('SELECT 1 FROM accounts WHERE id = ?').get(granteeId))
        throw new InvalidInputError(`No principal ${granteeId}`);
    }
    const current = new Map(
      (
        db.prepare(`SELECT grantee_id, rights FROM ${table} WHERE collection_id = ?`).all(collectionId) as {
          grantee_id: string;
          rights: number;
        }[]
      ).map((r) => [r.grantee_id, r.rights]),
    );
    const notices: ShareChange[] = [];
    const notice = (granteeId: string, oldRights: number | null, newRights: number | null) =>
      notices.push({
        granteeId: granteeId as AccountId,
        objectType: type,
        objectAccountId: accountId,
        objectId: collectionId,
        name,
        oldRights,
        newRights,
      });
    for (const [granteeId, mask] of current) {
      if (wanted.has(granteeId as AccountId)) continue;
      db.prepare(`DELETE FROM ${table} WHERE collection_id = ? AND grantee_id = ?`).run(
        collectionId,
        granteeId,
      );
      notice(granteeId, mask, null);
    }
    for (const [granteeId, mask] of wanted) {
      const before = current.get(granteeId);
      if (before === mask) continue;
      db.prepare(
        `INSERT INTO ${table} (account_id, collection_id, grantee_id, rights) VALUES (?, ?, ?, ?)
         ON CONFLICT (collection_id, grantee_id) DO UPDATE SET rights = excluded.rights`,
      ).run(accountId, collectionId, granteeId, mask);
      notice(granteeId, before ?? null, mask);
    }
    if (notices.length === 0) return;
    changeLog.record(db, accountId, type, [[collectionId, 'updated']]);
    // RFC 9670 §5: not for a sharee (with mayShare/mayAdmin) who changed their own rights.
    notifyShareChanges(
      db,
      changedBy,
      notices.filter((n) => n.granteeId !== changedBy),
    );
  }).immediate();
}

/**
 * Migration 40: who else may use a calendar or an address book (RFC 9670), with which rights (a
 * bit mask in the order of CALENDAR_RIGHT_NAMES / ADDRESS_BOOK_RIGHT_NAMES). Destroying the
 * collection or either account drops the share.
 * Part of a released migration once merged: never change it, add one.
 */
export const collectionSharesMigration: Migration = {
  version: 40,
  name: 'calendar and address book shares',
  sql: `
    CREATE TABLE calendar_shares (
      account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      collection_id TEXT NOT NULL REFERENCES calendars(id) ON DELETE CASCADE,
      grantee_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      rights INTEGER NOT NULL,
      PRIMARY KEY (collection_id, grantee_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX calendar_shares_grantee ON calendar_shares(grantee_id, account_id);
    CREATE INDEX calendar_shares_account ON calendar_shares(account_id);
    CREATE TABLE address_book_shares (
      account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      collection_id TEXT NOT NULL REFERENCES address_books(id) ON DELETE CASCADE,
      grantee_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      rights INTEGER NOT NULL,
      PRIMARY KEY (collection_id, grantee_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX address_book_shares_grantee ON address_book_shares(grantee_id, account_id);
    CREATE INDEX address_book_shares_account ON address_book_shares(account_id);
  `,
};
