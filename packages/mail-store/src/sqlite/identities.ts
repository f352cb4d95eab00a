import type { AccountId, Address, Identity, IdentityId } from '../model.js';
import { ForbiddenError, ForbiddenFromError, InvalidInputError, NotFoundError } from '../errors.js';
import { newId } from '../ids.js';
import type { CreateIdentityInput, UpdateIdentityInput } from '../mail-store.js';
import { sqliteChangeLog as changeLog } from './change-log.js';
import { resolveAddress } from './aliases.js';
import type { Db } from './open-database.js';

/** Identities per account, and the length of their text fields (RFC 8621 §6 sets none; we do). */
export const identityLimits = { maxPerAccount: 100, maxNameChars: 256, maxSignatureChars: 64 * 1024 };

interface IdentityRow {
  id: string;
  account_id: string;
  name: string;
  email: string;
  reply_to_json: string | null;
  bcc_json: string | null;
  text_signature: string;
  html_signature: string;
  may_delete: number;
}

const toIdentity = (r: IdentityRow): Identity => ({
  id: r.id as IdentityId,
  accountId: r.account_id as AccountId,
  name: r.name,
  email: r.email,
  replyTo: r.reply_to_json === null ? null : (JSON.parse(r.reply_to_json) as Address[]),
  bcc: r.bcc_json === null ? null : (JSON.parse(r.bcc_json) as Address[]),
  textSignature: r.text_signature,
  htmlSignature: r.html_signature,
  mayDelete: r.may_delete === 1,
});

/**
 * Whether the account may use `email` as a From address or identity: an address that is
 * delivered to it (its own, an alias, their subaddresses, unowned addresses of its catch-all).
 */
export function mayUseAddress(db: Db, accountId: AccountId, email: string): boolean {
  // An account may send as exactly what it receives: one rule for delivery and for From.
  return resolveAddress(db, email) === accountId;
}

function text(value: string | undefined, max: number, field: string): string {
  const v = value ?? '';
  if (v.length > max) throw new InvalidInputError(`${field} is limited to ${max} characters`);
  return v;
}

function addresses(value: Address[] | null | undefined, field: string): string | null {
  if (value === undefined || value === null) return null;
  for (const a of value) {
    if (!/^[^\s@<>]+@[^\s@<>]+$/.test(a.email))
      throw new InvalidInputError(`${field}: invalid address ${a.email}`);
  }
  return JSON.stringify(value.map((a) => ({ name: a.name ?? null, email: a.email })));
}

export function listIdentities(db: Db, accountId: AccountId): Identity[] {
  return (
    db
      .prepare('SELECT * FROM identities WHERE account_id = ? ORDER BY may_delete, rowid')
      .all(accountId) as IdentityRow[]
  ).map(toIdentity);
}

/** Inserts the account's default identity; call inside the account's creation transaction. */
export function insertDefaultIdentity(db: Db, accountId: AccountId, name: string, email: string): void {
  const id = newId('Identity');
  db.prepare('INSERT INTO identities (id, account_id, name, email, may_delete) VALUES (?, ?, ?, ?, 0)').run(
    id,
    accountId,
    name,
    email,
  );
  changeLog.record(db, accountId, 'Identity', [[id, 'created']]);
}

export function createIdentity(db: Db, accountId: AccountId, input: CreateIdentityInput): Identity {
  return db
    .transaction(() => {
      const email = input.email.trim().toLowerCase();
      if (!mayUseAddress(db, accountId, email)) throw new ForbiddenFromError(email);
      const { n } = db
        .prepare('SELECT count(*) AS n FROM identities WHERE account_id = ?')
        .get(accountId) as {
        n: number;
      };
      if (n >= identityLimits.maxPerAccount)
        throw new InvalidInputError(`An account has at most ${identityLimits.maxPerAccount} identities`);
      const row: IdentityRow = {
        id: newId('Identity'),
        account_id: accountId,
        name: text(input.name, identityLimits.maxNameChars, 'name'),
        email,
        reply_to_json: addresses(input.replyTo, 'replyTo'),
        bcc_json: addresses(input.bcc, 'bcc'),
        text_signature: text(input.textSignature, identityLimits.maxSignatureChars, 'textSignature'),
        html_signature: text(input.htmlSignature, identityLimits.maxSignatureChars, 'htmlSignature'),
        may_delete: 1,
      };
      db.prepare(
        `INSERT INTO identities (id, account_id, name, email, reply_to_json, bcc_json, text_signature, html_signature, may_delete)
         VALUES (@id, @account_id, @name, @email, @reply_to_json, @bcc_json, @text_signature, @html_signature, @may_delete)`,
      ).run(row);
      changeLog.record(db, accountId, 'Identity', [[row.id, 'created']]);
      return toIdentity(row);
    })
    .immediate();
}

function loadRow(db: Db, accountId: AccountId, id: IdentityId): IdentityRow {
  const row = db.prepare('SELECT * FROM identities WHERE id = ? AND account_id = ?').get(id, accountId) as
    IdentityRow | undefined;
  if (!row) throw new NotFoundError(`Identity ${id}`);
  return row;
}

/** RFC 8621 §6: email is immutable after creation; the other fields may change. */
export function updateIdentity(
  db: Db,
  accountId: AccountId,
  id: IdentityId,
  patch: UpdateIdentityInput,
): Identity {
  return db
    .transaction(() => {
      const row = { ...loadRow(db, accountId, id) };
      if (patch.name !== undefined) row.name = text(patch.name, identityLimits.maxNameChars, 'name');
      if (patch.replyTo !== undefined) row.reply_to_json = addresses(patch.replyTo, 'replyTo');
      if (patch.bcc !== undefined) row.bcc_json = addresses(patch.bcc, 'bcc');
      if (patch.textSignature !== undefined)
        row.text_signature = text(patch.textSignature, identityLimits.maxSignatureChars, 'textSignature');
      if (patch.htmlSignature !== undefined)
        row.html_signature = text(patch.htmlSignature, identityLimits.maxSignatureChars, 'htmlSignature');
      db.prepare(
        `UPDATE identities SET name = @name, reply_to_json = @reply_to_json, bcc_json = @bcc_json,
           text_signature = @text_signature, html_signature = @html_signature WHERE id = @id`,
      ).run(row);
      changeLog.record(db, accountId, 'Identity', [[id, 'updated']]);
      return toIdentity(row);
    })
    .immediate();
}

export function destroyIdentity(db: Db, accountId: AccountId, id: IdentityId): void {
  db.transaction(() => {
    const row = loadRow(db, accountId, id);
    if (row.may_delete !== 1) throw new ForbiddenError('The default identity cannot be destroyed');
    db.prepare('DELETE FROM identities WHERE id = ?').run(id);
    changeLog.record(db, accountId, 'Identity', [[id, 'destroyed']]);
  }).immediate();
}
