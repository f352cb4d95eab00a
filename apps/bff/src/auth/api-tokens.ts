import {
  API_TOKEN_PREFIX,
  InvalidInputError,
  NotFoundError,
  apiTokenDigest,
  isValidApiTokenName,
  mintApiToken,
} from '@colibri/mail-store';
import type { AccountId, ApiToken, MailStore } from '@colibri/mail-store';
import type { Principal } from '@colibri/jmap-server';

/** How often at most a token's lastUsedAt is written: a busy client must not write on every request. */
export const LAST_USED_RESOLUTION_MS = 60 * 1000;

/** Who a Bearer token speaks for, and which token it is (to re-check it later, to revoke it). */
export interface BearerMatch {
  principal: Principal;
  tokenId: string;
  /** The stored sha256 of the secret, never the secret: enough to ask the store again. */
  digest: string;
}

/** What the API says of a token: never the secret, never the digest. */
export interface ApiTokenInfo {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export type CreatedToken = { kind: 'created'; token: string; info: ApiTokenInfo } | { kind: 'tooMany' };

/**
 * API tokens for `Authorization: Bearer` (other JMAP clients, scripts), backed by the store's
 * `api_tokens` table: every lookup reads SQLite, so a token created or revoked by another process
 * (the CLI) counts at once. Only sha256 digests are stored.
 */
export class ApiTokenStore {
  readonly #store: MailStore;
  readonly #now: () => number;

  constructor(store: MailStore, options: { now?: () => number } = {}) {
    this.#store = store;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Creates a token for the account; `tooMany` at the store's limit (100 per account). The name
   * must already be valid (`isValidApiTokenName`): the caller answers a bad one itself.
   */
  async create(accountId: AccountId, name: string): Promise<CreatedToken> {
    if (!isValidApiTokenName(name)) throw new TypeError('ApiTokenStore.create: invalid name');
    const { token, digest } = mintApiToken();
    try {
      const created = await this.#store.createApiToken(accountId, { digest, name });
      return { kind: 'created', token, info: infoOf(created) };
    } catch (error) {
      // The name is valid (checked above): the only invalid input left is the limit.
      if (error instanceof InvalidInputError) return { kind: 'tooMany' };
      throw error;
    }
  }

  /** The principal of a presented token, or null (unknown, revoked, or not one of ours). */
  async find(token: string): Promise<BearerMatch | null> {
    if (!token.startsWith(API_TOKEN_PREFIX)) return null;
    // An indexed lookup of the sha256 of a 256-bit secret: its timing tells nothing usable.
    const digest = apiTokenDigest(token);
    const match = await this.#store.findApiTokenByDigest(digest);
    if (!match) return null;
    const now = this.#now();
    const last = match.token.lastUsedAt?.getTime() ?? null;
    if (last === null || now - last >= LAST_USED_RESOLUTION_MS)
      await this.#store.markApiTokenUsed(match.token.id, new Date(now));
    return {
      principal: { accountId: match.token.accountId, username: match.email },
      tokenId: match.token.id,
      digest,
    };
  }

  /** Whether the token a connection was opened with still exists (read-only: not a use). */
  async stillValid(bearer: BearerMatch): Promise<boolean> {
    const match = await this.#store.findApiTokenByDigest(bearer.digest);
    return match !== null && match.token.accountId === bearer.principal.accountId;
  }

  async list(accountId: AccountId): Promise<ApiTokenInfo[]> {
    return (await this.#store.listApiTokens(accountId)).map(infoOf);
  }

  /** Revokes one of the account's tokens; false when it has none with this id. */
  async revoke(accountId: AccountId, id: string): Promise<boolean> {
    try {
      await this.#store.deleteApiToken(accountId, id);
      return true;
    } catch (error) {
      if (error instanceof NotFoundError) return false;
      throw error;
    }
  }
}

function infoOf(token: ApiToken): ApiTokenInfo {
  return {
    id: token.id,
    name: token.name,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
  };
}
