import type { MailStore } from '@colibri/mail-store';
import express from 'express';
import type { NextFunction, Request, Response, Router } from 'express';
import type { JmapEngine } from '@colibri/jmap-server';
import { RequestErrorType } from '@colibri/jmap-types';
import type { CoreCapability, JmapResponse, ProblemDetails } from '@colibri/jmap-types';
import { authOf, requireAuth } from '../auth/authenticate.js';
import type { AuthServices } from '../auth/authenticate.js';
import { publicBaseUrl } from './base-url.js';
import { sendProblem } from './problem.js';
import { eventSourceRoute } from './push/eventsource.js';
import type { PushFeed } from './push/state-feed.js';

export interface JmapRoutesOptions {
  engine: JmapEngine;
  auth: AuthServices;
  /** The limits the engine announces; the body size limit is enforced here, before parsing. */
  limits: CoreCapability;
  publicUrl: string | null;
  /** The store's state feed, for push. */
  feed: PushFeed;
  /** For push: the accounts shared with the principal (RFC 9670). */
  store: Pick<MailStore, 'listSharesWith' | 'listCollectionSharesWith'>;
  /** How often open EventSources re-check their credentials (default PUSH_CREDENTIAL_RECHECK_MS). */
  pushCredentialRecheckMs?: number;
}

/** RFC 8620 §2 (Session), §3 (API) and §7.3 (push over EventSource). */
export function jmapRoutes(options: JmapRoutesOptions): Router {
  const router = express.Router();
  const auth = requireAuth(options.auth);

  // RFC 8620 §2.2: the Session resource at the well-known URL, served directly (no redirect).
  router.get('/.well-known/jmap', auth, async (req: Request, res: Response) => {
    const session = await options.engine.getSession(
      authOf(req).principal,
      publicBaseUrl(req, options.publicUrl),
    );
    res.set('Cache-Control', 'no-cache, private').json(session);
  });

  // RFC 8620 §3.1: the body is JSON; text/plain is accepted too, and any other type is read as
  // JSON (the engine answers notJSON when it is not). Authentication comes before reading it.
  const readBody = express.raw({ type: () => true, limit: options.limits.maxSizeRequest });
  router.post('/jmap/api', auth, readBody, async (req: Request, res: Response) => {
    const text = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    const answer = await options.engine.handleRequest(authOf(req).principal, body);
    res.set('Cache-Control', 'no-store');
    if (isProblem(answer.body)) sendProblem(res, { ...answer.body, status: answer.status });
    else res.status(answer.status).json(answer.body);
  });
  router.use('/jmap/api', (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (isBodyTooLarge(error)) {
      // RFC 8620 §3.6.1: a request over maxSizeRequest is a "limit" problem naming that limit.
      sendProblem(res, {
        type: RequestErrorType.Limit,
        status: 413,
        limit: 'maxSizeRequest',
        detail: `The request is larger than ${options.limits.maxSizeRequest} bytes.`,
      });
      return;
    }
    next(error);
  });

  // RFC 8620 §7.3: push over EventSource (push/eventsource.ts). Upload: upload.ts.
  router.get(
    '/jmap/eventsource',
    auth,
    eventSourceRoute({
      feed: options.feed,
      store: options.store,
      auth: options.auth,
      credentialRecheckMs: options.pushCredentialRecheckMs,
    }),
  );
  return router;
}

function isProblem(body: JmapResponse | ProblemDetails): body is ProblemDetails {
  return !('methodResponses' in body);
}

function isBodyTooLarge(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { type?: unknown }).type === 'entity.too.large'
  );
}
