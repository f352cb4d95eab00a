import type { Request, RequestHandler, Response } from 'express';
import type { MailStore } from '@colibri/mail-store';
import { pushAccounts } from './push-accounts.js';
import { RequestErrorType } from '@colibri/jmap-types';
import { authOf } from '../../auth/authenticate.js';
import type { AuthServices } from '../../auth/authenticate.js';
import { watchCredentials } from '../../auth/credential-recheck.js';
import { sendProblem } from '../problem.js';
import { ConnectionLimiter, stateChangeObject, subscribePush } from './state-feed.js';
import type { PushFeed } from './state-feed.js';

/** RFC 8620 §7.3 lets the server choose the ping interval: a non-zero request is clamped to this. */
export const PING_MIN_SECONDS = 5;
export const PING_MAX_SECONDS = 3600;
/** Open EventSource connections per principal; one more is refused with 429. */
export const MAX_EVENTSOURCE_PER_USER = 8;

export interface EventSourceOptions {
  feed: PushFeed;
  /** For the accounts shared with the principal (RFC 9670). */
  store: Pick<MailStore, 'listSharesWith' | 'listCollectionSharesWith'>;
  /** To re-check the connection's credentials while it is open. */
  auth: AuthServices;
  /** Default PUSH_CREDENTIAL_RECHECK_MS; tests use a shorter one. */
  credentialRecheckMs?: number;
  limiter?: ConnectionLimiter;
}

interface EventSourceQuery {
  types: ReadonlySet<string> | null;
  closeAfterState: boolean;
  /** Seconds, 0 for none, already clamped. */
  ping: number;
}

/**
 * RFC 8620 §7.3: GET eventSourceUrl → a text/event-stream of `state` events (StateChange objects
 * for the principal's accounts, restricted to `types`), `ping` events when asked for, and the end
 * of the response after the first state event with `closeafter=state`. The response also ends
 * once the credentials it was opened with are withdrawn (logout, revocation, password change).
 */
export function eventSourceRoute(options: EventSourceOptions): RequestHandler {
  const limiter = options.limiter ?? new ConnectionLimiter(MAX_EVENTSOURCE_PER_USER);
  return (req: Request, res: Response) => {
    const query = parseQuery(req.query);
    if (typeof query === 'string') {
      sendProblem(res, { type: 'about:blank', status: 400, detail: query });
      return;
    }
    const auth = authOf(req);
    const { principal } = auth;
    const release = limiter.acquire(principal.accountId);
    if (!release) {
      sendProblem(res, {
        type: RequestErrorType.Limit,
        status: 429,
        limit: 'maxEventSourceConnections',
        detail: `At most ${limiter.max} EventSource connections may be open at once per user.`,
      });
      return;
    }
    res.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      // A buffering reverse proxy (nginx) would hold events back.
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();

    let pingTimer: NodeJS.Timeout | null = null;
    const armPing = () => {
      if (query.ping === 0) return;
      if (pingTimer) clearTimeout(pingTimer);
      // §7.3: a ping whenever `ping` seconds have passed since the previous event.
      pingTimer = setTimeout(
        () => send('ping', { '@type': 'Ping', interval: query.ping }),
        query.ping * 1000,
      );
    };
    const send = (event: string, data: unknown) => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      armPing();
    };

    const accounts = pushAccounts(options.store, principal);
    const accountIds = accounts.ids;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      forgetShutdown();
      watch.stop();
      unsubscribe();
      if (pingTimer) clearTimeout(pingTimer);
      release();
    };
    const unsubscribe = subscribePush(
      options.feed,
      () => ({
        accountIds,
        types: query.types,
        ownAccountId: principal.accountId,
        sharedTypes: accounts.sharedTypes,
      }),
      (changed) => {
        send('state', stateChangeObject(changed));
        if (query.closeAfterState) {
          finish();
          res.end();
        }
      },
    );
    const end = () => {
      finish();
      res.end();
    };
    const forgetShutdown = options.feed.onShutdown(end);
    const watch = watchCredentials(options.auth, auth, {
      intervalMs: options.credentialRecheckMs,
      onInvalid: end,
      onStillValid: accounts.refresh,
    });
    armPing();
    res.on('close', finish);
  };
}

/** The query of the eventSourceUrl template; a string is the reason it is invalid. */
function parseQuery(query: Request['query']): EventSourceQuery | string {
  const one = (name: string): string | undefined => {
    const value = query[name];
    if (value === undefined) return undefined;
    return typeof value === 'string' ? value : '';
  };
  const typesText = one('types') ?? '*';
  const list = typesText.split(',').map((t) => t.trim());
  if (list.some((t) => !/^(?:\*|[A-Za-z][A-Za-z0-9]*)$/.test(t)))
    return 'types must be "*" or a comma-separated list of type names.';
  const closeafter = one('closeafter') ?? 'no';
  if (closeafter !== 'state' && closeafter !== 'no') return 'closeafter must be "state" or "no".';
  const pingText = one('ping') ?? '0';
  if (!/^\d{1,10}$/.test(pingText)) return 'ping must be a non-negative integer number of seconds.';
  const ping = Number(pingText);
  return {
    types: list.includes('*') ? null : new Set(list),
    closeAfterState: closeafter === 'state',
    ping: ping === 0 ? 0 : Math.min(Math.max(ping, PING_MIN_SECONDS), PING_MAX_SECONDS),
  };
}
