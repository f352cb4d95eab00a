import type { CalendarEvent, CalendarEventProposal } from '@colibri/jmap-types';
import { storedIdOf } from './occurrence';

type Target = Pick<CalendarEvent, 'id' | 'baseEventId' | 'recurrenceId'>;

/**
 * Whether a proposal is about this occurrence (or event): the same stored event, and either the
 * whole event (no recurrenceId) or this very occurrence (RFC 5546 §3.2.7 RECURRENCE-ID).
 */
export function proposalConcerns(proposal: CalendarEventProposal, event: Target): boolean {
  if (proposal.calendarEventId !== storedIdOf(event)) return false;
  return proposal.recurrenceId === null || proposal.recurrenceId === (event.recurrenceId ?? null);
}

const sameAddress = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The proposals made to the user (as organiser) about this occurrence that await an answer. */
export function pendingProposalsFor(
  proposals: readonly CalendarEventProposal[],
  event: Target,
  userEmail: string,
): CalendarEventProposal[] {
  return proposals.filter(
    (p) => p.status === 'pending' && !sameAddress(p.from, userEmail) && proposalConcerns(p, event),
  );
}

/** The user's own proposals about this occurrence, the latest first (the server keeps them in order). */
export function ownProposalsFor(
  proposals: readonly CalendarEventProposal[],
  event: Target,
  userEmail: string,
): CalendarEventProposal[] {
  return proposals.filter((p) => sameAddress(p.from, userEmail) && proposalConcerns(p, event)).reverse();
}

/** How many proposals await the user's answer, by occurrence id, for the badges of the grid. */
export function pendingCountByOccurrence(
  proposals: readonly CalendarEventProposal[],
  occurrences: readonly CalendarEvent[],
  userEmail: string,
): Map<string, number> {
  const counts = new Map<string, number>();
  if (!proposals.some((p) => p.status === 'pending')) return counts;
  for (const occurrence of occurrences) {
    const count = pendingProposalsFor(proposals, occurrence, userEmail).length;
    if (count > 0) counts.set(occurrence.id, count);
  }
  return counts;
}
