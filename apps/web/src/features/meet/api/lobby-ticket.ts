import { queryOptions, useQuery } from '@tanstack/react-query';
import { requestJson } from '../../../lib/http';
import { meetKeys } from './keys';
import { grantOf } from './meet-http';
import type { JoinGrant } from './meet-http';

/** A guest's place in the lobby, as `GET /meet/lobby/<ticket>` tells it. */
export type TicketStatus =
  { status: 'waiting' } | { status: 'refused' } | { status: 'joined'; grant: JoinGrant };

/** How often a waiting guest asks again (the BFF does not hold the request). */
export const LOBBY_POLL_MS = 2_000;

export async function getLobbyTicket(ticket: string, fetchImpl: typeof fetch = fetch): Promise<TicketStatus> {
  const body = await requestJson<Record<string, unknown>>(
    `/meet/lobby/${encodeURIComponent(ticket)}`,
    {},
    fetchImpl,
  );
  if (body?.status === 'refused') return { status: 'refused' };
  if (body?.status === 'joined') {
    const grant = grantOf(body);
    if (grant) return { status: 'joined', grant };
    throw new Error('The server admitted the guest without a usable token.');
  }
  if (body?.status === 'waiting') return { status: 'waiting' };
  throw new Error('Unexpected answer from the lobby.');
}

export function lobbyTicketQueryOptions(ticket: string, fetchImpl?: typeof fetch) {
  return queryOptions({
    queryKey: meetKeys.ticket(ticket),
    queryFn: () => getLobbyTicket(ticket, fetchImpl),
    // Asks again until the answer is final; a failed poll is retried by the next one.
    refetchInterval: (query) =>
      query.state.data?.status === 'waiting' || !query.state.data ? LOBBY_POLL_MS : false,
    refetchIntervalInBackground: true,
    retry: false,
    staleTime: 0,
    gcTime: 0,
  });
}

export function useLobbyTicket(ticket: string) {
  return useQuery(lobbyTicketQueryOptions(ticket));
}
