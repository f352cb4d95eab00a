import type { AccountId, VacationResponse } from '../model.js';
import { InvalidInputError, NotFoundError } from '../errors.js';
import { sqliteChangeLog as changeLog } from './change-log.js';
import type { Db } from './open-database.js';

/** Whether the reply itself (period, subject, text) changed. */
function differs(a: VacationResponse, b: VacationResponse): boolean {
  const time = (d: Date | null) => d?.getTime() ?? null;
  return (
    time(a.fromDate) !== time(b.fromDate) ||
    time(a.toDate) !== time(b.toDate) ||
    a.subject !== b.subject ||
    a.textBody !== b.textBody ||
    a.htmlBody !== b.htmlBody
  );
}

/** The vacation response is a singleton; RFC 8621 §8 names its id "singleton". */
export const vacationResponseId = 'singleton';
/** Subject and body lengths (the reply is mail we send: keep it small). */
export const vacationLimits = { maxSubjectChars: 998, maxBodyChars: 64 * 1024 };

interface VacationRow {
  is_enabled: number;
  from_date: number | null;
  to_date: number | null;
  subject: string | null;
  text_body: string | null;
  html_body: string | null;
}

const disabled: VacationResponse = {
  isEnabled: false,
  fromDate: null,
  toDate: null,
  subject: null,
  textBody: null,
  htmlBody: null,
};

function assertAccount(db: Db, accountId: AccountId): void {
  if (!db.prepare('SELECT 1 FROM accounts WHERE id = ?').get(accountId))
    throw new NotFoundError(`Account ${accountId}`);
}

export function getVacationResponse(db: Db, accountId: AccountId): VacationResponse {
  assertAccount(db, accountId);
  const r = db.prepare('SELECT * FROM vacation_responses WHERE account_id = ?').get(accountId) as
    VacationRow | undefined;
  if (!r) return { ...disabled };
  return {
    isEnabled: r.is_enabled === 1,
    fromDate: r.from_date === null ? null : new Date(r.from_date),
    toDate: r.to_date === null ? null : new Date(r.to_date),
    subject: r.subject,
    textBody: r.text_body,
    htmlBody: r.html_body,
  };
}

function checkText(value: string | null, max: number, field: string): void {
  if (value !== null && value.length > max)
    throw new InvalidInputError(`${field} is limited to ${max} characters`);
}

/** Replaces the fields given; logs a VacationResponse update in the same transaction. */
export function setVacationResponse(
  db: Db,
  accountId: AccountId,
  patch: Partial<VacationResponse>,
): VacationResponse {
  return db
    .transaction(() => {
      const prev = getVacationResponse(db, accountId);
      const next = { ...prev, ...patch };
      checkText(next.subject, vacationLimits.maxSubjectChars, 'subject');
      checkText(next.textBody, vacationLimits.maxBodyChars, 'textBody');
      checkText(next.htmlBody, vacationLimits.maxBodyChars, 'htmlBody');
      for (const [field, d] of [
        ['fromDate', next.fromDate],
        ['toDate', next.toDate],
      ] as const)
        if (d !== null && Number.isNaN(d.getTime()))
          throw new InvalidInputError(`${field} is not a valid date`);
      if (next.fromDate && next.toDate && next.toDate < next.fromDate)
        throw new InvalidInputError('toDate is before fromDate');
      db.prepare(
        `INSERT INTO vacation_responses (account_id, is_enabled, from_date, to_date, subject, text_body, html_body)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (account_id) DO UPDATE SET is_enabled = excluded.is_enabled, from_date = excluded.from_date,
           to_date = excluded.to_date, subject = excluded.subject, text_body = excluded.text_body,
           html_body = excluded.html_body`,
      ).run(
        accountId,
        next.isEnabled ? 1 : 0,
        next.fromDate?.getTime() ?? null,
        next.toDate?.getTime() ?? null,
        next.subject,
        next.textBody,
        next.htmlBody,
      );
      // A new absence (switched on again, or another message) is news to senders who got the
      // old one: the once-per-period memory starts over (as Sieve vacation does for a new :handle).
      if (next.isEnabled && (!prev.isEnabled || differs(prev, next)))
        db.prepare('DELETE FROM vacation_replies WHERE account_id = ?').run(accountId);
      changeLog.record(db, accountId, 'VacationResponse', [[vacationResponseId, 'updated']]);
      return next;
    })
    .immediate();
}

/**
 * RFC 3834 §2: records a reply to `sender` unless one was recorded within `periodMs` before `now`.
 * True means "send it": one transaction, so two deliveries at once get one true.
 */
export function claimVacationReply(
  db: Db,
  accountId: AccountId,
  sender: string,
  now: Date,
  periodMs: number,
): boolean {
  return db
    .transaction(() => {
      const key = sender.trim().toLowerCase();
      const row = db
        .prepare('SELECT replied_at FROM vacation_replies WHERE account_id = ? AND sender = ?')
        .get(accountId, key) as { replied_at: number } | undefined;
      if (row && now.getTime() - row.replied_at < periodMs) return false;
      db.prepare(
        `INSERT INTO vacation_replies (account_id, sender, replied_at) VALUES (?, ?, ?)
         ON CONFLICT (account_id, sender) DO UPDATE SET replied_at = excluded.replied_at`,
      ).run(accountId, key, now.getTime());
      return true;
    })
    .immediate();
}
