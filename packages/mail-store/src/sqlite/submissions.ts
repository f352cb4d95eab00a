import type { BlobStore } from '../blobs/blob-store.js';
import { CannotUnsendError, InvalidInputError, NotFoundError } from '../errors.js';
import { newId } from '../ids.js';
import type { CreateSubmissionInput } from '../mail-store.js';
import type {
  AccountId,
  BlobId,
  DeliveryAttempt,
  Delivered,
  DueDelivery,
  EmailId,
  EmailSubmission,
  EmailSubmissionId,
  RecipientStatus,
  ThreadId,
  UndoStatus,
} from '../model.js';
import { releaseBlob } from './blob-refs.js';
import { sqliteChangeLog as changeLog } from './change-log.js';
import type { Db } from './open-database.js';

/** The submission queue's explicit limits. */
export const submissionLimits = {
  /** RFC 5321 §4.5.3.1.8: a server must take at least 100 recipients; we send no more in one go. */
  maxRecipients: 100,
  /** How far ahead sendAt may be ("send later"); a later one is refused (RFC 8621 §7 maxDelayedSend). */
  maxDelayedSendMs: 30 * 24 * 60 * 60 * 1000,
  /** RFC 5321 §4.5.3.1.3: a path is at most 256 octets. */
  maxAddressLength: 256,
  /** The most recipients `dueDeliveries` hands out in one call. */
  maxDueBatch: 1000,
  /**
   * A submission that is done (every recipient delivered, failed or canceled) is deleted this long
   * after it was created (RFC 8621 §7 lets a server delete them): its DeliveryStatus stays
   * visible for a month, and the table does not grow with every message ever sent.
   */
  retentionMs: 30 * 24 * 60 * 60 * 1000,
  /** The most submissions one `pruneSubmissions` call deletes (garbage collection runs often). */
  maxPrunedPerRun: 1000,
} as const;

interface SubmissionRow {
  id: string;
  account_id: string;
  identity_id: string | null;
  email_id: string | null;
  thread_id: string | null;
  blob_id: string;
  mail_from: string;
  send_at: number;
  undo_status: UndoStatus;
  created_at: number;
  hidden: 0 | 1;
}

interface RecipientRow {
  submission_id: string;
  rcpt: string;
  delivered: Delivered;
  displayed: 'unknown' | 'yes';
  smtp_reply: string | null;
  attempts: number;
  next_attempt_at: number | null;
  last_error: string | null;
}

// An addr-spec as an SMTP path carries it (RFC 5321 §4.1.2), loosely: no spaces, brackets or
// control characters, one @ with something on both sides.
const addressPattern = /^[^\s<>@\p{Cc}]+@[^\s<>@\p{Cc}]+$/u;

function checkAddress(address: string, what: string): void {
  if (address.length > submissionLimits.maxAddressLength || !addressPattern.test(address))
    throw new InvalidInputError(`${what} is not a valid address: ${JSON.stringify(address)}`);
}

/** Validates the envelope and returns the recipients, duplicates (case-insensitive) removed. */
function checkEnvelope(input: CreateSubmissionInput): string[] {
  const { mailFrom, rcptTo } = input.envelope;
  if (mailFrom !== '') checkAddress(mailFrom, 'mailFrom');
  const seen = new Set<string>();
  const recipients: string[] = [];
  for (const rcpt of rcptTo) {
    checkAddress(rcpt, 'rcptTo');
    if (seen.has(rcpt.toLowerCase())) continue;
    seen.add(rcpt.toLowerCase());
    recipients.push(rcpt);
  }
  if (recipients.length === 0) throw new InvalidInputError('A submission needs at least one recipient');
  if (recipients.length > submissionLimits.maxRecipients)
    throw new InvalidInputError(`At most ${submissionLimits.maxRecipients} recipients per submission`);
  return recipients;
}

/**
 * Queues a submission. The message is the email's raw blob, or `raw` (a system message, or the
 * email's bytes as sent, e.g. without its Bcc field); the
 * submission row itself references the blob while it has deliveries to make (`collectGarbage`
 * keeps it), so destroying the email cannot take the bytes away from the queue. A sendAt in the
 * future holds it (undoStatus pending, cancelable); otherwise it is final at once.
 */
export async function createSubmission(
  db: Db,
  blobs: BlobStore,
  accountId: AccountId,
  input: CreateSubmissionInput,
): Promise<EmailSubmission> {
  const now = input.now ?? new Date();
  const recipients = checkEnvelope(input);
  const sendAt = input.sendAt ?? now;
  if (Number.isNaN(sendAt.getTime())) throw new InvalidInputError('sendAt is not a valid date');
  if (sendAt.getTime() - now.getTime() > submissionLimits.maxDelayedSendMs)
    throw new InvalidInputError(
      `sendAt is too far ahead: at most ${submissionLimits.maxDelayedSendMs / 86_400_000} days`,
    );
  if (input.emailId === undefined && input.raw === undefined)
    throw new InvalidInputError('A submission takes an emailId or the raw message');
  // Blob bytes first (outside the transaction), reference and rows in it: a crash in between
  // leaves an unreferenced file, never a row without bytes.
  const rawBlobId = input.raw === undefined ? null : await blobs.put(input.raw);

  const id = newId('EmailSubmission');
  const undoStatus: UndoStatus = sendAt.getTime() > now.getTime() ? 'pending' : 'final';
  db.transaction(() => {
    if (!db.prepare('SELECT 1 FROM accounts WHERE id = ?').get(accountId))
      throw new NotFoundError(`Account ${accountId}`);
    let blobId = rawBlobId;
    let threadId: string | null = null;
    if (input.emailId !== undefined) {
      const email = db
        .prepare('SELECT blob_id, thread_id FROM emails WHERE id = ? AND account_id = ?')
        .get(input.emailId, accountId) as { blob_id: string; thread_id: string } | undefined;
      if (!email) throw new NotFoundError(`Email ${input.emailId}`);
      blobId ??= email.blob_id as BlobId;
      threadId = email.thread_id;
    }
    db.prepare(
      `INSERT INTO submissions
         (id, account_id, identity_id, email_id, thread_id, blob_id, mail_from, send_at, undo_status, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      accountId,
      input.identityId ?? null,
      input.emailId ?? null,
      threadId,
      blobId,
      input.envelope.mailFrom,
      sendAt.getTime(),
      undoStatus,
      now.getTime(),
    );
    const insert = db.prepare(
      'INSERT INTO submission_recipients (submission_id, position, rcpt, next_attempt_at) VALUES (?, ?, ?, ?)',
    );
    recipients.forEach((rcpt, position) => insert.run(id, position, rcpt, sendAt.getTime()));
    changeLog.record(db, accountId, 'EmailSubmission', [[id, 'created']]);
  }).immediate();
  return getSubmissions(db, accountId, [id])[0]!;
}

function toRecipient(row: RecipientRow): RecipientStatus {
  return {
    email: row.rcpt,
    smtpReply: row.smtp_reply,
    delivered: row.delivered,
    displayed: row.displayed,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at === null ? null : new Date(row.next_attempt_at),
    lastError: row.last_error,
  };
}

/**
 * The account's submissions with these ids (unknown and destroyed ones left out), or all of them,
 * oldest first.
 */
export function getSubmissions(db: Db, accountId: AccountId, ids?: EmailSubmissionId[]): EmailSubmission[] {
  const rows = (
    ids === undefined
      ? db
          .prepare('SELECT * FROM submissions WHERE account_id = ? AND hidden = 0 ORDER BY created_at, rowid')
          .all(accountId)
      : ids.flatMap((id) =>
          db
            .prepare('SELECT * FROM submissions WHERE account_id = ? AND id = ? AND hidden = 0')
            .all(accountId, id),
        )
  ) as SubmissionRow[];
  const recipientsOf = db.prepare(
    'SELECT * FROM submission_recipients WHERE submission_id = ? ORDER BY position',
  );
  return rows.map((row) => {
    const recipients = (recipientsOf.all(row.id) as RecipientRow[]).map(toRecipient);
    return {
      id: row.id as EmailSubmissionId,
      accountId: row.account_id as AccountId,
      identityId: row.identity_id,
      emailId: row.email_id as EmailId | null,
      threadId: row.thread_id as ThreadId | null,
      blobId: row.blob_id as BlobId,
      envelope: { mailFrom: row.mail_from, rcptTo: recipients.map((r) => r.email) },
      sendAt: new Date(row.send_at),
      undoStatus: row.undo_status,
      recipients,
      createdAt: new Date(row.created_at),
    };
  });
}

/**
 * Cancels a held submission (undo send, RFC 8621 §7: undoStatus pending → canceled). Only before
 * its sendAt: afterwards it may be on the wire already, and CannotUnsendError says so.
 */
export function cancelSubmission(db: Db, accountId: AccountId, id: EmailSubmissionId, now: Date): void {
  db.transaction(() => {
    const row = db
      .prepare('SELECT undo_status, send_at FROM submissions WHERE id = ? AND account_id = ? AND hidden = 0')
      .get(id, accountId) as Pick<SubmissionRow, 'undo_status' | 'send_at'> | undefined;
    if (!row) throw new NotFoundError(`EmailSubmission ${id}`);
    if (row.undo_status !== 'pending' || row.send_at <= now.getTime())
      throw new CannotUnsendError(
        `EmailSubmission ${id} is ${row.undo_status === 'canceled' ? 'already canceled' : 'already sent or sending'}`,
      );
    db.prepare("UPDATE submissions SET undo_status = 'canceled' WHERE id = ?").run(id);
    db.prepare(
      "UPDATE submission_recipients SET next_attempt_at = NULL, last_error = 'canceled' WHERE submission_id = ?",
    ).run(id);
    changeLog.record(db, accountId, 'EmailSubmission', [[id, 'updated']]);
  }).immediate();
}

/**
 * The recipients whose next attempt is due at `now`, earliest first, at most `limit`. Held
 * submissions whose sendAt has come become final here first (in the same transaction), so that
 * a cancel and a send can never both win.
 */
/** See `MailStore.nextDeliveryDue`: the due index in order, the first recipient of a live submission. */
export function nextDeliveryDue(db: Db): Date | null {
  const at = db
    .prepare(
      `SELECT r.next_attempt_at FROM submission_recipients r JOIN submissions s ON s.id = r.submission_id
        WHERE r.next_attempt_at IS NOT NULL AND s.undo_status != 'canceled'
        ORDER BY r.next_attempt_at LIMIT 1`,
    )
    .pluck()
    .get() as number | undefined;
  return at === undefined ? null : new Date(at);
}

export function dueDeliveries(db: Db, now: Date, limit: number): DueDelivery[] {
  const max = Math.max(1, Math.min(Math.floor(limit) || 1, submissionLimits.maxDueBatch));
  return db
    .transaction(() => {
      const finalized = db
        .prepare(
          "UPDATE submissions SET undo_status = 'final' WHERE undo_status = 'pending' AND send_at <= ? RETURNING id, account_id, hidden",
        )
        .all(now.getTime()) as { id: string; account_id: string; hidden: 0 | 1 }[];
      for (const row of finalized)
        if (row.hidden === 0)
          changeLog.record(db, row.account_id as AccountId, 'EmailSubmission', [[row.id, 'updated']]);
      const rows = db
        .prepare(
          `SELECT s.id, s.account_id, s.blob_id, s.mail_from, s.send_at, r.rcpt, r.attempts
           FROM submission_recipients r JOIN submissions s ON s.id = r.submission_id
          WHERE r.next_attempt_at IS NOT NULL AND r.next_attempt_at <= ? AND s.undo_status = 'final'
          ORDER BY r.next_attempt_at, s.id, r.position LIMIT ?`,
        )
        .all(now.getTime(), max) as {
        id: string;
        account_id: string;
        blob_id: string;
        mail_from: string;
        send_at: number;
        rcpt: string;
        attempts: number;
      }[];
      return rows.map((r) => ({
        submissionId: r.id as EmailSubmissionId,
        accountId: r.account_id as AccountId,
        blobId: r.blob_id as BlobId,
        mailFrom: r.mail_from,
        rcptTo: r.rcpt,
        attempts: r.attempts,
        sendAt: new Date(r.send_at),
      }));
    })
    .immediate();
}

/**
 * Records one attempt for one recipient: delivered (done), temporary failure (tried again at
 * `nextAttemptAt`) or permanent failure (done, delivered "no"). The reply is kept as the RFC 8621
 * §7 `smtpReply`.
 */
export function recordDeliveryAttempt(
  db: Db,
  submissionId: EmailSubmissionId,
  rcptTo: string,
  attempt: DeliveryAttempt,
): void {
  db.transaction(() => {
    const row = db.prepare('SELECT account_id, hidden FROM submissions WHERE id = ?').get(submissionId) as
      { account_id: string; hidden: 0 | 1 } | undefined;
    if (!row) throw new NotFoundError(`EmailSubmission ${submissionId}`);
    const delivered: Delivered =
      attempt.outcome === 'delivered' ? 'yes' : attempt.outcome === 'permanent' ? 'no' : 'queued';
    const next = attempt.outcome === 'temporary' ? attempt.nextAttemptAt.getTime() : null;
    const lastError = attempt.outcome === 'delivered' ? null : attempt.smtpReply;
    const changed = db
      .prepare(
        `UPDATE submission_recipients
            SET delivered = ?, smtp_reply = ?, attempts = attempts + 1, next_attempt_at = ?, last_error = ?
          WHERE submission_id = ? AND rcpt = ?`,
      )
      .run(delivered, attempt.smtpReply, next, lastError, submissionId, rcptTo).changes;
    if (changed === 0) throw new NotFoundError(`Recipient ${rcptTo} of EmailSubmission ${submissionId}`);
    // A destroyed (hidden) submission no longer exists for its owner: nothing to tell them.
    if (row.hidden === 0)
      changeLog.record(db, row.account_id as AccountId, 'EmailSubmission', [[submissionId, 'updated']]);
  }).immediate();
}

/**
 * Deletes submissions that are done and older than `submissionLimits.retentionMs` at `now`, at most
 * `maxPrunedPerRun` of them, logging each as destroyed (EmailSubmission/changes). A message blob
 * that no email or upload has any more is queued for collection. Returns how many went.
 */
export function pruneSubmissions(db: Db, now: Date): number {
  return db
    .transaction(() => {
      const rows = db
        .prepare(
          `SELECT id, account_id, blob_id, hidden FROM submissions s
            WHERE (created_at <= ? OR hidden = 1) AND undo_status <> 'pending'
              AND NOT EXISTS (SELECT 1 FROM submission_recipients r
                               WHERE r.submission_id = s.id AND r.next_attempt_at IS NOT NULL)
            LIMIT ?`,
        )
        .all(now.getTime() - submissionLimits.retentionMs, submissionLimits.maxPrunedPerRun) as {
        id: EmailSubmissionId;
        account_id: AccountId;
        blob_id: BlobId;
        hidden: 0 | 1;
      }[];
      const byAccount = new Map<AccountId, [EmailSubmissionId, 'destroyed'][]>();
      for (const row of rows) {
        db.prepare('DELETE FROM submission_recipients WHERE submission_id = ?').run(row.id);
        db.prepare('DELETE FROM submissions WHERE id = ?').run(row.id);
        releaseBlob(db, row.blob_id);
        // A hidden one was logged as destroyed when its owner destroyed it.
        if (row.hidden === 1) continue;
        byAccount.set(row.account_id, [...(byAccount.get(row.account_id) ?? []), [row.id, 'destroyed']]);
      }
      for (const [accountId, changes] of byAccount)
        changeLog.record(db, accountId, 'EmailSubmission', changes);
      return rows.length;
    })
    .immediate();
}

/**
 * Destroys a submission record (RFC 8621 §7.5 EmailSubmission/set destroy): the record only, never
 * the delivery. One with nothing left to send goes at once (its bytes to garbage collection); one
 * still held or being retried is hidden from its owner and left to the queue, which prunes it once
 * done. Logged as destroyed either way. NotFoundError for an unknown (or already destroyed) id.
 */
export function destroySubmission(db: Db, accountId: AccountId, id: EmailSubmissionId): void {
  db.transaction(() => {
    const row = db
      .prepare('SELECT blob_id, undo_status FROM submissions WHERE id = ? AND account_id = ? AND hidden = 0')
      .get(id, accountId) as { blob_id: BlobId; undo_status: UndoStatus } | undefined;
    if (!row) throw new NotFoundError(`EmailSubmission ${id}`);
    const inFlight =
      row.undo_status === 'pending' ||
      db
        .prepare(
          'SELECT 1 FROM submission_recipients WHERE submission_id = ? AND next_attempt_at IS NOT NULL',
        )
        .get(id) !== undefined;
    if (inFlight) {
      db.prepare('UPDATE submissions SET hidden = 1 WHERE id = ?').run(id);
    } else {
      db.prepare('DELETE FROM submission_recipients WHERE submission_id = ?').run(id);
      db.prepare('DELETE FROM submissions WHERE id = ?').run(id);
      releaseBlob(db, row.blob_id);
    }
    changeLog.record(db, accountId, 'EmailSubmission', [[id, 'destroyed']]);
  }).immediate();
}
