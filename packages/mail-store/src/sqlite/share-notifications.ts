import { NotFoundError } from '../errors.js';
import { newId } from '../ids.js';
import type {
  AccountId,
  ShareNotification,
  ShareNotificationId,
  ShareNotificationObjectType,
} from '../model.js';
import { sqliteChangeLog as changeLog } from './change-log.js';
import type { Db } from './open-database.js';

/**
 * Notifications kept per account (RFC 9670 §3.1 lets the server bound them): one more deletes the
 * oldest.
 */
export const shareNotificationLimits = { maxPerAccount: 200 };

interface NotificationRow {
  id: string;
  account_id: string;
  created: number;
  changed_by_name: string;
  changed_by_email: string | null;
  changed_by_principal: string | null;
  object_type: string;
  object_account_id: string;
  object_id: string;
  name: string;
  old_rights: number | null;
  new_rights: number | null;
}

/** What a share change records for one grantee; rights as the bit mask of the object's type. */
export interface ShareChange {
  granteeId: AccountId;
  objectType: ShareNotificationObjectType;
  objectAccountId: AccountId;
  objectId: string;
  name: string;
  oldRights: number | null;
  newRights: number | null;
}

/** Decodes a rights mask of one object type into its named rights. */
export type RightsOf = (
  objectType: ShareNotificationObjectType,
  mask: number,
) => Readonly<Record<string, boolean>>;

function toNotification(r: NotificationRow, rightsOf: RightsOf): ShareNotification {
  const type = r.object_type as ShareNotificationObjectType;
  return {
    id: r.id as ShareNotificationId,
    accountId: r.account_id as AccountId,
    created: new Date(r.created),
    changedBy: { name: r.changed_by_name, email: r.changed_by_email, principalId: r.changed_by_principal },
    objectType: type,
    objectAccountId: r.object_account_id as AccountId,
    objectId: r.object_id,
    name: r.name,
    oldRights: r.old_rights === null ? null : rightsOf(type, r.old_rights),
    newRights: r.new_rights === null ? null : rightsOf(type, r.new_rights),
  };
}

/**
 * RFC 9670 §3: tells each grantee whose rights changed, inside the caller's transaction. The
 * change's author is named from their account (or "the administrator" for a change with none).
 */
export function notifyShareChanges(
  db: Db,
  changedBy: AccountId | null,
  changes: readonly ShareChange[],
): void {
  const author = changedBy
    ? (db.prepare('SELECT display_name, email FROM accounts WHERE id = ?').get(changedBy) as
        { display_name: string; email: string } | undefined)
    : undefined;
  const now = Date.now();
  for (const change of changes) {
    const id = newId('ShareNotification');
    db.prepare(
      `INSERT INTO share_notifications (id, account_id, created, changed_by_name, changed_by_email,
         changed_by_principal, object_type, object_account_id, object_id, name, old_rights, new_rights)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      change.granteeId,
      now,
      author ? author.display_name || author.email : 'Administrator',
      author?.email ?? null,
      author ? changedBy : null,
      change.objectType,
      change.objectAccountId,
      change.objectId,
      change.name,
      change.oldRights,
      change.newRights,
    );
    const entries: [string, 'created' | 'destroyed'][] = [[id, 'created']];
    const overflow = db
      .prepare(
        `SELECT id FROM share_notifications WHERE account_id = ? ORDER BY created DESC, rowid DESC LIMIT -1 OFFSET ?`,
      )
      .pluck()
      .all(change.granteeId, shareNotificationLimits.maxPerAccount) as string[];
    for (const old of overflow) {
      db.prepare('DELETE FROM share_notifications WHERE id = ?').run(old);
      entries.push([old, 'destroyed']);
    }
    changeLog.record(db, change.granteeId, 'ShareNotification', entries);
  }
}

/**
 * RFC 9670 §3.1: a notification about an object the user subscribes to has done its job; the
 * server SHOULD destroy it. Inside the caller's transaction.
 */
export function dismissShareNotificationsAbout(
  db: Db,
  accountId: AccountId,
  objectAccountId: AccountId,
  objectId: string,
): void {
  const ids = db
    .prepare(
      'SELECT id FROM share_notifications WHERE account_id = ? AND object_account_id = ? AND object_id = ?',
    )
    .pluck()
    .all(accountId, objectAccountId, objectId) as string[];
  if (ids.length === 0) return;
  for (const id of ids) db.prepare('DELETE FROM share_notifications WHERE id = ?').run(id);
  changeLog.record(
    db,
    accountId,
    'ShareNotification',
    ids.map((id) => [id, 'destroyed']),
  );
}

export function listShareNotifications(
  db: Db,
  accountId: AccountId,
  rightsOf: RightsOf,
): ShareNotification[] {
  // Ids are random, so rowid (insertion order) breaks ties between notices of the same millisecond.
  return (
    db
      .prepare('SELECT * FROM share_notifications WHERE account_id = ? ORDER BY created, rowid')
      .all(accountId) as NotificationRow[]
  ).map((row) => toNotification(row, rightsOf));
}

/** RFC 9670 §3.3: the user dismisses a notification; NotFoundError for another account's. */
export function destroyShareNotification(db: Db, accountId: AccountId, id: ShareNotificationId): void {
  db.transaction(() => {
    const { changes } = db
      .prepare('DELETE FROM share_notifications WHERE id = ? AND account_id = ?')
      .run(id, accountId);
    if (changes === 0) throw new NotFoundError(`ShareNotification ${id}`);
    changeLog.record(db, accountId, 'ShareNotification', [[id, 'destroyed']]);
  }).immediate();
}

export const shareNotificationsMigration = {
  version: 32,
  name: 'share notifications',
  sql: `
    -- RFC 9670 §3: what a user is told when their rights to someone else's object change. The
    -- author is copied (name, email), so that the notice outlives a renamed or deleted account.
    CREATE TABLE share_notifications (
      id TEXT PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      created INTEGER NOT NULL,
      changed_by_name TEXT NOT NULL,
      changed_by_email TEXT,
      changed_by_principal TEXT,
      object_type TEXT NOT NULL,
      object_account_id TEXT NOT NULL,
      object_id TEXT NOT NULL,
      name TEXT NOT NULL,
      old_rights INTEGER,
      new_rights INTEGER
    ) STRICT;
    CREATE INDEX share_notifications_account ON share_notifications(account_id, created);
    CREATE INDEX share_notifications_object ON share_notifications(account_id, object_account_id, object_id);
  `,
};
