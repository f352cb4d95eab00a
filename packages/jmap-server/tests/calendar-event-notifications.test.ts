import { Capability } from '@colibri/jmap-types';
import type { JmapResponse } from '@colibri/jmap-types';
import { calendarEventNotificationLimits } from '@colibri/mail-store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyReceivedImip } from '../src/index.js';
import type { Principal } from '../src/index.js';
import { openFixture } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';

// JMAP Calendars (draft-ietf-jmap-calendars) §7: CalendarEventNotification, over a real SQLite store.
const USING = [Capability.Core, Capability.Calendars];
type Result = Record<string, unknown>;
type Notice = {
  id: string;
  created: string;
  changedBy: Result;
  comment: string | null;
  type: string;
  calendarEventId: string;
  isDraft?: boolean;
  event: Result;
  eventPatch?: Result;
};

let f: Fixture;
beforeEach(async () => {
  f = await openFixture();
});
afterEach(() => f.close());

/** One call by `who`, in their own account unless `accountId` is given: [name, arguments]. */
async function callAs(who: Principal, name: string, args: Result): Promise<[string, Result]> {
  const { status, body } = await f.engine.handleRequest(who, {
    using: USING,
    methodCalls: [[name, { accountId: who.accountId, ...args }, 'c']],
  });
  if (status !== 200) throw new Error(`HTTP ${status}`);
  const [response] = (body as JmapResponse).methodResponses;
  return [response![0], response![1] as Result];
}
async function notices(who: Principal): Promise<Notice[]> {
  const [, result] = await callAs(who, 'CalendarEventNotification/get', { ids: null });
  return result.list as Notice[];
}
const state = async (who: Principal) =>
  (await callAs(who, 'CalendarEventNotification/get', { ids: [] }))[1].state as string;

const UID = 'planning-2026@colibri.test';
const person = (email: string, extra: Result = {}) => ({
  '@type': 'Participant',
  email,
  sendTo: { imip: `mailto:${email}` },
  ...extra,
});
const meeting = {
  uid: UID,
  title: 'Planning',
  start: '2026-05-04T10:00:00',
  timeZone: 'Europe/Paris',
  duration: 'PT1H',
  participants: {
    alice: person('alice@colibri.test', {
      name: 'Alice Durand',
      roles: { owner: true, attendee: true },
      participationStatus: 'accepted',
    }),
    bob: person('bob@colibri.test', {
      roles: { attendee: true },
      participationStatus: 'needs-action',
      expectReply: true,
    }),
  },
};

async function invite(): Promise<string> {
  const [, result] = await callAs(f.alice, 'CalendarEvent/set', {
    create: { m: meeting },
    sendSchedulingMessages: true,
  });
  const created = result.created as Record<string, { id: string }> | null;
  if (!created?.m) throw new Error(JSON.stringify(result.notCreated));
  return created.m.id;
}
const bobsCopyId = async () => (await f.store.queryCalendarEvents(f.bob.accountId, { uid: UID }))[0]!.id;
const ALICE = {
  name: 'Alice Durand',
  email: 'alice@colibri.test',
  principalId: '',
  calendarAddress: 'mailto:alice@colibri.test',
};

describe('CalendarEventNotification from scheduling (JMAP Calendars §7)', () => {
  it('tells an internal invitee of the invitation, the update and the cancellation', async () => {
    const since = await state(f.bob);
    const aliceEvent = await invite();
    const bobEvent = await bobsCopyId();

    const [created] = await notices(f.bob);
    expect(created).toMatchObject({
      type: 'created',
      calendarEventId: bobEvent,
      changedBy: { ...ALICE, principalId: f.alice.accountId },
      comment: null,
      isDraft: false,
      event: { uid: UID, title: 'Planning', start: '2026-05-04T10:00:00', id: bobEvent },
    });
    expect(created!.eventPatch).toBeUndefined();
    expect(created!.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    // The organizer changed nothing of someone else's: no notification for her.
    expect(await notices(f.alice)).toEqual([]);

    await callAs(f.alice, 'CalendarEvent/set', {
      update: { [aliceEvent]: { start: '2026-05-04T11:00:00' } },
      sendSchedulingMessages: true,
    });
    const updated = (await notices(f.bob))[1]!;
    expect(updated).toMatchObject({
      type: 'updated',
      calendarEventId: bobEvent,
      isDraft: false,
      event: { start: '2026-05-04T10:00:00' },
    });
    // §7: eventPatch turns `event` (before) into the event after the update.
    expect(updated.eventPatch).toMatchObject({ start: '2026-05-04T11:00:00', sequence: 1 });

    await callAs(f.alice, 'CalendarEvent/set', { destroy: [aliceEvent], sendSchedulingMessages: true });
    const cancelled = (await notices(f.bob))[2]!;
    expect(cancelled).toMatchObject({ type: 'updated', eventPatch: { status: 'cancelled' } });

    // RFC 8620 §5.2 over the type's own state.
    const [, changes] = await callAs(f.bob, 'CalendarEventNotification/changes', { sinceState: since });
    expect(changes.created).toHaveLength(3);
    expect(changes.newState).toBe(await state(f.bob));
  });

  it('tells the organizer of a reply, and dismisses the notices once the invitee answers', async () => {
    await invite();
    const bobEvent = await bobsCopyId();
    expect(await notices(f.bob)).toHaveLength(1);
    const [record] = await f.store.getCalendarEvents(f.bob.accountId, [bobEvent]);
    const participants = record!.data.participants as Record<string, { email?: string }>;
    const bobKey = Object.keys(participants).find((k) => participants[k]!.email === 'bob@colibri.test')!;
    // §7.1: the user changing the event themselves (their RSVP) dismisses what they were told of it.
    const [, answered] = await callAs(f.bob, 'CalendarEvent/set', {
      update: { [bobEvent]: { [`participants/${bobKey}/participationStatus`]: 'accepted' } },
      sendSchedulingMessages: true,
    });
    expect(answered.notUpdated).toBeNull();
    expect(await notices(f.bob)).toEqual([]);
    const [reply] = await notices(f.alice);
    expect(reply).toMatchObject({
      type: 'updated',
      changedBy: { email: 'bob@colibri.test', principalId: f.bob.accountId },
      eventPatch: { 'participants/bob/participationStatus': 'accepted' },
    });
  });

  it('records an invitation from outside (iMIP) with the sender address and the COMMENT, no principal', async () => {
    const request = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Remote//EN',
      'METHOD:REQUEST',
      'BEGIN:VEVENT',
      'UID:outside@remote.test',
      'SEQUENCE:0',
      'DTSTAMP:20260420T080000Z',
      'DTSTART:20260506T090000Z',
      'DTEND:20260506T100000Z',
      'SUMMARY:Supplier review',
      'COMMENT:Agenda to follow',
      'ORGANIZER;CN=Dave Remote:mailto:dave@remote.test',
      'ATTENDEE;CN=Dave Remote;PARTSTAT=ACCEPTED:mailto:dave@remote.test',
      'ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:alice@colibri.test',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    const raw = new TextEncoder().encode(
      `From: dave@remote.test\r\nTo: alice@colibri.test\r\nSubject: Invitation\r\nMIME-Version: 1.0\r\n` +
        `Content-Type: text/calendar; method=REQUEST; charset=UTF-8\r\n\r\n${request}`,
    );
    const host = { store: f.store, log: f.log };
    expect(
      await applyReceivedImip(host, f.alice.accountId, 'alice@colibri.test', raw, 'dave@remote.test'),
    ).toBe('applied');
    const [notice] = await notices(f.alice);
    expect(notice).toMatchObject({
      type: 'created',
      comment: 'Agenda to follow',
      changedBy: {
        name: 'Dave Remote',
        email: 'dave@remote.test',
        principalId: null,
        calendarAddress: 'mailto:dave@remote.test',
      },
      event: { title: 'Supplier review' },
    });
  });
});

describe('CalendarEventNotification from a sharee (JMAP Calendars §7)', () => {
  it('tells the owner what a sharee with mayWriteAll created, changed and destroyed', async () => {
    const calendar = (await f.store.listCalendars(f.alice.accountId)).find((c) => c.isDefault)!.id;
    const [, shared] = await callAs(f.alice, 'Calendar/set', {
      update: {
        [calendar]: {
          shareWith: { [f.bob.accountId]: { mayReadFreeBusy: true, mayReadItems: true, mayWriteAll: true } },
        },
      },
    });
    expect(shared.notUpdated).toBeNull();
    const inAlice = { accountId: f.alice.accountId };
    const [, made] = await callAs(f.bob, 'CalendarEvent/set', {
      ...inAlice,
      create: {
        e: {
          calendarIds: { [calendar]: true },
          title: 'Dentist',
          start: '2026-05-07T08:00:00',
          timeZone: 'Europe/Paris',
          duration: 'PT1H',
        },
      },
    });
    const id = (made.created as Record<string, { id: string }>).e!.id;
    await callAs(f.bob, 'CalendarEvent/set', { ...inAlice, update: { [id]: { title: 'Dentist (moved)' } } });
    await callAs(f.bob, 'CalendarEvent/set', { ...inAlice, destroy: [id] });

    const list = await notices(f.alice);
    expect(list.map((n) => n.type)).toEqual(['created', 'updated', 'destroyed']);
    expect(list.every((n) => n.calendarEventId === id)).toBe(true);
    expect(list[0]!.changedBy).toEqual({
      name: 'Bob Martin',
      email: 'bob@colibri.test',
      principalId: f.bob.accountId,
      calendarAddress: 'mailto:bob@colibri.test',
    });
    expect(list[1]).toMatchObject({ event: { title: 'Dentist' }, eventPatch: { title: 'Dentist (moved)' } });
    expect(list[2]).toMatchObject({ event: { title: 'Dentist (moved)' } });
    expect(list[2]!.isDraft).toBeUndefined();
    expect(list[2]!.eventPatch).toBeUndefined();
    // Notifications are the owner's: the sharee has none, and cannot reach alice's.
    expect(await notices(f.bob)).toEqual([]);
    const [name, refused] = await callAs(f.bob, 'CalendarEventNotification/get', { ...inAlice, ids: null });
    expect(name).toBe('error');
    expect(refused.type).toBe('accountNotSupportedByMethod');
  });
});

describe('CalendarEventNotification methods (JMAP Calendars §7.2-§7.6)', () => {
  it('queries by type, event and date, sorted by created, with exact queryChanges', async () => {
    const start = await state(f.bob);
    const [, empty] = await callAs(f.bob, 'CalendarEventNotification/query', {});
    const aliceEvent = await invite();
    await callAs(f.alice, 'CalendarEvent/set', {
      update: { [aliceEvent]: { start: '2026-05-04T11:00:00' } },
      sendSchedulingMessages: true,
    });
    const all = await notices(f.bob);
    const [created, updated] = all.map((n) => n.id);

    const query = async (args: Result) => (await callAs(f.bob, 'CalendarEventNotification/query', args))[1];
    expect((await query({})).ids).toEqual([created, updated]);
    expect((await query({ sort: [{ property: 'created', isAscending: false }] })).ids).toEqual([
      updated,
      created,
    ]);
    expect((await query({ filter: { type: 'updated' } })).ids).toEqual([updated]);
    expect((await query({ filter: { calendarEventIds: [await bobsCopyId()] } })).ids).toEqual([
      created,
      updated,
    ]);
    expect((await query({ filter: { calendarEventIds: ['Vnone'] } })).ids).toEqual([]);
    expect((await query({ filter: { before: '2000-01-01T00:00:00Z' } })).ids).toEqual([]);
    expect((await query({ filter: { after: all[0]!.created } })).ids).toEqual([created, updated]);
    expect((await query({ sort: [{ property: 'type' }] })).type).toBe('unsupportedSort');
    expect((await query({ filter: { type: 'moved' } })).type).toBe('invalidArguments');

    const [, delta] = await callAs(f.bob, 'CalendarEventNotification/queryChanges', {
      sinceQueryState: empty.queryState,
    });
    expect(delta).toMatchObject({
      oldQueryState: start,
      added: [
        { id: created, index: 0 },
        { id: updated, index: 1 },
      ],
    });
  });

  it('dismisses with destroy; create and update are forbidden', async () => {
    await invite();
    const [notice] = await notices(f.bob);
    const [, result] = await callAs(f.bob, 'CalendarEventNotification/set', {
      create: { n: { type: 'created' } },
      update: { [notice!.id]: { comment: 'x' } },
      destroy: [notice!.id, 'Qnothing-at-all'],
    });
    expect(result.destroyed).toEqual([notice!.id]);
    expect((result.notCreated as Record<string, Result>).n!.type).toBe('forbidden');
    expect((result.notUpdated as Record<string, Result>)[notice!.id]!.type).toBe('forbidden');
    expect((result.notDestroyed as Record<string, Result>)['Qnothing-at-all']!.type).toBe('notFound');
    expect(await notices(f.bob)).toEqual([]);
    const [, again] = await callAs(f.bob, 'CalendarEventNotification/set', { destroy: [notice!.id] });
    expect((again.notDestroyed as Record<string, Result>)[notice!.id]!.type).toBe('notFound');
  });

  it(`keeps at most ${calendarEventNotificationLimits.maxPerAccount} per account, dropping the oldest`, async () => {
    const saved = calendarEventNotificationLimits.maxPerAccount;
    calendarEventNotificationLimits.maxPerAccount = 2;
    try {
      const aliceEvent = await invite();
      // Rescheduling bumps SEQUENCE, so that each update reaches bob (RFC 5546 §2.1.4).
      for (const start of ['2026-05-04T11:00:00', '2026-05-04T12:00:00'])
        await callAs(f.alice, 'CalendarEvent/set', {
          update: { [aliceEvent]: { start } },
          sendSchedulingMessages: true,
        });
      const list = await notices(f.bob);
      expect(list.map((n) => n.type)).toEqual(['updated', 'updated']);
      expect(list.map((n) => n.eventPatch?.start)).toEqual(['2026-05-04T11:00:00', '2026-05-04T12:00:00']);
    } finally {
      calendarEventNotificationLimits.maxPerAccount = saved;
    }
  });
});
