import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DEFAULT_CORE_LIMITS } from '@colibri/jmap-server';
import { MAX_WEBSOCKETS_PER_USER } from '../src/http/push/websocket.js';
import { ANN, BEN, PASSWORD, USING, basic, login, startTestColibri } from './support/colibri.js';
import type { Fixture, TestColibri } from './support/colibri.js';
import { flagAnnsMessage, nothingWithin, seedOneMessage } from './support/push-client.js';

let colibri: TestColibri & { fixture: Fixture };
let wsUrl: string;
const ann = basic(ANN, PASSWORD);
const PUSH_BOUND_MS = 2000;

beforeAll(async () => {
  const started = await startTestColibri({ seed: seedOneMessage });
  if (!started.fixture) throw new Error('no fixture');
  colibri = { ...started, fixture: started.fixture };
  wsUrl = `${colibri.httpUrl.replace(/^http/, 'ws')}/jmap/ws`;
});
afterAll(() => colibri.stop());

let flagged = false;
const toggleFlag = () => flagAnnsMessage(colibri, ann, (flagged = !flagged));

type Message = Record<string, unknown>;

/** A connected JMAP WebSocket client that queues what the server sends. */
class Client {
  private readonly queue: Message[] = [];
  private waiter: (() => void) | null = null;
  constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      this.queue.push(JSON.parse(data.toString('utf8')) as Message);
      this.waiter?.();
    });
  }

  static async open(headers: Record<string, string> = { Authorization: ann }): Promise<Client> {
    const ws = new WebSocket(wsUrl, 'jmap', { headers });
    const client = new Client(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return client;
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  async next(timeoutMs = PUSH_BOUND_MS): Promise<Message> {
    const deadline = Date.now() + timeoutMs;
    while (this.queue.length === 0) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no message within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.waiter = null;
    }
    return this.queue.shift() as Message;
  }

  quiet(ms: number): Promise<boolean> {
    return nothingWithin((t) => this.next(t), ms);
  }

  async close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return;
    const closed = new Promise((resolve) => this.ws.once('close', resolve));
    this.ws.close();
    await closed;
  }
}

/** The HTTP status of a refused upgrade. */
function refusedStatus(protocols: string | string[], headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl, protocols, { headers });
    ws.on('error', () => undefined);
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
      ws.terminate();
    });
    ws.once('open', () => reject(new Error('the upgrade was accepted')));
  });
}

describe('RFC 8887 §4.1: the Session advertises the WebSocket capability', () => {
  it('with the ws:// URL of /jmap/ws and supportsPush', async () => {
    const session = (await (
      await fetch(`${colibri.httpUrl}/.well-known/jmap`, { headers: { Authorization: ann } })
    ).json()) as { capabilities: Record<string, unknown> };
    expect(session.capabilities['urn:ietf:params:jmap:websocket']).toEqual({
      url: wsUrl,
      supportsPush: true,
    });
  });
});

describe('RFC 8887 §4.2: the handshake', () => {
  it('needs the "jmap" subprotocol, which the server selects', async () => {
    expect(await refusedStatus('chat', { Authorization: ann })).toBe(400);
    const client = await Client.open();
    expect(client.ws.protocol).toBe('jmap');
    await client.close();
  });

  it('is authenticated like HTTP: none or bad credentials are 401, Basic and Bearer work', async () => {
    expect(await refusedStatus('jmap', {})).toBe(401);
    expect(await refusedStatus('jmap', { Authorization: basic(ANN, 'wrong-password') })).toBe(401);
    expect(await refusedStatus('jmap', { Authorization: 'Bearer colibri_not-a-token' })).toBe(401);
    const { cookie, csrfToken } = await login(colibri.httpUrl, ANN, PASSWORD);
    const created = await fetch(`${colibri.httpUrl}/auth/tokens`, {
      method: 'POST',
      headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken },
    });
    const { token } = (await created.json()) as { token: string };
    const client = await Client.open({ Authorization: `Bearer ${token}` });
    client.send({ '@type': 'Request', id: 'b', using: USING, methodCalls: [] });
    expect(await client.next()).toMatchObject({ '@type': 'Response', requestId: 'b' });
    await client.close();
  });

  it('a session cookie is accepted only with our own Origin (CSRF)', async () => {
    const { cookie } = await login(colibri.httpUrl, ANN, PASSWORD);
    const host = new URL(colibri.httpUrl).host;
    expect(await refusedStatus('jmap', { Cookie: cookie })).toBe(403);
    expect(await refusedStatus('jmap', { Cookie: cookie, Origin: 'https://evil.example' })).toBe(403);
    const client = await Client.open({ Cookie: cookie, Origin: `http://${host}` });
    await client.close();
  });
});

describe('the per-user WebSocket limit', () => {
  it(`${MAX_WEBSOCKETS_PER_USER} sockets per user; one more is refused with 429; closing frees a slot`, async () => {
    const clients = await Promise.all(Array.from({ length: MAX_WEBSOCKETS_PER_USER }, () => Client.open()));
    expect(await refusedStatus('jmap', { Authorization: ann })).toBe(429);
    const bens = await Client.open({ Authorization: basic(BEN, PASSWORD) });
    await Promise.all([...clients, bens].map((client) => client.close()));
    const deadline = Date.now() + 2000;
    let again: Client | null = null;
    while (again === null && Date.now() < deadline) again = await Client.open().catch(() => null);
    expect(again).not.toBeNull();
    await again?.close();
  });
});

describe('RFC 8887 §4.3: requests and responses', () => {
  it('a Request is answered by a Response with its requestId, as over HTTP POST', async () => {
    const client = await Client.open();
    const accountId = colibri.fixture.ann.accountId;
    client.send({
      '@type': 'Request',
      id: 'r1',
      using: USING,
      methodCalls: [['Mailbox/get', { accountId }, 'm']],
    });
    const response = await client.next();
    expect(response).toMatchObject({ '@type': 'Response', requestId: 'r1' });
    const [[name, args]] = response.methodResponses as [[string, { list: { name: string }[] }, string]];
    expect(name).toBe('Mailbox/get');
    expect(args.list.map((m) => m.name).sort()).toEqual(['Inbox', 'Sent']);
    await client.close();
  });

  it('request errors are RequestError problem objects; the connection stays usable', async () => {
    const client = await Client.open();
    client.send('{not json');
    expect(await client.next()).toMatchObject({
      '@type': 'RequestError',
      type: 'urn:ietf:params:jmap:error:notJSON',
      status: 400,
    });
    client.send({ '@type': 'Request', id: 'r2', using: ['urn:example:nope'], methodCalls: [] });
    expect(await client.next()).toMatchObject({
      '@type': 'RequestError',
      requestId: 'r2',
      type: 'urn:ietf:params:jmap:error:unknownCapability',
    });
    client.send({ '@type': 'Nonsense' });
    expect(await client.next()).toMatchObject({
      '@type': 'RequestError',
      type: 'urn:ietf:params:jmap:error:notRequest',
    });
    client.send({ '@type': 'Request', id: 'r3', using: USING, methodCalls: [] });
    expect(await client.next()).toMatchObject({ '@type': 'Response', requestId: 'r3', methodResponses: [] });
    await client.close();
  });

  it('a message over maxSizeRequest is a "limit" RequestError', async () => {
    const client = await Client.open();
    const padding = 'x'.repeat(DEFAULT_CORE_LIMITS.maxSizeRequest);
    client.send({ '@type': 'Request', id: 'big', using: USING, methodCalls: [], padding });
    expect(await client.next(10_000)).toMatchObject({
      '@type': 'RequestError',
      type: 'urn:ietf:params:jmap:error:limit',
      limit: 'maxSizeRequest',
    });
    await client.close();
  }, 20_000);
});

describe('RFC 8887 §4.3.5: push over the WebSocket', () => {
  it('nothing is pushed before WebSocketPushEnable', async () => {
    const client = await Client.open();
    await toggleFlag();
    expect(await client.quiet(600)).toBe(true);
    await client.close();
  });

  it('after WebSocketPushEnable a write gives a StateChange with the new state and a pushState', async () => {
    const client = await Client.open();
    client.send({ '@type': 'WebSocketPushEnable', dataTypes: ['Email'] });
    // The enable has no answer: a round trip makes sure the server has handled it.
    client.send({ '@type': 'Request', id: 'sync', using: USING, methodCalls: [] });
    expect(await client.next()).toMatchObject({ requestId: 'sync' });
    const newState = await toggleFlag();
    const change = await client.next();
    expect(change['@type']).toBe('StateChange');
    expect(change.changed).toEqual({ [colibri.fixture.ann.accountId]: { Email: newState } });
    expect(typeof change.pushState).toBe('string');

    // WebSocketPushDisable stops the pushes.
    client.send({ '@type': 'WebSocketPushDisable' });
    client.send({ '@type': 'Request', id: 'sync2', using: USING, methodCalls: [] });
    expect(await client.next()).toMatchObject({ requestId: 'sync2' });
    const missed = await toggleFlag();
    expect(await client.quiet(600)).toBe(true);
    await client.close();

    // A new connection enabling push with the old pushState hears of what it missed at once.
    const again = await Client.open();
    again.send({ '@type': 'WebSocketPushEnable', dataTypes: null, pushState: change.pushState });
    const caughtUp = await again.next();
    expect(caughtUp).toMatchObject({
      '@type': 'StateChange',
      changed: { [colibri.fixture.ann.accountId]: { Email: missed } },
    });
    await again.close();
  });

  it("ben's pushes never carry ann's accounts", async () => {
    const client = await Client.open({ Authorization: basic(BEN, PASSWORD) });
    client.send({ '@type': 'WebSocketPushEnable', dataTypes: null });
    client.send({ '@type': 'Request', id: 'sync', using: USING, methodCalls: [] });
    await client.next();
    await toggleFlag();
    expect(await client.quiet(600)).toBe(true);
    await client.close();
  });

  it('closing the socket releases its store listener', async () => {
    const client = await Client.open();
    client.send({ '@type': 'WebSocketPushEnable', dataTypes: null });
    client.send({ '@type': 'Request', id: 'sync', using: USING, methodCalls: [] });
    await client.next();
    expect(colibri.pushListenerCount()).toBe(1);
    await client.close();
    const deadline = Date.now() + 2000;
    while (colibri.pushListenerCount() !== 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(colibri.pushListenerCount()).toBe(0);
  });
});
