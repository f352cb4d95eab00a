import type { CalendarEventProposal } from '@colibri/jmap-types';
import type { AccountId, CalendarEventRecord, MailStore } from '@colibri/mail-store';
import type { StoredProposal } from '../../scheduling/proposals.js';
import { proposalsOf } from '../../scheduling/proposals.js';

export const PROPOSAL_PROPERTIES: readonly (keyof CalendarEventProposal)[] = [
  'id',
  'calendarEventId',
  'uid',
  'from',
  'recurrenceId',
  'start',
  'timeZone',
  'duration',
  'utcStart',
  'utcEnd',
  'comment',
  'status',
];

/** A proposal's JMAP id: the event's id and the proposal's, so that /get by id reads one event. */
export const proposalWireId = (eventId: string, proposalId: string): string => `${eventId}-${proposalId}`;

export function splitProposalId(id: string): { eventId: string; proposalId: string } | null {
  const match = /^(.+)-(P[0-9a-f]{16})$/.exec(id);
  return match ? { eventId: match[1]!, proposalId: match[2]! } : null;
}

export function proposalToWire(record: CalendarEventRecord, p: StoredProposal): CalendarEventProposal {
  return {
    id: proposalWireId(record.id, p.id),
    calendarEventId: record.id,
    uid: p.uid,
    from: p.from,
    recurrenceId: p.recurrenceId ?? null,
    start: p.start,
    timeZone: p.timeZone,
    duration: p.duration,
    utcStart: p.utcStart,
    utcEnd: p.utcEnd,
    comment: p.comment ?? null,
    status: p.status,
  };
}

/** Events read per batch while listing every proposal of an account. */
const BATCH = 500;

/** Every proposal on the account's events (made by the account's user or to them). */
export async function listProposals(
  store: MailStore,
  accountId: AccountId,
): Promise<CalendarEventProposal[]> {
  const ids = await store.listCalendarEventIds(accountId);
  const out: CalendarEventProposal[] = [];
  for (let i = 0; i < ids.length; i += BATCH)
    for (const record of await store.getCalendarEvents(accountId, ids.slice(i, i + BATCH)))
      for (const p of proposalsOf(record.data)) out.push(proposalToWire(record, p));
  return out;
}
