import type { AccountId, Mailbox, MailboxId } from '../model.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import type { UpdateMailboxInput } from '../mail-store.js';
import { sqliteChangeLog as changeLog } from './change-log.js';
import {
  checkParent,
  checkRole,
  checkSiblingName,
  mailboxName,
  toMailbox,
  type MailboxRow,
} from './mailboxes.js';
import type { Db } from './open-database.js';

/** How many levels of mailboxes hang under this one (0 for a leaf). */
function levelsBelow(db: Db, id: string): number {
  return db
    .prepare(
      `WITH RECURSIVE below(id, level) AS (
         SELECT id, 1 FROM mailboxes WHERE parent_id = ?
         UNION ALL SELECT m.id, b.level + 1 FROM mailboxes m JOIN below b ON m.parent_id = b.id)
       SELECT ifnull(max(level), 0) FROM below`,
    )
    .pluck()
    .get(id) as number;
}

/**
 * Renames, moves, reorders, (un)subscribes or changes the role of a mailbox in one transaction,
 * under the rules of `createMailbox` (RFC 8621 §2): sibling names unique, no loop, depth limit, one
 * mailbox per role. The inbox keeps its role: deliveries find it by role. A patch that changes
 * nothing writes nothing, so no state moves.
 */
export function updateMailbox(
  db: Db,
  accountId: AccountId,
  id: MailboxId,
  patch: UpdateMailboxInput,
): Mailbox {
  return db
    .transaction(() => {
      const row = db.prepare('SELECT * FROM mailboxes WHERE id = ? AND account_id = ?').get(id, accountId) as
        MailboxRow | undefined;
      if (!row) throw new NotFoundError(`Mailbox ${id}`);
      const next: MailboxRow = {
        ...row,
        name: patch.name === undefined ? row.name : mailboxName(patch.name),
        parent_id: patch.parentId === undefined ? row.parent_id : patch.parentId,
        role: patch.role === undefined ? row.role : patch.role,
        sort_order: patch.sortOrder ?? row.sort_order,
        is_subscribed: patch.isSubscribed === undefined ? row.is_subscribed : patch.isSubscribed ? 1 : 0,
      };
      const changed = (Object.keys(next) as (keyof MailboxRow)[]).some((key) => next[key] !== row[key]);
      if (!changed) return toMailbox(row);
      if (row.role === 'inbox' && next.role !== 'inbox')
        throw new ForbiddenError('The inbox keeps its role: deliveries need it');
      if (next.parent_id !== null && next.parent_id !== row.parent_id)
        checkParent(db, accountId, next.parent_id, { id, below: levelsBelow(db, id) });
      if (next.role !== null && next.role !== row.role) checkRole(db, accountId, next.role, id);
      if (next.name !== row.name || next.parent_id !== row.parent_id)
        checkSiblingName(db, accountId, next.parent_id, next.name, id);
      db.prepare(
        `UPDATE mailboxes SET name = @name, parent_id = @parent_id, role = @role,
                sort_order = @sort_order, is_subscribed = @is_subscribed
          WHERE id = @id`,
      ).run(next);
      changeLog.record(db, accountId, 'Mailbox', [[id, 'updated']]);
      return toMailbox(next);
    })
    .immediate();
}
