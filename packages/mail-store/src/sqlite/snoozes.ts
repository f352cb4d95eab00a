import type { AccountId, EmailId, Mailbox, MailboxId, SnoozedEmail } from '../model.js';
import { AlreadyExistsError, InvalidInputError, NotFoundError, StoreError } from '../errors.js';
import { sqliteChangeLog as changeLog } from './change-log.js';
import { setKeywords } from './keywords.js';
import { createMailbox, findMailboxByRole } from './mailboxes.js';
import type { Db } from './open-database.js';
import { setMailboxes } from './set-mailboxes.js';

/** The farthest a snooze may reach (a typo like year 20260 is refused, not kept forever). */
export const maxSnoozeMs = 10 * 366 * 24 * 3600 * 1000;
/** How many due snoozes one `wakeDueSnoozes` call wakes; the caller calls again while it is full. */
export const maxWakesPerRun = 500;
/**
 * A snooze whose wake the store refuses (e.g. no Inbox to fall back to and none can be made) is
 * retried this much later instead of blocking the snoozes behind it; the email stays in Snoozed.
 */
export const wakeRetryDelayMs = 5 * 60 * 1000;
/** Name tried for the Snoozed mailbox, then with a number when a user mailbox already has it. */
const snoozedName = 'Snoozed';
const maxNameAttempts = 10;

interface SnoozeRow {
  email_id: string;
  account_id: string;
  until: number;
  mailbox_ids: string;
}

function snoozedMailbox(db: Db, accountId: AccountId): Mailbox {
  const existing = findMailboxByRole(db, accountId, 'snoozed');
  if (existing) return existing;
  for (let n = 1; ; n++) {
    try {
      return createMailbox(db, accountId, {
        name: n === 1 ? snoozedName : `${snoozedName} ${n}`,
        role: 'snoozed',
      });
    } catch (error) {
      if (!(error instanceof AlreadyExistsError) || n >= maxNameAttempts) throw error;
    }
  }
}

function currentMailboxes(db: Db, emailId: EmailId): MailboxId[] {
  return (
    db
      .prepare('SELECT mailbox_id FROM email_mailboxes WHERE email_id = ? ORDER BY mailbox_id')
      .all(emailId) as {
      mailbox_id: MailboxId;
    }[]
  ).map((r) => r.mailbox_id);
}

/**
 * Moves the email into the account's Snoozed mailbox (made on demand) until `until`, remembering
 * the mailboxes it left. Snoozing a snoozed email only changes `until`.
 */
export function snoozeEmail(
  db: Db,
  accountId: AccountId,
  emailId: EmailId,
  until: Date,
  now = Date.now(),
): void {
  const at = until.getTime();
  if (!Number.isFinite(at)) throw new InvalidInputError('A snooze needs a valid date');
  if (at > now + maxSnoozeMs) throw new InvalidInputError('A snooze may not reach more than 10 years ahead');
  db.transaction(() => {
    if (!db.prepare('SELECT 1 FROM emails WHERE id = ? AND account_id = ?').get(emailId, accountId))
      throw new NotFoundError(`Email ${emailId}`);
    const snoozed = db.prepare('SELECT 1 FROM snoozes WHERE email_id = ?').get(emailId);
    if (snoozed) {
      db.prepare('UPDATE snoozes SET until = ? WHERE email_id = ?').run(at, emailId);
      // Its wake-up time is part of what a client shows (JMAP `snoozed`): a change like any other.
      changeLog.record(db, accountId, 'Email', [[emailId, 'updated']]);
      return;
    }
    const box = snoozedMailbox(db, accountId);
    const from = currentMailboxes(db, emailId).filter((m) => m !== box.id);
    db.prepare('INSERT INTO snoozes (email_id, account_id, until, mailbox_ids) VALUES (?, ?, ?, ?)').run(
      emailId,
      accountId,
      at,
      JSON.stringify(from),
    );
    setMailboxes(db, accountId, emailId, [box.id]);
  }).immediate();
}

/** The remembered mailboxes that still exist, else the Inbox (created if the account has none). */
function restoreTargets(db: Db, row: SnoozeRow): MailboxId[] {
  const accountId = row.account_id as AccountId;
  const known = db.prepare('SELECT 1 FROM mailboxes WHERE account_id = ? AND id = ?');
  const kept = (JSON.parse(row.mailbox_ids) as MailboxId[]).filter((m) => known.get(accountId, m));
  if (kept.length > 0) return kept;
  const inbox =
    findMailboxByRole(db, accountId, 'inbox') ??
    createMailbox(db, accountId, { name: 'Inbox', role: 'inbox' });
  return [inbox.id];
}

/**
 * Cancels a snooze: the email goes back to where it was, as it was (unless its owner has moved it
 * out of Snoozed meanwhile, which ended the snooze already). False when it is not snoozed.
 */
export function unsnoozeEmail(db: Db, accountId: AccountId, emailId: EmailId): boolean {
  return db
    .transaction(() => {
      const row = db
        .prepare('SELECT * FROM snoozes WHERE email_id = ? AND account_id = ?')
        .get(emailId, accountId) as SnoozeRow | undefined;
      if (!row) return false;
      db.prepare('DELETE FROM snoozes WHERE email_id = ?').run(emailId);
      if (stillInSnoozed(db, accountId, emailId))
        setMailboxes(db, accountId, emailId, restoreTargets(db, row));
      return true;
    })
    .immediate();
}

/**
 * Wakes one snooze: back to its mailboxes, unread (`$seen` removed), and receivedAt set to the
 * wake time so that it sorts on top of a newest-first list, like a message that just arrived (the
 * original arrival time is still in the message's Received header). One transaction.
 */
function wake(db: Db, due: SnoozeRow, now: number): boolean {
  return db
    .transaction(() => {
      // Read again inside the transaction: an unsnooze may have come first.
      const row = db
        .prepare('SELECT * FROM snoozes WHERE email_id = ? AND until <= ?')
        .get(due.email_id, now) as SnoozeRow | undefined;
      if (!row) return false;
      const accountId = row.account_id as AccountId;
      const emailId = row.email_id as EmailId;
      db.prepare('DELETE FROM snoozes WHERE email_id = ?').run(emailId);
      // Moved out of Snoozed by its owner meanwhile: that ended the snooze; leave it be.
      if (!stillInSnoozed(db, accountId, emailId)) return false;
      db.prepare('UPDATE emails SET received_at = ? WHERE id = ?').run(now, emailId);
      db.prepare('UPDATE email_mailboxes SET received_at = ? WHERE email_id = ?').run(now, emailId);
      setMailboxes(db, accountId, emailId, restoreTargets(db, row));
      const keywords = (
        db.prepare('SELECT keyword FROM email_keywords WHERE email_id = ?').all(emailId) as {
          keyword: string;
        }[]
      ).map((r) => r.keyword);
      setKeywords(
        db,
        accountId,
        emailId,
        keywords.filter((k) => k !== '$seen'),
      );
      // receivedAt changed even if nothing else did; the thread's order may have too.
      changeLog.record(db, accountId, 'Email', [[emailId, 'updated']]);
      return true;
    })
    .immediate();
}

function stillInSnoozed(db: Db, accountId: AccountId, emailId: EmailId): boolean {
  const box = findMailboxByRole(db, accountId, 'snoozed');
  return (
    box !== null &&
    db.prepare('SELECT 1 FROM email_mailboxes WHERE mailbox_id = ? AND email_id = ?').get(box.id, emailId) !==
      undefined
  );
}

/** Wakes up to `maxWakesPerRun` snoozes due at `now`, oldest first; returns the woken emails. */
export function wakeDueSnoozes(db: Db, now: Date): { accountId: AccountId; emailId: EmailId }[] {
  const at = now.getTime();
  const due = db
    .prepare('SELECT * FROM snoozes WHERE until <= ? ORDER BY until, email_id LIMIT ?')
    .all(at, maxWakesPerRun) as SnoozeRow[];
  const woken = due.filter((row) => {
    try {
      return wake(db, row, at);
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      db.prepare('UPDATE snoozes SET until = ? WHERE email_id = ?').run(at + wakeRetryDelayMs, row.email_id);
      return false;
    }
  });
  return woken.map((r) => ({ accountId: r.account_id as AccountId, emailId: r.email_id as EmailId }));
}

export function listSnoozed(db: Db, accountId: AccountId): SnoozedEmail[] {
  return (
    db
      .prepare(
        'SELECT email_id, until, mailbox_ids FROM snoozes WHERE account_id = ? ORDER BY until, email_id',
      )
      .all(accountId) as Omit<SnoozeRow, 'account_id'>[]
  ).map((r) => ({
    emailId: r.email_id as EmailId,
    until: new Date(r.until),
    mailboxIds: JSON.parse(r.mailbox_ids) as MailboxId[],
  }));
}

/** When the next snooze is due, or null when none is pending (for the waking scheduler). */
export function nextSnoozeDue(db: Db): Date | null {
  const row = db.prepare('SELECT min(until) AS until FROM snoozes').get() as { until: number | null };
  return row.until === null ? null : new Date(row.until);
}
