import { queryOptions, useQuery } from '@tanstack/react-query';
import type { JmapClient } from '@colibri/jmap-client';
import type { CalendarEventProposal, Id } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import { calendarKeys } from './keys';
import { throwIfRefused } from './set-error';

/** Explicit limit: more proposals than this are not shown (the server keeps 50 per event). */
export const MAX_PROPOSALS = 1000;

/**
 * CalendarEventProposal/get (Colibri's `urn:colibri:params:jmap:calendar-proposals`): every
 * counter-proposal on the account's events, those made to the user as organiser and the user's
 * own, pending and answered. They live in the events, so push of CalendarEvent refreshes them.
 */
export async function getProposals(client: JmapClient, accountId: Id): Promise<CalendarEventProposal[]> {
  const { list } = await client.call('CalendarEventProposal/get', { accountId, ids: null });
  return (list as CalendarEventProposal[]).slice(0, MAX_PROPOSALS);
}

export function proposalsQueryOptions(client: JmapClient, accountId: Id) {
  return queryOptions({
    queryKey: calendarKeys.proposals(accountId),
    queryFn: () => getProposals(client, accountId),
    // A server without the extension answers an error: the calendar works without proposals.
    retry: false,
  });
}

export function useProposals(accountId: Id) {
  return useQuery(proposalsQueryOptions(useJmapClient(), accountId));
}

export interface ProposalAnswer {
  /** The proposal's id (CalendarEventProposal id). */
  id: Id;
  status: 'accepted' | 'declined';
  /** RFC 5546 §3.2.8: the organiser's note in a DECLINECOUNTER. */
  comment?: string;
}

/**
 * The organiser's answer: CalendarEventProposal/set update `{ status }`. Accepted, the server
 * moves the event (or the occurrence), bumps SEQUENCE and sends the update to every attendee;
 * declined, it sends a DECLINECOUNTER to the proposer (RFC 5546 §3.2.7, §3.2.8).
 */
export async function answerProposal(
  client: JmapClient,
  accountId: Id,
  answer: ProposalAnswer,
): Promise<void> {
  const result = await client.call('CalendarEventProposal/set', {
    accountId,
    update: {
      [answer.id]: { status: answer.status, ...(answer.comment ? { comment: answer.comment } : {}) },
    },
  });
  throwIfRefused(result.notUpdated, answer.id);
}
