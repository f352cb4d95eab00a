/** From this many failures per username on, each further attempt must wait. */
export const BACKOFF_AFTER_USER_FAILURES = 3;
/** Per client address the allowance is larger: many people may share one address (NAT, proxy). */
export const BACKOFF_AFTER_IP_FAILURES = 10;
export const FIRST_BACKOFF_MS = 1000;
export const MAX_BACKOFF_MS = 5 * 60 * 1000;
/** A key with no failure for this long starts over. */
export const FORGET_AFTER_MS = 15 * 60 * 1000;
/** Bounds memory under a spray of usernames or addresses; the oldest entries go first. */
const MAX_ENTRIES = 100_000;

interface Entry {
  failures: number;
  lastFailureAt: number;
  blockedUntil: number;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Failed-login throttling per username and per client address: from the third failure on, each
 * failure doubles the wait (1 s, 2 s, 4 s... capped at 5 min) during which every attempt
 * is refused with 429 before the password is even checked. In memory: a restart forgets it,
 * which is acceptable for a backoff (it slows guessing, it is not a lockout).
 */
export class LoginThrottle {
  readonly #entries = new Map<string, Entry>();
  readonly #now: () => number;

  constructor(options: { now?: () => number } = {}) {
    this.#now = options.now ?? Date.now;
  }

  check(username: string, ip: string): ThrottleVerdict {
    const now = this.#now();
    const until = Math.max(this.#blockedUntil(userKey(username), now), this.#blockedUntil(ipKey(ip), now));
    if (until <= now) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until - now) / 1000)) };
  }

  recordFailure(username: string, ip: string): void {
    const now = this.#now();
    this.#fail(userKey(username), BACKOFF_AFTER_USER_FAILURES, now);
    this.#fail(ipKey(ip), BACKOFF_AFTER_IP_FAILURES, now);
  }

  /** A success clears the username's record only: an attacker's own login must not reset the address. */
  recordSuccess(username: string): void {
    this.#entries.delete(userKey(username));
  }

  #blockedUntil(key: string, now: number): number {
    const entry = this.#entries.get(key);
    if (!entry) return 0;
    if (now - entry.lastFailureAt > FORGET_AFTER_MS) {
      this.#entries.delete(key);
      return 0;
    }
    return entry.blockedUntil;
  }

  #fail(key: string, threshold: number, now: number): void {
    const previous = this.#entries.get(key);
    const failures = previous && now - previous.lastFailureAt <= FORGET_AFTER_MS ? previous.failures + 1 : 1;
    const over = failures - threshold + 1;
    const blockedUntil = over > 0 ? now + Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (over - 1)) : 0;
    // Re-insert so that Map order stays "least recently failed first" for the eviction below.
    this.#entries.delete(key);
    this.#entries.set(key, { failures, lastFailureAt: now, blockedUntil });
    if (this.#entries.size > MAX_ENTRIES) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
  }
}

const userKey = (username: string) => `u:${username.trim().toLowerCase()}`;
const ipKey = (ip: string) => `ip:${ip}`;
