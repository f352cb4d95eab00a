import express from 'express';
import type { Request, Response, Router } from 'express';
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

/** The browser's session API: /auth/login, /auth/me, /auth/logout, and /auth/tokens for API tokens. */
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
    if (previous) services.sessions.destroy(previous);
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
    }
    // Logging out without a live session is already done: say so and clear the cookie anyway.
    res.append('Set-Cookie', clearedSessionCookie(req.secure));
    res.status(204).end();
  });

  router.post('/tokens', requireAuth(services), async (req: Request, res: Response) => {
    const auth = authOf(req);
    // A token may not mint more tokens: a leaked one must not be able to outlive its revocation.
    if (auth.via === 'bearer') {
      res.status(403).json({ error: 'forbidden', message: 'Log in with a password to create API tokens.' });
      return;
    }
    const token = await services.apiTokens.create(auth.principal);
    if (token === null) {
      res.status(409).json({ error: 'tooManyTokens', message: 'This account has too many API tokens.' });
      return;
    }
    log.info('api token created', { username: auth.principal.username });
    res.status(201).json({ token });
  });

  return router;
}
