import { Capability } from '@colibri/jmap-types';
import type { JmapResponse } from '@colibri/jmap-types';
import type { AccountId, BookableResource } from '@colibri/mail-store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractItip } from '@colibri/icalendar';
import { applyReceivedImip } from '../src/index.js';
import type { Principal } from '../src/index.js';
import { openFixture } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';

// Resources (issue 6): rooms and equipment invited like people answer by their booking policy.
// Each test runs over a real SQLite store: alice and bob, a room (auto) and a beamer (approval,
// approver bob).

const USING = [Capability.Core, Capability.Calendars, Capability.Principals, Capability.Contacts];
type Result = Record<string, unknown>;
type Doc = Record<string, unknown> & {
  participants: Record<
    string,
    { email?: string; participationStatus?: string; participationComment?: string }
  >;
};

let f: Fixture;
let room: BookableResource;
let beamer: BookableResource;

beforeEach(async () => {
  f = await openFixture();
  room = await f.store.createResource({
    email: 'room.azur@colibri.test',
    displayName: 'Salle Azur',
    kind: 'room',
    policy: 'auto',
  });
  beamer = await f.store.createResource({
    email: 'beamer@colibri.test',
    displayName: 'Beamer',
    kind: 'equipment',
    policy: 'approval',
    approverId: f.bob.accountId,
  });
});
afterEach(() => f.close());

async function call(who: Principal, name: string, args: Result, accountId: string = who.accountId) {
  const { status, body } = await f.engine.handleRequest(who, {
    using: USING,
    methodCalls: [[name, { accountId, ...args }, 'c']],
  });
  if (status !== 200) throw new Error(`HTTP ${status}`);
  const [response] = (body as JmapResponse).methodResponses;
  return { name: response![0], result: response![1] as Result };
}

const person = (email: string, owner = false) => ({
  '@type': 'Participant',
  email,
  sendTo: { imip: `mailto:${email}` },
  roles: owner ? { owner: true, attendee: true } : { attendee: true },
  participationStatus: owner ? 'accepted' : 'needs-action',
  ...(owner ? {} : { expectReply: true }),
});
/** RFC 8984 §4.4.6: a room is a `location` participant, equipment a `resource`. */
const bookable = (r: BookableResource) => ({
  ...person(r.email),
  kind: r.kind === 'room' ? 'location' : 'resource',
  roles: { attendee: true },
});

/** Creates an event as `who` (the organizer), inviting `resources`; returns its id. */
async function book(
  who: Principal,
  uid: string,
  start: string,
  resources: BookableResource[],
  extra: Result = {},
): Promise<string> {
  const email = who === f.alice ? 'alice@colibri.test' : 'bob@colibri.test';
  const participants: Result = { me: person(email, true) };
  resources.forEach((r, i) => (participants[`r${i}`] = bookable(r)));
  const { result } = await call(who, 'CalendarEvent/set', {
    sendSchedulingMessages: true,
    create: {
      e: { uid, title: uid, start, timeZone: 'Europe/Paris', duration: 'PT1H', participants, ...extra },
    },
  });
  const created = result.created as Record<string, { id: string }> | null;
  if (!created?.e) throw new Error(JSON.stringify(result.notCreated));
  return created.e.id;
}

async function copyIn(accountId: AccountId, uid: string): Promise<Doc | undefined> {
  const [record] = await f.store.queryCalendarEvents(accountId, { uid });
  return record?.data as Doc | undefined;
}
const answerOf = (doc: Doc | undefined, email: string) =>
  Object.values(doc?.participants ?? {}).find((p) => p.email === email);

describe('a room with the auto policy', () => {
  it('accepts when free: the event is in its calendar and the organizer’s copy says accepted', async () => {
    await book(f.alice, 'planning', '2026-05-04T10:00:00', [room]);
    const roomCopy = await copyIn(room.accountId, 'planning');
    expect(answerOf(roomCopy, room.email)?.participationStatus).toBe('accepted');
    const [calendar] = await f.store.listCalendars(room.accountId);
    const [record] = await f.store.queryCalendarEvents(room.accountId, { uid: 'planning' });
    expect(record?.calendarIds).toEqual([calendar?.id]);
    expect(answerOf(await copyIn(f.alice.accountId, 'planning'), room.email)?.participationStatus).toBe(
      'accepted',
    );
  });

  it('declines on conflict, says when, and an adjacent slot is still free', async () => {
    await book(f.bob, 'first', '2026-05-04T10:00:00', [room]);
    await book(f.alice, 'overlap', '2026-05-04T10:30:00', [room]);
    await book(f.alice, 'after', '2026-05-04T11:00:00', [room]);
    const declined = answerOf(await copyIn(f.alice.accountId, 'overlap'), room.email);
    expect(declined?.participationStatus).toBe('declined');
    expect(declined?.participationComment).toContain('occurrence starting 2026-05-04T08:30:00Z');
    expect(answerOf(await copyIn(f.alice.accountId, 'after'), room.email)?.participationStatus).toBe(
      'accepted',
    );
    expect(answerOf(await copyIn(f.bob.accountId, 'first'), room.email)?.participationStatus).toBe(
      'accepted',
    );
  });

  it('is not held by a declined request, a cancelled booking or a transparent event', async () => {
    await book(f.bob, 'first', '2026-05-04T10:00:00', [room]);
    await book(f.alice, 'declined', '2026-05-04T10:00:00', [room]); // declined: holds nothing
    await book(f.bob, 'free', '2026-05-05T10:00:00', [room], { freeBusyStatus: 'free' });
    await book(f.alice, 'over-free', '2026-05-05T10:00:00', [room]);
    expect(answerOf(await copyIn(f.alice.accountId, 'over-free'), room.email)?.participationStatus).toBe(
      'accepted',
    );
    // Cancelling the first booking frees the room (its copy is cancelled, and holds nothing).
    const [first] = await f.store.queryCalendarEvents(f.bob.accountId, { uid: 'first' });
    await call(f.bob, 'CalendarEvent/set', { sendSchedulingMessages: true, destroy: [first!.id] });
    expect((await copyIn(room.accountId, 'first'))?.status).toBe('cancelled');
    await book(f.alice, 'again', '2026-05-04T10:00:00', [room]);
    expect(answerOf(await copyIn(f.alice.accountId, 'again'), room.email)?.participationStatus).toBe(
      'accepted',
    );
  });

  it('answers again when the time changes: moved onto a booking, the accepted event is declined', async () => {
    await book(f.bob, 'busy', '2026-05-04T14:00:00', [room]);
    const id = await book(f.alice, 'moving', '2026-05-04T10:00:00', [room]);
    expect(answerOf(await copyIn(f.alice.accountId, 'moving'), room.email)?.participationStatus).toBe(
      'accepted',
    );
    const { result } = await call(f.alice, 'CalendarEvent/set', {
      sendSchedulingMessages: true,
      update: { [id]: { start: '2026-05-04T14:30:00' } },
    });
    expect(result.notUpdated).toBeNull();
    expect(answerOf(await copyIn(room.accountId, 'moving'), room.email)?.participationStatus).toBe(
      'declined',
    );
    expect(answerOf(await copyIn(f.alice.accountId, 'moving'), room.email)?.participationStatus).toBe(
      'declined',
    );
  });

  it('declines a whole weekly series when one occurrence conflicts, naming that occurrence', async () => {
    await book(f.bob, 'one-off', '2026-05-18T10:00:00', [room]);
    await book(f.alice, 'weekly', '2026-05-04T10:00:00', [room], {
      recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'weekly', count: 4 }],
    });
    const answer = answerOf(await copyIn(f.alice.accountId, 'weekly'), room.email);
    expect(answer?.participationStatus).toBe('declined');
    expect(answer?.participationComment).toContain('2026-05-18T08:00:00Z');
    // Without the conflicting week, the same series is accepted.
    await book(f.alice, 'weekly-short', '2026-05-04T10:00:00', [room], {
      recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'weekly', count: 2 }],
    });
    expect(answerOf(await copyIn(f.alice.accountId, 'weekly-short'), room.email)?.participationStatus).toBe(
      'accepted',
    );
  });

  it('answers again when an occurrence is added: a new date on a booking declines the series', async () => {
    await book(f.bob, 'taken', '2026-05-20T10:00:00', [room]);
    const id = await book(f.alice, 'series', '2026-05-04T10:00:00', [room], {
      recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'weekly', count: 2 }],
    });
    expect(answerOf(await copyIn(f.alice.accountId, 'series'), room.email)?.participationStatus).toBe(
      'accepted',
    );
    // RFC 8984 §4.3.5: an empty patch at a new recurrence id adds that date (an RDATE).
    const { result } = await call(f.alice, 'CalendarEvent/set', {
      sendSchedulingMessages: true,
      update: { [id]: { recurrenceOverrides: { '2026-05-20T10:00:00': {} } } },
    });
    expect(result.notUpdated).toBeNull();
    const answer = answerOf(await copyIn(f.alice.accountId, 'series'), room.email);
    expect(answer?.participationStatus).toBe('declined');
    expect(answer?.participationComment).toContain('2026-05-20T08:00:00Z');
  });

  it('is held by a block in its own calendar (no participants): a multi-day closure declines a series', async () => {
    const [calendar] = await f.store.listCalendars(room.accountId);
    await f.store.createCalendarEvent(room.accountId, {
      calendarIds: [calendar!.id],
      uid: 'works',
      utcStart: new Date('2026-05-10T00:00:00Z'),
      utcEnd: new Date('2026-05-13T00:00:00Z'),
      data: {
        '@type': 'Event',
        uid: 'works',
        title: 'Painting',
        start: '2026-05-10T00:00:00',
        timeZone: 'Etc/UTC',
        duration: 'P3D',
      },
    });
    await book(f.alice, 'daily-standup', '2026-05-08T09:00:00', [room], {
      recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'daily', count: 10 }],
    });
    const answer = answerOf(await copyIn(f.alice.accountId, 'daily-standup'), room.email);
    expect(answer?.participationStatus).toBe('declined');
    expect(answer?.participationComment).toContain('2026-05-10T07:00:00Z');
  });

  it('declines a single event that falls on an occurrence of a booked series', async () => {
    await book(f.bob, 'daily', '2026-05-04T09:00:00', [room], {
      recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'daily' }],
    });
    await book(f.alice, 'later', '2026-06-10T09:30:00', [room]);
    expect(answerOf(await copyIn(f.alice.accountId, 'later'), room.email)?.participationStatus).toBe(
      'declined',
    );
  });
});

describe('who may book', () => {
  it('declines an organizer of another organisation hosted on the same server', async () => {
    await f.store.createDomain('other.test');
    const mallory = await f.store.createAccount({
      email: 'mallory@other.test',
      displayName: 'Mallory',
      passwordHash: 'unused',
    });
    const who: Principal = { ...f.alice, accountId: mallory.id, username: 'mallory@other.test' };
    const { result } = await call(who, 'CalendarEvent/set', {
      sendSchedulingMessages: true,
      create: {
        e: {
          uid: 'outsider',
          title: 'Outsider',
          start: '2026-05-04T10:00:00',
          timeZone: 'Europe/Paris',
          duration: 'PT1H',
          participants: { me: person('mallory@other.test', true), r: bookable(room) },
        },
      },
    });
    expect(result.notCreated).toBeNull();
    const answer = answerOf(await copyIn(mallory.id, 'outsider'), room.email);
    expect(answer?.participationStatus).toBe('declined');
    expect(answer?.participationComment).toContain('members of its organisation only');
  });

  it('answers an external organizer’s iMIP invitation with a declining REPLY by iMIP (RFC 6047)', async () => {
    const request = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Remote//EN',
      'METHOD:REQUEST',
      'BEGIN:VEVENT',
      'UID:remote-1@remote.test',
      'SEQUENCE:0',
      'DTSTAMP:20260420T080000Z',
      'DTSTART:20260504T080000Z',
      'DTEND:20260504T090000Z',
      'SUMMARY:From outside',
      'ORGANIZER:mailto:carol@remote.test',
      'ATTENDEE;CUTYPE=ROOM;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:room.azur@colibri.test',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    const raw = new TextEncoder().encode(
      `From: carol@remote.test\r\nTo: room.azur@colibri.test\r\nSubject: Invitation\r\nMIME-Version: 1.0\r\n` +
        `Content-Type: text/calendar; method=REQUEST; charset=UTF-8\r\n\r\n${request}`,
    );
    const host = { store: f.store, log: f.log };
    expect(await applyReceivedImip(host, room.accountId, room.email, raw, 'carol@remote.test')).toBe(
      'applied',
    );
    expect(
      answerOf(await copyIn(room.accountId, 'remote-1@remote.test'), room.email)?.participationStatus,
    ).toBe('declined');
    const [queued] = await f.store.getSubmissions(room.accountId);
    expect(queued?.envelope).toMatchObject({ mailFrom: room.email, rcptTo: ['carol@remote.test'] });
    const itip = extractItip((await f.store.readSubmissionMessage(queued!.id))!);
    expect(itip.ok && itip.value.itip.method).toBe('reply');
  });
});

describe('equipment with the approval policy', () => {
  it('stays needs-action until the approver accepts for it; the organizer then sees accepted', async () => {
    await book(f.alice, 'demo', '2026-05-06T10:00:00', [beamer]);
    expect(answerOf(await copyIn(f.alice.accountId, 'demo'), beamer.email)?.participationStatus).toBe(
      'needs-action',
    );
    // Bob, the approver, sees the pending request in the beamer's calendar…
    const { result: query } = await call(f.bob, 'CalendarEvent/query', {}, beamer.accountId);
    const ids = query.ids as string[];
    expect(ids).toHaveLength(1);
    const { result: got } = await call(f.bob, 'CalendarEvent/get', { ids }, beamer.accountId);
    const event = (got.list as Doc[])[0]!;
    const key = Object.entries(event.participants).find(([, p]) => p.email === beamer.email)![0];
    // …and answers it for the beamer (mayRSVP), which replies to the organizer.
    const { result } = await call(
      f.bob,
      'CalendarEvent/set',
      {
        sendSchedulingMessages: true,
        update: { [ids[0]!]: { [`participants/${key}/participationStatus`]: 'accepted' } },
      },
      beamer.accountId,
    );
    expect(result.notUpdated).toBeNull();
    expect(answerOf(await copyIn(f.alice.accountId, 'demo'), beamer.email)?.participationStatus).toBe(
      'accepted',
    );
  });

  it('shows the approver the resource’s account in their session, and their decline reaches the organizer', async () => {
    const session = await f.engine.getSession(f.bob, 'http://x.test');
    expect(session.accounts[beamer.accountId]?.accountCapabilities).toHaveProperty(Capability.Calendars);
    await book(f.alice, 'refused', '2026-05-06T10:00:00', [beamer]);
    const [record] = await f.store.queryCalendarEvents(beamer.accountId, { uid: 'refused' });
    const key = Object.entries((record!.data as Doc).participants).find(
      ([, p]) => p.email === beamer.email,
    )![0];
    await call(
      f.bob,
      'CalendarEvent/set',
      {
        sendSchedulingMessages: true,
        update: { [record!.id]: { [`participants/${key}/participationStatus`]: 'declined' } },
      },
      beamer.accountId,
    );
    expect(answerOf(await copyIn(f.alice.accountId, 'refused'), beamer.email)?.participationStatus).toBe(
      'declined',
    );
  });

  it('answers each resource of one event by its own policy', async () => {
    await book(f.alice, 'both', '2026-05-08T10:00:00', [room, beamer]);
    const copy = await copyIn(f.alice.accountId, 'both');
    expect(answerOf(copy, room.email)?.participationStatus).toBe('accepted');
    expect(answerOf(copy, beamer.email)?.participationStatus).toBe('needs-action');
  });

  it('declines a conflicting request without asking the approver', async () => {
    await book(f.alice, 'blocked', '2026-05-06T10:00:00', [beamer]);
    const [record] = await f.store.queryCalendarEvents(beamer.accountId, { uid: 'blocked' });
    const data = record!.data as Doc;
    const key = Object.entries(data.participants).find(([, p]) => p.email === beamer.email)![0];
    await call(
      f.bob,
      'CalendarEvent/set',
      {
        sendSchedulingMessages: true,
        update: { [record!.id]: { [`participants/${key}/participationStatus`]: 'accepted' } },
      },
      beamer.accountId,
    );
    await book(f.bob, 'clash', '2026-05-06T10:30:00', [beamer]);
    expect(answerOf(await copyIn(f.bob.accountId, 'clash'), beamer.email)?.participationStatus).toBe(
      'declined',
    );
  });

  it('lets only its approver answer: another user cannot reach the resource’s account', async () => {
    await book(f.bob, 'mine', '2026-05-07T10:00:00', [beamer]);
    const { name, result } = await call(f.alice, 'CalendarEvent/query', {}, beamer.accountId);
    expect(name).toBe('error');
    expect(result.type).toBe('accountNotFound');
  });
});

describe('resources in the directory (RFC 9670 §2)', () => {
  it('lists rooms as `location` and equipment as `resource` principals, with their calendar address', async () => {
    const { result: rooms } = await call(f.alice, 'Principal/query', { filter: { type: 'location' } });
    expect(rooms.ids).toEqual([room.accountId]);
    const { result: things } = await call(f.alice, 'Principal/query', { filter: { type: 'resource' } });
    expect(things.ids).toEqual([beamer.accountId]);
    const { result: people } = await call(f.alice, 'Principal/query', { filter: { type: 'individual' } });
    expect(people.ids).toEqual(expect.arrayContaining([f.alice.accountId, f.bob.accountId]));
    expect(people.ids).toHaveLength(2);
    const { result } = await call(f.alice, 'Principal/get', { ids: [room.accountId] });
    const [principal] = result.list as Result[];
    expect(principal).toMatchObject({ type: 'location', name: 'Salle Azur', email: room.email });
    expect((principal!.capabilities as Result)[Capability.Calendars]).toMatchObject({
      calendarAddress: 'mailto:room.azur@colibri.test',
      mayGetAvailability: true,
    });
  });

  it('lists them in the organisation directory book as a `location` and a `device` card (RFC 9553 §2.1.4)', async () => {
    const { result: books } = await call(f.alice, 'AddressBook/get', {});
    const directory = (books.list as Result[]).find((b) => b.name === 'Directory')!.id as string;
    const { result: query } = await call(f.alice, 'ContactCard/query', {
      filter: { inAddressBook: directory },
    });
    const { result } = await call(f.alice, 'ContactCard/get', { ids: query.ids });
    const kinds = (result.list as { kind: string; emails: Record<string, { address: string }> }[]).map(
      (c) => [c.emails.work!.address, c.kind],
    );
    expect(kinds).toEqual(
      expect.arrayContaining([
        [room.email, 'location'],
        [beamer.email, 'device'],
        ['alice@colibri.test', 'individual'],
      ]),
    );
  });

  it('shows any user of the domain the room’s busy time', async () => {
    await book(f.bob, 'taken', '2026-05-04T10:00:00', [room]);
    const { result } = await call(f.alice, 'Principal/getAvailability', {
      id: room.accountId,
      utcStart: '2026-05-04T00:00:00Z',
      utcEnd: '2026-05-05T00:00:00Z',
    });
    expect(result.list).toEqual([
      expect.objectContaining({
        utcStart: '2026-05-04T08:00:00Z',
        utcEnd: '2026-05-04T09:00:00Z',
        busyStatus: 'confirmed',
      }),
    ]);
  });
});
