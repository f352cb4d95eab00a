/**
 * Counter-proposals (RFC 5546 §3.2.7) as the organizer and the proposer keep them: in the event
 * document, under the vendor property `colibri:proposals` (RFC 8984 §3.3 lets a server keep its
 * own properties with a `:` in their name), so they follow the event's change log and push.
 */
import { randomBytes } from 'node:crypto';
import type { CounterProposal, JSCalendarEvent } from '@colibri/icalendar';

export const PROPOSALS_PROPERTY = 'colibri:proposals';
/** The most proposals one event keeps; beyond it, the oldest answered ones go first. */
export const MAX_PROPOSALS_PER_EVENT = 50;

export type ProposalStatus = 'pending' | 'accepted' | 'declined';

/** A proposal as stored: the engine's CounterProposal, an id and where it stands. */
export interface StoredProposal extends CounterProposal {
  id: string;
  status: ProposalStatus;
}

export const newProposalId = (): string => `P${randomBytes(8).toString('hex')}`;

export function proposalsOf(event: JSCalendarEvent | Record<string, unknown>): StoredProposal[] {
  const value = (event as Record<string, unknown>)[PROPOSALS_PROPERTY];
  return Array.isArray(value) ? (value as StoredProposal[]) : [];
}

/** `event` with `proposals` as its list (the oldest answered ones dropped beyond the limit). */
export function withProposals(event: JSCalendarEvent, proposals: StoredProposal[]): JSCalendarEvent {
  const kept = [...proposals];
  while (kept.length > MAX_PROPOSALS_PER_EVENT) {
    const answered = kept.findIndex((p) => p.status !== 'pending');
    kept.splice(answered === -1 ? 0 : answered, 1);
  }
  return { ...event, [PROPOSALS_PROPERTY]: kept } as JSCalendarEvent;
}

const sameTarget = (a: CounterProposal, b: CounterProposal): boolean =>
  a.from === b.from && (a.recurrenceId ?? null) === (b.recurrenceId ?? null);

/**
 * Adds a proposal: a newer one from the same attendee for the same occurrence replaces their
 * pending one (RFC 5546 §2.1.5: the latest counts); an older one is ignored.
 */
export function addProposal(event: JSCalendarEvent, proposal: StoredProposal): JSCalendarEvent {
  const list = proposalsOf(event);
  const pending = list.find((p) => p.status === 'pending' && sameTarget(p, proposal));
  if (pending && (pending.sequence > proposal.sequence || pending.dtstamp > proposal.dtstamp)) return event;
  return withProposals(event, [...list.filter((p) => p !== pending), proposal]);
}

/** Marks the proposal `id` (or the pending one matching `match`) with `status`. */
export function markProposal(
  event: JSCalendarEvent,
  status: ProposalStatus,
  id: string | { from: string; recurrenceId?: string },
): JSCalendarEvent | undefined {
  const list = proposalsOf(event);
  const index = list.findIndex((p) =>
    typeof id === 'string'
      ? p.id === id
      : p.status === 'pending' &&
        p.from === id.from &&
        (p.recurrenceId ?? null) === (id.recurrenceId ?? null),
  );
  if (index === -1) return undefined;
  const next = list.map((p, i) => (i === index ? { ...p, status } : p));
  return withProposals(event, next);
}
