export const joinRateLimits = {
  /** Join attempts per client address per window (a meeting's guests may share one address). */
  perWindow: 60,
  windowMs: 60 * 1000,
  /** Addresses remembered at once; beyond it the oldest windows are dropped. */
  maxAddresses: 10_000,
} as const;

export type RateVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Bounds join attempts per client address, in fixed windows: joining is open to anyone with a
 * link, so this is what stops a script from probing room ids or filling lobbies at full speed.
 */
export class JoinRateLimit {
  readonly #windows = new Map<string, { start: number; count: number }>();
  readonly #now: () => number;

  constructor(options: { now?: () => number } = {}) {
    this.#now = options.now ?? Date.now;
  }

  take(address: string): RateVerdict {
    const now = this.#now();
    let window = this.#windows.get(address);
    if (!window || now - window.start >= joinRateLimits.windowMs) {
      this.#windows.delete(address);
      if (this.#windows.size >= joinRateLimits.maxAddresses) {
        const oldest = this.#windows.keys().next().value;
        if (oldest !== undefined) this.#windows.delete(oldest);
      }
      window = { start: now, count: 0 };
      this.#windows.set(address, window);
    }
    window.count += 1;
    if (window.count <= joinRateLimits.perWindow) return { allowed: true };
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((window.start + joinRateLimits.windowMs - now) / 1000)),
    };
  }
}
