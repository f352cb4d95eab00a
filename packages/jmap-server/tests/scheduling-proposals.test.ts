import { Capability } from '@colibri/jmap-types';
import type { JmapResponse } from '@colibri/jmap-types';
import { extractItip } from '@colibri/icalendar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyReceivedImip } from '../src/index.js';
import type { Principal } from '../src/index.js';
import { openFixture, resultOf } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';

const USING = [Capability.Core, Capability.Calendars, Capability.CalendarProposals];
let f: Fixture;
beforeEach(async () => {
  f = await openFixture();
});
afterEach(() => f.close());

async function call(principal: Principal, name: string, args: Record<string, unknown>) {
  const { status, body } = await f.engine.handleRequest(principal, {
    using: USING,
    methodCalls: [[name, { accountId: principal.accountId, ...args }, 'c']],
  });
  if (status !== 200) throw new Error(`HTTP ${status}`);
  return resultOf(body as JmapResponse, name);
}

const UID = 'review-2026@colibri.test';
const person = (email: string, extra: Record<string, unknown>) => ({
  '@type': 'Participant',
  email,
  sendTo: { imip: `mailto:${email}` },
  ...extra,
});
const meeting = {
  uid: UID,
  title: 'Quarterly review',
  start: '2026-05-04T10:00:00',
  timeZone: 'Europe/Paris',
  duration: 'PT1H',
  participants: {
    alice: person('alice@colibri.test', {
      roles: { owner: true, attendee: true },
      participationStatus: 'accepted',
    }),
    bob: person('bob@colibri.test', { roles: { attendee: true }, participationStatus: 'needs-action' }),
    carol: person('carol@remote.test', { roles: { attendee: true }, participationStatus: 'needs-action' }),
  },
};

async function recordOf(principal: Principal) {
  const [record] = await f.store.queryCalendarEvents(principal.accountId, { uid: UID });
  return record!;
}
async function queuedFor(rcpt: string) {
  const out = [];
  for (const s of await f.store.getSubmissions(f.alice.accountId)) {
    if (!s.envelope.rcptTo.includes(rcpt)) continue;
    const raw = await f.store.readSubmissionMessage(s.id);
    const itip = raw ? extractItip(raw) : undefined;
    if (itip?.ok) out.push(itip.value.itip);
  }
  return out;
}
type Proposal = { id: string; from: string; start: string; status: string; comment: string | null };
const proposals = async (principal: Principal) =>
  (await call(principal, 'CalendarEventProposal/get', {})).list as Proposal[];

async function invite() {
  const result = await call(f.alice, 'CalendarEvent/set', {
    create: { m: meeting },
    sendSchedulingMessages: true,
  });
  expect(result.created).toBeTruthy();
}
async function bobProposes(start: string, comment: string) {
  const bobs = await recordOf(f.bob);
  const result = await call(f.bob, 'CalendarEventProposal/set', {
    create: { p: { calendarEventId: bobs.id, start, comment } },
  });
  expect(result.notCreated ?? null).toBeNull();
}

describe('Counter-proposals over JMAP (CalendarEventProposal, RFC 5546 §3.2.7-8)', () => {
  it('an internal attendee proposes, the organizer sees it and accepts: both copies move with the same SEQUENCE', async () => {
    await invite();
    await bobProposes('2026-05-06T11:00:00', 'Monday is full');
    const [pending] = await proposals(f.alice);
    expect(pending).toMatchObject({
      from: 'bob@colibri.test',
      start: '2026-05-06T11:00:00',
      status: 'pending',
      comment: 'Monday is full',
    });
    // The event itself did not move yet.
    expect((await recordOf(f.alice)).data.start).toBe('2026-05-04T10:00:00');

    const answered = await call(f.alice, 'CalendarEventProposal/set', {
      update: { [pending!.id]: { status: 'accepted' } },
    });
    expect(answered.updated).toEqual({ [pending!.id]: null });
    const alices = (await recordOf(f.alice)).data;
    const bobs = (await recordOf(f.bob)).data;
    expect(alices).toMatchObject({ start: '2026-05-06T11:00:00', sequence: 1 });
    expect(bobs).toMatchObject({ start: '2026-05-06T11:00:00', sequence: 1 });
    expect((await proposals(f.alice))[0]!.status).toBe('accepted');
    const toCarol = await queuedFor('carol@remote.test');
    expect(toCarol.map((m) => [m.method, m.items[0]!.sequence])).toEqual([
      ['request', 0],
      ['request', 1],
    ]);
    expect(toCarol[1]!.events[0]!.start).toBe('2026-05-06T11:00:00');
  });

  it('the organizer declines: the event stays, and the proposer sees the proposal declined', async () => {
    await invite();
    await bobProposes('2026-05-07T16:00:00', 'Later?');
    expect((await proposals(f.bob)).map((p) => p.status)).toEqual(['pending']);
    const [pending] = await proposals(f.alice);
    await call(f.alice, 'CalendarEventProposal/set', {
      update: { [pending!.id]: { status: 'declined', comment: 'Keep the date' } },
    });
    expect((await recordOf(f.alice)).data).toMatchObject({ start: '2026-05-04T10:00:00' });
    expect((await proposals(f.alice))[0]!.status).toBe('declined');
    expect((await proposals(f.bob)).map((p) => p.status)).toEqual(['declined']);
  });

  it('a COUNTER from an external attendee, declined, sends a DECLINECOUNTER by iMIP', async () => {
    await invite();
    const counter = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Remote//EN',
      'METHOD:COUNTER',
      'BEGIN:VEVENT',
      `UID:${UID}`,
      'SEQUENCE:0',
      'DTSTAMP:20260420T080000Z',
      'DTSTART;TZID=Europe/Paris:20260505T090000',
      'DTEND;TZID=Europe/Paris:20260505T100000',
      'ORGANIZER:mailto:alice@colibri.test',
      'ATTENDEE;PARTSTAT=TENTATIVE:mailto:carol@remote.test',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    const raw = new TextEncoder().encode(
      `From: carol@remote.test\r\nTo: alice@colibri.test\r\nSubject: Counter\r\nMIME-Version: 1.0\r\n` +
        `Content-Type: text/calendar; method=COUNTER; charset=UTF-8\r\n\r\n${counter}`,
    );
    const host = { store: f.store, log: f.log };
    expect(
      await applyReceivedImip(host, f.alice.accountId, 'alice@colibri.test', raw, 'carol@remote.test'),
    ).toBe('applied');
    const [pending] = await proposals(f.alice);
    expect(pending).toMatchObject({
      from: 'carol@remote.test',
      start: '2026-05-05T09:00:00',
      status: 'pending',
    });
    await call(f.alice, 'CalendarEventProposal/set', { update: { [pending!.id]: { status: 'declined' } } });
    expect((await queuedFor('carol@remote.test')).map((m) => m.method)).toEqual([
      'request',
      'declinecounter',
    ]);
  });

  it('refuses an attendee answering a proposal, an organizer proposing, and an unknown event', async () => {
    await invite();
    await bobProposes('2026-05-06T11:00:00', 'x');
    const [mine] = await proposals(f.bob);
    const byBob = await call(f.bob, 'CalendarEventProposal/set', {
      update: { [mine!.id]: { status: 'accepted' } },
    });
    expect((byBob.notUpdated as Record<string, { type: string }>)[mine!.id]!.type).toBe('forbidden');
    const alices = await recordOf(f.alice);
    const byAlice = await call(f.alice, 'CalendarEventProposal/set', {
      create: { p: { calendarEventId: alices.id, start: '2026-05-06T11:00:00' } },
    });
    expect((byAlice.notCreated as Record<string, { type: string }>).p!.type).toBe('forbidden');
    const unknown = await call(f.bob, 'CalendarEventProposal/set', {
      create: { p: { calendarEventId: 'Vnope', start: 'tomorrow' } },
    });
    expect((unknown.notCreated as Record<string, { type: string }>).p!.type).toBe('invalidProperties');
  });
});

describe('Counter-proposals to an external organizer', () => {
  it('an attendee here proposing to an organizer elsewhere queues a COUNTER iMIP to the organizer', async () => {
    const calendar = (await f.store.listCalendars(f.bob.accountId)).find((c) => c.isDefault)!;
    const record = await f.store.createCalendarEvent(f.bob.accountId, {
      calendarIds: [calendar.id],
      uid: 'external@remote.test',
      utcStart: new Date('2026-05-04T08:00:00Z'),
      utcEnd: new Date('2026-05-04T09:00:00Z'),
      isOrigin: false,
      data: {
        ...meeting,
        uid: 'external@remote.test',
        participants: {
          dave: person('dave@remote.test', { roles: { owner: true, attendee: true } }),
          bob: person('bob@colibri.test', { roles: { attendee: true }, participationStatus: 'needs-action' }),
        },
      },
    });
    const result = await call(f.bob, 'CalendarEventProposal/set', {
      create: { p: { calendarEventId: record.id, start: '2026-05-04T15:00:00', comment: 'Afternoon?' } },
    });
    expect(result.notCreated ?? null).toBeNull();
    const submissions = await f.store.getSubmissions(f.bob.accountId);
    expect(submissions.map((s) => s.envelope)).toEqual([
      { mailFrom: 'bob@colibri.test', rcptTo: ['dave@remote.test'] },
    ]);
    const raw = new TextDecoder().decode((await f.store.readSubmissionMessage(submissions[0]!.id))!);
    expect(raw).toMatch(/^From: bob@colibri\.test\r\nTo: dave@remote\.test\r\n/);
    expect(raw).toContain('Content-Type: text/calendar; method=COUNTER; charset=UTF-8');
    expect(raw).toContain('Content-Disposition: attachment; filename="invite.ics"');
    const itip = extractItip(raw);
    expect(itip.ok && itip.value.itip.method).toBe('counter');
    expect(itip.ok && itip.value.itip.events[0]!.start).toBe('2026-05-04T15:00:00');
    // Bob sees his own proposal, pending.
    expect((await proposals(f.bob)).map((p) => [p.start, p.status])).toEqual([
      ['2026-05-04T15:00:00', 'pending'],
    ]);
  });
});

describe('Replies and per-occurrence proposals', () => {
  it('an attendee here accepting an external organizer invitation queues an iMIP REPLY to the organizer', async () => {
    const calendar = (await f.store.listCalendars(f.bob.accountId)).find((c) => c.isDefault)!;
    const record = await f.store.createCalendarEvent(f.bob.accountId, {
      calendarIds: [calendar.id],
      uid: 'external-reply@remote.test',
      utcStart: new Date('2026-05-04T08:00:00Z'),
      utcEnd: new Date('2026-05-04T09:00:00Z'),
      isOrigin: false,
      data: {
        ...meeting,
        uid: 'external-reply@remote.test',
        participants: {
          dave: person('dave@remote.test', { roles: { owner: true, attendee: true } }),
          bob: person('bob@colibri.test', { roles: { attendee: true }, participationStatus: 'needs-action' }),
        },
      },
    });
    await call(f.bob, 'CalendarEvent/set', {
      update: { [record.id]: { 'participants/bob/participationStatus': 'accepted' } },
      sendSchedulingMessages: true,
    });
    const [submission] = await f.store.getSubmissions(f.bob.accountId);
    expect(submission!.envelope.rcptTo).toEqual(['dave@remote.test']);
    const itip = extractItip((await f.store.readSubmissionMessage(submission!.id))!);
    expect(itip.ok && itip.value.itip.method).toBe('reply');
    expect(itip.ok && itip.value.itip.items[0]!.attendees).toEqual([
      expect.objectContaining({ address: 'mailto:bob@colibri.test', participationStatus: 'accepted' }),
    ]);
  });

  it('a proposal for one occurrence of a weekly meeting, accepted, moves only that occurrence in both copies', async () => {
    const weekly = {
      ...meeting,
      recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'weekly', count: 4 }],
    };
    await call(f.alice, 'CalendarEvent/set', { create: { m: weekly }, sendSchedulingMessages: true });
    const bobs = await recordOf(f.bob);
    await call(f.bob, 'CalendarEventProposal/set', {
      create: {
        p: { calendarEventId: bobs.id, recurrenceId: '2026-05-11T10:00:00', start: '2026-05-12T10:00:00' },
      },
    });
    const [pending] = await proposals(f.alice);
    expect(pending).toMatchObject({ recurrenceId: '2026-05-11T10:00:00', start: '2026-05-12T10:00:00' });
    await call(f.alice, 'CalendarEventProposal/set', { update: { [pending!.id]: { status: 'accepted' } } });
    for (const principal of [f.alice, f.bob]) {
      const data = (await recordOf(principal)).data as {
        start: string;
        recurrenceOverrides?: Record<string, { start?: string }>;
      };
      expect(data.start).toBe('2026-05-04T10:00:00');
      expect(data.recurrenceOverrides?.['2026-05-11T10:00:00']?.start).toBe('2026-05-12T10:00:00');
    }
  });
});
