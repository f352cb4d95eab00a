import { describe, expect, it } from 'vitest';
import { allCalls, calendar, callsOf, mockCalendarServer } from '../testing/mock-calendar-server';
import { holiday, invitation, lunch, weeklyMaster, weeklyOccurrence } from '../testing/fixtures';
import { Capability } from '@colibri/jmap-types';
import { getCalendars } from './get-calendars';
import { queryEventsInRange } from './query-events';
import { CalendarSetError } from './set-error';
import {
  deleteEvent,
  jmapProposalSender,
  proposeNewTime,
  setParticipation,
  undoDelete,
  updateEvent,
} from './write-events';

const range = { after: '2026-11-30T00:00:00', before: '2026-12-07T00:00:00', timeZone: 'Europe/Paris' };

function server(extra: Partial<Parameters<typeof mockCalendarServer>[0]> = {}) {
  return mockCalendarServer({
    calendars: [
      calendar('C2', 'Personal', { sortOrder: 2 }),
      calendar('C1', 'Work', { sortOrder: 1, isDefault: true }),
    ],
    occurrences: [invitation, lunch, weeklyOccurrence, holiday],
    stored: [weeklyMaster],
    ...extra,
  });
}

describe('mock server: reading (draft-ietf-jmap-calendars §4.1, §5.8)', () => {
  it('asks for the range with expandRecurrences and gets the occurrences by back-reference, in one request', async () => {
    const { client, requests } = server();
    const { events, truncated } = await queryEventsInRange(client, 'A1', range, 500);
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.using).toContain(Capability.Calendars);
    const [query, get] = request!.methodCalls;
    expect(query?.[0]).toBe('CalendarEvent/query');
    expect(query?.[1]).toEqual({
      accountId: 'A1',
      filter: { after: '2026-11-30T00:00:00', before: '2026-12-07T00:00:00' },
      sort: [{ property: 'start', isAscending: true }],
      expandRecurrences: true,
      timeZone: 'Europe/Paris',
      position: 0,
      limit: 500,
    });
    expect(get?.[0]).toBe('CalendarEvent/get');
    expect(get?.[1]).toMatchObject({
      accountId: 'A1',
      '#ids': { resultOf: query?.[2], name: 'CalendarEvent/query', path: '/ids' },
      timeZone: 'Europe/Paris',
    });
    const properties = (get?.[1] as { properties: string[] }).properties;
    expect(properties).toEqual(
      expect.arrayContaining(['utcStart', 'utcEnd', 'baseEventId', 'showWithoutTime']),
    );
    // draft §5.1: utcStart asked for, so recurrenceOverrides must not be.
    expect(properties).not.toContain('recurrenceOverrides');
    expect(events.map((e) => e.id)).toEqual(['E4', 'E2', 'E1-20261203', 'E3']);
    expect(truncated).toBe(false);
  });

  it('pages through a range bigger than maxObjectsInGet', async () => {
    const { client, requests } = server();
    const { events } = await queryEventsInRange(client, 'A1', range, 3);
    expect(requests).toHaveLength(2);
    expect(callsOf(requests, 'CalendarEvent/query').map((args) => args.position)).toEqual([0, 3]);
    expect(events).toHaveLength(4);
  });

  it('lists subscribed calendars by sortOrder', async () => {
    const { client, requests } = server({
      calendars: [
        calendar('C2', 'Personal', { sortOrder: 2 }),
        calendar('C1', 'Work', { sortOrder: 1 }),
        calendar('C9', 'Team (not subscribed)', { isSubscribed: false }),
      ],
    });
    const calendars = await getCalendars(client, 'A1');
    expect(callsOf(requests, 'Calendar/get')).toEqual([{ accountId: 'A1', ids: null }]);
    expect(calendars.map((c) => c.name)).toEqual(['Work', 'Personal']);
  });
});

describe('mock server: editing a recurring event (RFC 8984 §4.3.5)', () => {
  const moved = { start: '2026-12-03T11:00:00', duration: 'PT1H30M', title: 'Team meeting' };

  it('"this occurrence" writes a recurrence override on the base event, not a new rule', async () => {
    const { client, requests } = server();
    await updateEvent(
      client,
      'A1',
      { occurrence: weeklyOccurrence, master: weeklyMaster },
      moved,
      'occurrence',
    );
    const [set] = callsOf(requests, 'CalendarEvent/set');
    // The base event had no overrides: the whole map is set (a path below it would not exist).
    expect(set).toEqual({
      accountId: 'A1',
      update: {
        E1: {
          recurrenceOverrides: {
            '2026-12-03T10:00:00': { start: '2026-12-03T11:00:00', duration: 'PT1H30M' },
          },
        },
      },
      sendSchedulingMessages: true,
    });
  });

  it('"this occurrence" patches one override, merged with what it already changed', async () => {
    const master = {
      ...weeklyMaster,
      recurrenceOverrides: {
        '2026-12-03T10:00:00': { title: 'Team meeting (in room 2)' },
        '2026-12-10T10:00:00': { excluded: true },
      },
    };
    const { client, requests } = server({ stored: [master] });
    await updateEvent(
      client,
      'A1',
      { occurrence: weeklyOccurrence, master },
      { start: '2026-12-03T11:00:00' },
      'occurrence',
    );
    const [set] = callsOf(requests, 'CalendarEvent/set');
    expect(set?.update).toEqual({
      E1: {
        'recurrenceOverrides/2026-12-03T10:00:00': {
          title: 'Team meeting (in room 2)',
          start: '2026-12-03T11:00:00',
        },
      },
    });
  });

  it('"all occurrences" patches the base event, moving the series by the same amount', async () => {
    const { client, requests } = server();
    await updateEvent(client, 'A1', { occurrence: weeklyOccurrence, master: weeklyMaster }, moved, 'series');
    const [set] = callsOf(requests, 'CalendarEvent/set');
    expect(set?.update).toEqual({
      E1: { start: '2026-11-05T11:00:00', duration: 'PT1H30M', title: 'Team meeting' },
    });
  });

  it('deleting one occurrence excludes it, and Undo puts the override back as it was', async () => {
    const { client, requests } = server();
    const undo = await deleteEvent(
      client,
      'A1',
      { occurrence: weeklyOccurrence, master: weeklyMaster },
      'occurrence',
    );
    await undoDelete(client, 'A1', undo);
    const [exclude, restore] = callsOf(requests, 'CalendarEvent/set');
    expect(exclude?.update).toEqual({
      E1: { recurrenceOverrides: { '2026-12-03T10:00:00': { excluded: true } } },
    });
    expect(restore?.update).toEqual({ E1: { recurrenceOverrides: null } });
  });

  it('deleting a whole event destroys it, and Undo creates it again with the same uid', async () => {
    const { client, requests } = server();
    const undo = await deleteEvent(client, 'A1', { occurrence: lunch, master: lunch }, 'series');
    await undoDelete(client, 'A1', undo);
    const [destroy, create] = callsOf(requests, 'CalendarEvent/set');
    expect(destroy).toEqual({ accountId: 'A1', destroy: ['E2'], sendSchedulingMessages: false });
    const created = (create?.create as Record<string, Record<string, unknown>>).new;
    expect(created).toMatchObject({
      '@type': 'Event',
      title: 'Lunch with Carol',
      start: '2026-12-02T12:30:00',
    });
    expect(created).not.toHaveProperty('id');
    expect(created).not.toHaveProperty('utcStart');
  });

  it('"this and following" ends the old rule before the occurrence and creates the rest, in one /set', async () => {
    const { client, requests } = server();
    await updateEvent(
      client,
      'A1',
      { occurrence: weeklyOccurrence, master: weeklyMaster },
      { start: '2026-12-03T11:00:00', title: 'Team sync' },
      'following',
    );
    const sets = callsOf(requests, 'CalendarEvent/set');
    expect(sets).toHaveLength(1);
    expect(sets[0]?.update).toEqual({
      E1: {
        recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'weekly', until: '2026-12-03T09:59:59' }],
        recurrenceOverrides: null,
      },
    });
    expect((sets[0]?.create as Record<string, unknown>).new).toMatchObject({
      '@type': 'Event',
      title: 'Team sync',
      start: '2026-12-03T11:00:00',
      recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'weekly' }],
      participants: weeklyMaster.participants,
    });
    // The guests hear of both (draft §5.6.2).
    expect(sets[0]?.sendSchedulingMessages).toBe(true);
    // No count: nothing to recount.
    expect(callsOf(requests, 'CalendarEvent/query')).toHaveLength(0);
  });

  it('"this and following" of a counted series gives the new one what is left of the count', async () => {
    const master = {
      ...weeklyMaster,
      recurrenceRules: [{ '@type': 'RecurrenceRule' as const, frequency: 'weekly' as const, count: 8 }],
    };
    // The server's expansion before 3 December: 4 occurrences (5, 12, 19, 26 November).
    const before = ['E1-a', 'E1-b', 'E1-c', 'E1-d'].map((id) => ({ ...weeklyOccurrence, id }));
    const { client, requests } = server({ stored: [master], occurrences: before });
    await updateEvent(
      client,
      'A1',
      { occurrence: weeklyOccurrence, master },
      { title: 'Team sync' },
      'following',
    );
    expect(callsOf(requests, 'CalendarEvent/query')[0]).toMatchObject({
      filter: { uid: 'weekly-1@colibri.test', after: '2026-11-05T10:00:00', before: '2026-12-03T10:00:00' },
      expandRecurrences: true,
      timeZone: 'Europe/Paris',
    });
    const [set] = callsOf(requests, 'CalendarEvent/set');
    expect((set?.create as Record<string, { recurrenceRules: unknown }>).new?.recurrenceRules).toEqual([
      { '@type': 'RecurrenceRule', frequency: 'weekly', count: 4 },
    ]);
  });

  it('deleting "this and following" ends the series, and Undo puts its rule back', async () => {
    const { client, requests } = server();
    const undo = await deleteEvent(
      client,
      'A1',
      { occurrence: weeklyOccurrence, master: weeklyMaster },
      'following',
    );
    await undoDelete(client, 'A1', undo);
    const [end, restore] = callsOf(requests, 'CalendarEvent/set');
    expect(end?.update).toEqual({
      E1: {
        recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'weekly', until: '2026-12-03T09:59:59' }],
        recurrenceOverrides: null,
      },
    });
    expect(end).not.toHaveProperty('destroy');
    expect(restore?.update).toEqual({
      E1: { recurrenceRules: weeklyMaster.recurrenceRules, recurrenceOverrides: null },
    });
  });

  it('a refusal comes back as the server’s SetError', async () => {
    const { client } = server({ refuse: { type: 'forbidden', description: 'Read-only calendar' } });
    await expect(
      updateEvent(client, 'A1', { occurrence: lunch, master: lunch }, { title: 'x' }, 'series'),
    ).rejects.toEqual(new CalendarSetError({ type: 'forbidden', description: 'Read-only calendar' }));
  });
});

describe('mock server: answering an invitation', () => {
  it('RSVP sets the user’s own participationStatus and asks the server to send the reply', async () => {
    const { client, requests } = server();
    await setParticipation(client, 'A1', {
      target: { occurrence: invitation, master: invitation },
      participantId: 'me',
      status: 'accepted',
      scope: 'series',
    });
    expect(callsOf(requests, 'CalendarEvent/set')).toEqual([
      {
        accountId: 'A1',
        update: { E4: { 'participants/me/participationStatus': 'accepted' } },
        sendSchedulingMessages: true,
      },
    ]);
  });

  it('RSVP for one occurrence goes into that occurrence’s override', async () => {
    const { client, requests } = server();
    await setParticipation(client, 'A1', {
      target: { occurrence: weeklyOccurrence, master: weeklyMaster },
      participantId: 'bob',
      status: 'declined',
      scope: 'occurrence',
    });
    expect(callsOf(requests, 'CalendarEvent/set')[0]?.update).toEqual({
      E1: {
        recurrenceOverrides: {
          '2026-12-03T10:00:00': { 'participants/bob/participationStatus': 'declined' },
        },
      },
    });
  });

  it('sends the proposed time as a CalendarEventProposal, for the whole event or one occurrence', async () => {
    const { client, requests } = server();
    const proposal = {
      start: '2026-12-01T16:00:00',
      end: '2026-12-01T17:30:00',
      timeZone: 'Europe/Paris',
      comment: '',
    };
    const sender = jmapProposalSender(client, 'A1');
    await proposeNewTime(
      client,
      'A1',
      { target: { occurrence: invitation, master: invitation }, participantId: 'me', scope: 'series' },
      proposal,
      sender,
    );
    await sender(proposal, {
      target: { occurrence: weeklyOccurrence, master: weeklyMaster },
      participantId: 'me',
      scope: 'occurrence',
    });
    const [whole, one] = callsOf(requests, 'CalendarEventProposal/set').map((args) => args.create);
    expect(whole).toEqual({
      proposal: {
        calendarEventId: invitation.id,
        recurrenceId: null,
        start: '2026-12-01T16:00:00',
        duration: 'PT1H30M',
        timeZone: 'Europe/Paris',
        comment: null,
      },
    });
    expect(one).toMatchObject({
      proposal: { calendarEventId: weeklyMaster.id, recurrenceId: weeklyOccurrence.recurrenceId },
    });
    const using = requests.find((r) => r.methodCalls[0]?.[0] === 'CalendarEventProposal/set')?.using;
    expect(using).toEqual(
      expect.arrayContaining(['urn:colibri:params:jmap:calendar-proposals', Capability.Calendars]),
    );
  });

  it('proposing a new time answers tentative with the comment, and hands the time to the scheduling engine', async () => {
    const { client, requests } = server();
    const proposal = {
      start: '2026-12-01T16:00:00',
      end: '2026-12-01T16:30:00',
      timeZone: 'Europe/Paris',
      comment: 'Later?',
    };
    const change = {
      target: { occurrence: invitation, master: invitation },
      participantId: 'me',
      scope: 'series' as const,
    };
    const withoutEngine = await proposeNewTime(client, 'A1', change, proposal);
    expect(withoutEngine).toEqual({ proposalSent: false });
    const handed: unknown[] = [];
    const withEngine = await proposeNewTime(client, 'A1', change, proposal, async (p) => {
      handed.push(p);
    });
    expect(withEngine).toEqual({ proposalSent: true });
    expect(handed).toEqual([proposal]);
    expect(callsOf(requests, 'CalendarEvent/set')[0]?.update).toEqual({
      E4: {
        'participants/me/participationStatus': 'tentative',
        'participants/me/participationComment': 'Later?',
      },
    });
    expect(allCalls(requests).every(([name]) => name === 'CalendarEvent/set')).toBe(true);
  });
});
