import { setTimeout as sleep } from 'node:timers/promises';
import type { MailStore } from '@colibri/mail-store';
import type { Principal } from '@colibri/jmap-server';
import type { Logger } from '../logger.js';
import type { LoginThrottle } from './login-throttle.js';
import { hashPassword, verifyPassword } from '@colibri/mail-store';
import { newSecret, secretDigest } from './tokens.js';

/** Added to every failed check, on top of the hash time, to slow guessing further. */
export const FAILED_LOGIN_DELAY_MS = 250;
/** Longer inputs are refused outright: nobody types them, and they only cost CPU. */
const MAX_USERNAME_LENGTH = 320;
const MAX_PASSWORD_LENGTH = 1024;
/**
 * Basic auth sends the password with every request and scrypt is slow on purpose, so a recent
 * success is remembered (keyed by a digest of the credentials, never the password itself), with
 * the account's password hash of that moment: a hit counts only while the hash is still the same.
 */
const BASIC_CACHE_TTL_MS = 5 * 60 * 1000;
const BASIC_CACHE_MAX = 1000;

export type CredentialCheck =
  /** `passwordHash`: the stored hash the password matched, to notice a later change. */
  | { kind: 'ok'; principal: Principal; passwordHash: string }
  | { kind: 'invalid' }
  | { kind: 'throttled'; retryAfterSeconds: number };

/** Checks a username and password against the store, with throttling and constant failure cost. */
export class CredentialChecker {
  readonly #store: MailStore;
  readonly #throttle: LoginThrottle;
  readonly #log: Logger;
  readonly #recent = new Map<string, { principal: Principal; passwordHash: string; expiresAt: number }>();
  #dummyHash: Promise<string>;

  constructor(options: { store: MailStore; throttle: LoginThrottle; log: Logger }) {
    this.#store = options.store;
    this.#throttle = options.throttle;
    this.#log = options.log;
    // Made now, not at the first unknown user, whose answer would otherwise take longer.
    this.#dummyHash = hashPassword(newSecret());
  }

  async check(rawUsername: string, password: string, ip: string): Promise<CredentialCheck> {
    const username = rawUsername.trim().toLowerCase();
    const verdict = this.#throttle.check(username, ip);
    if (!verdict.allowed) return { kind: 'throttled', retryAfterSeconds: verdict.retryAfterSeconds };

    const verified = await this.#verify(username, password);
    if (verified) {
      this.#throttle.recordSuccess(username);
      return { kind: 'ok', ...verified };
    }
    this.#throttle.recordFailure(username, ip);
    this.#log.info('failed login', { username, ip });
    await sleep(FAILED_LOGIN_DELAY_MS);
    return { kind: 'invalid' };
  }

  /** `check` with a short memory of successes, for Basic auth on every request. */
  async checkBasic(rawUsername: string, password: string, ip: string): Promise<CredentialCheck> {
    const key = secretDigest(`${rawUsername.trim().toLowerCase()}\u0000${password}`);
    const cached = this.#recent.get(key);
    if (cached && cached.expiresAt > Date.now()) {
      // One indexed read: a changed password or a deleted account ends the cached success now.
      if (await this.stillValid(cached.principal, cached.passwordHash))
        return { kind: 'ok', principal: cached.principal, passwordHash: cached.passwordHash };
      this.#recent.delete(key);
    }
    const result = await this.check(rawUsername, password, ip);
    if (result.kind === 'ok') {
      if (this.#recent.size >= BASIC_CACHE_MAX) this.#recent.clear();
      const { principal, passwordHash } = result;
      this.#recent.set(key, { principal, passwordHash, expiresAt: Date.now() + BASIC_CACHE_TTL_MS });
    }
    return result;
  }

  /** Whether the account still exists with the password hash a password was checked against. */
  async stillValid(principal: Principal, passwordHash: string): Promise<boolean> {
    return (await this.#store.getPasswordHash(principal.accountId)) === passwordHash;
  }

  async #verify(
    username: string,
    password: string,
  ): Promise<{ principal: Principal; passwordHash: string } | null> {
    if (
      username.length === 0 ||
      username.length > MAX_USERNAME_LENGTH ||
      password.length > MAX_PASSWORD_LENGTH
    )
      return null;
    const account = await this.#store.findAccountByEmail(username);
    const stored = account ? await this.#store.getPasswordHash(account.id) : null;
    // An unknown user costs the same hash as a known one, so timing does not reveal who exists.
    const ok = await verifyPassword(password, stored ?? (await this.#dummy()));
    return ok && account && stored
      ? { principal: { accountId: account.id, username: account.email }, passwordHash: stored }
      : null;
  }

  #dummy(): Promise<string> {
    return this.#dummyHash;
  }
}
