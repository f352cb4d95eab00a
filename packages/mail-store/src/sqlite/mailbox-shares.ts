import { InvalidInputError, NotFoundError } from '../errors.js';
import {
  MAILBOX_RIGHT_NAMES,
  type AccountId,
  type MailboxAccess,
  type MailboxId,
  type MailboxShare,
} from '../model.js';
import { sqliteChangeLog as changeLog } from './change-log.js';
import type { Db } from './open-database.js';
import {
  dismissShareNotificationsAbout,
  notifyShareChanges,
  type ShareChange,
} from './share-notifications.js';

/** How many principals one mailbox may be shared with; one more is an InvalidInputError. */
export const mailboxShareLimits = { maxGranteesPerMailbox: 256 };

interface ShareRow {
  account_id: string;
  mailbox_id: string;
  grantee_id: string;
  rights: number;
  is_subscribed: number;
}

/** Rights are a bit mask in the row: bit i is MAILBOX_RIGHT_NAMES[i]. */
export function rightsToMask(rights: MailboxAccess): number {
  return MAILBOX_RIGHT_NAMES.reduce((mask, name, bit) => (rights[name] ? mask | (1 << bit) : mask), 0);
}

export function maskToRights(mask: number): MailboxAccess {
  return Object.fromEntries(
    MAILBOX_RIGHT_NAMES.map((name, bit) => [name, (mask & (1 << bit)) !== 0]),
  ) as unknown as MailboxAccess;
}

const toShare = (r: ShareRow): MailboxShare => ({
  accountId: r.account_id as AccountId,
  mailboxId: r.mailbox_id as MailboxId,
  granteeId: r.grantee_id as AccountId,
  rights: maskToRights(r.rights),
  isSubscribed: r.is_subscribed === 1,
});

/** Every share of the account's mailboxes (what their `shareWith` shows). */
export function listMailboxShares(db: Db, accountId: AccountId): MailboxShare[] {
  return (
    db
      .prepare('SELECT * FROM mailbox_shares WHERE account_id = ? ORDER BY mailbox_id, grantee_id')
      .all(accountId) as ShareRow[]
  ).map(toShare);
}

/** Every share granted to `granteeId`, in any account: what the user may see of others. */
export function listSharesWith(db: Db, granteeId: AccountId): MailboxShare[] {
  return (
    db
      .prepare('SELECT * FROM mailbox_shares WHERE grantee_id = ? ORDER BY account_id, mailbox_id')
      .all(granteeId) as ShareRow[]
  ).map(toShare);
}

/** The mailbox's name (for notifications); NotFoundError when it is not the account's. */
function mailboxNameOf(db: Db, accountId: AccountId, mailboxId: MailboxId): string {
  const name = db
    .prepare('SELECT name FROM mailboxes WHERE id = ? AND account_id = ?')
    .pluck()
    .get(mailboxId, accountId) as string | undefined;
  if (name === undefined) throw new NotFoundError(`Mailbox ${mailboxId}`);
  return name;
}

/**
 * Replaces the set of principals a mailbox is shared with, in one transaction. A grantee whose
 * rights are all false is removed. A grantee who stays keeps their subscription; a new one starts
 * subscribed (RFC 9670 §1.4 leaves the default to the server: a share someone made on purpose is
 * what the grantee wants to see). The owner cannot be a grantee (RFC 9670 §4: their rights are
 * implicit), and every grantee must be an account of the store. The mailbox's state moves only if
 * something changed; then each grantee whose rights changed gets a ShareNotification (RFC 9670 §3)
 * naming `changedBy`.
 */
export function setMailboxShares(
  db: Db,
  accountId: AccountId,
  mailboxId: MailboxId,
  shares: ReadonlyMap<AccountId, MailboxAccess>,
  changedBy: AccountId | null = null,
): void {
  db.transaction(() => {
    const name = mailboxNameOf(db, accountId, mailboxId);
    const wanted = new Map([...shares].filter(([, rights]) => rightsToMask(rights) !== 0));
    if (wanted.size > mailboxShareLimits.maxGranteesPerMailbox)
      throw new InvalidInputError(
        `A mailbox can be shared with at most ${mailboxShareLimits.maxGranteesPerMailbox} principals`,
      );
    for (const granteeId of wanted.keys()) {
      if (granteeId === accountId)
        throw new InvalidInputError('The owner of a mailbox cannot be among its sharees');
      if (!db.prepare('SELECT 1 FROM accounts WHERE id = ?').get(granteeId))
        throw new InvalidInputError(`No principal ${granteeId}`);
    }
    const current = new Map(
      (
        db
          .prepare('SELECT grantee_id, rights FROM mailbox_shares WHERE account_id = ? AND mailbox_id = ?')
          .all(accountId, mailboxId) as { grantee_id: string; rights: number }[]
      ).map((r) => [r.grantee_id, r.rights]),
    );
    const notices: ShareChange[] = [];
    const notice = (granteeId: string, oldRights: number | null, newRights: number | null) =>
      notices.push({
        granteeId: granteeId as AccountId,
        objectType: 'Mailbox',
        objectAccountId: accountId,
        objectId: mailboxId,
        name,
        oldRights,
        newRights,
      });
    for (const [granteeId, mask] of current) {
      if (wanted.has(granteeId as AccountId)) continue;
      db.prepare('DELETE FROM mailbox_shares WHERE mailbox_id = ? AND grantee_id = ?').run(
        mailboxId,
        granteeId,
      );
      notice(granteeId, mask, null);
    }
    for (const [granteeId, rights] of wanted) {
      const mask = rightsToMask(rights);
      const before = current.get(granteeId);
      if (before === mask) continue;
      notice(granteeId, before ?? null, mask);
      db.prepare(
        `INSERT INTO mailbox_shares (account_id, mailbox_id, grantee_id, rights, is_subscribed)
         VALUES (?, ?, ?, ?, 1)
         ON CONFLICT (mailbox_id, grantee_id) DO UPDATE SET rights = excluded.rights`,
      ).run(accountId, mailboxId, granteeId, mask);
    }
    if (notices.length === 0) return;
    changeLog.record(db, accountId, 'Mailbox', [[mailboxId, 'updated']]);
    // RFC 9670 §3: not for the grantee who changed it themselves (a sharee with mayShare).
    notifyShareChanges(
      db,
      changedBy,
      notices.filter((n) => n.granteeId !== changedBy),
    );
  }).immediate();
}

/** A grantee's own `isSubscribed` for a mailbox shared with them (RFC 9670 §1.4). */
export function setShareSubscribed(
  db: Db,
  accountId: AccountId,
  mailboxId: MailboxId,
  granteeId: AccountId,
  isSubscribed: boolean,
): void {
  db.transaction(() => {
    const result = db
      .prepare(
        `UPDATE mailbox_shares SET is_subscribed = ?
          WHERE account_id = ? AND mailbox_id = ? AND grantee_id = ? AND is_subscribed != ?`,
      )
      .run(isSubscribed ? 1 : 0, accountId, mailboxId, granteeId, isSubscribed ? 1 : 0);
    if (result.changes > 0) {
      changeLog.record(db, accountId, 'Mailbox', [[mailboxId, 'updated']]);
      if (isSubscribed) dismissShareNotificationsAbout(db, granteeId, accountId, mailboxId);
      return;
    }
    if (
      !db
        .prepare('SELECT 1 FROM mailbox_shares WHERE account_id = ? AND mailbox_id = ? AND grantee_id = ?')
        .get(accountId, mailboxId, granteeId)
    )
      throw new NotFoundError(`Mailbox ${mailboxId}`);
  }).immediate();
}

export const mailboxSharesMigration = {
  version: 30,
  name: 'mailbox shares',
  sql: `
    -- RFC 9670: who else may use a mailbox, with which rights (a bit mask, see mailbox-shares.ts),
    -- and whether they subscribed to it. Destroying the mailbox or either account drops the share.
    CREATE TABLE mailbox_shares (
      account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      mailbox_id TEXT NOT NULL REFERENCES mailboxes(id) ON DELETE CASCADE,
      grantee_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      rights INTEGER NOT NULL,
      is_subscribed INTEGER NOT NULL DEFAULT 1,
      PRIMARY KEY (mailbox_id, grantee_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX mailbox_shares_grantee ON mailbox_shares(grantee_id, account_id);
    CREATE INDEX mailbox_shares_account ON mailbox_shares(account_id);
  `,
};
