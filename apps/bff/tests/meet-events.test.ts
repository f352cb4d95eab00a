import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANN, BEN, PASSWORD, login, startTestColibri } from './support/colibri.js';
import type { TestColibri } from './support/colibri.js';

// LiveKit itself is never contacted: tokens are minted and checked locally.
const livekit = { url: 'ws://127.0.0.1:7880', apiKey: 'APIcolibritest', apiSecret: 'k'.repeat(48) };

let colibri: TestColibri;
let eventId = '';

beforeAll(async () => {
  colibri = await startTestColibri({
    env: { LIVEKIT_URL: livekit.url, LIVEKIT_API_KEY: livekit.apiKey, LIVEKIT_API_SECRET: livekit.apiSecret },
    seed: async (store, fixture) => {
      const calendar = (await store.listCalendars(fixture.ann.accountId)).find((c) => c.isDefault)!;
      const record = await store.createCalendarEvent(fixture.ann.accountId, {
        calendarIds: [calendar.id],
        uid: 'weekly-sync@fixture.test',
        utcStart: new Date('2026-06-10T13:00:00Z'),
        utcEnd: new Date('2026-06-10T14:00:00Z'),
        data: {
          '@type': 'Event',
          uid: 'weekly-sync@fixture.test',
          title: 'Weekly sync',
          start: '2026-06-10T15:00:00',
          timeZone: 'Europe/Paris',
          duration: 'PT1H',
          participants: {
            ann: { '@type': 'Participant', email: ANN, roles: { owner: true, attendee: true } },
            // Ben is invited by his calendar address (sendTo), in another case than his account.
            ben: {
              '@type': 'Participant',
              sendTo: { imip: 'mailto:Ben@Fixture.test' },
              roles: { attendee: true },
            },
          },
        },
      });
      eventId = record.id;
    },
  });
});
afterAll(() => colibri.stop());

type Headers = Record<string, string>;
async function browser(username: string): Promise<Headers> {
  const { cookie, csrfToken } = await login(colibri.httpUrl, username, PASSWORD);
  return { Cookie: cookie, 'X-CSRF-Token': csrfToken, 'Content-Type': 'application/json' };
}
const post = (path: string, headers: Headers, body: unknown = {}) =>
  fetch(`${colibri.httpUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });

describe('meeting rooms tied to calendar events (MeetingEvents over the calendar store)', () => {
  it('lets an invitee of the event join directly, while a room without the event sends them to the lobby', async () => {
    const ann = await browser(ANN);
    const ben = await browser(BEN);
    const tied = (await (await post('/meet/rooms', ann, { title: 'Weekly sync', eventId })).json()) as {
      roomId: string;
    };
    const joined = await post(`/meet/rooms/${tied.roomId}/join`, ben);
    expect(joined.status).toBe(200);
    expect(((await joined.json()) as { status: string; isAdmin: boolean }).isAdmin).toBe(false);

    const plain = (await (await post('/meet/rooms', ann, { title: 'Other' })).json()) as { roomId: string };
    expect((await post(`/meet/rooms/${plain.roomId}/join`, ben)).status).toBe(202);
  });

  it('accepts a room for an event of the owner and refuses an event id the owner does not have', async () => {
    const ann = await browser(ANN);
    const ben = await browser(BEN);
    expect((await post('/meet/rooms', ann, { title: 'Weekly sync', eventId })).status).toBe(201);
    expect((await post('/meet/rooms', ben, { title: 'Not mine', eventId })).status).toBe(404);
  });

  it('ties a room made before its event (a new event) to it: then the invitee joins directly', async () => {
    const ann = await browser(ANN);
    const ben = await browser(BEN);
    const room = (await (await post('/meet/rooms', ann, { title: 'Weekly sync' })).json()) as {
      roomId: string;
    };
    expect((await post(`/meet/rooms/${room.roomId}/join`, ben)).status).toBe(202);
    const patch = (headers: Headers, body: unknown) =>
      fetch(`${colibri.httpUrl}/meet/rooms/${room.roomId}`, {
        method: 'PATCH',
        headers,
        body: JSON.stringify(body),
      });
    // Only the owner may tie it, only to an event of theirs, with a string id.
    expect((await patch(ben, { eventId })).status).toBe(404);
    expect((await patch(ann, { eventId: 'not-an-event' })).status).toBe(404);
    expect((await patch(ann, { eventId: 42 })).status).toBe(400);
    expect((await patch(ann, {})).status).toBe(400);
    const tied = await patch(ann, { eventId });
    expect(tied.status).toBe(200);
    expect(await tied.json()).toMatchObject({ roomId: room.roomId, eventId, inviteesOnly: false });
    const joined = await post(`/meet/rooms/${room.roomId}/join`, ben);
    expect(joined.status).toBe(200);
  });
});
