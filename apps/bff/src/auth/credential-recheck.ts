import type { AuthServices, RequestAuth } from './authenticate.js';

/**
 * How often an open push connection (EventSource, WebSocket) re-checks the credentials it was
 * opened with; a logout or revocation in this process is noticed at once (CredentialEvents).
 */
export const PUSH_CREDENTIAL_RECHECK_MS = 10_000;

/**
 * Whether credentials accepted earlier would still be accepted now: the cookie's session still
 * exists (not logged out, not expired), the Bearer token still exists, the Basic account still
 * exists with the password hash it had when the password was checked.
 */
export async function credentialsStillValid(services: AuthServices, auth: RequestAuth): Promise<boolean> {
  switch (auth.via) {
    case 'cookie':
      return services.sessions.isLive(auth.token);
    case 'basic':
      return services.credentials.stillValid(auth.principal, auth.passwordHash);
    case 'bearer':
      return services.apiTokens.stillValid(auth);
  }
}

export interface CredentialWatch {
  /** Re-checks now; true while valid (false once `onInvalid` has been called). */
  check(): Promise<boolean>;
  stop(): void;
}

/**
 * Re-checks `auth` every `intervalMs` and after each in-process withdrawal; calls `onInvalid`
 * once, the first time the credentials no longer hold, and stops. A failed check (store error)
 * counts as invalid: a connection we cannot vouch for is closed, the client reconnects.
 */
export function watchCredentials(
  services: AuthServices,
  auth: RequestAuth,
  options: {
    intervalMs?: number;
    onInvalid: () => void;
    /** After each check that found them still valid (a push connection refreshes its accounts). */
    onStillValid?: () => void;
  },
): CredentialWatch {
  let stopped = false;
  const stop = () => {
    stopped = true;
    clearInterval(timer);
    forgetEvents();
  };
  const check = async (): Promise<boolean> => {
    if (stopped) return false;
    const valid = await credentialsStillValid(services, auth).catch(() => false);
    if (!valid && !stopped) {
      stop();
      options.onInvalid();
    }
    if (valid && !stopped) options.onStillValid?.();
    return valid && !stopped;
  };
  const timer = setInterval(() => void check(), options.intervalMs ?? PUSH_CREDENTIAL_RECHECK_MS);
  timer.unref();
  const forgetEvents = services.events.onWithdrawn(() => void check());
  return { check, stop };
}
