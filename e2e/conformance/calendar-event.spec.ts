import { Capability } from '@colibri/jmap-types';
import type { CalendarEvent, ChangesResult, GetResult, QueryResult } from '@colibri/jmap-types';
import { openEventSource, until } from './support/event-source.js';
import { expectMethodError } from './support/expect-jmap.js';
import { expect, test } from './support/fixtures.js';
import type { JmapAccount } from './support/jmap-raw.js';
import { createdId } from './support/set.js';
import type { SetResponse } from './support/set.js';

const USING = [Capability.Core, Capability.Calendars];

const call = <T = Record<string, unknown>>(
  account: JmapAccount,
  name: string,
  args: Record<string, unknown>,
) => account.ok<T>(name, { accountId: account.accountId, ...args }, USING);

test.describe('JMAP Calendars: CalendarEvent over HTTP', () => {
  test('JMAP Calendars §5: create → expanded query across the DST change in Europe/Paris → changes → destroy', async ({
    account,
  }) => {
    const session = account.session;
    expect(session.capabilities[Capability.Calendars]).toEqual({});
    expect(session.primaryAccounts[Capability.Calendars]).toBe(account.accountId);

    const calendars = await call<GetResult<{ id: string; isDefault: boolean }>>(account, 'Calendar/get', {});
    const calendar = calendars.list.find((c) => c.isDefault);
    expect(calendar).toBeDefined();
    const since = (await call<GetResult<CalendarEvent>>(account, 'CalendarEvent/get', { ids: [] })).state;

    // A weekly 09:00 meeting in Paris; summer time starts on Sunday 29 March 2026.
    const created = await call<SetResponse>(account, 'CalendarEvent/set', {
      create: {
        sync: {
          calendarIds: { [calendar!.id]: true },
          '@type': 'Event',
          title: 'Weekly sync',
          start: '2026-03-16T09:00:00',
          timeZone: 'Europe/Paris',
          duration: 'PT30M',
          recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'weekly' }],
        },
      },
    });
    const id = createdId(created, 'sync');

    const query = await call<QueryResult>(account, 'CalendarEvent/query', {
      filter: { inCalendars: [calendar!.id], after: '2026-03-21T00:00:00Z', before: '2026-04-11T00:00:00Z' },
      sort: [{ property: 'start', isAscending: true }],
      expandRecurrences: true,
      timeZone: 'Europe/Paris',
    });
    expect(query.ids).toHaveLength(3);
    const occurrences = await call<GetResult<CalendarEvent>>(account, 'CalendarEvent/get', {
      ids: query.ids,
      properties: ['start', 'utcStart', 'utcEnd', 'baseEventId', 'title'],
    });
    // Same wall-clock time every week; one hour earlier in UTC once summer time starts.
    expect(occurrences.list.map((e) => [e.start, e.utcStart, e.utcEnd])).toEqual([
      ['2026-03-23T09:00:00', '2026-03-23T08:00:00Z', '2026-03-23T08:30:00Z'],
      ['2026-03-30T09:00:00', '2026-03-30T07:00:00Z', '2026-03-30T07:30:00Z'],
      ['2026-04-06T09:00:00', '2026-04-06T07:00:00Z', '2026-04-06T07:30:00Z'],
    ]);
    expect(occurrences.list.every((e) => e.baseEventId === id && e.title === 'Weekly sync')).toBe(true);

    // Unexpanded, the same range finds the recurring event itself.
    const plain = await call<QueryResult>(account, 'CalendarEvent/query', {
      filter: { after: '2026-03-21T00:00:00Z', before: '2026-04-11T00:00:00Z' },
    });
    expect(plain.ids).toEqual([id]);

    const changes = await call<ChangesResult>(account, 'CalendarEvent/changes', { sinceState: since });
    expect(changes).toMatchObject({ oldState: since, created: [id], updated: [], destroyed: [] });

    const destroyed = await call<SetResponse>(account, 'CalendarEvent/set', { destroy: [id] });
    expect(destroyed.destroyed).toEqual([id]);
    const after = await call<ChangesResult>(account, 'CalendarEvent/changes', {
      sinceState: changes.newState,
    });
    expect(after.destroyed).toEqual([id]);
    expect(
      (await call<GetResult<CalendarEvent>>(account, 'CalendarEvent/get', { ids: [id] })).notFound,
    ).toEqual([id]);
  });

  test('JMAP Calendars §5.11: an expansion longer than maxExpandedQueryDuration is expandDurationTooLarge', async ({
    account,
  }) => {
    expectMethodError(
      await account.invoke(
        'CalendarEvent/query',
        {
          accountId: account.accountId,
          filter: { after: '2026-01-01T00:00:00Z', before: '2030-01-01T00:00:00Z' },
          expandRecurrences: true,
        },
        USING,
      ),
      'expandDurationTooLarge',
    );
  });

  test('RFC 8620 §7.3: a CalendarEvent change is pushed as a StateChange', async ({ account }) => {
    const stream = await openEventSource(account, { types: 'CalendarEvent', closeafter: 'state', ping: '0' });
    await call<SetResponse>(account, 'CalendarEvent/set', {
      create: { e: { title: 'Pushed', start: '2026-05-04T10:00:00', timeZone: 'Europe/Paris' } },
    });
    const state = await until(stream, 'state');
    const changed = state.data.changed as Record<string, Record<string, string>>;
    expect(Object.keys(changed[account.accountId] ?? {})).toEqual(['CalendarEvent']);
    await stream.ended;
  });
});
