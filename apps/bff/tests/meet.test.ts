import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenVerifier } from 'livekit-server-sdk';
import { ANN, BEN, PASSWORD, login, startTestColibri } from './support/colibri.js';
import type { TestColibri } from './support/colibri.js';

// The LiveKit server itself is not needed to mint and check tokens: these tests run the real BFF
// with a LiveKit configuration whose server is never contacted.
const livekit = { url: 'ws://127.0.0.1:7880', apiKey: 'APIcolibritest', apiSecret: 'k'.repeat(48) };
const verifier = new TokenVerifier(livekit.apiKey, livekit.apiSecret);

let colibri: TestColibri;
let unconfigured: TestColibri;
let url: string;

beforeAll(async () => {
  colibri = await startTestColibri({
    env: { LIVEKIT_URL: livekit.url, LIVEKIT_API_KEY: livekit.apiKey, LIVEKIT_API_SECRET: livekit.apiSecret },
  });
  url = colibri.httpUrl;
  unconfigured = await startTestColibri();
});
afterAll(async () => {
  await colibri.stop();
  await unconfigured.stop();
});

type Headers = Record<string, string>;
/** The JSON body of an answer, for the fields a test reads. */
const json = async (response: Response | Promise<Response>) =>
  (await (await response).json()) as Record<string, unknown> & { waiting?: unknown[] };
async function browser(base: string, username: string): Promise<Headers> {
  const { cookie, csrfToken } = await login(base, username, PASSWORD);
  return { Cookie: cookie, 'X-CSRF-Token': csrfToken };
}
const post = (base: string, path: string, headers: Headers, body?: unknown, method = 'POST') =>
  fetch(`${base}${path}`, {
    method,
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
async function createRoom(base: string, headers: Headers, body: unknown = { title: 'Standup' }) {
  const response = await post(base, '/meet/rooms', headers, body);
  expect(response.status).toBe(201);
  return (await response.json()) as { roomId: string; url: string; title: string; inviteesOnly: boolean };
}
interface Joined {
  status: 'joined';
  token: string;
  serverUrl: string;
  identity: string;
  isAdmin: boolean;
}

describe('meeting rooms over HTTP', () => {
  it('creates a room with an unguessable link; its owner joins as admin with a short-lived token', async () => {
    const ann = await browser(url, ANN);
    const room = await createRoom(url, ann);
    expect(room.roomId).toMatch(/^[a-z2-7]{26}$/);
    expect(room.url).toBe(`${url}/meet/${room.roomId}`);
    const response = await post(url, `/meet/rooms/${room.roomId}/join`, ann);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const joined = (await response.json()) as Joined;
    expect(joined).toMatchObject({ status: 'joined', serverUrl: livekit.url, isAdmin: true });
    const claims = await verifier.verify(joined.token);
    expect(claims.video).toMatchObject({ room: room.roomId, roomJoin: true, roomAdmin: true });
    expect(claims.sub).toBe(joined.identity);
    expect(claims.exp! - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(600);
  });

  it('puts another user in the lobby until the owner admits them; only the owner sees the lobby', async () => {
    const ann = await browser(url, ANN);
    const ben = await browser(url, BEN);
    const room = await createRoom(url, ann);
    const knock = await post(url, `/meet/rooms/${room.roomId}/join`, ben);
    expect(knock.status).toBe(202);
    const { ticket } = (await knock.json()) as { status: string; ticket: string };
    expect((await json(fetch(`${url}/meet/lobby/${ticket}`))).status).toBe('waiting');

    expect((await fetch(`${url}/meet/rooms/${room.roomId}/lobby`, { headers: ben })).status).toBe(404);
    expect((await post(url, `/meet/rooms/${room.roomId}/lobby/${ticket}`, ben, { admit: true })).status).toBe(
      404,
    );
    const lobby = (await (
      await fetch(`${url}/meet/rooms/${room.roomId}/lobby`, { headers: ann })
    ).json()) as {
      waiting: { ticket: string; name: string; guest: boolean }[];
    };
    expect(lobby.waiting).toEqual([expect.objectContaining({ ticket, guest: false })]);

    expect((await post(url, `/meet/rooms/${room.roomId}/lobby/${ticket}`, ann, { admit: true })).status).toBe(
      204,
    );
    const admitted = (await (await fetch(`${url}/meet/lobby/${ticket}`)).json()) as Joined;
    expect(admitted).toMatchObject({ status: 'joined', isAdmin: false });
    const claims = await verifier.verify(admitted.token);
    expect(claims.video).toMatchObject({ room: room.roomId, roomJoin: true, roomAdmin: false });
  });

  it('lets a guest knock with a name (and only with one), and tells them when refused', async () => {
    const ann = await browser(url, ANN);
    const room = await createRoom(url, ann);
    const nameless = await post(url, `/meet/rooms/${room.roomId}/join`, {});
    expect(nameless.status).toBe(400);
    expect((await json(nameless)).error).toBe('nameRequired');
    const knock = await post(url, `/meet/rooms/${room.roomId}/join`, {}, { name: '  Gail Guest ' });
    expect(knock.status).toBe(202);
    const { ticket } = (await knock.json()) as { ticket: string };
    const lobby = await json(fetch(`${url}/meet/rooms/${room.roomId}/lobby`, { headers: ann }));
    expect(lobby.waiting).toEqual([expect.objectContaining({ ticket, name: 'Gail Guest', guest: true })]);
    expect(
      (await post(url, `/meet/rooms/${room.roomId}/lobby/${ticket}`, ann, { admit: false })).status,
    ).toBe(204);
    expect(await (await fetch(`${url}/meet/lobby/${ticket}`)).json()).toEqual({ status: 'refused' });
    expect((await fetch(`${url}/meet/lobby/not-a-ticket`)).status).toBe(404);
  });

  it('refuses outsiders of an invitees-only room, which only its owner may switch', async () => {
    const ann = await browser(url, ANN);
    const ben = await browser(url, BEN);
    const room = await createRoom(url, ann, { title: 'Board', inviteesOnly: true });
    expect(room.inviteesOnly).toBe(true);
    const refused = await post(url, `/meet/rooms/${room.roomId}/join`, {}, { name: 'Gail' });
    expect(refused.status).toBe(403);
    expect((await json(refused)).error).toBe('inviteesOnly');
    expect(
      (await post(url, `/meet/rooms/${room.roomId}`, ben, { inviteesOnly: false }, 'PATCH')).status,
    ).toBe(404);
    expect(
      (await post(url, `/meet/rooms/${room.roomId}`, ann, { inviteesOnly: false }, 'PATCH')).status,
    ).toBe(200);
    expect((await post(url, `/meet/rooms/${room.roomId}/join`, {}, { name: 'Gail' })).status).toBe(202);
  });

  it('answers 404 for an unknown or deleted room, and refuses cookie requests without the CSRF token', async () => {
    const ann = await browser(url, ANN);
    const room = await createRoom(url, ann);
    const Cookie = ann.Cookie!;
    expect((await post(url, '/meet/rooms', { Cookie }, { title: 'x' })).status).toBe(403);
    expect((await post(url, `/meet/rooms/${room.roomId}/join`, { Cookie })).status).toBe(403);
    expect((await post(url, `/meet/rooms/${'a'.repeat(26)}/join`, {}, { name: 'G' })).status).toBe(404);
    expect((await post(url, '/meet/rooms', ann, { title: 'x'.repeat(201) })).status).toBe(400);
    expect((await post(url, '/meet/rooms', ann, { eventId: 'no-such-event' })).status).toBe(404);
    expect((await fetch(`${url}/meet/rooms/${room.roomId}`, { method: 'DELETE', headers: ann })).status).toBe(
      204,
    );
    expect((await post(url, `/meet/rooms/${room.roomId}/join`, ann)).status).toBe(404);
  });

  it("lets the web app's CSP connect to the configured LiveKit server, and only then", async () => {
    const csp = (await fetch(`${url}/meet/${'a'.repeat(26)}`)).headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/connect-src 'self' https: ws:\/\/127\.0\.0\.1:7880 http:\/\/127\.0\.0\.1:7880;/);
    const plain = (await fetch(`${unconfigured.httpUrl}/`)).headers.get('content-security-policy') ?? '';
    expect(plain).toContain("connect-src 'self' https:;");
  });

  it('answers 503 notConfigured to a join when no LiveKit server is configured', async () => {
    const ann = await browser(unconfigured.httpUrl, ANN);
    const room = await createRoom(unconfigured.httpUrl, ann);
    const response = await post(unconfigured.httpUrl, `/meet/rooms/${room.roomId}/join`, ann);
    expect(response.status).toBe(503);
    expect((await json(response)).error).toBe('notConfigured');
  });
});
