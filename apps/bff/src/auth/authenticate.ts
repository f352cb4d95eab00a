import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Principal } from '@colibri/jmap-server';
import type { ApiTokenStore } from './api-tokens.js';
import { SESSION_COOKIE, readCookie } from './cookies.js';
import type { CredentialEvents } from './credential-events.js';
import type { CredentialChecker } from './credentials.js';
import type { BrowserSession, SessionStore } from './session-store.js';
import { constantTimeEqual } from './tokens.js';

/**
 * How a request proved who it is, with what it takes to re-check that later (push connections).
 * Only the cookie is an ambient credential that needs CSRF.
 */
export type RequestAuth =
  | { via: 'cookie'; principal: Principal; session: BrowserSession; token: string }
  /** `passwordHash`: the account's hash when the password was checked (a change invalidates). */
  | { via: 'basic'; principal: Principal; passwordHash: string }
  /** `digest`: the sha256 the store keeps of the token, never the token. */
  | { via: 'bearer'; principal: Principal; tokenId: string; digest: string };

type Outcome =
  | { kind: 'authenticated'; auth: RequestAuth }
  | { kind: 'anonymous' }
  | { kind: 'invalid' }
  | { kind: 'throttled'; retryAfterSeconds: number };

export interface AuthServices {
  sessions: SessionStore;
  credentials: CredentialChecker;
  apiTokens: ApiTokenStore;
  /** Logouts and revocations made by this process, for open push connections. */
  events: CredentialEvents;
}

export const CSRF_HEADER = 'X-CSRF-Token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const authByRequest = new WeakMap<Request, RequestAuth>();

/** The authentication `requireAuth` established for this request (a wiring bug if missing). */
export function authOf(req: Request): RequestAuth {
  const auth = authByRequest.get(req);
  if (!auth) throw new Error('authOf() called on a route without requireAuth().');
  return auth;
}

/** Reads the credentials of a request: an Authorization header first, else the session cookie. */
export async function resolveAuth(services: AuthServices, req: Request): Promise<Outcome> {
  const header = req.get('authorization');
  if (header !== undefined) {
    const [scheme = '', value = ''] = header.trim().split(/\s+/, 2);
    if (/^basic$/i.test(scheme)) {
      // RFC 7617 §2: base64 of "user-id:password", split at the first colon.
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon < 0) return { kind: 'invalid' };
      const result = await services.credentials.checkBasic(
        decoded.slice(0, colon),
        decoded.slice(colon + 1),
        req.ip ?? 'unknown',
      );
      if (result.kind === 'ok') {
        const { principal, passwordHash } = result;
        return { kind: 'authenticated', auth: { via: 'basic', principal, passwordHash } };
      }
      return result.kind === 'throttled' ? result : { kind: 'invalid' };
    }
    if (/^bearer$/i.test(scheme)) {
      const match = await services.apiTokens.find(value);
      return match ? { kind: 'authenticated', auth: { via: 'bearer', ...match } } : { kind: 'invalid' };
    }
    return { kind: 'invalid' };
  }
  const token = readCookie(req.get('cookie'), SESSION_COOKIE);
  const session = token ? services.sessions.find(token) : null;
  if (!token || !session) return { kind: 'anonymous' };
  return {
    kind: 'authenticated',
    auth: {
      via: 'cookie',
      principal: { accountId: session.accountId, username: session.username },
      session,
      token,
    },
  };
}

/**
 * Guards a route: 401 without valid credentials, 429 while Basic auth is throttled, and 403 when
 * a cookie-authenticated state-changing request lacks the session's CSRF token.
 */
export function requireAuth(services: AuthServices): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const outcome = await resolveAuth(services, req);
    if (outcome.kind === 'throttled') {
      res.set('Retry-After', String(outcome.retryAfterSeconds));
      res.status(429).json({
        error: 'tooManyAttempts',
        message: 'Too many failed attempts. Try again later.',
        retryAfter: outcome.retryAfterSeconds,
      });
      return;
    }
    if (outcome.kind !== 'authenticated') {
      sendUnauthenticated(req, res);
      return;
    }
    const { auth } = outcome;
    if (auth.via === 'cookie' && !SAFE_METHODS.has(req.method) && !csrfMatches(req, auth.session)) {
      res.status(403).json({ error: 'csrf', message: `A valid ${CSRF_HEADER} header is required.` });
      return;
    }
    authByRequest.set(req, auth);
    next();
  };
}

export function csrfMatches(req: Request, session: BrowserSession): boolean {
  const sent = req.get(CSRF_HEADER);
  return sent !== undefined && constantTimeEqual(sent, session.csrfToken);
}

/**
 * RFC 7235 §3.1: a 401 carries a challenge. Scripts of our own web app are spared it: they
 * authenticate by cookie, and a Basic challenge would make the browser pop up its login dialog.
 */
export function sendUnauthenticated(req: Request, res: Response): void {
  const ownScript = req.get('sec-fetch-site') === 'same-origin' && req.get('sec-fetch-mode') !== 'navigate';
  if (!ownScript) res.set('WWW-Authenticate', 'Basic realm="Colibri", charset="UTF-8"');
  res.status(401).json({ error: 'unauthenticated', message: 'Authentication required.' });
}
