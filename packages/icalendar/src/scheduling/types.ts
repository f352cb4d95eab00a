/**
 * Values the scheduling engine (RFC 5546 iTIP semantics over JSCalendar events) takes and returns.
 * Everything here is data: the caller stores events, routes messages and shows proposals.
 */
import type { BuildItipOptions, ItipMethod } from '../itip-build.js';
import type { Duration, JSCalendarEvent, LocalDateTime, UTCDateTime } from '../types.js';

/** One iTIP message the engine wants sent. Build its text with `renderPlanned`. */
export interface PlannedMessage {
  method: ItipMethod;
  /** Who receives it: bare lower-case email addresses (no `mailto:`), never the sender. */
  recipients: string[];
  /**
   * The JSCalendar payload: the event the message is built from (with `options.recurrenceId`,
   * the message is about that occurrence only). Alerts never leave (buildItip drops them).
   */
  event: JSCalendarEvent;
  /** What `buildItip` needs besides `now`: recurrenceId, attendee, participationStatus, proposal, comment. */
  options: Omit<BuildItipOptions, 'now'>;
}

/** What an organizer's or attendee's change requires: the copy to store and the messages to send. */
export interface OutgoingPlan {
  /** The event to store (SEQUENCE bumped, statuses reset on a reschedule); undefined when destroyed. */
  event: JSCalendarEvent | undefined;
  messages: PlannedMessage[];
}

/** RFC 5546 §3.2.7: a COUNTER as the organizer keeps it until it is accepted or declined. */
export interface CounterProposal {
  uid: string;
  /** The proposer's email (lower case, no `mailto:`). */
  from: string;
  /** The occurrence the proposal is for, in the event's zone; absent for the whole event. */
  recurrenceId?: LocalDateTime;
  /** Proposed start, in the event's time zone (`timeZone`). */
  start: LocalDateTime;
  timeZone: string | null;
  duration: Duration;
  /** The proposed start and end as instants (floating times read as UTC). */
  utcStart: UTCDateTime;
  utcEnd: UTCDateTime;
  comment?: string;
  /** SEQUENCE and DTSTAMP of the COUNTER: the version of the event it answers. */
  sequence: number;
  dtstamp: UTCDateTime;
}

/** RFC 5546 §3.2.8: the organizer declined a counter-proposal (attendee side). */
export interface DeclinedCounter {
  uid: string;
  /** The organizer's email. */
  by: string;
  recurrenceId?: LocalDateTime;
  comment?: string;
  sequence: number;
  dtstamp: UTCDateTime;
}

/** The result of applying one incoming iTIP message to the recipient's copy. */
export type IncomingOutcome =
  /** Store this as the recipient's copy (created, updated, replied to, or cancelled). */
  | { action: 'update'; event: JSCalendarEvent }
  /** Nothing to do: the message is older than what is held (RFC 5546 §2.1.5) or about an unknown event. */
  | { action: 'ignore'; reason: 'stale' | 'not-found'; detail: string }
  /** Send these (the answer to a REFRESH); the copy is unchanged. */
  | { action: 'respond'; messages: PlannedMessage[] }
  /** Organizer side: show this proposal; the event is unchanged (RFC 5546 §3.2.7). */
  | { action: 'counter'; proposal: CounterProposal }
  /** Attendee side: tell the proposer their proposal was declined; the event is unchanged. */
  | { action: 'counter-declined'; declined: DeclinedCounter };

export interface SchedulingError {
  code:
    | 'forbidden'
    | 'not-found'
    | 'unknown-attendee'
    | 'unknown-occurrence'
    | 'bad-value'
    | 'bad-method'
    | 'limit';
  reason: string;
}
export type SchedulingResult<T> = { ok: true; value: T } | { ok: false; error: SchedulingError };

export const done = <T>(value: T): SchedulingResult<T> => ({ ok: true, value });
export const refuse = (code: SchedulingError['code'], reason: string): SchedulingResult<never> => ({
  ok: false,
  error: { code, reason },
});

/** Explicit bounds on what one event may hold when it is scheduled or received. */
export interface SchedulingLimits {
  /** Participants of the event (default 500). */
  maxParticipants: number;
  /** Entries of recurrenceOverrides (default 1,000). */
  maxOverrides: number;
}
export const SCHEDULING_LIMITS: SchedulingLimits = { maxParticipants: 500, maxOverrides: 1000 };
