import { queryOptions, useQuery } from '@tanstack/react-query';
import { ref } from '@colibri/jmap-client';
import type { JmapClient } from '@colibri/jmap-client';
import type { Id } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import type { CalendarEvent } from '@colibri/jmap-types';
import { calendarKeys } from './keys';

/**
 * The user's copy of an invited event, found by its UID (draft §5.8.1 uid filter): the server
 * put it in the user's calendar when the invitation arrived (internal scheduling, or an iMIP
 * email from an authenticated sender). Null when there is none.
 */
export async function getEventByUid(
  client: JmapClient,
  accountId: Id,
  uid: string,
): Promise<CalendarEvent | null> {
  const { get } = await client.request((b) => {
    const query = b.call('CalendarEvent/query', { accountId, filter: { uid }, limit: 1 });
    const get = b.call('CalendarEvent/get', { accountId, ids: ref(query, '/ids') });
    return { get };
  });
  return (get.list[0] as CalendarEvent | undefined) ?? null;
}

/** Under the account's CalendarEvent key: push and every calendar write refresh it. */
export function eventByUidQueryOptions(client: JmapClient, accountId: Id, uid: string) {
  return queryOptions({
    queryKey: [...calendarKeys.type(accountId, 'CalendarEvent'), 'uid', uid] as const,
    queryFn: () => getEventByUid(client, accountId, uid),
  });
}

export function useEventByUid(accountId: Id | null, uid: string | null) {
  const client = useJmapClient();
  return useQuery({
    ...eventByUidQueryOptions(client, accountId ?? '', uid ?? ''),
    enabled: accountId !== null && uid !== null,
  });
}
