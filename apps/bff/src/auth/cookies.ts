import { SESSION_IDLE_TIMEOUT_MS } from './session-store.js';

export const SESSION_COOKIE = 'colibri_session';

/** The value of one cookie from a Cookie header (RFC 6265 §5.4), or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const pair of header.split(';')) {
    const at = pair.indexOf('=');
    if (at < 0) continue;
    if (pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim() || null;
  }
  return null;
}

/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Strict (never sent on cross-site
 * requests, the first line of CSRF defence), Secure when the page is served over https.
 * Its Max-Age follows the idle timeout; the server-side session is the authority.
 */
export function sessionCookie(token: string, secure: boolean): string {
  const maxAge = Math.floor(SESSION_IDLE_TIMEOUT_MS / 1000);
  return `${SESSION_COOKIE}=${token}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}
