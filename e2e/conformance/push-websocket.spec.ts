import { Capability } from '@colibri/jmap-types';
import WebSocket from 'ws';
import { expect, test } from './support/fixtures.js';
import type { JmapAccount } from './support/jmap-raw.js';
import { importMessage, mailboxesByRole, rfc822 } from './support/mail.js';

type Message = Record<string, unknown>;

/** A JMAP WebSocket (RFC 8887) with the messages received so far. */
interface JmapSocket {
  messages: Message[];
  send(message: Message): void;
  /** A text frame exactly as given. */
  sendRaw(text: string): void;
  /** The first message (after `from`) that matches. */
  next(match: (m: Message) => boolean, from?: number): Promise<Message>;
  close(): Promise<void>;
}

function wsUrlOf(account: JmapAccount): string {
  const capability = account.session.capabilities[Capability.WebSocket] as { url: string } | undefined;
  if (!capability) throw new Error('No urn:ietf:params:jmap:websocket capability');
  return capability.url;
}

async function openSocket(account: JmapAccount): Promise<JmapSocket> {
  const socket = new WebSocket(wsUrlOf(account), 'jmap', {
    headers: { Authorization: account.authorization },
  });
  const messages: Message[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data)) as Message));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    messages,
    send: (message) => socket.send(JSON.stringify(message)),
    sendRaw: (text) => socket.send(text),
    async next(match, from = 0) {
      await expect
        .poll(() => messages.slice(from).some(match), { timeout: 10_000, intervals: [50] })
        .toBe(true);
      return messages.slice(from).find(match)!;
    },
    close: () =>
      new Promise((resolve) => {
        socket.once('close', () => resolve());
        socket.close();
      }),
  };
}

/** Runs `use` on a fresh socket and always closes it. */
async function withSocket(account: JmapAccount, use: (socket: JmapSocket) => Promise<void>): Promise<void> {
  const socket = await openSocket(account);
  try {
    await use(socket);
  } finally {
    await socket.close();
  }
}

/** A Core/echo Request: a round trip that orders what the server does before and after it. */
const echo = (id?: string): Message => ({
  '@type': 'Request',
  ...(id === undefined ? {} : { id }),
  using: [Capability.Core],
  methodCalls: [['Core/echo', {}, 'e']],
});

const ofType = (type: string) => (m: Message) => m['@type'] === type;

test.describe('RFC 8887 JMAP over WebSocket', () => {
  test('RFC 8887 §4.1: the Session announces the websocket capability with its url and supportsPush', async ({
    account,
  }) => {
    const capability = account.session.capabilities[Capability.WebSocket] as Message;
    expect(capability).toMatchObject({ url: expect.stringMatching(/^wss?:\/\//), supportsPush: true });
  });

  test('RFC 8887 §4.3.1-§4.3.3: a Request is answered by a Response carrying its id as requestId', async ({
    account,
  }) => {
    await withSocket(account, async (socket) => {
      socket.send({
        '@type': 'Request',
        id: 'r1',
        using: [Capability.Core],
        methodCalls: [['Core/echo', { hello: 'ws' }, 'c1']],
      });
      const response = await socket.next(ofType('Response'));
      expect(response).toMatchObject({
        requestId: 'r1',
        methodResponses: [['Core/echo', { hello: 'ws' }, 'c1']],
        sessionState: account.session.state,
      });
    });
  });

  test('RFC 8887 §4.3.4: a bad message is a RequestError with the problem type and requestId', async ({
    account,
  }) => {
    await withSocket(account, async (socket) => {
      socket.send({ '@type': 'Request', id: 'bad', using: ['urn:example:nope'], methodCalls: [] });
      const error = await socket.next(ofType('RequestError'));
      expect(error).toMatchObject({
        requestId: 'bad',
        type: 'urn:ietf:params:jmap:error:unknownCapability',
        status: 400,
      });
    });
  });

  test('RFC 8887 §4.3.5: WebSocketPushEnable pushes StateChange for the dataTypes; Disable stops it', async ({
    account,
  }) => {
    const socket = await openSocket(account);
    const { inbox } = await mailboxesByRole(account);
    try {
      socket.send({ '@type': 'WebSocketPushEnable', dataTypes: ['Email'] });
      // A round trip first, so the enable is surely processed before the change.
      socket.send(echo('sync'));
      await socket.next((m) => m.requestId === 'sync');
      await importMessage(account, rfc822(), [inbox!]);
      const change = await socket.next(ofType('StateChange'));
      const changed = change.changed as Record<string, Record<string, string>>;
      expect(Object.keys(changed[account.accountId] ?? {})).toEqual(['Email']);
      expect(typeof change.pushState).toBe('string');

      socket.send({ '@type': 'WebSocketPushDisable' });
      socket.send(echo('sync2'));
      await socket.next((m) => m.requestId === 'sync2');
      const mark = socket.messages.length;
      await importMessage(account, rfc822(), [inbox!]);
      // A later Request is answered; no StateChange came before its answer.
      socket.send(echo('sync3'));
      await socket.next((m) => m.requestId === 'sync3', mark);
      expect(socket.messages.slice(mark).filter(ofType('StateChange'))).toEqual([]);
    } finally {
      await socket.close();
    }
  });

  test('RFC 8887 §4.3.5: a pushState from earlier brings the changes made since at once', async ({
    account,
  }) => {
    const { inbox } = await mailboxesByRole(account);
    const first = await openSocket(account);
    let pushState: string;
    try {
      first.send({ '@type': 'WebSocketPushEnable', dataTypes: null });
      first.send(echo('s'));
      await first.next((m) => m.requestId === 's');
      await importMessage(account, rfc822(), [inbox!]);
      pushState = (await first.next(ofType('StateChange'))).pushState as string;
    } finally {
      await first.close();
    }
    await importMessage(account, rfc822(), [inbox!]);
    const second = await openSocket(account);
    try {
      second.send({ '@type': 'WebSocketPushEnable', dataTypes: ['Email'], pushState });
      const change = await second.next(ofType('StateChange'));
      expect(Object.keys((change.changed as Record<string, object>)[account.accountId] ?? {})).toContain(
        'Email',
      );
    } finally {
      await second.close();
    }
  });

  test('RFC 8887 §4.2: an upgrade without the "jmap" subprotocol is refused', async ({ account }) => {
    const socket = new WebSocket(wsUrlOf(account), { headers: { Authorization: account.authorization } });
    const outcome = await new Promise<string>((resolve) => {
      socket.once('open', () => resolve('open'));
      socket.once('unexpected-response', (_req, res) => resolve(`http ${res.statusCode}`));
      socket.once('error', () => resolve('error'));
    });
    socket.terminate();
    expect(outcome).not.toBe('open');
  });

  test('RFC 8887 §4.3.2-§4.3.4: a Request without id gets a Response without requestId; a frame that is not JSON is notJSON', async ({
    account,
  }) => {
    await withSocket(account, async (socket) => {
      socket.send({
        '@type': 'Request',
        using: [Capability.Core],
        methodCalls: [['Core/echo', { n: 1 }, 'c']],
      });
      const response = await socket.next(ofType('Response'));
      expect(response).not.toHaveProperty('requestId');
      const mark = socket.messages.length;
      socket.sendRaw('this is not json');
      const error = await socket.next(ofType('RequestError'), mark);
      expect(error).toMatchObject({ type: 'urn:ietf:params:jmap:error:notJSON' });
    });
  });
});
