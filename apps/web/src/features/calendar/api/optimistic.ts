import type { QueryClient } from '@tanstack/react-query';
import type { Id, CalendarEvent } from '@colibri/jmap-types';
import { calendarKeys } from './keys';
import type { RangeEvents } from './query-events';
import { endOf, localDateTimeToInstant } from '../lib/time';

/**
 * Changes every cached range at once (STYLE 20: the cache is the UI's truth) and answers how to
 * put each one back as it was, for when the server refuses.
 */
export function updateCachedRanges(
  queryClient: QueryClient,
  accountId: Id,
  change: (events: CalendarEvent[]) => CalendarEvent[],
): () => void {
  const snapshots: [readonly unknown[], RangeEvents][] = [];
  for (const [key, data] of queryClient.getQueriesData<RangeEvents>({
    queryKey: calendarKeys.ranges(accountId),
  })) {
    if (!data) continue;
    const events = change(data.events);
    if (events === data.events) continue;
    snapshots.push([key, data]);
    queryClient.setQueryData(key, { ...data, events });
  }
  return () => {
    for (const [key, data] of snapshots) queryClient.setQueryData(key, data);
  };
}

/** The utcStart/utcEnd the server would compute (draft §5), for an optimistic change of time. */
export function withUtcTimes(event: CalendarEvent, displayTimeZone: string): CalendarEvent {
  const zone = event.timeZone ?? displayTimeZone;
  const start = localDateTimeToInstant(event.start, zone);
  const end = localDateTimeToInstant(endOf(event.start, event.duration), zone);
  if (!start || !end) return event;
  return { ...event, utcStart: start.toISOString(), utcEnd: end.toISOString() };
}
