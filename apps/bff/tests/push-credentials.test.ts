import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { hashPassword } from '@colibri/mail-store';
import type { MailStore } from '@colibri/mail-store';
import { PUSH_CREDENTIAL_RECHECK_MS } from '../src/auth/credential-recheck.js';
import { openStores } from '../src/config/open-stores.js';
import { CLOSE_POLICY_VIOLATION } from '../src/http/push/websocket.js';
import { ANN, BEN, PASSWORD, USING, basic, login, startTestColibri } from './support/colibri.js';
import type { TestColibri } from './support/colibri.js';
import { SseReader } from './support/push-client.js';

// Push connections authenticate once, at the start; these check that withdrawn credentials
// (logout, token revocation, password change, account deletion) close them.

/** Short, so that a change made by another process (the CLI) is noticed within the test. */
const RECHECK_MS = 200;
/** An in-process logout or revocation closes at once (the server re-checks only every 10 s). */
const AT_ONCE_MS = 2000;
const FAST = { N: 1024, r: 8, p: 1 };

let colibri: TestColibri;
let url: string;
/** A second handle on the data folder, as the CLI has while the server runs. */
let cli: MailStore;

/** A server of its own for the describe block it is called in (and the CLI's handle on it). */
function useServer(pushCredentialRecheckMs?: number): void {
  beforeAll(async () => {
    colibri = await startTestColibri({ pushCredentialRecheckMs });
    url = colibri.httpUrl;
    cli = (await openStores({ dataDir: colibri.dataDir })).mail;
  });
  afterAll(async () => {
    await cli.close();
    await colibri.stop();
  });
}

async function newToken(username: string): Promise<{ id: string; token: string }> {
  const response = await fetch(`${url}/auth/tokens`, {
    method: 'POST',
    headers: { Authorization: basic(username, PASSWORD) },
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; token: string };
}

const revoke = (id: string, token: string) =>
  fetch(`${url}/auth/tokens/${id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } });

async function logout(cookie: string, csrfToken: string): Promise<void> {
  const response = await fetch(`${url}/auth/logout`, {
    method: 'POST',
    headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken },
  });
  expect(response.status).toBe(204);
}

async function eventSource(headers: Record<string, string>): Promise<SseReader> {
  const response = await fetch(`${url}/jmap/eventsource?types=*&closeafter=no&ping=0`, { headers });
  expect(response.status).toBe(200);
  return new SseReader(response);
}

/** The server ends the event stream within `withinMs`. */
async function streamEnds(reader: SseReader, withinMs: number): Promise<void> {
  expect(await reader.next(withinMs)).toBeNull();
}

interface OpenSocket {
  ws: WebSocket;
  messages: Record<string, unknown>[];
  closed: Promise<{ code: number; reason: string }>;
}

async function webSocket(headers: Record<string, string>): Promise<OpenSocket> {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/jmap/ws`, 'jmap', { headers });
  const messages: Record<string, unknown>[] = [];
  ws.on('message', (data: Buffer) =>
    messages.push(JSON.parse(data.toString('utf8')) as Record<string, unknown>),
  );
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString('utf8') })),
  );
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, messages, closed };
}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`not within ${ms} ms`)), ms))),
  ]);
}

async function closesForPolicy(socket: OpenSocket, withinMs: number): Promise<void> {
  const { code, reason } = await within(socket.closed, withinMs);
  expect(code).toBe(CLOSE_POLICY_VIOLATION);
  expect(reason).toMatch(/credentials/i);
}

/** Waits until the server has dropped every push listener (a closed connection must not leak one). */
async function listenersDrainTo(count: number): Promise<void> {
  const deadline = Date.now() + 2000;
  while (colibri.pushListenerCount() !== count && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 20));
  expect(colibri.pushListenerCount()).toBe(count);
}

const mailboxGet = (id: string) => ({
  '@type': 'Request',
  id,
  using: USING,
  methodCalls: [['Mailbox/get', { ids: [] }, 'c0']],
});

it(`re-checks every ${PUSH_CREDENTIAL_RECHECK_MS} ms by default`, () => {
  expect(PUSH_CREDENTIAL_RECHECK_MS).toBe(10_000);
});

describe('withdrawn in this process: closed at once (the periodic re-check is 10 s away)', () => {
  useServer();

  it('a token revoked over the API ends it at once; another connection stays', async () => {
    const { id, token } = await newToken(ANN);
    const revoked = await eventSource({ Authorization: `Bearer ${token}` });
    const other = await eventSource({ Authorization: basic(ANN, PASSWORD) });
    expect((await revoke(id, token)).status).toBe(204);
    await streamEnds(revoked, AT_ONCE_MS);
    expect(await other.quiet(500)).toBe(true);
    expect(other.ended).toBe(false);
    await other.cancel();
    await listenersDrainTo(0);
  });

  it('a logout ends the ones opened with that session cookie', async () => {
    const { cookie, csrfToken } = await login(url, BEN, PASSWORD);
    const reader = await eventSource({ Cookie: cookie });
    await logout(cookie, csrfToken);
    await streamEnds(reader, AT_ONCE_MS);
  });

  it('a logout closes the socket opened with that session cookie', async () => {
    const { cookie, csrfToken } = await login(url, ANN, PASSWORD);
    const socket = await webSocket({ Cookie: cookie, Origin: `http://${new URL(url).host}` });
    socket.ws.send(JSON.stringify({ '@type': 'WebSocketPushEnable', dataTypes: null }));
    await logout(cookie, csrfToken);
    await closesForPolicy(socket, AT_ONCE_MS);
    await listenersDrainTo(0);
  });

  it('a token revoked over the API closes it at once', async () => {
    const { id, token } = await newToken(BEN);
    const socket = await webSocket({ Authorization: `Bearer ${token}` });
    expect((await revoke(id, token)).status).toBe(204);
    await closesForPolicy(socket, AT_ONCE_MS);
  });
});

describe(`withdrawn by another process (the CLI): closed within the re-check interval (${RECHECK_MS} ms here)`, () => {
  useServer(RECHECK_MS);

  it('a token revoked by another process ends it within the re-check interval', async () => {
    const { id, token } = await newToken(ANN);
    const reader = await eventSource({ Authorization: `Bearer ${token}` });
    const ann = (await cli.findAccountByEmail(ANN))!;
    await cli.deleteApiToken(ann.id, id);
    await streamEnds(reader, 5 * RECHECK_MS);
  });

  it('a password change or account deletion by another process ends a Basic one', async () => {
    const account = await cli.createAccount({
      email: 'eve@fixture.test',
      displayName: 'Eve',
      passwordHash: await hashPassword('eve-password-1', FAST),
    });
    const first = await eventSource({ Authorization: basic(account.email, 'eve-password-1') });
    await cli.setPasswordHash(account.id, await hashPassword('eve-password-2', FAST));
    await streamEnds(first, 5 * RECHECK_MS);

    const second = await eventSource({ Authorization: basic(account.email, 'eve-password-2') });
    await cli.deleteAccount(account.id);
    await streamEnds(second, 5 * RECHECK_MS);
    await listenersDrainTo(0);
  });

  it('after a revocation by another process, a Request is not answered', async () => {
    const { id, token } = await newToken(BEN);
    const socket = await webSocket({ Authorization: `Bearer ${token}` });
    socket.ws.send(JSON.stringify(mailboxGet('before')));
    await within(
      (async () => {
        while (socket.messages.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      })(),
      2000,
    );
    expect(socket.messages[0]).toMatchObject({ '@type': 'Response', requestId: 'before' });

    const ben = (await cli.findAccountByEmail(BEN))!;
    await cli.deleteApiToken(ben.id, id);
    // Sent at once, before the periodic re-check: the per-request check refuses it.
    socket.ws.send(JSON.stringify(mailboxGet('after')));
    await closesForPolicy(socket, 5 * RECHECK_MS);
    expect(socket.messages).toHaveLength(1);
  });
});
