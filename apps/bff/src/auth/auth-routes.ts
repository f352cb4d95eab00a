import express from 'express';
import type { Request, Response, Router } from 'express';
import { DEFAULT_API_TOKEN_NAME, apiTokenLimits, isValidApiTokenName } from '@colibri/mail-store';
import type { Logger } from '../logger.js';
import { authOf, csrfMatches, requireAuth } from './authenticate.js';
import type { AuthServices } from './authenticate.js';
import { SESSION_COOKIE, clearedSessionCookie, readCookie, sessionCookie } from './cookies.js';
import type { BrowserSession } from './session-store.js';

/** Login bodies are tiny; anything bigger is not a login. */
const LOGIN_BODY_LIMIT = '16kb';

function me(session: BrowserSession) {
  return { username: session.username, accountId: session.accountId, csrfToken: session.csrfToken };
}

function badRequest(res: Response, message: string): void {
  res.status(400).json({ error: 'badRequest', message });
}

/** The name of a new token from an optional JSON body `{ "name": "..." }`; a string is a 400's reason. */
function tokenName(req: Request): { name: string } | string {
  const body: unknown = req.body;
  // No body (or not JSON) is a token with the default name, as before names existed.
  if (body === undefined || !req.is('application/json')) return { name: DEFAULT_API_TOKEN_NAME };
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return 'Send a JSON object, e.g. { "name": "laptop" }, or no body.';
  const { name } = body as Record<string, unknown>;
  if (name === undefined) return { name: DEFAULT_API_TOKEN_NAME };
  const max = apiTokenLimits.maxNameChars;
  if (typeof name !== 'string') return '"name" must be a string.';
  const trimmed = name.trim();
  if (!isValidApiTokenName(trimmed))
    return `"name" must have 1 to ${max} characters and no control characters.`;
  return { name: trimmed };
}

/**
 * The browser's session API: /auth/login, /auth/me, /auth/logout, and /auth/tokens (GET list,
 * POST create, DELETE /auth/tokens/:id revoke) for API tokens.
 */
export function authRoutes(services: AuthServices, log: Logger): Router {
  const router = express.Router();
  // Only application/json is parsed: a cross-site HTML form cannot send it without a CORS
  // preflight (which we never grant), so login CSRF needs no token of its own.
  router.use(express.json({ limit: LOGIN_BODY_LIMIT, type: 'application/json' }));
  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  router.post('/login', async (req: Request, res: Response) => {
    const body: unknown = req.body;
    if (typeof body !== 'object' || body === null || !req.is('application/json')) {
      badRequest(res, 'Send a JSON object with "username" and "password".');
      return;
    }
    const { username, password } = body as Record<string, unknown>;
    if (typeof username !== 'string' || typeof password !== 'string' || username.trim() === '') {
      badRequest(res, '"username" and "password" must be strings.');
      return;
    }
    const result = await services.credentials.check(username, password, req.ip ?? 'unknown');
    if (result.kind === 'throttled') {
      res.set('Retry-After', String(result.retryAfterSeconds));
      res.status(429).json({
        error: 'tooManyAttempts',
        message: `Too many failed attempts. Try again in ${result.retryAfterSeconds} second${result.retryAfterSeconds === 1 ? '' : 's'}.`,
        retryAfter: result.retryAfterSeconds,
      });
      return;
    }
    if (result.kind === 'invalid') {
      res.status(401).json({ error: 'invalidCredentials', message: 'Wrong email address or password.' });
      return;
    }
    // A login always mints a new session (no fixation); the one it replaces ends.
    const previous = readCookie(req.get('cookie'), SESSION_COOKIE);
    if (previous) {
      services.sessions.destroy(previous);
      services.events.withdrawn();
    }
    const { token, session } = services.sessions.create(result.principal);
    res.append('Set-Cookie', sessionCookie(token, req.secure));
    log.info('login', { username: session.username, ip: req.ip });
    res.json(me(session));
  });

  router.get('/me', (req: Request, res: Response) => {
    const token = readCookie(req.get('cookie'), SESSION_COOKIE);
    const session = token ? services.sessions.find(token) : null;
    if (!session) {
      res.status(401).json({ error: 'unauthenticated', message: 'Not logged in.' });
      return;
    }
    res.json(me(session));
  });

  router.post('/logout', (req: Request, res: Response) => {
    const token = readCookie(req.get('cookie'), SESSION_COOKIE);
    const session = token ? services.sessions.find(token) : null;
    if (token && session) {
      if (!csrfMatches(req, session)) {
        res.status(403).json({ error: 'csrf', message: 'A valid X-CSRF-Token header is required.' });
        return;
      }
      services.sessions.destroy(token);
      // Push connections opened with this cookie close now, not at their next re-check.
      services.events.withdrawn();
    }
    // Logging out without a live session is already done: say so and clear the cookie anyway.
    res.append('Set-Cookie', clearedSessionCookie(req.secure));
    res.status(204).end();
  });

  // Any credential may list and revoke the account's tokens, a Bearer token too (a client
  // signing out revokes its own): revoking only ever takes access away.
  router.get('/tokens', requireAuth(services), async (req: Request, res: Response) => {
    res.json({ tokens: await services.apiTokens.list(authOf(req).principal.accountId) });
  });

  router.post('/tokens', requireAuth(services), async (req: Request, res: Response) => {
    const auth = authOf(req);
    // A token may not mint more tokens: a leaked one must not be able to outlive its revocation.
    if (auth.via === 'bearer') {
      res.status(403).json({ error: 'forbidden', message: 'Log in with a password to create API tokens.' });
      return;
    }
    const wanted = tokenName(req);
    if (typeof wanted === 'string') {
      badRequest(res, wanted);
      return;
    }
    const created = await services.apiTokens.create(auth.principal.accountId, wanted.name);
    if (created.kind === 'tooMany') {
      res.status(409).json({
        error: 'tooManyTokens',
        message: `This account has ${apiTokenLimits.maxPerAccount} API tokens, the most it may have. Revoke one first.`,
      });
      return;
    }
    log.info('api token created', { username: auth.principal.username, tokenId: created.info.id });
    // The only time the secret is shown.
    res.status(201).json({ token: created.token, ...created.info });
  });

  router.delete('/tokens/:id', requireAuth(services), async (req: Request, res: Response) => {
    const auth = authOf(req);
    const { id } = req.params;
    if (typeof id !== 'string') throw new Error('route parameter id missing');
    // Another account's token is "not found" too: the answer reveals nothing about it.
    if (!(await services.apiTokens.revoke(auth.principal.accountId, id))) {
      res.status(404).json({ error: 'notFound', message: 'No such API token.' });
      return;
    }
    services.events.withdrawn();
    log.info('api token revoked', { username: auth.principal.username, tokenId: id });
    res.status(204).end();
  });

  return router;
}
