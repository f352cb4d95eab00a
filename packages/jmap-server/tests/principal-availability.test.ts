import { Capability } from '@colibri/jmap-types';
import type { JmapResponse } from '@colibri/jmap-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../src/principal.js';
import { openFixture } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';

let f: Fixture;
let calendar: string;
let ignored: string;
const USING = [Capability.Core, Capability.Calendars, Capability.Principals];
type Result = Record<string, unknown>;

async function callAs(who: Principal, name: string, args: Result): Promise<[string, Result]> {
  const { status, body } = await f.engine.handleRequest(who, {
    using: USING,
    methodCalls: [[name, { accountId: who.accountId, ...args }, 'c']],
  });
  if (status !== 200) throw new Error(`HTTP ${status}`);
  const [response] = (body as JmapResponse).methodResponses;
  return [response![0], response![1] as Result];
}
const availability = (args: Result) =>
  callAs(f.bob, 'Principal/getAvailability', {
    id: f.alice.accountId,
    utcStart: '2026-03-01T00:00:00Z',
    utcEnd: '2026-04-01T00:00:00Z',
    ...args,
  });

const alice = (email: string, participationStatus: string) => ({
  organiser: { '@type': 'Participant', email: 'carol@example.org', roles: { owner: true } },
  me: { '@type': 'Participant', email, roles: { attendee: true }, participationStatus },
});

beforeAll(async () => {
  // The policy where only a share grants free/busy; the default one is tested at the end.
  f = await openFixture({ policy: { freeBusy: 'shared' } });
  const [, calendars] = await callAs(f.alice, 'Calendar/set', {
    create: { holidays: { name: 'Holidays', includeInAvailability: 'none' } },
  });
  ignored = (calendars.created as Record<string, { id: string }>).holidays!.id;
  const [, list] = await callAs(f.alice, 'Calendar/get', { ids: null });
  calendar = (list.list as { id: string; isDefault: boolean }[]).find((c) => c.isDefault)!.id;
  const event = (title: string, start: string, extra: Result = {}, calendarId = calendar) => ({
    calendarIds: { [calendarId]: true },
    title,
    start,
    timeZone: 'Europe/Paris',
    duration: 'PT1H',
    ...extra,
  });
  const [, created] = await callAs(f.alice, 'CalendarEvent/set', {
    create: {
      // Weekly on Mondays at 09:00 Paris, through the change to summer time (29 March 2026).
      weekly: event('Team sync', '2026-03-16T09:00:00', {
        recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'weekly', count: 3 }],
      }),
      free: event('Lunch (optional)', '2026-03-17T12:00:00', { freeBusyStatus: 'free' }),
      cancelled: event('Cancelled review', '2026-03-18T10:00:00', { status: 'cancelled' }),
      private: event('Doctor', '2026-03-19T08:00:00', { privacy: 'private' }),
      holiday: event('Day off', '2026-03-20T08:00:00', {}, ignored),
      declined: event('Vendor pitch', '2026-03-24T15:00:00', {
        participants: alice('alice@colibri.test', 'declined'),
      }),
      maybe: event('Offsite', '2026-03-25T15:00:00', {
        participants: alice('alice@colibri.test', 'tentative'),
      }),
      outside: event('April fool', '2026-04-01T09:00:00'),
    },
  });
  if (created.notCreated !== null) throw new Error(JSON.stringify(created.notCreated));
  // Bob may see alice's free/busy time, nothing more (JMAP Calendars §2.2 mayReadFreeBusy).
  await shareWithBob({ mayReadFreeBusy: true });
});

const shareWithBob = (rights: Result, calendarId = calendar) =>
  callAs(f.alice, 'Calendar/set', { update: { [calendarId]: { shareWith: { [f.bob.accountId]: rights } } } });
afterAll(() => f.close());

describe('Principal/getAvailability (JMAP Calendars §2.2)', () => {
  it('lists busy periods from calendars in availability, expanding recurrences across the DST change', async () => {
    const [name, result] = await availability({});
    expect(name).toBe('Principal/getAvailability');
    expect(result.list).toEqual([
      {
        utcStart: '2026-03-16T08:00:00Z',
        utcEnd: '2026-03-16T09:00:00Z',
        busyStatus: 'confirmed',
        event: null,
      },
      {
        utcStart: '2026-03-19T07:00:00Z',
        utcEnd: '2026-03-19T08:00:00Z',
        busyStatus: 'confirmed',
        event: null,
      },
      {
        utcStart: '2026-03-23T08:00:00Z',
        utcEnd: '2026-03-23T09:00:00Z',
        busyStatus: 'confirmed',
        event: null,
      },
      {
        utcStart: '2026-03-25T14:00:00Z',
        utcEnd: '2026-03-25T15:00:00Z',
        busyStatus: 'tentative',
        event: null,
      },
      // Summer time from 29 March: 09:00 in Paris is 07:00 UTC.
      {
        utcStart: '2026-03-30T07:00:00Z',
        utcEnd: '2026-03-30T08:00:00Z',
        busyStatus: 'confirmed',
        event: null,
      },
    ]);
  });

  it('clips periods to the range asked for', async () => {
    const [, result] = await availability({
      utcStart: '2026-03-16T08:30:00Z',
      utcEnd: '2026-03-17T00:00:00Z',
    });
    expect(result.list).toEqual([
      {
        utcStart: '2026-03-16T08:30:00Z',
        utcEnd: '2026-03-16T09:00:00Z',
        busyStatus: 'confirmed',
        event: null,
      },
    ]);
  });

  it('shows the events behind busy time only to those with mayReadItems, and never a private one', async () => {
    const [, hidden] = await availability({ showDetails: true });
    expect((hidden.list as Result[]).every((p) => p.event === null)).toBe(true);
    await shareWithBob({ mayReadFreeBusy: true, mayReadItems: true });
    const [, shown] = await availability({ showDetails: true, eventProperties: ['title'] });
    const events = (shown.list as { event: Result | null }[]).map((p) => p.event);
    expect(events).toEqual([
      { title: 'Team sync' },
      null,
      { title: 'Team sync' },
      { title: 'Offsite' },
      { title: 'Team sync' },
    ]);
  });

  it('refuses a reversed or too long range, and a principal outside the directory as notFound', async () => {
    const [, reversed] = await availability({
      utcStart: '2026-03-02T00:00:00Z',
      utcEnd: '2026-03-01T00:00:00Z',
    });
    expect(reversed.type).toBe('invalidArguments');
    const [, long] = await availability({ utcStart: '2026-01-01T00:00:00Z', utcEnd: '2027-01-03T00:00:00Z' });
    expect(long.type).toBe('requestTooLarge');
    // §2.2: notFound for a principal that does not exist or that the user may not see.
    const [, unknown] = await availability({ id: 'Anobody' });
    expect(unknown.type).toBe('notFound');
  });

  it('answers the owner about themselves, private and unshared calendars included', async () => {
    const [, own] = await callAs(f.alice, 'Principal/getAvailability', {
      id: f.alice.accountId,
      utcStart: '2026-03-19T00:00:00Z',
      utcEnd: '2026-03-20T00:00:00Z',
      showDetails: true,
      eventProperties: ['title'],
    });
    // The private event is busy time; its details stay hidden even from the owner (§2.2).
    expect(own.list).toEqual([
      {
        utcStart: '2026-03-19T07:00:00Z',
        utcEnd: '2026-03-19T08:00:00Z',
        busyStatus: 'confirmed',
        event: null,
      },
    ]);
  });

  it('counts only the calendars shared with mayReadFreeBusy, and forbids a principal with none', async () => {
    const [, made] = await callAs(f.alice, 'Calendar/set', { create: { side: { name: 'Side project' } } });
    const side = (made.created as Record<string, { id: string }>).side!.id;
    await callAs(f.alice, 'CalendarEvent/set', {
      create: {
        s: {
          calendarIds: { [side]: true },
          title: 'Side meeting',
          start: '2026-03-17T15:00:00',
          timeZone: 'Etc/UTC',
          duration: 'PT1H',
        },
      },
    });
    const day = { utcStart: '2026-03-17T00:00:00Z', utcEnd: '2026-03-18T00:00:00Z' };
    const [, before] = await availability(day);
    expect(before.list).toEqual([]); // the side calendar is not shared with bob
    await shareWithBob({ mayReadItems: true }, side); // items without free/busy: still not counted
    expect((await availability(day))[1].list).toEqual([]);
    await shareWithBob({ mayReadFreeBusy: true }, side);
    expect((await availability(day))[1].list).toEqual([
      {
        utcStart: '2026-03-17T15:00:00Z',
        utcEnd: '2026-03-17T16:00:00Z',
        busyStatus: 'confirmed',
        event: null,
      },
    ]);

    // Carol, of the same directory, has no share of alice's: forbidden, not an empty list.
    const carol = await f.store.createAccount({
      email: 'carol@colibri.test',
      displayName: 'Carol Petit',
      passwordHash: 'unused',
    });
    const [name, refused] = await callAs(
      { accountId: carol.id, username: carol.email },
      'Principal/getAvailability',
      { id: f.alice.accountId, ...day },
    );
    expect(name).toBe('error');
    expect(refused.type).toBe('forbidden');
    // A share whose rights drop mayReadFreeBusy forbids again.
    await shareWithBob({ mayReadItems: true });
    await shareWithBob({ mayReadItems: true }, side);
    expect((await availability(day))[1].type).toBe('forbidden');
  });
});

describe('the organisation policy (the default): free/busy of everyone of the domain', () => {
  let g: Fixture;
  beforeAll(async () => {
    g = await openFixture();
  });
  afterAll(() => g.close());
  const callIn = async (who: Principal, name: string, args: Result) => {
    const { body } = await g.engine.handleRequest(who, {
      using: USING,
      methodCalls: [[name, { accountId: who.accountId, ...args }, 'c']],
    });
    return (body as JmapResponse).methodResponses[0]!;
  };

  it('lets a colleague with no share see busy time, not the events, and never from a calendar left out', async () => {
    const [, calendars] = await callIn(g.alice, 'Calendar/set', {
      create: { holidays: { name: 'Holidays', includeInAvailability: 'none' } },
    });
    const holidays = (calendars.created as Record<string, { id: string }>).holidays!.id;
    const [, made] = await callIn(g.alice, 'CalendarEvent/set', {
      create: {
        review: { title: 'Review', start: '2026-03-17T10:00:00', timeZone: 'Etc/UTC', duration: 'PT1H' },
        away: {
          calendarIds: { [holidays]: true },
          title: 'Away',
          start: '2026-03-17T14:00:00',
          timeZone: 'Etc/UTC',
          duration: 'PT1H',
        },
      },
    });
    expect(made.notCreated).toBeNull();
    const [name, answer] = await callIn(g.bob, 'Principal/getAvailability', {
      id: g.alice.accountId,
      utcStart: '2026-03-17T00:00:00Z',
      utcEnd: '2026-03-18T00:00:00Z',
      showDetails: true,
    });
    expect(name).toBe('Principal/getAvailability');
    expect(answer.list).toEqual([
      {
        utcStart: '2026-03-17T10:00:00Z',
        utcEnd: '2026-03-17T11:00:00Z',
        busyStatus: 'confirmed',
        event: null,
      },
    ]);
  });
});
