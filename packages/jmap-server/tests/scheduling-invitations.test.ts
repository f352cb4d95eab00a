import { Capability } from '@colibri/jmap-types';
import type { JmapResponse } from '@colibri/jmap-types';
import { extractItip } from '@colibri/icalendar';
import type { Principal } from '../src/index.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFixture, resultOf } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';

const USING = [Capability.Core, Capability.Calendars];
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

const meeting = {
  uid: 'planning-2026@colibri.test',
  title: 'Planning',
  start: '2026-05-04T10:00:00',
  timeZone: 'Europe/Paris',
  duration: 'PT1H',
  participants: {
    alice: {
      '@type': 'Participant',
      email: 'alice@colibri.test',
      sendTo: { imip: 'mailto:alice@colibri.test' },
      roles: { owner: true, attendee: true },
      participationStatus: 'accepted',
    },
    bob: {
      '@type': 'Participant',
      email: 'bob@colibri.test',
      sendTo: { imip: 'mailto:bob@colibri.test' },
      roles: { attendee: true },
      participationStatus: 'needs-action',
      expectReply: true,
    },
    carol: {
      '@type': 'Participant',
      email: 'carol@remote.test',
      sendTo: { imip: 'mailto:carol@remote.test' },
      roles: { attendee: true },
      participationStatus: 'needs-action',
      expectReply: true,
    },
  },
};

type Doc = Record<string, unknown> & {
  participants: Record<string, { email?: string; participationStatus?: string }>;
};
async function copyOf(principal: Principal): Promise<Doc | undefined> {
  const [record] = await f.store.queryCalendarEvents(principal.accountId, { uid: meeting.uid });
  return record?.data as Doc | undefined;
}
const statusOf = (doc: Doc | undefined, email: string) =>
  Object.values(doc?.participants ?? {}).find((p) => p.email === email)?.participationStatus;

async function queuedFor(principal: Principal, rcpt: string) {
  const submissions = await f.store.getSubmissions(principal.accountId);
  const out = [];
  for (const s of submissions.filter((s) => s.envelope.rcptTo.includes(rcpt))) {
    const raw = await f.store.readSubmissionMessage(s.id);
    if (!raw) continue;
    const itip = extractItip(raw);
    if (itip.ok) out.push(itip.value.itip);
  }
  return out;
}

async function invite(): Promise<string> {
  const result = await call(f.alice, 'CalendarEvent/set', {
    create: { m: meeting },
    sendSchedulingMessages: true,
  });
  const created = result.created as Record<string, { id: string }> | null;
  if (!created?.m) throw new Error(JSON.stringify(result.notCreated));
  return created.m.id;
}

describe('Scheduling from CalendarEvent/set (RFC 5546 over JMAP Calendars)', () => {
  it('puts an invitation in the internal attendee calendar and queues an iMIP REQUEST for the external one', async () => {
    await invite();
    const bobs = await copyOf(f.bob);
    expect(bobs).toMatchObject({ title: 'Planning', start: '2026-05-04T10:00:00' });
    expect(statusOf(bobs, 'bob@colibri.test')).toBe('needs-action');
    const calendars = await f.store.listCalendars(f.bob.accountId);
    const [record] = await f.store.queryCalendarEvents(f.bob.accountId, { uid: meeting.uid });
    expect(record!.calendarIds).toEqual([calendars.find((c) => c.isDefault)!.id]);
    const toCarol = await queuedFor(f.alice, 'carol@remote.test');
    expect(toCarol.map((m) => m.method)).toEqual(['request']);
    expect(toCarol[0]!.uid).toBe(meeting.uid);
    // Bob is internal: nothing is mailed to him.
    expect(await queuedFor(f.alice, 'bob@colibri.test')).toEqual([]);
  });

  it('sends nothing without sendSchedulingMessages (JMAP Calendars §5.9 default)', async () => {
    await call(f.alice, 'CalendarEvent/set', { create: { m: meeting } });
    expect(await copyOf(f.bob)).toBeUndefined();
    expect(await f.store.getSubmissions(f.alice.accountId)).toEqual([]);
  });

  it('an internal attendee accepting updates the organizer copy', async () => {
    await invite();
    const [bobRecord] = await f.store.queryCalendarEvents(f.bob.accountId, { uid: meeting.uid });
    const bobId = Object.entries((bobRecord!.data as Doc).participants).find(
      ([, p]) => p.email === 'bob@colibri.test',
    )![0];
    const result = await call(f.bob, 'CalendarEvent/set', {
      update: { [bobRecord!.id]: { [`participants/${bobId}/participationStatus`]: 'accepted' } },
      sendSchedulingMessages: true,
    });
    expect(result.updated).toEqual({ [bobRecord!.id]: null });
    expect(statusOf(await copyOf(f.alice), 'bob@colibri.test')).toBe('accepted');
    expect(statusOf(await copyOf(f.alice), 'carol@remote.test')).toBe('needs-action');
  });

  it('moving the event bumps SEQUENCE in every copy and queues the update for the external attendee', async () => {
    const id = await invite();
    await call(f.alice, 'CalendarEvent/set', {
      update: { [id]: { start: '2026-05-05T14:00:00' } },
      sendSchedulingMessages: true,
    });
    const alices = await copyOf(f.alice);
    const bobs = await copyOf(f.bob);
    expect(alices).toMatchObject({ start: '2026-05-05T14:00:00', sequence: 1 });
    expect(bobs).toMatchObject({ start: '2026-05-05T14:00:00', sequence: 1 });
    const toCarol = await queuedFor(f.alice, 'carol@remote.test');
    expect(toCarol.map((m) => [m.method, m.items[0]!.sequence])).toEqual([
      ['request', 0],
      ['request', 1],
    ]);
  });

  it('destroying the event cancels it for every attendee', async () => {
    const id = await invite();
    await call(f.alice, 'CalendarEvent/set', { destroy: [id], sendSchedulingMessages: true });
    expect(await copyOf(f.bob)).toMatchObject({ status: 'cancelled' });
    expect((await queuedFor(f.alice, 'carol@remote.test')).map((m) => m.method)).toEqual([
      'request',
      'cancel',
    ]);
  });
});
