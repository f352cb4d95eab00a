import { queryOptions, useQuery } from '@tanstack/react-query';
import type { JmapClient } from '@colibri/jmap-client';
import type { Id, Session } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import { Capability } from '@colibri/jmap-types';
import { calendarKeys } from './keys';

export interface CalendarAccount {
  session: Session;
  /** The primary account for calendars (RFC 8620 §2), null when the server has no calendars. */
  accountId: Id | null;
  /** The user's address: the participant that is "me" in events (draft §3 ParticipantIdentity). */
  username: string;
  /** core maxObjectsInGet (RFC 8620 §2): the most ids one CalendarEvent/get may ask for. */
  maxObjectsInGet: number;
}

const DEFAULT_MAX_OBJECTS_IN_GET = 500;

export async function getCalendarAccount(client: JmapClient): Promise<CalendarAccount> {
  const session = await client.getSession();
  const core = session.capabilities['urn:ietf:params:jmap:core'] as { maxObjectsInGet?: number } | undefined;
  return {
    session,
    accountId: (session.primaryAccounts as Record<string, Id | undefined>)[Capability.Calendars] ?? null,
    username: session.username,
    maxObjectsInGet: core?.maxObjectsInGet ?? DEFAULT_MAX_OBJECTS_IN_GET,
  };
}

export function calendarAccountQueryOptions(client: JmapClient) {
  return queryOptions({ queryKey: calendarKeys.session(), queryFn: () => getCalendarAccount(client) });
}

export function useCalendarAccount() {
  return useQuery(calendarAccountQueryOptions(useJmapClient()));
}
