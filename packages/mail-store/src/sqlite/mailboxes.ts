import type { AccountId, Mailbox, MailboxCounts, MailboxId, MailboxRole } from '../model.js';
import { MailboxFieldError, MailboxTakenError } from '../errors.js';
import { newId } from '../ids.js';
import type { CreateMailboxInput } from '../mail-store.js';
import { sqliteChangeLog as changeLog } from './change-log.js';
import type { Db } from './open-database.js';

export interface MailboxRow {
  id: string;
  account_id: string;
  name: string;
  parent_id: string | null;
  role: string | null;
  sort_order: number;
  is_subscribed: number;
}

export const toMailbox = (r: MailboxRow): Mailbox => ({
  id: r.id as MailboxId,
  accountId: r.account_id as AccountId,
  name: r.name,
  parentId: r.parent_id as MailboxId | null,
  role: r.role as MailboxRole | null,
  sortOrder: r.sort_order,
  isSubscribed: r.is_subscribed === 1,
});

export const mailboxLimits = { maxNameLength: 255, maxDepth: 10 } as const;
/** The roles a mailbox may have (IANA "IMAP Mailbox Name Attributes" the store gives meaning to). */
export const mailboxRoles: readonly MailboxRole[] = [
  'inbox',
  'sent',
  'drafts',
  'trash',
  'junk',
  'archive',
  'snoozed',
];

// C0 and C1 controls: never part of a mailbox name (RFC 5198 Net-Unicode, IMAP alike).
// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u001f\u007f-\u009f]/;

/** The name as stored: trimmed, 1 to maxNameLength characters, no control characters. */
export function mailboxName(raw: string): string {
  const name = raw.trim();
  if (name.length === 0 || name.length > mailboxLimits.maxNameLength)
    throw new MailboxFieldError(
      'invalid',
      'name',
      `A mailbox name has 1 to ${mailboxLimits.maxNameLength} characters`,
    );
  if (controls.test(name))
    throw new MailboxFieldError('invalid', 'name', 'A mailbox name has no control characters');
  return name;
}

/**
 * Checks `parentId` as the parent of a new mailbox, or of `moving` with `below` levels of
 * mailboxes under it: it must be the account's, not `moving` nor one of its descendants (no loop),
 * and the tree must stay within maxDepth.
 */
export function checkParent(
  db: Db,
  accountId: AccountId,
  parentId: string,
  moving: { id: string; below: number } | null,
): void {
  let depth = 1 + (moving?.below ?? 0);
  let cursor: string | null = parentId;
  while (cursor) {
    if (cursor === moving?.id)
      throw new MailboxFieldError('invalid', 'parentId', 'A mailbox cannot move under itself');
    const parent = db
      .prepare('SELECT parent_id FROM mailboxes WHERE id = ? AND account_id = ?')
      .get(cursor, accountId) as { parent_id: string | null } | undefined;
    if (!parent) throw new MailboxFieldError('notFound', 'parentId', 'Parent mailbox not found');
    cursor = parent.parent_id;
    if (++depth > mailboxLimits.maxDepth)
      throw new MailboxFieldError(
        'invalid',
        'parentId',
        `Mailboxes nest at most ${mailboxLimits.maxDepth} deep`,
      );
  }
}

/** RFC 8621 §2: a known role, held by no other mailbox of the account. */
export function checkRole(db: Db, accountId: AccountId, role: string, self: string | null): void {
  if (!(mailboxRoles as readonly string[]).includes(role))
    throw new MailboxFieldError('invalid', 'role', `Unknown role ${role}`);
  const holder = db
    .prepare('SELECT id FROM mailboxes WHERE account_id = ? AND role = ?')
    .pluck()
    .get(accountId, role) as string | undefined;
  if (holder !== undefined && holder !== self)
    throw new MailboxTakenError('role', `A mailbox with role ${role}`);
}

/** RFC 8621 §2: no two sibling mailboxes have the same name. */
export function checkSiblingName(
  db: Db,
  accountId: AccountId,
  parentId: string | null,
  name: string,
  self: string | null,
): void {
  const sibling = db
    .prepare("SELECT id FROM mailboxes WHERE account_id = ? AND ifnull(parent_id, '') = ? AND name = ?")
    .pluck()
    .get(accountId, parentId ?? '', name) as string | undefined;
  if (sibling !== undefined && sibling !== self) throw new MailboxTakenError('name', `Mailbox ${name}`);
}

export function createMailbox(db: Db, accountId: AccountId, input: CreateMailboxInput): Mailbox {
  const name = mailboxName(input.name);
  const parentId = input.parentId ?? null;
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
    if (parentId) checkParent(db, accountId, parentId, null);
    if (row.role) checkRole(db, accountId, row.role, null);
    checkSiblingName(db, accountId, parentId, name, null);
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
