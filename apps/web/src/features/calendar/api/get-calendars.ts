import { queryOptions, useQuery } from '@tanstack/react-query';
import type { JmapClient } from '@colibri/jmap-client';
import type { Id, Calendar } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import { calendarKeys } from './keys';

/** Explicit limit: a list longer than this is cut (and a side pane could not show it anyway). */
export const MAX_CALENDARS = 500;

/**
 * draft §4.1 Calendar/get with ids null: the subscribed calendars (§4: an unsubscribed one is
 * only shown when asked for), sorted by sortOrder then name in the user's locale.
 */
export async function getCalendars(client: JmapClient, accountId: Id, locale = 'en'): Promise<Calendar[]> {
  const { list } = await client.call('Calendar/get', { accountId, ids: null });
  const collator = new Intl.Collator(locale);
  // The server sends every property when none are named (RFC 8620 §5.1).
  return (list as Calendar[])
    .filter((calendar) => calendar.isSubscribed !== false)
    .sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0) || collator.compare(a.name, b.name))
    .slice(0, MAX_CALENDARS);
}

export function calendarsQueryOptions(client: JmapClient, accountId: Id, locale?: string) {
  return queryOptions({
    queryKey: calendarKeys.calendars(accountId),
    queryFn: () => getCalendars(client, accountId, locale),
  });
}

export function useCalendars(accountId: Id, locale?: string) {
  return useQuery(calendarsQueryOptions(useJmapClient(), accountId, locale));
}
