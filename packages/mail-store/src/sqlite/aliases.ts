import type { AccountId, Alias, Domain, DomainId } from '../model.js';
import {
  AliasConflictError,
  DomainInUseError,
  DomainNotOursError,
  InvalidInputError,
  NotFoundError,
} from '../errors.js';
import { findDomain } from './directory.js';
import type { Db } from './open-database.js';

/** RFC 5321 §4.5.3.1.1: a local part has at most 64 octets. */
export const maxLocalPartLength = 64;

interface AliasRow {
  address: string;
  account_id: string;
  created_at: number;
}

const toAlias = (r: AliasRow): Alias => ({
  address: r.address,
  accountId: r.account_id as AccountId,
  isCatchAll: r.address.startsWith('@'),
  createdAt: new Date(r.created_at),
});

/** `local@domain` or, for a catch-all, `@domain`; lower-cased, trimmed. */
function parseAliasAddress(input: string): { address: string; domain: string } {
  const address = input.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at);
  if (at < 0 || at > maxLocalPartLength || /[\s@<>]/.test(local) || at === address.length - 1) {
    throw new InvalidInputError(`Invalid alias address: ${input} (local@domain, or @domain for a catch-all)`);
  }
  return { address, domain: address.slice(at + 1) };
}

export function createAlias(db: Db, input: string, accountId: AccountId): Alias {
  const { address, domain: domainName } = parseAliasAddress(input);
  return db
    .transaction(() => {
      const domain = findDomain(db, domainName);
      if (!domain) throw new DomainNotOursError(domainName);
      if (!db.prepare('SELECT 1 FROM accounts WHERE id = ?').get(accountId))
        throw new NotFoundError(`Account ${accountId}`);
      if (
        db.prepare('SELECT 1 FROM accounts WHERE email = ?').get(address) ||
        db.prepare('SELECT 1 FROM aliases WHERE address = ?').get(address)
      )
        throw new AliasConflictError(address);
      const row = { address, domain_id: domain.id, account_id: accountId, created_at: Date.now() };
      db.prepare(
        `INSERT INTO aliases (address, domain_id, account_id, created_at)
         VALUES (@address, @domain_id, @account_id, @created_at)`,
      ).run(row);
      return toAlias(row);
    })
    .immediate();
}

export function listAliases(db: Db, accountId?: AccountId): Alias[] {
  const rows = (
    accountId === undefined
      ? db.prepare('SELECT * FROM aliases ORDER BY address').all()
      : db.prepare('SELECT * FROM aliases WHERE account_id = ? ORDER BY address').all(accountId)
  ) as AliasRow[];
  return rows.map(toAlias);
}

export function deleteAlias(db: Db, input: string): boolean {
  return db.prepare('DELETE FROM aliases WHERE address = ?').run(input.trim().toLowerCase()).changes > 0;
}

/** The alias (or, with `@domain`, the catch-all) owning exactly this address, if any. */
export function findAlias(db: Db, input: string): Alias | null {
  const row = db.prepare('SELECT * FROM aliases WHERE address = ?').get(input.trim().toLowerCase()) as
    AliasRow | undefined;
  return row ? toAlias(row) : null;
}

/**
 * Who receives mail for an address of one of our domains, in this order: the account with exactly
 * that address; the alias with it; for a subaddress (RFC 5233: `alice+news@`), the account or
 * alias of its base (`alice@`); the domain's catch-all (`@domain`). So a catch-all never takes an
 * address an account or alias owns. Null when nobody does, or the domain is not ours.
 */
export function resolveAddress(db: Db, input: string): AccountId | null {
  const address = input.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  if (at <= 0) return null;
  const [local, domain] = [address.slice(0, at), address.slice(at + 1)];
  const owner = (candidate: string) =>
    (
      db
        .prepare(
          `SELECT id AS owner FROM accounts WHERE email = @a
           UNION ALL SELECT account_id FROM aliases WHERE address = @a LIMIT 1`,
        )
        .get({ a: candidate }) as { owner: AccountId } | undefined
    )?.owner ?? null;
  const plus = local.indexOf('+');
  return (
    owner(address) ??
    (plus > 0 ? owner(`${local.slice(0, plus)}@${domain}`) : null) ??
    findAlias(db, `@${domain}`)?.accountId ??
    null
  );
}

export function listDomains(db: Db): Domain[] {
  const rows = db.prepare('SELECT * FROM domains ORDER BY name').all() as {
    id: string;
    name: string;
    created_at: number;
  }[];
  return rows.map((r) => ({ id: r.id as DomainId, name: r.name, createdAt: new Date(r.created_at) }));
}

/** Deletes an unused domain; false when unknown. DomainInUseError while accounts or aliases use it. */
export function deleteDomain(db: Db, name: string): boolean {
  return db
    .transaction(() => {
      const domain = findDomain(db, name);
      if (!domain) return false;
      const count = (sql: string) => (db.prepare(sql).get(domain.id) as { n: number }).n;
      const accounts = count('SELECT count(*) AS n FROM accounts WHERE domain_id = ?');
      const aliases = count('SELECT count(*) AS n FROM aliases WHERE domain_id = ?');
      if (accounts > 0 || aliases > 0) throw new DomainInUseError(domain.name, accounts, aliases);
      db.prepare('DELETE FROM domains WHERE id = ?').run(domain.id);
      return true;
    })
    .immediate();
}
