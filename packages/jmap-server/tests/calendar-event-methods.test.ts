import { Capability } from '@colibri/jmap-types';
import type { CalendarEvent } from '@colibri/jmap-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOne } from './support/call-using.js';
import { openFixture } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';

let f: Fixture;
let calendarId: string;
beforeAll(async () => {
  f = await openFixture();
  const list = (await call('Calendar/get', {})).list as { id: string }[];
  calendarId = list[0]!.id;
});
afterAll(() => f.close());

const USING = [Capability.Core, Capability.Calendars];
const call = (name: string, args: Record<string, unknown>, expected = name) =>
  callOne(f, USING, name, args, expected);

type Created = Record<string, { id: string } & Record<string, unknown>>;
type Refused = Record<string, { type: string; properties?: string[]; existingId?: string }>;

async function create(event: Record<string, unknown>): Promise<string> {
  const result = await call('CalendarEvent/set', {
    create: { e: { calendarIds: { [calendarId]: true }, ...event } },
  });
  const created = result.created as Created | null;
  if (!created?.e) throw new Error(JSON.stringify(result.notCreated));
  return created.e.id;
}

/** A weekly 09:00 Europe/Paris meeting through the change to summer time (Sunday 29 March 2026). */
const weekly = {
  title: 'Team sync',
  start: '2026-03-16T09:00:00',
  timeZone: 'Europe/Paris',
  duration: 'PT1H',
  recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'weekly', count: 6 }],
};

describe('CalendarEvent/set (JMAP Calendars §5.9)', () => {
  it('stores an event, filling @type, uid, created and updated, and returns it from /get', async () => {
    const result = await call('CalendarEvent/set', {
      create: {
        a: {
          calendarIds: { [calendarId]: true },
          title: 'Dentist',
          start: '2026-04-02T15:30:00',
          timeZone: 'Europe/Paris',
          duration: 'PT45M',
        },
      },
    });
    const created = (result.created as Created).a!;
    expect(created).toMatchObject({
      '@type': 'Event',
      uid: expect.any(String),
      created: expect.any(String),
      isOrigin: true,
    });
    const got = await call('CalendarEvent/get', {
      ids: [created.id],
      properties: ['title', 'calendarIds', 'utcStart', 'utcEnd'],
    });
    // 15:30 in Paris on 2 April (UTC+2).
    expect(got.list).toEqual([
      {
        id: created.id,
        title: 'Dentist',
        calendarIds: { [calendarId]: true },
        utcStart: '2026-04-02T13:30:00Z',
        utcEnd: '2026-04-02T14:15:00Z',
      },
    ]);
  });

  it('names every invalid property: types, required start, time zone, recurrence rule, unknown names', async () => {
    const result = await call('CalendarEvent/set', {
      create: {
        a: {
          calendarIds: { [calendarId]: true },
          title: 42,
          timeZone: 'Europe/Atlantis',
          start: '2026-02-30T10:00:00',
        },
        b: {
          calendarIds: { [calendarId]: true },
          start: '2026-03-01T10:00:00',
          recurrenceRules: [{ frequency: 'fortnightly' }],
          colour: 'red',
        },
        c: { calendarIds: { [calendarId]: true }, title: 'no start' },
        d: { calendarIds: { Cnope1234567890ab: true }, start: '2026-03-01T10:00:00' },
        e: {
          calendarIds: { [calendarId]: true },
          start: '2026-03-01T10:00:00',
          duration: '-PT1H',
          id: 'Vmine',
        },
      },
    });
    const refused = result.notCreated as Refused;
    expect(refused.a?.properties?.sort()).toEqual(['start', 'timeZone', 'title']);
    expect(refused.b?.properties?.sort()).toEqual(['colour', 'recurrenceRules']);
    expect(refused.c?.properties).toEqual(['start']);
    expect(refused.d).toMatchObject({ type: 'invalidProperties', properties: ['calendarIds'] });
    expect(refused.e?.properties?.sort()).toEqual(['duration', 'id']);
  });

  it('refuses a uid the account already has (alreadyExists with existingId)', async () => {
    const id = await create({
      uid: 'same-uid@colibri.test',
      start: '2026-06-01T10:00:00',
      timeZone: 'Europe/Paris',
    });
    const again = await call('CalendarEvent/set', {
      create: {
        b: {
          calendarIds: { [calendarId]: true },
          uid: 'same-uid@colibri.test',
          start: '2026-06-02T10:00:00',
        },
      },
    });
    expect((again.notCreated as Refused).b).toMatchObject({ type: 'alreadyExists', existingId: id });
  });

  it('patches an event (RFC 8620 §5.3 paths), refusing a path through a missing object', async () => {
    const id = await create({
      title: 'Review',
      start: '2026-07-01T10:00:00',
      timeZone: 'Europe/Paris',
      participants: {
        p1: {
          name: 'Bob',
          email: 'bob@colibri.test',
          roles: { attendee: true },
          participationStatus: 'needs-action',
        },
      },
    });
    const result = await call('CalendarEvent/set', {
      update: {
        [id]: { title: 'Design review', 'participants/p1/participationStatus': 'accepted' },
      },
    });
    expect(result.updated).toEqual({ [id]: null });
    const [event] = (await call('CalendarEvent/get', { ids: [id] })).list as CalendarEvent[];
    expect(event?.title).toBe('Design review');
    expect(event?.participants?.p1?.participationStatus).toBe('accepted');
    const bad = await call('CalendarEvent/set', { update: { [id]: { 'locations/l1/name': 'Room' } } });
    expect((bad.notUpdated as Refused)[id]?.type).toBe('invalidPatch');
    const wrong = await call('CalendarEvent/set', {
      update: { [id]: { 'participants/p1/participationStatus': 'maybe' } },
    });
    expect((wrong.notUpdated as Refused)[id]).toMatchObject({
      type: 'invalidProperties',
      properties: ['participants'],
    });
  });
});

describe('CalendarEvent/get arguments (JMAP Calendars §5.7)', () => {
  it('reduceParticipants keeps the owners and the user; timeZone places floating times', async () => {
    const id = await create({
      title: 'Floating',
      start: '2026-08-03T09:00:00',
      duration: 'PT1H',
      participants: {
        o: { email: 'carol@example.org', roles: { owner: true } },
        me: { email: 'Alice@colibri.test', roles: { attendee: true } },
        x: { email: 'dave@example.org', roles: { attendee: true } },
      },
    });
    const got = await call('CalendarEvent/get', {
      ids: [id],
      properties: ['participants', 'utcStart'],
      reduceParticipants: true,
      timeZone: 'America/New_York',
    });
    const [event] = got.list as Partial<CalendarEvent>[];
    expect(Object.keys(event?.participants ?? {}).sort()).toEqual(['me', 'o']);
    // 09:00 floating, seen from New York (UTC-4 in August).
    expect(event?.utcStart).toBe('2026-08-03T13:00:00Z');
    const inParis = await call('CalendarEvent/query', {
      filter: { after: '2026-08-03T06:30:00Z', before: '2026-08-03T07:30:00Z' },
      timeZone: 'Europe/Paris',
    });
    expect(inParis.ids).toEqual([id]);
  });
});

describe('CalendarEvent/query (JMAP Calendars §5.11)', () => {
  let weeklyId: string;
  beforeAll(async () => {
    weeklyId = await create(weekly);
  });

  it('finds a recurring event by any occurrence in the range, not only by its first', async () => {
    const ids = async (after: string, before: string) =>
      (await call('CalendarEvent/query', { filter: { after, before, title: 'sync' } })).ids;
    expect(await ids('2026-04-13T00:00:00Z', '2026-04-14T00:00:00Z')).toEqual([weeklyId]);
    // Between two occurrences, and after the last (count 6: 16 March to 20 April).
    expect(await ids('2026-04-14T00:00:00Z', '2026-04-20T00:00:00Z')).toEqual([]);
    expect(await ids('2026-04-21T00:00:00Z', '2026-12-31T00:00:00Z')).toEqual([]);
  });

  it('expands occurrences at 09:00 Paris time on both sides of the DST change, with ids /get takes', async () => {
    const query = await call('CalendarEvent/query', {
      filter: {
        inCalendars: [calendarId],
        after: '2026-03-20T00:00:00Z',
        before: '2026-04-04T00:00:00Z',
        title: 'sync',
      },
      expandRecurrences: true,
    });
    expect(query.canCalculateChanges).toBe(false);
    const ids = query.ids as string[];
    expect(ids).toHaveLength(2);
    const got = await call('CalendarEvent/get', {
      ids,
      properties: ['start', 'utcStart', 'recurrenceId', 'baseEventId', 'recurrenceRules'],
    });
    expect(got.list).toEqual([
      {
        id: ids[0],
        start: '2026-03-23T09:00:00',
        recurrenceId: '2026-03-23T09:00:00',
        baseEventId: weeklyId,
        utcStart: '2026-03-23T08:00:00Z',
      },
      {
        id: ids[1],
        start: '2026-03-30T09:00:00',
        recurrenceId: '2026-03-30T09:00:00',
        baseEventId: weeklyId,
        utcStart: '2026-03-30T07:00:00Z',
      },
    ]);
  });

  it('moves and excludes single occurrences through their ids (recurrenceOverrides)', async () => {
    const id = await create({ ...weekly, title: 'Standup', uid: 'standup' });
    const window = { after: '2026-03-16T00:00:00Z', before: '2026-04-30T00:00:00Z', uid: 'standup' };
    const first = (await call('CalendarEvent/query', { filter: window, expandRecurrences: true }))
      .ids as string[];
    expect(first).toHaveLength(6);
    const moved = first[2]!;
    const result = await call('CalendarEvent/set', {
      update: { [moved]: { start: '2026-03-30T14:00:00' } },
      destroy: [first[3]],
    });
    expect(result).toMatchObject({ updated: { [moved]: null }, destroyed: [first[3]] });
    const [base] = (await call('CalendarEvent/get', { ids: [id], properties: ['recurrenceOverrides'] }))
      .list as Partial<CalendarEvent>[];
    expect(base?.recurrenceOverrides).toEqual({
      '2026-03-30T09:00:00': { start: '2026-03-30T14:00:00' },
      '2026-04-06T09:00:00': { excluded: true },
    });
    const after = (await call('CalendarEvent/query', { filter: window, expandRecurrences: true }))
      .ids as string[];
    expect(after).toHaveLength(5);
    const [occurrence] = (await call('CalendarEvent/get', { ids: [moved], properties: ['utcStart'] }))
      .list as Partial<CalendarEvent>[];
    expect(occurrence?.utcStart).toBe('2026-03-30T12:00:00Z');
    const windowed = await call('CalendarEvent/get', {
      ids: [id],
      properties: ['recurrenceOverrides'],
      recurrenceOverridesAfter: '2026-04-01T00:00:00Z',
    });
    expect((windowed.list as Partial<CalendarEvent>[])[0]?.recurrenceOverrides).toEqual({
      '2026-04-06T09:00:00': { excluded: true },
    });
  });

  it('refuses an expansion without both bounds, or longer than maxExpandedQueryDuration', async () => {
    expect(
      (
        await call(
          'CalendarEvent/query',
          { filter: { after: '2026-01-01T00:00:00Z' }, expandRecurrences: true },
          'error',
        )
      ).type,
    ).toBe('invalidArguments');
    const tooLong = await call(
      'CalendarEvent/query',
      { filter: { after: '2026-01-01T00:00:00Z', before: '2028-01-01T00:00:00Z' }, expandRecurrences: true },
      'error',
    );
    expect(tooLong.type).toBe('expandDurationTooLarge');
  });

  it('refuses more occurrences than one expansion may give (cannotCalculateOccurrences)', async () => {
    await create({
      title: 'Ticker',
      uid: 'ticker',
      start: '2027-01-01T00:00:00',
      timeZone: 'Etc/UTC',
      duration: 'PT1M',
      recurrenceRules: [{ frequency: 'minutely', interval: 30 }],
    });
    const result = await call(
      'CalendarEvent/query',
      { filter: { after: '2027-01-01T00:00:00Z', before: '2028-01-01T00:00:00Z' }, expandRecurrences: true },
      'error',
    );
    expect(result.type).toBe('cannotCalculateOccurrences');
  });

  it('follows changes: /changes and /queryChanges after a create and a destroy', async () => {
    const filter = { after: '2026-09-01T00:00:00Z', before: '2026-10-01T00:00:00Z' };
    const before = await call('CalendarEvent/query', { filter });
    const id = await create({
      title: 'Offsite',
      start: '2026-09-10T09:00:00',
      timeZone: 'Europe/Paris',
      duration: 'P1D',
    });
    const changes = await call('CalendarEvent/changes', { sinceState: before.queryState });
    expect(changes).toMatchObject({ created: [id], updated: [], destroyed: [] });
    const queryChanges = await call('CalendarEvent/queryChanges', {
      filter,
      sinceQueryState: before.queryState,
    });
    expect(queryChanges).toMatchObject({ removed: [id], added: [{ id, index: 0 }] });
    await call('CalendarEvent/set', { destroy: [id] });
    const gone = await call('CalendarEvent/changes', { sinceState: before.queryState });
    expect(gone).toMatchObject({ created: [], destroyed: [] });
    expect((await call('CalendarEvent/query', { filter })).ids).toEqual([]);
  });

  it('sorts, filters by text fields and is unsupportedSort for unknown properties', async () => {
    await create({
      title: 'Lunch',
      start: '2026-11-02T12:00:00',
      timeZone: 'Europe/Paris',
      locations: { l: { name: 'Le Café' } },
    });
    await create({
      title: 'Call',
      start: '2026-11-01T12:00:00',
      timeZone: 'Europe/Paris',
      participants: {
        o: { name: 'Carol', email: 'carol@example.org', roles: { owner: true, attendee: true } },
      },
    });
    const november = { after: '2026-11-01T00:00:00Z', before: '2026-12-01T00:00:00Z' };
    const titles = async (filter: Record<string, unknown>, sort?: unknown) => {
      const ids = (
        await call('CalendarEvent/query', { filter: { ...november, ...filter }, ...(sort ? { sort } : {}) })
      ).ids;
      return (
        (await call('CalendarEvent/get', { ids, properties: ['title'] })).list as { title: string }[]
      ).map((e) => e.title);
    };
    expect(await titles({})).toEqual(['Call', 'Lunch']);
    expect(await titles({}, [{ property: 'start', isAscending: false }])).toEqual(['Lunch', 'Call']);
    expect(await titles({ location: 'café' })).toEqual(['Lunch']);
    expect(await titles({ owner: 'carol' })).toEqual(['Call']);
    expect(await titles({ text: 'CAROL' })).toEqual(['Call']);
    expect((await call('CalendarEvent/query', { sort: [{ property: 'colour' }] }, 'error')).type).toBe(
      'unsupportedSort',
    );
  });
});
