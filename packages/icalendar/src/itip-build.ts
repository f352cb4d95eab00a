/**
 * Building iTIP messages (RFC 5546 §3.2) from the organizer's or an attendee's copy of an event,
 * for the whole event or one occurrence (RECURRENCE-ID). The caller owns SEQUENCE (RFC 5546 §2.1.4:
 * the organizer bumps it on a significant change before REQUEST/CANCEL); DTSTAMP is `now`.
 */
import { contentLine, escapeText, serializeLines } from './content-lines.js';
import { formatIcal, parseLocal, parseUtc } from './date-time.js';
import { applyPatch } from './patch.js';
import { participantAddress } from './participants-to-ical.js';
import { calendarLines } from './to-ical.js';
import type { JSCalendarEvent, LocalDateTime, Participant, ParticipationStatus, Result } from './types.js';
import { fail, ok } from './types.js';

export type ItipMethod =
  'publish' | 'request' | 'reply' | 'add' | 'cancel' | 'refresh' | 'counter' | 'declinecounter';
export const ITIP_METHODS: readonly ItipMethod[] = [
  'publish',
  'request',
  'reply',
  'add',
  'cancel',
  'refresh',
  'counter',
  'declinecounter',
];

export interface BuildItipOptions {
  /** DTSTAMP: when the message is made (UTCDateTime). */
  now: string;
  /** The occurrence the message is about (its recurrence id in the event's zone). */
  recurrenceId?: LocalDateTime;
  /** REPLY, REFRESH, COUNTER: the attendee who sends; DECLINECOUNTER: the attendee whose counter is declined. */
  attendee?: string;
  /** REPLY: the attendee's answer (default: their status in the event). */
  participationStatus?: ParticipationStatus;
  /** COUNTER: the proposed time. */
  proposal?: { start: LocalDateTime; duration?: string; timeZone?: string | null };
  /** COMMENT (RFC 5545 §3.8.1.4), e.g. the reason for a counter-proposal. */
  comment?: string;
}

const sameAddress = (a: string | undefined, b: string): boolean =>
  a !== undefined && a.replace(/^mailto:/i, '').toLowerCase() === b.replace(/^mailto:/i, '').toLowerCase();

function findParticipant(event: JSCalendarEvent, address: string): [string, Participant] | undefined {
  return Object.entries(event.participants ?? {}).find(([, p]) =>
    sameAddress(participantAddress(p), address),
  );
}

function organizerAddress(event: JSCalendarEvent): string | undefined {
  const owner = Object.values(event.participants ?? {}).find((p) => p.roles?.owner);
  return event.replyTo?.imip ?? (owner ? participantAddress(owner) : undefined);
}

/** The event as one occurrence: its override applied, no rules, `recurrenceId` set. */
function occurrence(event: JSCalendarEvent, recurrenceId: LocalDateTime): JSCalendarEvent {
  const patch = event.recurrenceOverrides?.[recurrenceId] ?? {};
  const instance = applyPatch({ ...event, start: recurrenceId }, patch);
  delete instance.recurrenceRules;
  delete instance.excludedRecurrenceRules;
  delete instance.recurrenceOverrides;
  delete instance.excluded;
  instance.recurrenceId = recurrenceId;
  instance.recurrenceIdTimeZone = event.timeZone ?? null;
  return instance;
}

/** The organizer and one attendee only, as REPLY and COUNTER-side messages carry (RFC 5546 §3.2.3). */
function withOnly(event: JSCalendarEvent, attendeeId: string): JSCalendarEvent {
  const participants = Object.fromEntries(
    Object.entries(event.participants ?? {})
      .filter(([id, p]) => id === attendeeId || p.roles?.owner)
      // The organizer appears as ORGANIZER only, unless it is the one replying.
      .map(([id, p]) => [id, id === attendeeId ? p : { ...p, roles: { owner: true as const } }]),
  );
  return { ...event, participants };
}

/** REFRESH and DECLINECOUNTER carry no event data, only who and which (RFC 5546 §3.2.6, §3.2.8). */
function minimal(
  method: ItipMethod,
  event: JSCalendarEvent,
  organizer: string,
  attendee: string,
  options: BuildItipOptions,
): string {
  const stamp = parseUtc(options.now)!;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Colibri//icalendar//EN',
    `METHOD:${method.toUpperCase()}`,
    'BEGIN:VEVENT',
  ];
  lines.push(contentLine('UID', {}, event.uid), `DTSTAMP:${formatIcal(stamp, 'utc')}`);
  if (options.recurrenceId) {
    const f = parseLocal(options.recurrenceId)!;
    const zone = event.timeZone;
    if (event.showWithoutTime) lines.push(`RECURRENCE-ID;VALUE=DATE:${formatIcal(f, 'date')}`);
    else if (zone === 'Etc/UTC') lines.push(`RECURRENCE-ID:${formatIcal(f, 'utc')}`);
    else lines.push(contentLine('RECURRENCE-ID', { TZID: zone ?? undefined }, formatIcal(f, 'local')));
  }
  if (method === 'declinecounter' && event.sequence) lines.push(`SEQUENCE:${event.sequence}`);
  lines.push(contentLine('ORGANIZER', {}, organizer), contentLine('ATTENDEE', {}, attendee));
  if (options.comment) lines.push(contentLine('COMMENT', {}, escapeText(options.comment)));
  lines.push('END:VEVENT', 'END:VCALENDAR');
  return serializeLines(lines);
}

/**
 * Builds the iCalendar text of an iTIP message. Errors (never thrown) name what is missing: an
 * organizer for organizer-side methods, the sending attendee for REPLY/REFRESH/COUNTER, a proposal
 * for COUNTER, a valid `now` and recurrence id.
 */
export function buildItip(
  method: ItipMethod,
  event: JSCalendarEvent,
  options: BuildItipOptions,
): Result<string> {
  if (!ITIP_METHODS.includes(method)) return fail('bad-method', `unknown iTIP method "${String(method)}"`);
  if (!parseUtc(options.now)) return fail('bad-value', 'now must be a UTCDateTime (YYYY-MM-DDThh:mm:ssZ)');
  if (options.recurrenceId !== undefined && !parseLocal(options.recurrenceId))
    return fail('bad-value', 'recurrenceId must be a LocalDateTime');
  const organizer = organizerAddress(event);
  if (!organizer && method !== 'publish')
    return fail('bad-value', `${method.toUpperCase()} needs an organizer (an owner participant or replyTo)`);
  let subject = options.recurrenceId ? occurrence(event, options.recurrenceId) : { ...event };
  if (
    options.recurrenceId &&
    event.recurrenceOverrides?.[options.recurrenceId]?.excluded === true &&
    method !== 'cancel'
  )
    return fail('bad-value', `occurrence ${options.recurrenceId} is excluded`);
  const needsAttendee =
    method === 'reply' || method === 'refresh' || method === 'counter' || method === 'declinecounter';
  const found = options.attendee ? findParticipant(event, options.attendee) : undefined;
  if (needsAttendee && !found)
    return fail(
      'bad-value',
      `${method.toUpperCase()} needs the attendee, who must be a participant of the event`,
    );
  const attendeeAddress = found ? (participantAddress(found[1]) ?? options.attendee!) : undefined;
  const eventLines = options.comment ? [contentLine('COMMENT', {}, escapeText(options.comment))] : [];

  switch (method) {
    case 'refresh':
    case 'declinecounter':
      return ok(minimal(method, event, organizer!, attendeeAddress!, options));
    case 'reply': {
      const [id, p] = found!;
      const status = options.participationStatus ?? p.participationStatus ?? 'needs-action';
      subject = withOnly(subject, id);
      subject.participants![id] = { ...p, participationStatus: status, expectReply: false };
      delete subject.alerts;
      break;
    }
    case 'counter': {
      if (!options.proposal || !parseLocal(options.proposal.start))
        return fail('bad-value', 'COUNTER needs a proposal with a LocalDateTime start');
      subject.start = options.proposal.start;
      if (options.proposal.duration !== undefined) subject.duration = options.proposal.duration;
      if (options.proposal.timeZone !== undefined) subject.timeZone = options.proposal.timeZone;
      delete subject.alerts;
      break;
    }
    case 'cancel':
      subject.status = 'cancelled';
      delete subject.alerts;
      break;
    case 'request':
    case 'add':
    case 'publish':
      delete subject.alerts; // alarms are the recipient's own (RFC 5546 §3.2.2 lets them through; we keep them private)
      break;
    default: {
      const never: never = method;
      return fail('bad-method', `unknown iTIP method "${String(never)}"`);
    }
  }
  delete subject.method;
  return ok(serializeLines(calendarLines([subject], { method, dtstamp: options.now, eventLines })));
}
