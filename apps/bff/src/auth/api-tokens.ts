import { toAccountId } from '@colibri/mail-store';
import type { AccountId, MailStore } from '@colibri/mail-store';
import { newSecret, secretDigest } from './tokens.js';

/** The meta key under which the token digests are kept (JSON), so tokens survive a restart. */
export const API_TOKENS_META_KEY = 'bff.apiTokens.v1';
export const MAX_TOKENS_PER_ACCOUNT = 100;
/** Tokens carry a prefix so that a leaked one is recognisable (secret scanners, logs). */
const TOKEN_PREFIX = 'colibri_';

interface StoredToken {
  accountId: string;
  username: string;
  createdAt: string;
}

export interface TokenPrincipal {
  accountId: AccountId;
  username: string;
}

/**
 * API tokens for `Authorization: Bearer` (other JMAP clients, scripts). Only sha256 digests are
 * stored, in the store's meta table; lookups are served from memory.
 */
export class ApiTokenStore {
  readonly #store: MailStore;
  readonly #tokens: Map<string, StoredToken>;

  private constructor(store: MailStore, tokens: Map<string, StoredToken>) {
    this.#store = store;
    this.#tokens = tokens;
  }

  static async open(store: MailStore): Promise<ApiTokenStore> {
    const raw = await store.getMeta(API_TOKENS_META_KEY);
    const parsed: unknown = raw === null ? {} : JSON.parse(raw);
    const tokens = new Map<string, StoredToken>();
    if (typeof parsed === 'object' && parsed !== null) {
      for (const [digest, value] of Object.entries(parsed)) {
        if (isStoredToken(value)) tokens.set(digest, value);
      }
    }
    return new ApiTokenStore(store, tokens);
  }

  /** Creates a token for the principal; null when the account already has too many. */
  async create(principal: TokenPrincipal): Promise<string | null> {
    const owned = [...this.#tokens.values()].filter((t) => t.accountId === principal.accountId).length;
    if (owned >= MAX_TOKENS_PER_ACCOUNT) return null;
    const token = `${TOKEN_PREFIX}${newSecret()}`;
    this.#tokens.set(secretDigest(token), {
      accountId: principal.accountId,
      username: principal.username,
      createdAt: new Date().toISOString(),
    });
    await this.#store.setMeta(API_TOKENS_META_KEY, JSON.stringify(Object.fromEntries(this.#tokens)));
    return token;
  }

  find(token: string): TokenPrincipal | null {
    if (!token.startsWith(TOKEN_PREFIX)) return null;
    const stored = this.#tokens.get(secretDigest(token));
    const accountId = stored ? toAccountId(stored.accountId) : null;
    return stored && accountId ? { accountId, username: stored.username } : null;
  }
}

function isStoredToken(value: unknown): value is StoredToken {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.accountId === 'string' && typeof v.username === 'string' && typeof v.createdAt === 'string';
}
