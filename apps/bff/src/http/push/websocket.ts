import type { IncomingMessage, Server } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Request } from 'express';
import { WebSocketServer } from 'ws';
import type { RawData, WebSocket } from 'ws';
import { pushAccounts } from './push-accounts.js';
import type { JmapEngine } from '@colibri/jmap-server';
import { RequestErrorType } from '@colibri/jmap-types';
import type { CoreCapability, ProblemDetails } from '@colibri/jmap-types';
import type { AccountId, ChangeType, MailStore } from '@colibri/mail-store';
import { resolveAuth } from '../../auth/authenticate.js';
import type { AuthServices, RequestAuth } from '../../auth/authenticate.js';
import { watchCredentials } from '../../auth/credential-recheck.js';
import type { Logger } from '../../logger.js';
import { ConnectionLimiter, subscribePush } from './state-feed.js';
import type { ChangedStates, PushFeed } from './state-feed.js';

/** RFC 8887 §4.1: where the WebSocket endpoint listens (announced in the Session). */
export const WEBSOCKET_PATH = '/jmap/ws';
/** RFC 8887 §4.2: the subprotocol a client must ask for. */
export const WEBSOCKET_SUBPROTOCOL = 'jmap';
/** Open JMAP WebSockets per principal; one more is refused with 429 at the upgrade. */
export const MAX_WEBSOCKETS_PER_USER = 8;
/**
 * Messages up to maxSizeRequest are read; a larger one up to twice that gets a "limit"
 * RequestError, anything larger closes the connection with 1009 (RFC 6455 §7.4.1).
 */
export const MAX_FRAME_FACTOR = 2;
/** RFC 6455 §7.4.1: the close code when the connection's credentials were withdrawn. */
export const CLOSE_POLICY_VIOLATION = 1008;
export const CREDENTIALS_WITHDRAWN_REASON = 'Credentials no longer valid';
/** The types whose states a pushState token records (all the store tracks). */
const PUSH_TYPES: readonly ChangeType[] = [
  'Mailbox',
  'Email',
  'Thread',
  'EmailSubmission',
  'Identity',
  'VacationResponse',
  'SieveScript',
  'ShareNotification',
  'Calendar',
  'CalendarEvent',
  'CalendarEventNotification',
  'AddressBook',
  'ContactCard',
];

export interface JmapWebSocketOptions {
  engine: JmapEngine;
  auth: AuthServices;
  store: Pick<MailStore, 'getState' | 'listSharesWith' | 'listCollectionSharesWith'>;
  feed: PushFeed;
  limits: CoreCapability;
  /** The configured public URL: browsers' Origin must match it; else the Host the client used. */
  publicUrl: string | null;
  log: Logger;
  limiter?: ConnectionLimiter;
  /** How often an open socket re-checks its credentials (default PUSH_CREDENTIAL_RECHECK_MS). */
  credentialRecheckMs?: number;
}

/**
 * RFC 8887: JMAP over WebSocket on the HTTP server's upgrade event at WEBSOCKET_PATH. The
 * upgrade is authenticated like any JMAP request; a browser session cookie also needs an Origin
 * of our own (a cross-site page could otherwise open a socket with the user's cookie). The
 * credentials are re-checked periodically, on in-process withdrawals and before each message;
 * once withdrawn the socket closes with 1008 and nothing more is answered.
 */
export function attachJmapWebSocket(server: Server, options: JmapWebSocketOptions): void {
  const limiter = options.limiter ?? new ConnectionLimiter(MAX_WEBSOCKETS_PER_USER);
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.limits.maxSizeRequest * MAX_FRAME_FACTOR,
    handleProtocols: (protocols) => (protocols.has(WEBSOCKET_SUBPROTOCOL) ? WEBSOCKET_SUBPROTOCOL : false),
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    void upgrade(req, socket, head).catch((error: unknown) => {
      options.log.warn('WebSocket upgrade failed', { error: String(error) });
      socket.destroy();
    });
  });

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== WEBSOCKET_PATH) {
      refuse(socket, 404, 'No WebSocket endpoint here.');
      return;
    }
    const protocols = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
    if (!protocols.includes(WEBSOCKET_SUBPROTOCOL)) {
      refuse(socket, 400, 'The "jmap" WebSocket subprotocol is required (RFC 8887 §4.2).');
      return;
    }
    const outcome = await resolveAuth(options.auth, requestView(req));
    if (outcome.kind === 'throttled') {
      refuse(socket, 429, 'Too many failed attempts. Try again later.', {
        'Retry-After': String(outcome.retryAfterSeconds),
      });
      return;
    }
    if (outcome.kind !== 'authenticated') {
      refuse(socket, 401, 'Authentication required.', {
        'WWW-Authenticate': 'Basic realm="Colibri", charset="UTF-8"',
      });
      return;
    }
    if (outcome.auth.via === 'cookie' && !sameOrigin(req, options.publicUrl)) {
      refuse(socket, 403, 'A session cookie is only accepted from this site (Origin check).');
      return;
    }
    const { auth } = outcome;
    const release = limiter.acquire(auth.principal.accountId);
    if (!release) {
      refuse(socket, 429, `At most ${limiter.max} WebSocket connections may be open at once per user.`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveJmapSocket(ws, auth, options, release));
  }
}

/** One JMAP WebSocket: requests answered through the engine, and StateChange pushes once enabled. */
function serveJmapSocket(
  ws: WebSocket,
  auth: RequestAuth,
  options: JmapWebSocketOptions,
  release: () => void,
): void {
  const { principal } = auth;
  const accounts = pushAccounts(options.store, principal);
  const accountIds = accounts.ids;
  const maxSize = options.limits.maxSizeRequest;
  let push: { types: ReadonlySet<string> | null; stop: () => void } | null = null;
  /** Every state this connection knows of: the pushState token encodes it (RFC 8887 §4.3.5). */
  let known: ChangedStates = {};
  const watch = watchCredentials(options.auth, auth, {
    intervalMs: options.credentialRecheckMs,
    onStillValid: accounts.refresh,
    onInvalid: () => {
      push?.stop();
      push = null;
      ws.close(CLOSE_POLICY_VIOLATION, CREDENTIALS_WITHDRAWN_REASON);
      setTimeout(() => ws.terminate(), 1000).unref();
    },
  });

  const send = (message: object) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  const requestError = (problem: ProblemDetails, requestId?: string) =>
    send({ '@type': 'RequestError', ...(requestId === undefined ? {} : { requestId }), ...problem });
  const pushChange = (changed: ChangedStates) => {
    for (const [accountId, states] of Object.entries(changed))
      known[accountId] = { ...known[accountId], ...states };
    send({ '@type': 'StateChange', changed, pushState: encodePushState(known) });
  };

  const enablePush = async (types: ReadonlySet<string> | null, pushState: string | undefined) => {
    push?.stop();
    const stop = subscribePush(
      options.feed,
      () => ({ accountIds, types, ownAccountId: principal.accountId, sharedTypes: accounts.sharedTypes }),
      pushChange,
    );
    push = { types, stop };
    // Subscribed first, then read: a change in between is pushed, not lost.
    known = await currentStates(options.store, [...accountIds]);
    if (pushState === undefined) return;
    // §4.3.5: with the pushState of an earlier connection, the changes since then come at once.
    const before = decodePushState(pushState);
    if (!before) return;
    const changed: ChangedStates = {};
    for (const [accountId, states] of Object.entries(known))
      for (const [type, state] of Object.entries(states))
        if ((types === null || types.has(type)) && before[accountId]?.[type] !== state)
          (changed[accountId] ??= {})[type] = state;
    if (Object.keys(changed).length > 0) pushChange(changed);
  };

  const handle = async (data: RawData, isBinary: boolean) => {
    // Every message is answered only on credentials that still hold (a revocation by the CLI
    // would otherwise be noticed only at the next periodic check): one indexed read.
    if (!(await watch.check())) return;
    const bytes = Buffer.isBuffer(data)
      ? data
      : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]);
    if (isBinary) {
      requestError({
        type: RequestErrorType.NotRequest,
        status: 400,
        detail: 'JMAP messages are text frames.',
      });
      return;
    }
    if (bytes.length > maxSize) {
      requestError({
        type: RequestErrorType.Limit,
        status: 400,
        limit: 'maxSizeRequest',
        detail: `The message is larger than ${maxSize} bytes.`,
      });
      return;
    }
    let message: unknown;
    try {
      message = JSON.parse(bytes.toString('utf8'));
    } catch {
      requestError({ type: RequestErrorType.NotJSON, status: 400, detail: 'The message is not JSON.' });
      return;
    }
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      requestError({ type: RequestErrorType.NotRequest, status: 400, detail: 'A message is a JSON object.' });
      return;
    }
    const object = message as Record<string, unknown>;
    const type = object['@type'];
    if (type === 'Request') {
      // §4.3.2: `id` is optional; when given it must be a string, echoed as requestId.
      const id = object.id;
      if (id !== undefined && typeof id !== 'string') {
        requestError({ type: RequestErrorType.NotRequest, status: 400, detail: 'id must be a string.' });
        return;
      }
      const answer = await options.engine.handleRequest(principal, object);
      if ('methodResponses' in answer.body)
        send({ '@type': 'Response', ...(id === undefined ? {} : { requestId: id }), ...answer.body });
      else requestError({ ...answer.body, status: answer.status }, id);
      return;
    }
    if (type === 'WebSocketPushEnable') {
      const { dataTypes, pushState } = object;
      const validTypes =
        dataTypes === null ||
        dataTypes === undefined ||
        (Array.isArray(dataTypes) && dataTypes.every((t) => typeof t === 'string'));
      if (!validTypes || (pushState !== undefined && pushState !== null && typeof pushState !== 'string')) {
        requestError({
          type: RequestErrorType.NotRequest,
          status: 400,
          detail: 'WebSocketPushEnable: dataTypes is null or a list of type names; pushState a string.',
        });
        return;
      }
      await enablePush(
        Array.isArray(dataTypes) ? new Set(dataTypes as string[]) : null,
        typeof pushState === 'string' ? pushState : undefined,
      );
      return;
    }
    if (type === 'WebSocketPushDisable') {
      push?.stop();
      push = null;
      return;
    }
    requestError({
      type: RequestErrorType.NotRequest,
      status: 400,
      detail: '@type must be "Request", "WebSocketPushEnable" or "WebSocketPushDisable".',
    });
  };

  ws.on('message', (data, isBinary) => {
    handle(data, isBinary).catch((error: unknown) => {
      options.log.error('WebSocket message failed', { error: String(error) });
      requestError({ type: 'urn:ietf:params:jmap:error:serverFail', status: 500, detail: 'Server error.' });
    });
  });
  const forgetShutdown = options.feed.onShutdown(() => {
    ws.close(1001, 'Server shutting down');
    setTimeout(() => ws.terminate(), 1000).unref();
  });
  ws.on('close', () => {
    watch.stop();
    push?.stop();
    push = null;
    forgetShutdown();
    release();
  });
}

/** The current state of every type in these accounts. */
async function currentStates(
  store: Pick<MailStore, 'getState'>,
  accountIds: string[],
): Promise<ChangedStates> {
  const states: ChangedStates = {};
  for (const accountId of accountIds) {
    states[accountId] = {};
    for (const type of PUSH_TYPES)
      states[accountId][type] = await store.getState(accountId as AccountId, type);
  }
  return states;
}

function encodePushState(states: ChangedStates): string {
  return Buffer.from(JSON.stringify(states)).toString('base64url');
}

function decodePushState(token: string): ChangedStates | null {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
    return typeof value === 'object' && value !== null ? (value as ChangedStates) : null;
  } catch {
    return null;
  }
}

/** What resolveAuth reads of a request (headers and client address), for an upgrade request. */
function requestView(req: IncomingMessage): Request {
  const get = (name: string): string | undefined => {
    const value = req.headers[name.toLowerCase()];
    return Array.isArray(value) ? value.join(', ') : value;
  };
  return { get, ip: req.socket.remoteAddress } as unknown as Request;
}

/** A browser's Origin must be ours: the configured public URL, else the Host it connected to. */
function sameOrigin(req: IncomingMessage, publicUrl: string | null): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  try {
    const url = new URL(origin);
    return publicUrl !== null ? url.origin === new URL(publicUrl).origin : url.host === req.headers.host;
  } catch {
    return false;
  }
}

/** Answers an upgrade request with a plain HTTP error (problem details) and closes the socket. */
function refuse(socket: Duplex, status: number, detail: string, headers: Record<string, string> = {}): void {
  const body = JSON.stringify({ type: 'about:blank', status, detail });
  const lines = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
    'Connection: close',
    'Content-Type: application/problem+json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
}
