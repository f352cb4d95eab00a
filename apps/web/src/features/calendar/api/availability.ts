import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import type { JmapClient } from '@colibri/jmap-client';
import { JmapMethodError, ref } from '@colibri/jmap-client';
import type { BusyPeriod, Id, JmapPrincipal as Principal } from '@colibri/jmap-types';
import { Capability } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import { calendarKeys } from './keys';

/** Explicit limit: the grid shows this many people at most (the organiser included). */
export const MAX_GRID_PEOPLE = 20;

/** A Colibri user found by address (RFC 9670 §2 Principal). */
export type DirectoryPerson = Pick<Principal, 'id' | 'name' | 'email'>;

const normal = (address: string) => address.trim().toLowerCase();

/**
 * RFC 9670 §2.4 Principal/query, one `email` condition per address (OR), then Principal/get of
 * the matches by back-reference, in one request. The filter matches substrings, so only an
 * exact address counts. The map has one entry per address that is a Colibri user.
 */
export async function findPrincipals(
  client: JmapClient,
  addresses: readonly string[],
): Promise<Map<string, DirectoryPerson>> {
  const wanted = [...new Set(addresses.map(normal))].slice(0, MAX_GRID_PEOPLE);
  const found = new Map<string, DirectoryPerson>();
  if (wanted.length === 0) return found;
  const session = await client.getSession();
  const accountId =
    (session.primaryAccounts as Record<string, Id | undefined>)[Capability.Principals] ??
    (session.primaryAccounts as Record<string, Id | undefined>)[Capability.Calendars];
  if (!accountId || !(Capability.Principals in session.capabilities)) return found;
  const { get } = await client.request((b) => {
    const query = b.call('Principal/query', {
      accountId,
      filter: { operator: 'OR', conditions: wanted.map((email) => ({ email })) },
      limit: MAX_GRID_PEOPLE * 4,
    });
    return {
      get: b.call('Principal/get', {
        accountId,
        ids: ref(query, '/ids'),
        properties: ['id', 'name', 'email'],
      }),
    };
  });
  for (const principal of get.list) {
    const email = principal.email ? normal(principal.email) : null;
    if (email && wanted.includes(email) && principal.id)
      found.set(email, { id: principal.id, name: principal.name ?? email, email });
  }
  return found;
}

export function principalsQueryOptions(client: JmapClient, addresses: readonly string[]) {
  const sorted = [...new Set(addresses.map(normal))].sort();
  return queryOptions({
    queryKey: calendarKeys.principals(sorted),
    queryFn: () => findPrincipals(client, sorted),
    staleTime: 5 * 60_000,
  });
}

export function usePrincipals(addresses: readonly string[]) {
  return useQuery(principalsQueryOptions(useJmapClient(), addresses));
}

/** Why a person's availability is not shown. */
export type AvailabilityProblem = 'forbidden' | 'failed';

export function availabilityProblemOf(error: unknown): AvailabilityProblem {
  return error instanceof JmapMethodError && error.type === 'forbidden' ? 'forbidden' : 'failed';
}

/** JMAP Calendars §2.2 Principal/getAvailability of one principal over [utcStart, utcEnd). */
export async function getAvailability(
  client: JmapClient,
  accountId: Id,
  principalId: Id,
  utcStart: string,
  utcEnd: string,
): Promise<BusyPeriod[]> {
  const { list } = await client.call('Principal/getAvailability', {
    accountId,
    id: principalId,
    utcStart,
    utcEnd,
  });
  return list;
}

export interface AvailabilityWindow {
  utcStart: string;
  utcEnd: string;
}

export function availabilityQueryOptions(
  client: JmapClient,
  accountId: Id,
  principalId: Id,
  window: AvailabilityWindow,
) {
  return queryOptions({
    queryKey: calendarKeys.availability(accountId, principalId, window.utcStart, window.utcEnd),
    queryFn: () => getAvailability(client, accountId, principalId, window.utcStart, window.utcEnd),
    // Other people's calendars do not push to us: a minute old is fresh enough for a grid.
    staleTime: 60_000,
    // A refusal (forbidden) will not change by asking again.
    retry: false,
  });
}

/** The availability of each principal, one query each so that one refusal does not hide the others. */
export function useAvailabilities(accountId: Id, principalIds: readonly Id[], window: AvailabilityWindow) {
  const client = useJmapClient();
  return useQueries({
    queries: principalIds.map((id) => availabilityQueryOptions(client, accountId, id, window)),
  });
}
