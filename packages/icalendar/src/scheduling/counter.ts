/**
 * Counter-proposals (RFC 5546 §3.2.7, §3.2.8): the attendee proposes, the organizer accepts (the
 * event is rescheduled, §3.2.2.1, and every attendee gets the REQUEST) or declines (DECLINECOUNTER
 * to the proposer). Per occurrence: a proposal for one occurrence moves only that occurrence.
 */
import { parseDuration, parseLocal } from '../date-time.js';
import type { JSCalendarEvent, LocalDateTime, PatchObject } from '../types.js';
import { isOccurrence } from './apply-from-attendee.js';
import { emailOf, findParticipant, organizerOf } from './event-parts.js';
import type { PlanOptions } from './plan-outgoing.js';
import { planOutgoing } from './plan-outgoing.js';
import type { CounterProposal, OutgoingPlan, PlannedMessage, SchedulingResult } from './types.js';
import { done, refuse } from './types.js';

function checkProposal(event: JSCalendarEvent, proposal: CounterProposal): SchedulingResult<string> {
  if (proposal.uid !== event.uid) return refuse('bad-value', 'the proposal is for another event (UID)');
  const organizer = organizerOf(event);
  if (!organizer) return refuse('bad-value', 'the event has no organizer');
  if (!findParticipant(event, proposal.from))
    return refuse('unknown-attendee', `${proposal.from} is not an attendee of this event`);
  if (proposal.recurrenceId !== undefined && !isOccurrence(event, proposal.recurrenceId))
    return refuse('unknown-occurrence', `${proposal.recurrenceId} is not an occurrence of this event`);
  return done(organizer);
}

/**
 * The organizer accepts a proposal: the event (or the occurrence, as an override) moves to the
 * proposed start and duration, SEQUENCE goes up, and every attendee gets the REQUEST. The
 * proposer is asked again like everyone else (NEEDS-ACTION with RSVP; §3.2.2.1 rescheduling):
 * the organizer cannot answer for them, and the proposer's client answers the new time.
 */
export function acceptCounter(
  event: JSCalendarEvent,
  proposal: CounterProposal,
  options: PlanOptions = {},
): SchedulingResult<OutgoingPlan> {
  const checked = checkProposal(event, proposal);
  if (!checked.ok) return checked;
  if (!parseLocal(proposal.start) || parseDuration(proposal.duration) === undefined)
    return refuse('bad-value', 'the proposal has no valid start and duration');
  const after: JSCalendarEvent = structuredClone(event);
  const zone = event.timeZone ?? null;
  if (proposal.recurrenceId === undefined) {
    after.start = proposal.start;
    after.duration = proposal.duration;
    if (proposal.timeZone !== zone) after.timeZone = proposal.timeZone;
  } else {
    const key = proposal.recurrenceId;
    const patch: PatchObject = {
      ...(after.recurrenceOverrides?.[key] ?? {}),
      start: proposal.start,
      duration: proposal.duration,
    };
    if (proposal.timeZone !== zone) patch.timeZone = proposal.timeZone;
    after.recurrenceOverrides = { ...after.recurrenceOverrides, [key]: patch };
  }
  return planOutgoing(event, after, checked.value, options);
}

/** The organizer declines a proposal: the DECLINECOUNTER to the proposer (the event is unchanged). */
export function declineCounter(
  event: JSCalendarEvent,
  proposal: CounterProposal,
  comment?: string,
): SchedulingResult<PlannedMessage> {
  const checked = checkProposal(event, proposal);
  if (!checked.ok) return checked;
  return done({
    method: 'declinecounter',
    recipients: [proposal.from],
    event,
    options: {
      attendee: proposal.from,
      ...(proposal.recurrenceId !== undefined ? { recurrenceId: proposal.recurrenceId } : {}),
      ...(comment ? { comment } : {}),
    },
  });
}

/** What an attendee proposes: a new start (in `timeZone`, default the event's), duration, comment. */
export interface CounterRequest {
  recurrenceId?: LocalDateTime;
  start: LocalDateTime;
  duration?: string;
  timeZone?: string | null;
  comment?: string;
}

/**
 * An attendee proposes a new time (RFC 5546 §3.2.7): the COUNTER to the organizer, for the whole
 * event or one occurrence. Internally the caller may skip the message and apply it directly.
 */
export function planCounter(
  event: JSCalendarEvent,
  attendee: string,
  request: CounterRequest,
): SchedulingResult<PlannedMessage> {
  const organizer = organizerOf(event);
  if (!organizer) return refuse('bad-value', 'the event has no organizer to propose to');
  if (emailOf(attendee) === organizer) return refuse('bad-value', 'the organizer changes the event instead');
  if (!findParticipant(event, attendee))
    return refuse('unknown-attendee', `${emailOf(attendee)} is not an attendee`);
  if (!parseLocal(request.start)) return refuse('bad-value', 'the proposed start is not a LocalDateTime');
  if (request.duration !== undefined && parseDuration(request.duration) === undefined)
    return refuse('bad-value', 'the proposed duration is not a Duration');
  if (request.recurrenceId !== undefined && !isOccurrence(event, request.recurrenceId))
    return refuse('unknown-occurrence', `${request.recurrenceId} is not an occurrence of this event`);
  return done({
    method: 'counter',
    recipients: [organizer],
    event,
    options: {
      attendee,
      proposal: {
        start: request.start,
        ...(request.duration !== undefined ? { duration: request.duration } : {}),
        ...(request.timeZone !== undefined ? { timeZone: request.timeZone } : {}),
      },
      ...(request.recurrenceId !== undefined ? { recurrenceId: request.recurrenceId } : {}),
      ...(request.comment ? { comment: request.comment } : {}),
    },
  });
}
