import type { GetArgs, GetResult, Id, SetArgs, SetResult } from './core.js';

/**
 * Colibri's extension `urn:colibri:params:jmap:calendar-proposals` (the JMAP Calendars draft has
 * no counter-proposals): an attendee's proposal of a new time (RFC 5546 §3.2.7 COUNTER), kept on
 * the organizer's event until accepted or declined, and on the proposer's own copy.
 */
export interface CalendarEventProposal {
  id: Id;
  /** The event (in this account) the proposal is about. */
  calendarEventId: Id;
  uid: string;
  /** The proposer's calendar address (bare email). */
  from: string;
  /** The occurrence, in the event's zone; null for the whole event. */
  recurrenceId: string | null;
  /** Proposed start (LocalDateTime) in `timeZone`, and duration. */
  start: string;
  timeZone: string | null;
  duration: string;
  utcStart: string;
  utcEnd: string;
  comment: string | null;
  status: 'pending' | 'accepted' | 'declined';
}

export type CalendarEventProposalProperty = keyof CalendarEventProposal;

export interface CalendarProposalMethods {
  'CalendarEventProposal/get': {
    args: GetArgs<CalendarEventProposalProperty>;
    result: GetResult<Partial<CalendarEventProposal>>;
  };
  'CalendarEventProposal/set': {
    args: SetArgs<CalendarEventProposal>;
    result: SetResult<CalendarEventProposal>;
  };
}
