import type { AccountId } from '@colibri/mail-store';
import { newSecret, secretDigest } from './tokens.js';

/** A session ends after this long without a request. */
export const SESSION_IDLE_TIMEOUT_MS = 7 * 24 * 60 * 60 * 1000;
/** And after this long in any case, so a stolen cookie does not live for ever. */
export const SESSION_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

export interface BrowserSession {
  accountId: AccountId;
  username: string;
  /** Sent back by the web app as X-CSRF-Token on state-changing requests. */
  csrfToken: string;
  createdAt: number;
  lastSeenAt: number;
}

/**
 * Browser sessions, kept in memory: a restart logs everyone out, which is acceptable for the
 * skeleton (the store's meta API is a small key-value table without delete or scan, unsuited to
 * thousands of short-lived rows). Only the sha256 of a session token is kept, never the token.
 */
export class SessionStore {
  readonly #sessions = new Map<string, BrowserSession>();
  readonly #now: () => number;
  readonly #sweeper: NodeJS.Timeout;

  constructor(options: { now?: () => number } = {}) {
    this.#now = options.now ?? Date.now;
    this.#sweeper = setInterval(() => this.#sweep(), SWEEP_INTERVAL_MS);
    this.#sweeper.unref();
  }

  /** Starts a session; the returned token goes into the cookie and is not kept here. */
  create(principal: { accountId: AccountId; username: string }): { token: string; session: BrowserSession } {
    const token = newSecret();
    const now = this.#now();
    const session: BrowserSession = { ...principal, csrfToken: newSecret(), createdAt: now, lastSeenAt: now };
    this.#sessions.set(secretDigest(token), session);
    return { token, session };
  }

  /** The live session for a cookie token (and marks it used), or null when unknown or expired. */
  find(token: string): BrowserSession | null {
    const key = secretDigest(token);
    const session = this.#sessions.get(key);
    if (!session) return null;
    const now = this.#now();
    if (isExpired(session, now)) {
      this.#sessions.delete(key);
      return null;
    }
    session.lastSeenAt = now;
    return session;
  }

  /** Whether the session is still live, without counting this as a use (a push connection's re-check). */
  isLive(token: string): boolean {
    const session = this.#sessions.get(secretDigest(token));
    return session !== undefined && !isExpired(session, this.#now());
  }

  destroy(token: string): void {
    this.#sessions.delete(secretDigest(token));
  }

  close(): void {
    clearInterval(this.#sweeper);
    this.#sessions.clear();
  }

  #sweep(): void {
    const now = this.#now();
    for (const [key, session] of this.#sessions) if (isExpired(session, now)) this.#sessions.delete(key);
  }
}

function isExpired(session: BrowserSession, now: number): boolean {
  return now - session.lastSeenAt > SESSION_IDLE_TIMEOUT_MS || now - session.createdAt > SESSION_MAX_AGE_MS;
}
