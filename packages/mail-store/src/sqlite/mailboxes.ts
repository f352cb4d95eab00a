import type { AccountId, Mailbox, MailboxCounts, MailboxId, MailboxRole } from '../model.js';
import { AlreadyExistsError, InvalidInputError, NotFoundError } from '../errors.js';
import { newId } from '../ids.js';
import type { CreateMailboxInput } from '../mail-store.js';
import { sqliteChangeLog as changeLog } from './change-log.js';
import type { Db } from './open-database.js';

interface MailboxRow {
  id: string;
  account_id: string;
  name: string;
  parent_id: string | null;
  role: string | null;
  sort_order: number;
  is_subscribed: number;
}

const toMailbox = (r: MailboxRow): Mailbox => ({
  id: r.id as MailboxId,
  accountId: r.account_id as AccountId,
  name: r.name,
  parentId: r.parent_id as MailboxId | null,
  role: r.role as MailboxRole | null,
  sortOrder: r.sort_order,
  isSubscribed: r.is_subscribed === 1,
});

export const mailboxLimits = { maxNameLength: 255, maxDepth: 10 } as const;
const roles = new Set<string>(['inbox', 'sent', 'drafts', 'trash', 'junk', 'archive', 'snoozed']);

export function createMailbox(db: Db, accountId: AccountId, input: CreateMailboxInput): Mailbox {
  const name = input.name.trim();
  if (name.length === 0 || name.length > mailboxLimits.maxNameLength) {
    throw new InvalidInputError(`A mailbox name has 1 to ${mailboxLimits.maxNameLength} characters`);
  }
  if (input.role && !roles.has(input.role)) throw new InvalidInputError(`Unknown role ${input.role}`);
  const parentId = input.parentId ?? null;
  if (parentId) {
    let depth = 1;
    let cursor: string | null = parentId;
    while (cursor) {
      const parent = db
        .prepare('SELECT parent_id FROM mailboxes WHERE id = ? AND account_id = ?')
        .get(cursor, accountId) as { parent_id: string | null } | undefined;
      if (!parent) throw new NotFoundError('Parent mailbox');
      cursor = parent.parent_id;
      if (++depth > mailboxLimits.maxDepth)
        throw new InvalidInputError(`Mailboxes nest at most ${mailboxLimits.maxDepth} deep`);
    }
  }
  const row: MailboxRow = {
    id: newId('Mailbox'),
    account_id: accountId,
    name,
    parent_id: parentId,
    role: input.role ?? null,
    sort_order: input.sortOrder ?? 0,
    is_subscribed: input.isSubscribed === false ? 0 : 1,
  };
  db.transaction(() => {
    if (
      row.role &&
      db.prepare('SELECT 1 FROM mailboxes WHERE account_id = ? AND role = ?').get(accountId, row.role)
    ) {
      throw new AlreadyExistsError(`A mailbox with role ${row.role}`);
    }
    if (
      db
        .prepare("SELECT 1 FROM mailboxes WHERE account_id = ? AND ifnull(parent_id, '') = ? AND name = ?")
        .get(accountId, parentId ?? '', name)
    ) {
      throw new AlreadyExistsError(`Mailbox ${name}`);
    }
    db.prepare(
      `INSERT INTO mailboxes (id, account_id, name, parent_id, role, sort_order, is_subscribed)
       VALUES (@id, @account_id, @name, @parent_id, @role, @sort_order, @is_subscribed)`,
    ).run(row);
    db.prepare('INSERT INTO mailbox_counts (mailbox_id) VALUES (?)').run(row.id);
    changeLog.record(db, accountId, 'Mailbox', [[row.id, 'created']]);
  }).immediate();
  return toMailbox(row);
}

export function listMailboxes(db: Db, accountId: AccountId): Mailbox[] {
  return (
    db
      .prepare('SELECT * FROM mailboxes WHERE account_id = ? ORDER BY sort_order, name')
      .all(accountId) as MailboxRow[]
  ).map(toMailbox);
}

export function findMailboxByRole(db: Db, accountId: AccountId, role: MailboxRole): Mailbox | null {
  const row = db.prepare('SELECT * FROM mailboxes WHERE account_id = ? AND role = ?').get(accountId, role) as
    MailboxRow | undefined;
  return row ? toMailbox(row) : null;
}

/** RFC 8621 §2 counts, as maintained by mailbox-counters.ts; ids of other accounts are left out. */
export function mailboxCounts(
  db: Db,
  accountId: AccountId,
  ids: readonly MailboxId[],
): Map<MailboxId, MailboxCounts> {
  const stmt = db.prepare(
    `SELECT c.total_emails AS totalEmails, c.unread_emails AS unreadEmails,
            c.total_threads AS totalThreads, c.unread_threads AS unreadThreads
       FROM mailbox_counts c JOIN mailboxes m ON m.id = c.mailbox_id
      WHERE c.mailbox_id = ? AND m.account_id = ?`,
  );
  const result = new Map<MailboxId, MailboxCounts>();
  for (const id of ids) {
    const counts = stmt.get(id, accountId) as MailboxCounts | undefined;
    if (counts) result.set(id, counts);
  }
  return result;
}
