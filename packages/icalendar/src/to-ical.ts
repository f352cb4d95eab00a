/**
 * JSCalendar (RFC 8984) Events -> iCalendar (RFC 5545) text: one VCALENDAR with a VTIMEZONE for
 * every IANA zone used, the master VEVENT (RRULE, EXRULE, RDATE, EXDATE from the overrides) and one
 * VEVENT with RECURRENCE-ID per override that changes something (draft-ietf-calext-jscalendar-icalendar).
 */
import { contentLine, escapeText, serializeLines } from './content-lines.js';
import type { Fields } from './date-time.js';
import {
  formatIcal,
  formatLocal,
  fromSeconds,
  parseDuration,
  parseLocal,
  parseUtc,
  toSeconds,
} from './date-time.js';
import { applyPatch } from './patch.js';
import { attendeeLines, organizerLine } from './participants-to-ical.js';
import { formatRRule } from './rrule.js';
import { localToUtc } from './time-zones.js';
import type { JSCalendarEvent, RecurrenceRule } from './types.js';
import { vtimezoneLines } from './vtimezone.js';

export interface SerializeOptions {
  /** METHOD of the VCALENDAR (RFC 5546); defaults to the first event's `method`. */
  method?: string;
  /** DTSTAMP when an event has no `updated` (RFC 5545 §3.8.7.2), as a UTCDateTime. */
  now?: string;
  prodId?: string;
  /** DTSTAMP of every VEVENT, overriding `updated` (iTIP: when the message was made, RFC 5546 §2.1.5). */
  dtstamp?: string;
  /** Extra content lines for every VEVENT (iTIP COMMENT, for example), already formatted. */
  eventLines?: string[];
}

const PRODID = '-//Colibri//icalendar//EN';
const isUtcZone = (zone: string | null | undefined): boolean => zone === 'Etc/UTC' || zone === 'UTC';

/** A LocalDateTime of the event as an iCalendar property with the right TZID/VALUE. */
function timeLine(
  name: string,
  local: string,
  event: JSCalendarEvent,
  zone = event.timeZone,
): string | undefined {
  const f = parseLocal(local);
  if (!f) return undefined;
  if (event.showWithoutTime) return contentLine(name, { VALUE: 'DATE' }, formatIcal(f, 'date'));
  if (isUtcZone(zone)) return contentLine(name, {}, formatIcal(f, 'utc'));
  if (zone) return contentLine(name, { TZID: zone }, formatIcal(f, 'local'));
  return contentLine(name, {}, formatIcal(f, 'local'));
}

function utcLine(name: string, utc: string | undefined): string | undefined {
  const f = utc ? parseUtc(utc) : undefined;
  return f ? contentLine(name, {}, formatIcal(f, 'utc')) : undefined;
}

/** RFC 5545 §3.3.10: UNTIL is UTC when DTSTART has a zone, a DATE for all-day events. */
function untilText(rule: RecurrenceRule, event: JSCalendarEvent): string | undefined {
  const f = rule.until ? parseLocal(rule.until) : undefined;
  if (!f) return undefined;
  if (event.showWithoutTime) return formatIcal(f, 'date');
  if (event.timeZone && !isUtcZone(event.timeZone))
    return formatIcal(fromSeconds(localToUtc(event.timeZone, toSeconds(f))), 'utc');
  return formatIcal(f, event.timeZone ? 'utc' : 'local');
}

function endLine(event: JSCalendarEvent): string | undefined {
  const seconds = event.duration ? parseDuration(event.duration) : undefined;
  const start = parseLocal(event.start);
  if (seconds === undefined || !start) return undefined;
  const end: Fields = fromSeconds(toSeconds(start) + seconds);
  return event.showWithoutTime
    ? contentLine('DTEND', { VALUE: 'DATE' }, formatIcal(end, 'date'))
    : timeLine('DTEND', formatLocal(end), event);
}

const PRIVACY = { public: 'PUBLIC', private: 'PRIVATE', secret: 'CONFIDENTIAL' } as const;

function eventLines(event: JSCalendarEvent, options: SerializeOptions): string[] {
  const lines: (string | undefined)[] = ['BEGIN:VEVENT', contentLine('UID', {}, event.uid)];
  lines.push(utcLine('DTSTAMP', options.dtstamp ?? event.updated ?? options.now ?? '1970-01-01T00:00:00Z'));
  if (event.recurrenceId)
    lines.push(
      timeLine('RECURRENCE-ID', event.recurrenceId, event, event.recurrenceIdTimeZone ?? event.timeZone),
    );
  lines.push(timeLine('DTSTART', event.start, event), endLine(event));
  if (event.sequence) lines.push(`SEQUENCE:${event.sequence}`);
  if (event.title !== undefined) lines.push(contentLine('SUMMARY', {}, escapeText(event.title)));
  if (event.description !== undefined)
    lines.push(contentLine('DESCRIPTION', {}, escapeText(event.description)));
  for (const l of Object.values(event.locations ?? {})) {
    if (l.name) lines.push(contentLine('LOCATION', {}, escapeText(l.name)));
    const geo = /^geo:(-?[\d.]+),(-?[\d.]+)/.exec(l.coordinates ?? '');
    if (geo) lines.push(`GEO:${geo[1]};${geo[2]}`);
  }
  for (const v of Object.values(event.virtualLocations ?? {}))
    lines.push(
      contentLine(
        'CONFERENCE',
        { VALUE: 'URI', FEATURE: Object.keys(v.features ?? {}).map((f) => f.toUpperCase()), LABEL: v.name },
        v.uri,
      ),
    );
  const link = Object.values(event.links ?? {})[0];
  if (link) lines.push(contentLine('URL', {}, link.href));
  if (event.privacy) lines.push(`CLASS:${PRIVACY[event.privacy]}`);
  if (event.freeBusyStatus)
    lines.push(`TRANSP:${event.freeBusyStatus === 'free' ? 'TRANSPARENT' : 'OPAQUE'}`);
  if (event.status) lines.push(`STATUS:${event.status.toUpperCase()}`);
  if (event.priority) lines.push(`PRIORITY:${event.priority}`);
  if (event.keywords && Object.keys(event.keywords).length)
    lines.push(contentLine('CATEGORIES', {}, Object.keys(event.keywords).map(escapeText).join(',')));
  if (event.color) lines.push(contentLine('COLOR', {}, event.color));
  lines.push(utcLine('CREATED', event.created), utcLine('LAST-MODIFIED', event.updated));
  if (event.requestStatus) lines.push(contentLine('REQUEST-STATUS', {}, event.requestStatus));
  // Occurrence VEVENTs made here carry no rules; a lone occurrence read with its own RDATE keeps it.
  {
    for (const rule of event.recurrenceRules ?? [])
      lines.push(`RRULE:${formatRRule(rule, untilText(rule, event))}`);
    for (const rule of event.excludedRecurrenceRules ?? [])
      lines.push(`EXRULE:${formatRRule(rule, untilText(rule, event))}`);
    for (const [key, patch] of Object.entries(event.recurrenceOverrides ?? {})) {
      if (patch.excluded === true) lines.push(timeLine('EXDATE', key, event));
      else if (Object.keys(patch).length === 0) lines.push(timeLine('RDATE', key, event));
    }
  }
  lines.push(organizerLine(event), ...attendeeLines(event));
  for (const [id, alert] of Object.entries(event.alerts ?? {})) {
    lines.push(
      'BEGIN:VALARM',
      contentLine('UID', {}, id),
      `ACTION:${alert.action === 'email' ? 'EMAIL' : 'DISPLAY'}`,
    );
    const t = alert.trigger;
    if (t['@type'] === 'AbsoluteTrigger') lines.push(utcLine('TRIGGER;VALUE=DATE-TIME', t.when));
    else
      lines.push(contentLine('TRIGGER', { RELATED: t.relativeTo === 'end' ? 'END' : undefined }, t.offset));
    // RFC 5545 §3.6.6: a DISPLAY alarm needs a DESCRIPTION; EMAIL needs SUMMARY too.
    lines.push(contentLine('DESCRIPTION', {}, escapeText(event.title ?? 'Reminder')));
    if (alert.action === 'email')
      lines.push(contentLine('SUMMARY', {}, escapeText(event.title ?? 'Reminder')));
    lines.push(utcLine('ACKNOWLEDGED', alert.acknowledged), 'END:VALARM');
  }
  lines.push(...(options.eventLines ?? []), 'END:VEVENT');
  return lines.filter((l): l is string => l !== undefined);
}

/** The occurrences of `event` written as their own VEVENTs (RECURRENCE-ID), in key order. */
function overrideEvents(event: JSCalendarEvent): JSCalendarEvent[] {
  return Object.entries(event.recurrenceOverrides ?? {})
    .filter(([, patch]) => patch.excluded !== true && Object.keys(patch).length > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, patch]) => {
      const o = applyPatch({ ...event, start: key }, patch);
      delete o.recurrenceRules;
      delete o.excludedRecurrenceRules;
      delete o.recurrenceOverrides;
      return { ...o, recurrenceId: key, recurrenceIdTimeZone: event.timeZone ?? null };
    });
}

function zonesOf(event: JSCalendarEvent): Set<string> {
  const zones = new Set<string>();
  const add = (z: unknown): void => {
    if (typeof z === 'string' && !isUtcZone(z) && !event.showWithoutTime) zones.add(z);
  };
  add(event.timeZone);
  add(event.recurrenceIdTimeZone);
  for (const patch of Object.values(event.recurrenceOverrides ?? {})) add(patch.timeZone);
  return zones;
}

/**
 * Serializes events into one iCalendar object (CRLF, folded at 75 octets). Each event becomes its
 * master VEVENT plus one VEVENT per changed occurrence; an event that is itself an occurrence
 * (`recurrenceId` set) is written alone with its RECURRENCE-ID, as iTIP replies do.
 */
export function jscalendarToICalendar(
  events: readonly JSCalendarEvent[],
  options: SerializeOptions = {},
): string {
  return serializeLines(calendarLines(events, options));
}

/** The unfolded content lines of the VCALENDAR that `jscalendarToICalendar` writes. */
export function calendarLines(events: readonly JSCalendarEvent[], options: SerializeOptions = {}): string[] {
  const method = options.method ?? events[0]?.method;
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', contentLine('PRODID', {}, options.prodId ?? PRODID)];
  if (method) lines.push(`METHOD:${method.toUpperCase()}`);
  const zones = new Map<string, number>();
  for (const e of events) {
    const year = parseLocal(e.start)?.year ?? 1970;
    for (const z of zonesOf(e)) zones.set(z, Math.min(zones.get(z) ?? year, year));
  }
  for (const [zone, year] of zones) lines.push(...vtimezoneLines(zone, year));
  for (const e of events) {
    lines.push(...eventLines(e, options));
    for (const o of overrideEvents(e)) lines.push(...eventLines(o, options));
  }
  lines.push('END:VCALENDAR');
  return lines;
}
