import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_EVENTSOURCE_PER_USER, PING_MIN_SECONDS } from '../src/http/push/eventsource.js';
import { ANN, BEN, PASSWORD, basic, login, startTestColibri } from './support/colibri.js';
import type { Fixture, TestColibri } from './support/colibri.js';
import { sendMail } from './support/mail-client.js';
import { SseReader, flagAnnsMessage, jmapApi, seedOneMessage } from './support/push-client.js';

let colibri: TestColibri & { fixture: Fixture };
let url: string;
const ann = basic(ANN, PASSWORD);
const ben = basic(BEN, PASSWORD);
/** A change must reach the client within this bound (coalescing window + feed latency + slack). */
const PUSH_BOUND_MS = 2000;

beforeAll(async () => {
  const started = await startTestColibri({ seed: seedOneMessage });
  if (!started.fixture) throw new Error('no fixture');
  colibri = { ...started, fixture: started.fixture };
  url = colibri.httpUrl;
});
afterAll(() => colibri.stop());

async function open(query: string, authorization: string = ann): Promise<SseReader> {
  const response = await fetch(`${url}/jmap/eventsource?${query}`, {
    headers: { Authorization: authorization },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  return new SseReader(response);
}

let flagged = false;
/** A write that always changes ann's Email state: flips $flagged on her message. */
const toggleFlag = () => flagAnnsMessage(colibri, ann, (flagged = !flagged));

/** Waits until the server has dropped every push listener (a closed client must not leak one). */
async function listenersDrainTo(count: number): Promise<void> {
  const deadline = Date.now() + 2000;
  while (colibri.pushListenerCount() !== count && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 20));
  expect(colibri.pushListenerCount()).toBe(count);
}

describe('RFC 8620 §7.3: push over EventSource', () => {
  it('a write produces a "state" event carrying a StateChange with the new state', async () => {
    const events = await open('types=*&closeafter=no&ping=0');
    const newState = await toggleFlag();
    const event = await events.next(PUSH_BOUND_MS);
    expect(event?.event).toBe('state');
    const change = JSON.parse(event?.data ?? '') as { '@type': string; changed: Record<string, unknown> };
    expect(change['@type']).toBe('StateChange');
    expect(Object.keys(change.changed)).toEqual([colibri.fixture.ann.accountId]);
    expect(change.changed[colibri.fixture.ann.accountId]).toMatchObject({ Email: newState });
    await events.cancel();
    await listenersDrainTo(0);
  });

  it('an LMTP delivery (a write by the mail path, not JMAP) is pushed too', async () => {
    const events = await open('types=Email,Mailbox&closeafter=state&ping=0');
    await sendMail(
      colibri.lmtpPort ?? 0,
      { from: 'dora@example.net', to: ANN, subject: 'Delivered', text: 'Hello.' },
      { lmtp: true },
    );
    const event = await events.next(PUSH_BOUND_MS);
    const change = JSON.parse(event?.data ?? '') as { changed: Record<string, Record<string, string>> };
    const [[, emailState]] = (await jmapApi(url, ann, [
      ['Email/get', { accountId: colibri.fixture.ann.accountId, ids: [] }, 'g'],
    ])) as [[string, { state: string }, string]];
    expect(change.changed[colibri.fixture.ann.accountId]).toMatchObject({ Email: emailState.state });
    expect(Object.keys(change.changed[colibri.fixture.ann.accountId] ?? {}).sort()).toEqual([
      'Email',
      'Mailbox',
    ]);
  });

  it("only the principal's accounts: ben hears nothing of ann's writes", async () => {
    const events = await open('types=*&closeafter=no&ping=0', ben);
    await toggleFlag();
    expect(await events.quiet(600)).toBe(true);
    await events.cancel();
  });

  it('types filters the types reported; a type not written gives no event', async () => {
    const identities = await open('types=Identity&closeafter=no&ping=0');
    const emails = await open('types=Email&closeafter=no&ping=0');
    const newState = await toggleFlag();
    const event = await emails.next(PUSH_BOUND_MS);
    const change = JSON.parse(event?.data ?? '') as { changed: Record<string, Record<string, string>> };
    expect(change.changed[colibri.fixture.ann.accountId]).toEqual({ Email: newState });
    expect(await identities.quiet(600)).toBe(true);
    await Promise.all([identities.cancel(), emails.cancel()]);
  });

  it('an invitation pushes the invitee a CalendarEventNotification state (JMAP Calendars §7)', async () => {
    const notices = await open('types=CalendarEventNotification&closeafter=state&ping=0', ben);
    const using = ['urn:ietf:params:jmap:core', 'urn:ietf:params:jmap:calendars'];
    const attendee = (email: string, roles: Record<string, boolean>) => ({
      '@type': 'Participant',
      email,
      sendTo: { imip: `mailto:${email}` },
      roles,
    });
    await jmapApi(
      url,
      ann,
      [
        [
          'CalendarEvent/set',
          {
            accountId: colibri.fixture.ann.accountId,
            sendSchedulingMessages: true,
            create: {
              m: {
                title: 'Push review',
                start: '2026-06-01T10:00:00',
                timeZone: 'Europe/Paris',
                duration: 'PT1H',
                participants: {
                  ann: attendee(ANN, { owner: true, attendee: true }),
                  ben: attendee(BEN, { attendee: true }),
                },
              },
            },
          },
          'c',
        ],
      ],
      using,
    );
    const event = await notices.next(PUSH_BOUND_MS);
    const change = JSON.parse(event?.data ?? '') as { changed: Record<string, Record<string, string>> };
    const [[, get]] = (await jmapApi(
      url,
      ben,
      [['CalendarEventNotification/get', { accountId: colibri.fixture.ben.accountId, ids: null }, 'g']],
      using,
    )) as unknown as [[string, { state: string; list: { type: string }[] }]];
    expect(change.changed[colibri.fixture.ben.accountId]).toEqual({ CalendarEventNotification: get.state });
    expect(get.list.map((n) => n.type)).toEqual(['created']);
  });

  it('after a burst of writes the last event carries the latest state (coalescing: state-feed.test.ts)', async () => {
    const events = await open('types=Email&closeafter=no&ping=0');
    let last = '';
    for (let i = 0; i < 6; i++) last = await toggleFlag();
    const seen: string[] = [];
    for (;;) {
      const event = await events.next(PUSH_BOUND_MS);
      const change = JSON.parse(event?.data ?? '') as { changed: Record<string, Record<string, string>> };
      seen.push(change.changed[colibri.fixture.ann.accountId]?.Email ?? '');
      if (seen.at(-1) === last) break;
    }
    expect(seen.length).toBeLessThanOrEqual(6);
    await events.cancel();
  });

  it('closeafter=state ends the response after the first state event', async () => {
    const events = await open('types=*&closeafter=state&ping=0');
    await toggleFlag();
    expect((await events.next(PUSH_BOUND_MS))?.event).toBe('state');
    expect(await events.next(PUSH_BOUND_MS)).toBeNull();
    await listenersDrainTo(0);
  });

  it(`ping: a "ping" event with the interval the server chose (at least ${PING_MIN_SECONDS} s)`, async () => {
    const started = Date.now();
    const events = await open('types=*&closeafter=no&ping=1');
    const event = await events.next((PING_MIN_SECONDS + 2) * 1000);
    expect(event?.event).toBe('ping');
    expect(JSON.parse(event?.data ?? '')).toEqual({ '@type': 'Ping', interval: PING_MIN_SECONDS });
    expect(Date.now() - started).toBeGreaterThanOrEqual(PING_MIN_SECONDS * 1000 - 100);
    await events.cancel();
  }, 15_000);

  it('refuses a request without credentials (401) and bad parameters (400)', async () => {
    const anonymous = await fetch(`${url}/jmap/eventsource?types=*&closeafter=no&ping=0`);
    expect(anonymous.status).toBe(401);
    for (const query of [
      'types=*&closeafter=maybe&ping=0',
      'types=*&closeafter=no&ping=-1',
      'types=E-mail',
    ]) {
      const response = await fetch(`${url}/jmap/eventsource?${query}`, { headers: { Authorization: ann } });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  });

  it('a browser session cookie authenticates it (a GET needs no CSRF token)', async () => {
    const { cookie } = await login(url, ANN, PASSWORD);
    const response = await fetch(`${url}/jmap/eventsource?types=*&closeafter=no&ping=0`, {
      headers: { Cookie: cookie },
    });
    expect(response.status).toBe(200);
    await response.body?.cancel();
  });

  it(`at most ${MAX_EVENTSOURCE_PER_USER} connections per user: one more is a 429 limit problem`, async () => {
    await listenersDrainTo(0);
    const open_ = await Promise.all(
      Array.from({ length: MAX_EVENTSOURCE_PER_USER }, () => open('types=*&closeafter=no&ping=0')),
    );
    const refused = await fetch(`${url}/jmap/eventsource?types=*&closeafter=no&ping=0`, {
      headers: { Authorization: ann },
    });
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({
      type: 'urn:ietf:params:jmap:error:limit',
      limit: 'maxEventSourceConnections',
    });
    expect(colibri.pushListenerCount()).toBe(MAX_EVENTSOURCE_PER_USER);
    // Another user is not affected.
    const bens = await open('types=*&closeafter=no&ping=0', ben);
    await Promise.all([...open_, bens].map((events) => events.cancel()));
    await listenersDrainTo(0);
    // Closed connections give their slots back.
    const again = await open('types=*&closeafter=no&ping=0');
    await again.cancel();
    await listenersDrainTo(0);
  });
});
