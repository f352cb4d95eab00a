import { describe, expect, it } from 'vitest';
import { joinedAnswer, mockMeetServer } from '../testing/mock-meet-server';
import { createRoom } from './create-room';
import { joinRoom } from './join-room';
import { getLobbyTicket } from './lobby-ticket';
import { answerGuest, getRoomLobby } from './room-lobby';

const csrf = { 'X-CSRF-Token': 'tok' };

describe('the meet API client against a mock server', () => {
  it('creates a room with the CSRF header and returns its join link', async () => {
    const server = mockMeetServer(() => ({ status: 201, body: { roomId: 'r-9f2', url: '/meet/r-9f2' } }));
    const result = await createRoom({ eventId: 'E1', title: 'Sprint review' }, csrf, server.fetch);
    expect(result).toEqual({ ok: true, roomId: 'r-9f2', url: '/meet/r-9f2' });
    expect(server.requests).toEqual([
      {
        method: 'POST',
        url: '/meet/rooms',
        headers: expect.objectContaining({ 'X-CSRF-Token': 'tok', 'Content-Type': 'application/json' }),
        body: { eventId: 'E1', title: 'Sprint review' },
      },
    ]);
  });

  it('says why a room could not be created: no video server, no session, no answer', async () => {
    const notConfigured = mockMeetServer(() => ({ status: 503, body: { error: 'notConfigured' } }));
    expect(await createRoom({}, csrf, notConfigured.fetch)).toEqual({ ok: false, failure: 'notConfigured' });
    const loggedOut = mockMeetServer(() => ({ status: 401, body: { error: 'unauthorized' } }));
    expect(await createRoom({}, csrf, loggedOut.fetch)).toEqual({ ok: false, failure: 'unauthorized' });
    const offline = mockMeetServer(() => 'offline');
    expect(await createRoom({}, csrf, offline.fetch)).toEqual({ ok: false, failure: 'network' });
    const garbled = mockMeetServer(() => ({ status: 201, body: { roomId: 5 } }));
    expect(await createRoom({}, csrf, garbled.fetch)).toEqual({ ok: false, failure: 'server' });
  });

  it('joins: a grant (200), a lobby ticket (202), or the reason it cannot', async () => {
    const joined = mockMeetServer(() => ({ status: 200, body: joinedAnswer }));
    expect(await joinRoom('r 1/x', undefined, csrf, joined.fetch)).toEqual({
      status: 'joined',
      grant: {
        token: 'lk-token',
        serverUrl: 'wss://livekit.colibri.test',
        identity: 'alice@colibri.test',
        isAdmin: true,
      },
    });
    // The room id is one path segment; a signed-in user sends no name.
    expect(joined.requests[0]).toMatchObject({ method: 'POST', url: '/meet/rooms/r%201%2Fx/join', body: {} });

    const waiting = mockMeetServer(() => ({ status: 202, body: { status: 'waiting', ticket: 'T1' } }));
    expect(await joinRoom('r1', 'Bob Guest', {}, waiting.fetch)).toEqual({ status: 'waiting', ticket: 'T1' });
    expect(waiting.requests[0]?.body).toEqual({ name: 'Bob Guest' });

    const cases = [
      [{ status: 403, body: { error: 'inviteesOnly' } }, 'inviteesOnly'],
      [{ status: 404, body: { error: 'notFound' } }, 'notFound'],
      [{ status: 503, body: { error: 'notConfigured' } }, 'notConfigured'],
      [{ status: 400, body: { error: 'nameRequired' } }, 'nameRequired'],
      [{ status: 500 }, 'server'],
      ['offline', 'network'],
    ] as const;
    for (const [answer, failure] of cases) {
      const server = mockMeetServer(() => answer);
      expect(await joinRoom('r1', 'Bob', {}, server.fetch)).toEqual({ status: 'failed', failure });
    }
  });

  it('refuses a grant it cannot use (no token, a server URL that is not ws or http)', async () => {
    const noToken = mockMeetServer(() => ({ status: 200, body: { ...joinedAnswer, token: undefined } }));
    expect(await joinRoom('r1', undefined, {}, noToken.fetch)).toEqual({
      status: 'failed',
      failure: 'server',
    });
    const badUrl = mockMeetServer(() => ({
      status: 200,
      body: { ...joinedAnswer, serverUrl: 'javascript:alert(1)' },
    }));
    expect(await joinRoom('r1', undefined, {}, badUrl.fetch)).toEqual({
      status: 'failed',
      failure: 'server',
    });
  });

  it('reads a lobby ticket: waiting, admitted with a grant, refused', async () => {
    const answers = [{ status: 'waiting' }, { ...joinedAnswer, isAdmin: false }, { status: 'refused' }];
    const server = mockMeetServer(() => ({ status: 200, body: answers.shift() }));
    expect(await getLobbyTicket('T 1', server.fetch)).toEqual({ status: 'waiting' });
    expect(await getLobbyTicket('T 1', server.fetch)).toMatchObject({
      status: 'joined',
      grant: { isAdmin: false },
    });
    expect(await getLobbyTicket('T 1', server.fetch)).toEqual({ status: 'refused' });
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(
      Array(3).fill('GET /meet/lobby/T%201'),
    );
  });

  it('lists the waiting guests for an admin and answers one', async () => {
    const server = mockMeetServer((request) =>
      request.method === 'GET'
        ? {
            status: 200,
            body: {
              waiting: [{ ticket: 'T1', name: 'Bob', since: '2026-11-29T10:00:00Z' }, { bogus: true }],
            },
          }
        : { status: 204 },
    );
    expect(await getRoomLobby('r1', server.fetch)).toEqual([
      { ticket: 'T1', name: 'Bob', since: '2026-11-29T10:00:00Z' },
    ]);
    await answerGuest('r1', 'T1', false, csrf, server.fetch);
    expect(server.requests[1]).toMatchObject({
      method: 'POST',
      url: '/meet/rooms/r1/lobby/T1',
      headers: expect.objectContaining(csrf),
      body: { admit: false },
    });
  });
});
