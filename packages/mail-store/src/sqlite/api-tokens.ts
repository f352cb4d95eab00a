import { randomBytes } from 'node:crypto';
import { InvalidInputError, NotFoundError } from '../errors.js';
import type { AccountId } from '../model.js';
import type { Db } from './open-database.js';

/**
 * An API token of an account (`Authorization: Bearer`). The store keeps only `digest`, the
 * sha256 (hex) of the secret the owner was shown once; never the secret itself.
 */
export interface ApiToken {
  id: string;
  accountId: AccountId;
  name: string;
  createdAt: Date;
  /** When it last authenticated a request (the BFF records it at most once a minute), or null. */
  lastUsedAt: Date | null;
}

/** A token found by its digest, with its account's address (the principal's username). */
export interface ApiTokenMatch {
  token: ApiToken;
  email: string;
}

export const apiTokenLimits = {
  /** Tokens per account; one more is an InvalidInputError. */
  maxPerAccount: 100,
  maxNameChars: 100,
};

interface Row {
  id: string;
  account_id: string;
  name: string;
  created_at: number;
  last_used_at: number | null;
}

/** The name of a token created without one. */
export const DEFAULT_API_TOKEN_NAME = 'API token';

/**
 * A token name: 1 to maxNameChars characters, no control characters (they would garble the
 * CLI's tab-separated listing and log lines), no white space around it.
 */
export function isValidApiTokenName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= apiTokenLimits.maxNameChars &&
    name.trim() === name &&
    !/\p{Cc}/u.test(name)
  );
}

const COLUMNS = 'id, account_id, name, created_at, last_used_at';
const DIGEST = /^[0-9a-f]{64}$/;

function fromRow(r: Row): ApiToken {
  return {
    id: r.id,
    accountId: r.account_id as AccountId,
    name: r.name,
    createdAt: new Date(r.created_at),
    lastUsedAt: r.last_used_at === null ? null : new Date(r.last_used_at),
  };
}

/** Records a token by the digest of its secret. InvalidInputError beyond the limits. */
export function createApiToken(
  db: Db,
  accountId: AccountId,
  input: { digest: string; name: string },
  now = new Date(),
): ApiToken {
  if (!DIGEST.test(input.digest)) throw new InvalidInputError('digest must be a hex sha256');
  const { maxPerAccount, maxNameChars } = apiTokenLimits;
  if (!isValidApiTokenName(input.name))
    throw new InvalidInputError(
      `name must have 1 to ${maxNameChars} characters, no control characters and no white space around it`,
    );
  const id = `T${randomBytes(12).toString('base64url')}`;
  return db.transaction(() => {
    if (!db.prepare('SELECT 1 FROM accounts WHERE id = ?').get(accountId))
      throw new NotFoundError(`Account ${accountId}`);
    const count = db.prepare('SELECT count(*) FROM api_tokens WHERE account_id = ?').pluck().get(accountId);
    if ((count as number) >= maxPerAccount)
      throw new InvalidInputError(`At most ${maxPerAccount} API tokens per account`);
    db.prepare(
      'INSERT INTO api_tokens (id, account_id, digest, name, created_at) VALUES (?, ?, ?, ?, ?)',
    ).run(id, accountId, input.digest, input.name, now.getTime());
    return fromRow(db.prepare(`SELECT ${COLUMNS} FROM api_tokens WHERE id = ?`).get(id) as Row);
  })();
}

/** The token with this digest and its account's address, or null (unknown or revoked). */
export function findApiTokenByDigest(db: Db, digest: string): ApiTokenMatch | null {
  const row = db
    .prepare(
      `SELECT t.id, t.account_id, t.name, t.created_at, t.last_used_at, a.email
         FROM api_tokens t JOIN accounts a ON a.id = t.account_id WHERE t.digest = ?`,
    )
    .get(digest) as (Row & { email: string }) | undefined;
  return row ? { token: fromRow(row), email: row.email } : null;
}

/** The account's tokens, oldest first. */
export function listApiTokens(db: Db, accountId: AccountId): ApiToken[] {
  return (
    db
      .prepare(`SELECT ${COLUMNS} FROM api_tokens WHERE account_id = ? ORDER BY created_at, rowid`)
      .all(accountId) as Row[]
  ).map(fromRow);
}

/** Notes a use of the token (unknown ids are ignored: it may just have been revoked). */
export function markApiTokenUsed(db: Db, id: string, at: Date): void {
  db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?').run(at.getTime(), id);
}

/** Revokes one of the account's tokens; NotFoundError when the account has no such token. */
export function deleteApiToken(db: Db, accountId: AccountId, id: string): void {
  const result = db.prepare('DELETE FROM api_tokens WHERE id = ? AND account_id = ?').run(id, accountId);
  if (result.changes === 0) throw new NotFoundError(`API token ${id}`);
}

/**
 * Migration 29: the table, and the tokens the BFF kept until now as one JSON value in `meta`
 * (`bff.apiTokens.v1`: digest -> { accountId, createdAt }) moved into it, so every existing token
 * stays valid for the BFF and the CLI alike. Tokens of accounts that no longer exist are dropped.
 */
export const apiTokensMigration = {
  version: 29,
  name: 'api tokens',
  sql: `
    CREATE TABLE api_tokens (
      id TEXT PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      digest TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      last_used_at INTEGER
    ) STRICT;
    CREATE INDEX api_tokens_account ON api_tokens(account_id, created_at);
    INSERT OR IGNORE INTO api_tokens (id, account_id, digest, name, created_at)
      SELECT 'T' || lower(hex(randomblob(12))),
             json_extract(t.value, '$.accountId'),
             t.key,
             'API token',
             coalesce(
               CAST(round((julianday(json_extract(t.value, '$.createdAt')) - 2440587.5) * 86400000) AS INTEGER),
               CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER))
        FROM meta m, json_each(CASE WHEN json_valid(m.value) THEN m.value ELSE '{}' END) t
       WHERE m.key = 'bff.apiTokens.v1'
         AND t.key GLOB '[0-9a-f]*' AND length(t.key) = 64
         AND json_extract(t.value, '$.accountId') IN (SELECT id FROM accounts);
    DELETE FROM meta WHERE key = 'bff.apiTokens.v1';
  `,
};
