import type { AccountId } from '../model.js';
import { InvalidInputError, NotFoundError, QuotaExceededError } from '../errors.js';
import type { Quota, QuotaLimits } from '../mail-store.js';
import type { Db } from './open-database.js';

interface QuotaRow {
  max_emails: number | null;
  max_bytes: number | null;
  used_emails: number;
  used_bytes: number;
}

/** An account without a row has no limits and uses nothing (the row is made on first use). */
function quotaRow(db: Db, accountId: AccountId): QuotaRow {
  const row = db
    .prepare('SELECT max_emails, max_bytes, used_emails, used_bytes FROM account_quotas WHERE account_id = ?')
    .get(accountId) as QuotaRow | undefined;
  return row ?? { max_emails: null, max_bytes: null, used_emails: 0, used_bytes: 0 };
}

function assertAccount(db: Db, accountId: AccountId): void {
  if (!db.prepare('SELECT 1 FROM accounts WHERE id = ?').get(accountId))
    throw new NotFoundError(`Account ${accountId}`);
}

function checkLimit(value: number | null, name: string): void {
  if (value !== null && !(Number.isSafeInteger(value) && value >= 0))
    throw new InvalidInputError(`${name} must be a non-negative integer or null`);
}

export function getQuota(db: Db, accountId: AccountId): Quota {
  assertAccount(db, accountId);
  const row = quotaRow(db, accountId);
  return {
    maxEmails: row.max_emails,
    maxBytes: row.max_bytes,
    usedEmails: row.used_emails,
    usedBytes: row.used_bytes,
  };
}

export function setQuota(db: Db, accountId: AccountId, limits: QuotaLimits): void {
  checkLimit(limits.maxEmails, 'maxEmails');
  checkLimit(limits.maxBytes, 'maxBytes');
  db.transaction(() => {
    assertAccount(db, accountId);
    db.prepare(
      `INSERT INTO account_quotas (account_id, max_emails, max_bytes) VALUES (?, ?, ?)
       ON CONFLICT (account_id) DO UPDATE SET max_emails = excluded.max_emails, max_bytes = excluded.max_bytes`,
    ).run(accountId, limits.maxEmails, limits.maxBytes);
  }).immediate();
}

/**
 * Throws QuotaExceededError when one more email of `bytes` would exceed a limit. The size limit is
 * checked first, so that a message larger than the whole quota is reported as such even when the
 * count is full too. Call it inside the write transaction that then records the usage.
 */
export function assertRoomFor(db: Db, accountId: AccountId, bytes: number): void {
  const row = quotaRow(db, accountId);
  if (row.max_bytes !== null && row.used_bytes + bytes > row.max_bytes)
    throw new QuotaExceededError('maxBytes', row.max_bytes, bytes);
  if (row.max_emails !== null && row.used_emails + 1 > row.max_emails)
    throw new QuotaExceededError('maxEmails', row.max_emails, 1);
}

/** Adds (or, negative, removes) emails and bytes to the account's usage. */
export function usageChanged(db: Db, accountId: AccountId, emails: number, bytes: number): void {
  db.prepare(
    `INSERT INTO account_quotas (account_id, used_emails, used_bytes) VALUES (?, ?, ?)
     ON CONFLICT (account_id) DO UPDATE SET
       used_emails = used_emails + excluded.used_emails, used_bytes = used_bytes + excluded.used_bytes`,
  ).run(accountId, emails, bytes);
}
