import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { ref } from '@colibri/jmap-client';
import type { JmapClient } from '@colibri/jmap-client';
import type { Id, CalendarEvent } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import { calendarKeys } from './keys';
import type { EventRange } from './keys';

/**
 * What the grid and the details need of each occurrence. utcStart/utcEnd are asked for (draft §5:
 * never sent by default), so recurrenceOverrides must not be (draft §5.1); an expanded occurrence
 * has none anyway.
 */
export const OCCURRENCE_PROPERTIES = [
  'id',
  'baseEventId',
  'calendarIds',
  'isDraft',
  'isOrigin',
  'utcStart',
  'utcEnd',
  'uid',
  'title',
  'description',
  'start',
  'duration',
  'timeZone',
  'showWithoutTime',
  'recurrenceId',
  'locations',
  'virtualLocations',
  'participants',
  'replyTo',
  'status',
  'freeBusyStatus',
  'privacy',
  'color',
  'alerts',
] as const satisfies readonly (keyof CalendarEvent)[];

/** Explicit limit: more occurrences than this in one view are not fetched (the view says so). */
export const MAX_OCCURRENCES_IN_RANGE = 5000;

export interface RangeEvents {
  events: CalendarEvent[];
  /** The range held more than MAX_OCCURRENCES_IN_RANGE occurrences. */
  truncated: boolean;
}

/**
 * The occurrences in a range: CalendarEvent/query with expandRecurrences (draft §5.8: one
 * synthetic id per occurrence; the filter must be a single condition with after and before) and
 * CalendarEvent/get of those ids by back-reference (RFC 8620 §3.7), in one request per page of
 * at most `pageSize` ids (the server's maxObjectsInGet). Calendars are not filtered here: hiding
 * one is the client's choice (isVisible), shown at once without asking the server again.
 */
export async function queryEventsInRange(
  client: JmapClient,
  accountId: Id,
  range: EventRange,
  pageSize: number,
): Promise<RangeEvents> {
  const events: CalendarEvent[] = [];
  const limit = Math.max(1, Math.min(pageSize, MAX_OCCURRENCES_IN_RANGE));
  for (let position = 0; position < MAX_OCCURRENCES_IN_RANGE; position += limit) {
    const { query, get } = await client.request((b) => {
      const query = b.call('CalendarEvent/query', {
        accountId,
        filter: { after: range.after, before: range.before },
        sort: [{ property: 'start', isAscending: true }],
        expandRecurrences: true,
        timeZone: range.timeZone,
        position,
        limit,
      });
      const get = b.call('CalendarEvent/get', {
        accountId,
        ids: ref(query, '/ids'),
        properties: [...OCCURRENCE_PROPERTIES],
        // Floating events are read in the user's zone (draft §5.1 timeZone argument).
        timeZone: range.timeZone,
      });
      return { query, get };
    });
    events.push(...(get.list as CalendarEvent[]));
    if (query.ids.length < limit) return { events, truncated: false };
  }
  return { events, truncated: true };
}

export function rangeQueryOptions(client: JmapClient, accountId: Id, range: EventRange, pageSize: number) {
  return queryOptions({
    queryKey: calendarKeys.range(accountId, range),
    queryFn: () => queryEventsInRange(client, accountId, range, pageSize),
    // Moving to the next week keeps this week's events on screen until the next ones arrive.
    placeholderData: keepPreviousData,
  });
}

export function useEventsInRange(accountId: Id, range: EventRange | null, pageSize: number) {
  const client = useJmapClient();
  return useQuery({
    ...rangeQueryOptions(client, accountId, range ?? { after: '', before: '', timeZone: '' }, pageSize),
    enabled: range !== null,
  });
}

/** draft §5.1: one stored event whole (the base event of a series, with its overrides). */
export async function getEvent(client: JmapClient, accountId: Id, id: Id): Promise<CalendarEvent | null> {
  const { list } = await client.call('CalendarEvent/get', { accountId, ids: [id] });
  return (list[0] as CalendarEvent | undefined) ?? null;
}

export function eventQueryOptions(client: JmapClient, accountId: Id, id: Id) {
  return queryOptions({
    queryKey: calendarKeys.event(accountId, id),
    queryFn: () => getEvent(client, accountId, id),
  });
}

export function useEvent(accountId: Id, id: Id | null) {
  const client = useJmapClient();
  return useQuery({ ...eventQueryOptions(client, accountId, id ?? ''), enabled: id !== null });
}
