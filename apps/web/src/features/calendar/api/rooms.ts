import { queryOptions, useQuery } from '@tanstack/react-query';
import type { JmapClient } from '@colibri/jmap-client';
import { ref } from '@colibri/jmap-client';
import type { Id } from '@colibri/jmap-types';
import { Capability } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import { calendarKeys } from './keys';

/** Explicit limit: the editor lists this many rooms at most. */
export const MAX_ROOMS = 50;

/** A bookable room: an RFC 9670 §2 Principal of type `location` with a calendar. */
export interface Room {
  id: Id;
  name: string;
  email: string;
  /** JMAP Calendars §2.1: the address invitations to the room go to (a mailto: URI). */
  calendarAddress: string;
}

const isMailto = (value: unknown): value is string =>
  typeof value === 'string' && value.toLowerCase().startsWith('mailto:');

/**
 * RFC 9670 §2.4 Principal/query of type `location`, then Principal/get of the matches by
 * back-reference, in one request. A room without a mailto calendar address (JMAP Calendars
 * §2.1, in its calendars capability) or an email cannot be invited and is left out.
 */
export async function findRooms(client: JmapClient): Promise<Room[]> {
  const session = await client.getSession();
  const accountId =
    (session.primaryAccounts as Record<string, Id | undefined>)[Capability.Principals] ??
    (session.primaryAccounts as Record<string, Id | undefined>)[Capability.Calendars];
  if (!accountId || !(Capability.Principals in session.capabilities)) return [];
  const { get } = await client.request((b) => {
    const query = b.call('Principal/query', {
      accountId,
      filter: { type: 'location' },
      limit: MAX_ROOMS,
    });
    return {
      get: b.call('Principal/get', {
        accountId,
        ids: ref(query, '/ids'),
        properties: ['id', 'type', 'name', 'email', 'capabilities'],
      }),
    };
  });
  const rooms: Room[] = [];
  for (const principal of get.list) {
    if (!principal.id || principal.type !== 'location') continue;
    const address = principal.capabilities?.[Capability.Calendars]?.calendarAddress;
    const email = principal.email ?? (isMailto(address) ? address.slice(7) : null);
    if (!email) continue;
    rooms.push({
      id: principal.id,
      name: principal.name || email,
      email: email.toLowerCase(),
      calendarAddress: isMailto(address) ? address : `mailto:${email}`,
    });
  }
  return rooms.sort((a, b) => a.name.localeCompare(b.name)).slice(0, MAX_ROOMS);
}

export function roomsQueryOptions(client: JmapClient) {
  return queryOptions({
    queryKey: calendarKeys.rooms(),
    queryFn: () => findRooms(client),
    // The directory changes rarely and does not push to us.
    staleTime: 5 * 60_000,
  });
}

export function useRooms(enabled = true) {
  return useQuery({ ...roomsQueryOptions(useJmapClient()), enabled });
}
