/**
 * Reading an iTIP message (RFC 5546): METHOD, and per VEVENT who sends what about which occurrence,
 * checked against the RFC 5546 §3.2 property tables where a missing property would make the
 * message unusable. The events themselves come from the ordinary conversion (from-ical.ts).
 */
import { formatLocal } from './date-time.js';
import { icalendarToJSCalendar } from './from-ical.js';
import { ZoneContext } from './ical-time.js';
import type { ItipMethod } from './itip-build.js';
import { ITIP_METHODS } from './itip-build.js';
import type { JCalComponent, ParseLimits } from './parse-ical.js';
import { param, parseICalendar, prop, props, subcomponents, textValue } from './parse-ical.js';
import type { JSCalendarEvent, ParticipationStatus, Result } from './types.js';
import { fail, ok } from './types.js';

export interface ItipAttendee {
  address: string;
  name?: string;
  participationStatus?: ParticipationStatus;
  delegatedTo?: string[];
}

/** One VEVENT of the message: the whole event, or one occurrence when `recurrenceId` is set. */
export interface ItipItem {
  uid: string;
  sequence: number;
  /** DTSTAMP as a UTCDateTime. */
  dtstamp: string;
  recurrenceId?: string;
  recurrenceIdTimeZone?: string | null;
  organizer?: string;
  attendees: ItipAttendee[];
  comment?: string;
}

export interface ItipMessage {
  method: ItipMethod;
  uid: string;
  items: ItipItem[];
  /** The events carried (none for REFRESH and DECLINECOUNTER, which carry no DTSTART). */
  events: JSCalendarEvent[];
}

/** RFC 5546 §3.2: methods whose VEVENTs must carry DTSTART, and those with exactly one ATTENDEE. */
const NEEDS_START = new Set<ItipMethod>(['publish', 'request', 'add', 'counter']);
const ONE_ATTENDEE = new Set<ItipMethod>(['reply', 'refresh']);

function readItem(vevent: JCalComponent, zones: ZoneContext): Result<ItipItem> {
  const uid = textValue(prop(vevent, 'uid'));
  if (!uid) return fail('bad-value', 'a VEVENT has no UID');
  const stamp = zones.readProperty(prop(vevent, 'dtstamp'));
  if (!stamp || stamp.zone !== 'Etc/UTC')
    return fail('bad-value', `VEVENT ${uid.slice(0, 60)} has no UTC DTSTAMP`);
  const sequenceText = textValue(prop(vevent, 'sequence')) ?? '0';
  const sequence = Number(sequenceText);
  if (!Number.isInteger(sequence) || sequence < 0)
    return fail('bad-value', `SEQUENCE "${sequenceText.slice(0, 20)}" is not a non-negative integer`);
  const item: ItipItem = { uid, sequence, dtstamp: `${formatLocal(stamp.fields)}Z`, attendees: [] };
  const rid = zones.readProperty(prop(vevent, 'recurrence-id'));
  if (prop(vevent, 'recurrence-id') && !rid)
    return fail('bad-value', 'RECURRENCE-ID is not a date or date-time');
  if (rid) {
    item.recurrenceId = formatLocal(rid.fields);
    item.recurrenceIdTimeZone = rid.date ? null : (rid.zone ?? null);
  }
  const organizer = textValue(prop(vevent, 'organizer'));
  if (organizer) item.organizer = organizer;
  for (const a of props(vevent, 'attendee')) {
    const address = textValue(a);
    if (!address) continue;
    const attendee: ItipAttendee = { address };
    const name = param(a, 'cn');
    if (name) attendee.name = name;
    const status = param(a, 'partstat')?.toLowerCase();
    if (status && ['needs-action', 'accepted', 'declined', 'tentative', 'delegated'].includes(status))
      attendee.participationStatus = status as ParticipationStatus;
    const delegatedTo = a[1]['delegated-to'];
    if (delegatedTo) attendee.delegatedTo = ([] as string[]).concat(delegatedTo);
    item.attendees.push(attendee);
  }
  const comment = textValue(prop(vevent, 'comment'));
  if (comment) item.comment = comment;
  return ok(item);
}

/** Parses and checks an iTIP message. Never throws; a malformed message is an error with a reason. */
export function parseItip(text: string, limits?: ParseLimits): Result<ItipMessage> {
  const parsed = parseICalendar(text, limits);
  if (!parsed.ok) return parsed;
  if (parsed.value.length !== 1 || parsed.value[0]![0] !== 'vcalendar')
    return fail('syntax', 'an iTIP message is one VCALENDAR');
  const root = parsed.value[0]!;
  const methodText = textValue(prop(root, 'method'))?.toLowerCase();
  if (!methodText) return fail('bad-method', 'no METHOD: not an iTIP message (RFC 5546 §1.4)');
  if (!ITIP_METHODS.includes(methodText as ItipMethod))
    return fail(
      'bad-method',
      `METHOD ${methodText.toUpperCase().slice(0, 30)} is not an iTIP method for events`,
    );
  const method = methodText as ItipMethod;
  const vevents = subcomponents(root, 'vevent');
  if (vevents.length === 0) return fail('no-event', `${method.toUpperCase()} without a VEVENT`);
  const zones = new ZoneContext(root);
  const items: ItipItem[] = [];
  for (const vevent of vevents) {
    const item = readItem(vevent, zones);
    if (!item.ok) return item;
    const upper = method.toUpperCase();
    if (!item.value.organizer) return fail('bad-value', `${upper} without ORGANIZER (RFC 5546 §3.2)`);
    if (NEEDS_START.has(method) && !prop(vevent, 'dtstart'))
      return fail('bad-value', `${upper} without DTSTART (RFC 5546 §3.2)`);
    if (ONE_ATTENDEE.has(method) && item.value.attendees.length !== 1)
      return fail('bad-value', `${upper} must name exactly one ATTENDEE, the sender (RFC 5546 §3.2)`);
    if ((method === 'counter' || method === 'declinecounter') && item.value.attendees.length === 0)
      return fail('bad-value', `${upper} without ATTENDEE (RFC 5546 §3.2)`);
    items.push(item.value);
  }
  const uid = items[0]!.uid;
  if (items.some((i) => i.uid !== uid))
    return fail('bad-value', 'an iTIP message carries one UID (RFC 5546 §3.1)');
  const converted = icalendarToJSCalendar(text, limits);
  const events = converted.ok ? converted.value.events : [];
  if (NEEDS_START.has(method) && events.length === 0)
    return fail('bad-value', `${method.toUpperCase()} has no readable event`);
  return ok({ method, uid, items, events });
}

/**
 * RFC 5546 §2.1.5: a message supersedes what we hold when its SEQUENCE is higher, or equal with a
 * later DTSTAMP. Replies are ordered the same way per attendee.
 */
export function isNewerItip(
  incoming: { sequence: number; dtstamp: string },
  current: { sequence: number; dtstamp: string },
): boolean {
  if (incoming.sequence !== current.sequence) return incoming.sequence > current.sequence;
  return Date.parse(incoming.dtstamp) > Date.parse(current.dtstamp);
}
