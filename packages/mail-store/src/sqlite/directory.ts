import type { Account, AccountId, Domain, DomainId } from '../model.js';
import type { ContactCardId } from '../contacts-model.js';
import { AliasConflictError, AlreadyExistsError, InvalidInputError, NotFoundError } from '../errors.js';
import { newId } from '../ids.js';
import type { CreateAccountInput } from '../mail-store.js';
import type { Db } from './open-database.js';
import { sqliteChangeLog as changeLog } from './change-log.js';

interface DomainRow {
  id: string;
  name: string;
  created_at: number;
}
interface AccountRow {
  id: string;
  domain_id: string;
  email: string;
  display_name: string;
  created_at: number;
}

const toDomain = (r: DomainRow): Domain => ({
  id: r.id as DomainId,
  name: r.name,
  createdAt: new Date(r.created_at),
});
const toAccount = (r: AccountRow): Account => ({
  id: r.id as AccountId,
  domainId: r.domain_id as DomainId,
  email: r.email,
  displayName: r.display_name,
  createdAt: new Date(r.created_at),
});

const domainPattern =
  /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

export function createDomain(db: Db, name: string): Domain {
  const normalised = name.trim().toLowerCase();
  if (!domainPattern.test(normalised)) throw new InvalidInputError(`Invalid domain name: ${name}`);
  if (db.prepare('SELECT 1 FROM domains WHERE name = ?').get(normalised))
    throw new AlreadyExistsError(`Domain ${normalised}`);
  const row: DomainRow = { id: newId('Domain'), name: normalised, created_at: Date.now() };
  db.prepare('INSERT INTO domains (id, name, created_at) VALUES (@id, @name, @created_at)').run(row);
  return toDomain(row);
}

export function findDomain(db: Db, name: string): Domain | null {
  const row = db.prepare('SELECT * FROM domains WHERE name = ?').get(name.trim().toLowerCase()) as
    DomainRow | undefined;
  return row ? toDomain(row) : null;
}

export function createAccount(db: Db, input: CreateAccountInput): Account {
  const email = input.email.trim().toLowerCase();
  const at = email.lastIndexOf('@');
  if (at < 1 || at > 64) throw new InvalidInputError(`Invalid address: ${input.email}`);
  const domain = findDomain(db, email.slice(at + 1));
  if (!domain) throw new NotFoundError(`Domain ${email.slice(at + 1)}`);
  if (db.prepare('SELECT 1 FROM accounts WHERE email = ?').get(email))
    throw new AlreadyExistsError(`Account ${email}`);
  if (db.prepare('SELECT 1 FROM aliases WHERE address = ?').get(email)) throw new AliasConflictError(email);
  const row: AccountRow & { password_hash: string } = {
    id: newId('Account'),
    domain_id: domain.id,
    email,
    display_name: input.displayName,
    password_hash: input.passwordHash,
    created_at: Date.now(),
  };
  db.prepare(
    `INSERT INTO accounts (id, domain_id, email, display_name, password_hash, created_at)
     VALUES (@id, @domain_id, @email, @display_name, @password_hash, @created_at)`,
  ).run(row);
  return toAccount(row);
}

export function getAccount(db: Db, id: AccountId): Account | null {
  const row = db.prepare('SELECT * FROM accounts WHERE id = ?').get(id) as AccountRow | undefined;
  return row ? toAccount(row) : null;
}

export function findAccountByEmail(db: Db, email: string): Account | null {
  const row = db.prepare('SELECT * FROM accounts WHERE email = ?').get(email.trim().toLowerCase()) as
    AccountRow | undefined;
  return row ? toAccount(row) : null;
}

export function listAccounts(db: Db): Account[] {
  return (db.prepare('SELECT * FROM accounts ORDER BY email').all() as AccountRow[]).map(toAccount);
}

/** The accounts of one domain, by address (the organisation directory's members). */
export function listAccountsInDomain(db: Db, domainId: DomainId): Account[] {
  return (
    db.prepare('SELECT * FROM accounts WHERE domain_id = ? ORDER BY email').all(domainId) as AccountRow[]
  ).map(toAccount);
}

/**
 * The id of an account's card in its organisation's directory (issue 7): the account's own id
 * with the card letter, so it is stable and never collides with a stored card.
 */
export const directoryCardId = (accountId: AccountId): ContactCardId =>
  `K${accountId.slice(1)}` as ContactCardId;

/**
 * Tells every other account of `account`'s domain that its directory card came or went
 * (ContactCard created/destroyed in their change logs), so that clients syncing contacts with
 * ContactCard/changes see colleagues arrive and leave. In the caller's transaction.
 */
export function recordDirectoryChange(db: Db, account: Account, kind: 'created' | 'destroyed'): void {
  const others = db
    .prepare('SELECT id FROM accounts WHERE domain_id = ? AND id != ?')
    .all(account.domainId, account.id) as { id: AccountId }[];
  for (const { id } of others) changeLog.record(db, id, 'ContactCard', [[directoryCardId(account.id), kind]]);
}

export function getPasswordHash(db: Db, id: AccountId): string | null {
  const row = db.prepare('SELECT password_hash FROM accounts WHERE id = ?').get(id) as
    { password_hash: string } | undefined;
  return row?.password_hash ?? null;
}

export function setPasswordHash(db: Db, id: AccountId, hash: string): void {
  const result = db.prepare('UPDATE accounts SET password_hash = ? WHERE id = ?').run(hash, id);
  if (result.changes === 0) throw new NotFoundError('Account');
}
