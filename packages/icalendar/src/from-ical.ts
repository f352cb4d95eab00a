/**
 * iCalendar (RFC 5545) VEVENTs -> JSCalendar (RFC 8984) Events, following
 * draft-ietf-calext-jscalendar-icalendar where it decides: DTEND becomes a duration, RDATE and
 * EXDATE become recurrenceOverrides (`{}` and `{ excluded: true }`), a VEVENT with RECURRENCE-ID
 * becomes a patch of its master's recurrenceOverrides, CLASS -> privacy, TRANSP -> freeBusyStatus.
 */
import { formatLocal, formatDuration, parseDuration, toSeconds } from './date-time.js';
import type { ZonedValue } from './ical-time.js';
import { ZoneContext, inZone, instant } from './ical-time.js';
import { alertsFromIcal } from './alerts-from-ical.js';
import type { JCalComponent, ParseLimits } from './parse-ical.js';
import { param, parseICalendar, prop, props, recurText, subcomponents, textValue } from './parse-ical.js';
import { readParticipants } from './participants-from-ical.js';
import { parseRRule } from './rrule.js';
import type {
  JSCalendarEvent,
  Location,
  PatchObject,
  RecurrenceRule,
  Result,
  VirtualLocation,
} from './types.js';
import { fail, ok } from './types.js';

export interface ParsedCalendar {
  /** METHOD of the VCALENDAR (lower-case), for iTIP. */
  method?: JSCalendarEvent['method'];
  prodId?: string;
  /** One event per UID: the master with its overrides folded in (or a lone override). */
  events: JSCalendarEvent[];
}

const PRIVACY: Record<string, JSCalendarEvent['privacy']> = {
  PUBLIC: 'public',
  PRIVATE: 'private',
  CONFIDENTIAL: 'secret',
};
const STATUS: Record<string, JSCalendarEvent['status']> = {
  CONFIRMED: 'confirmed',
  CANCELLED: 'cancelled',
  TENTATIVE: 'tentative',
};
const METHODS = ['publish', 'request', 'reply', 'add', 'cancel', 'refresh', 'counter', 'declinecounter'];

/** Parses iCalendar text and converts every VEVENT of every VCALENDAR in it. */
export function icalendarToJSCalendar(text: string, limits?: ParseLimits): Result<ParsedCalendar> {
  const parsed = parseICalendar(text, limits);
  if (!parsed.ok) return parsed;
  const out: ParsedCalendar = { events: [] };
  for (const found of parsed.value) {
    // A bare VEVENT (some exporters write one) is read as if a VCALENDAR held it.
    const root: JCalComponent = found[0] === 'vevent' ? ['vcalendar', [], [found]] : found;
    if (root[0] !== 'vcalendar')
      return fail('syntax', `top-level component is ${root[0].toUpperCase()}, not VCALENDAR`);
    const method = textValue(prop(root, 'method'))?.toLowerCase();
    if (method && METHODS.includes(method)) out.method = method as JSCalendarEvent['method'];
    const prodId = textValue(prop(root, 'prodid'));
    if (prodId) out.prodId = prodId;
    out.events.push(...convertCalendar(root, out.method));
  }
  if (out.events.length === 0)
    return fail('no-event', 'no VEVENT with a valid DTSTART in the iCalendar object');
  return ok(out);
}

function convertCalendar(root: JCalComponent, method: JSCalendarEvent['method']): JSCalendarEvent[] {
  const zones = new ZoneContext(root);
  const byUid = new Map<string, { master?: JSCalendarEvent; overrides: JSCalendarEvent[] }>();
  for (const vevent of subcomponents(root, 'vevent')) {
    const event = convertEvent(vevent, zones);
    if (!event) continue;
    if (method) event.method = method;
    const entry = byUid.get(event.uid) ?? { overrides: [] };
    if (event.recurrenceId === undefined) entry.master ??= event;
    else entry.overrides.push(event);
    byUid.set(event.uid, entry);
  }
  const events: JSCalendarEvent[] = [];
  for (const { master, overrides } of byUid.values()) {
    if (!master) {
      events.push(...overrides); // iTIP may carry only the changed occurrences (RFC 5546 §2.1.5)
      continue;
    }
    for (const o of overrides) {
      master.recurrenceOverrides ??= {};
      master.recurrenceOverrides[o.recurrenceId!] = overridePatch(master, o);
    }
    events.push(master);
  }
  return events;
}

/** Keys that identify an occurrence rather than describe it: never part of a patch. */
const NOT_PATCHED = new Set([
  '@type',
  'uid',
  'method',
  'prodId',
  'recurrenceId',
  'recurrenceIdTimeZone',
  'recurrenceRules',
  'excludedRecurrenceRules',
  'recurrenceOverrides',
]);

/** RFC 8984 §4.3.5: an override is the set of top-level properties that differ from the master. */
function overridePatch(master: JSCalendarEvent, override: JSCalendarEvent): PatchObject {
  const patch: PatchObject = {};
  const m = master as unknown as Record<string, unknown>;
  const o = override as unknown as Record<string, unknown>;
  for (const key of new Set([...Object.keys(m), ...Object.keys(o)])) {
    if (NOT_PATCHED.has(key)) continue;
    if (JSON.stringify(m[key]) !== JSON.stringify(o[key])) patch[key] = o[key] ?? null;
  }
  // An override's own duration defaults to its DTSTART kind, like the master's.
  if (patch.duration === null) patch.duration = 'PT0S';
  return patch;
}

function convertEvent(vevent: JCalComponent, zones: ZoneContext): JSCalendarEvent | undefined {
  const uid = textValue(prop(vevent, 'uid'));
  const start = zones.readProperty(prop(vevent, 'dtstart'));
  if (!uid || !start) return undefined;
  const zone = start.zone;
  const event: JSCalendarEvent = { '@type': 'Event', uid, start: formatLocal(start.fields) };
  event.timeZone = zone ?? null;
  if (start.date) {
    event.showWithoutTime = true;
    event.timeZone = null;
  }
  const duration = eventDuration(vevent, zones, start);
  if (duration !== undefined && duration !== 0) event.duration = formatDuration(duration);

  const text = (name: string): string | undefined => textValue(prop(vevent, name));
  const title = text('summary');
  if (title !== undefined) event.title = title;
  const description = text('description');
  if (description !== undefined) event.description = description;
  const sequence = Number(text('sequence'));
  if (Number.isInteger(sequence) && sequence > 0) event.sequence = sequence;
  const stamp = zones.readProperty(prop(vevent, 'last-modified') ?? prop(vevent, 'dtstamp'));
  if (stamp?.zone === 'Etc/UTC') event.updated = `${formatLocal(stamp.fields)}Z`;
  const created = zones.readProperty(prop(vevent, 'created'));
  if (created?.zone === 'Etc/UTC') event.created = `${formatLocal(created.fields)}Z`;
  const privacy = PRIVACY[(text('class') ?? '').toUpperCase()];
  if (privacy) event.privacy = privacy;
  const transp = (text('transp') ?? '').toUpperCase();
  if (transp === 'TRANSPARENT') event.freeBusyStatus = 'free';
  else if (transp === 'OPAQUE') event.freeBusyStatus = 'busy';
  const status = STATUS[(text('status') ?? '').toUpperCase()];
  if (status) event.status = status;
  const priority = Number(text('priority'));
  if (Number.isInteger(priority) && priority > 0 && priority <= 9) event.priority = priority;
  const color = text('color');
  if (color) event.color = color;
  const keywords = props(vevent, 'categories').flatMap((p) => p.slice(3).map(String));
  if (keywords.length) event.keywords = Object.fromEntries(keywords.map((k) => [k, true as const]));
  const requestStatus = text('request-status');
  if (requestStatus) event.requestStatus = requestStatus;

  const recurrenceId = prop(vevent, 'recurrence-id');
  const rid = zones.readProperty(recurrenceId);
  if (rid) {
    event.recurrenceId = formatLocal(inZone(rid, zone));
    if (zone && !rid.date) event.recurrenceIdTimeZone = zone;
  }
  readRecurrence(vevent, zones, event, start);
  readLocations(vevent, event);
  readParticipants(vevent, event);
  const alerts = alertsFromIcal(vevent, zones);
  if (alerts) event.alerts = alerts;
  return event;
}

function eventDuration(vevent: JCalComponent, zones: ZoneContext, start: ZonedValue): number | undefined {
  const end = zones.readProperty(prop(vevent, 'dtend'));
  if (end)
    return Math.max(
      0,
      start.date && end.date
        ? toSeconds(end.fields) - toSeconds(start.fields)
        : instant(end) - instant(start),
    );
  const d = textValue(prop(vevent, 'duration'));
  const parsed = d === undefined ? undefined : parseDuration(d);
  if (parsed !== undefined) return Math.max(0, parsed);
  return start.date ? 86400 : undefined; // RFC 5545 §3.6.1: a DATE start lasts one day
}

/** RFC 8984 §4.3.3 until is in the event's zone; a UTC UNTIL is moved there. */
function untilInZone(untilText: string, zones: ZoneContext, zone: string | undefined): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(untilText);
  if (!m) return undefined;
  const value =
    m[4] === undefined
      ? `${m[1]}-${m[2]}-${m[3]}`
      : `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7] ?? ''}`;
  const read = zones.read(value, undefined);
  if (!read) return undefined;
  return formatLocal(read.zone === 'Etc/UTC' ? inZone(read, zone ?? 'Etc/UTC') : read.fields);
}

function readRules(
  vevent: JCalComponent,
  name: string,
  zones: ZoneContext,
  zone: string | undefined,
): RecurrenceRule[] {
  const rules: RecurrenceRule[] = [];
  for (const p of props(vevent, name)) {
    const textRule = recurText(p);
    const parsed = textRule === undefined ? undefined : parseRRule(textRule);
    if (!parsed?.ok) continue;
    const rule = { '@type': 'RecurrenceRule' as const, ...parsed.value.rule };
    if (parsed.value.untilText) {
      const until = untilInZone(parsed.value.untilText, zones, zone);
      if (until) rule.until = until;
    }
    rules.push(rule);
  }
  return rules;
}

function readRecurrence(
  vevent: JCalComponent,
  zones: ZoneContext,
  event: JSCalendarEvent,
  start: ZonedValue,
): void {
  const zone = start.zone;
  const rules = readRules(vevent, 'rrule', zones, zone);
  if (rules.length) event.recurrenceRules = rules;
  const excluded = readRules(vevent, 'exrule', zones, zone);
  if (excluded.length) event.excludedRecurrenceRules = excluded;
  const overrides: Record<string, PatchObject> = {};
  for (const p of props(vevent, 'rdate'))
    for (const v of zones.readAll(p)) overrides[formatLocal(inZone(v, zone))] = {};
  for (const p of props(vevent, 'exdate'))
    for (const v of zones.readAll(p)) {
      // An EXDATE of DATE kind excludes the occurrence on that day at the start's time.
      const f =
        v.date && !start.date
          ? { ...v.fields, hour: start.fields.hour, minute: start.fields.minute, second: start.fields.second }
          : inZone(v, zone);
      overrides[formatLocal(f)] = { excluded: true };
    }
  if (Object.keys(overrides).length) event.recurrenceOverrides = overrides;
}

function readLocations(vevent: JCalComponent, event: JSCalendarEvent): void {
  const locations: Record<string, Location> = {};
  props(vevent, 'location').forEach((p, i) => {
    const name = textValue(p);
    if (name) locations[`l${i + 1}`] = { '@type': 'Location', name };
  });
  const geo = prop(vevent, 'geo');
  if (geo && Array.isArray(geo[3])) {
    const [lat, lon] = geo[3] as number[];
    const target = locations.l1 ?? (locations.l1 = { '@type': 'Location' });
    target.coordinates = `geo:${lat},${lon}`;
  }
  if (Object.keys(locations).length) event.locations = locations;

  const virtual: Record<string, VirtualLocation> = {};
  props(vevent, 'conference').forEach((p, i) => {
    const uri = textValue(p);
    if (!uri) return;
    const v: VirtualLocation = { '@type': 'VirtualLocation', uri };
    const label = param(p, 'label');
    if (label) v.name = label;
    const features = (p[1].feature === undefined ? [] : ([] as string[]).concat(p[1].feature)).flatMap((f) =>
      f.toLowerCase().split(','),
    );
    const known = features.filter((f) =>
      ['audio', 'chat', 'feed', 'moderator', 'phone', 'screen', 'video'].includes(f),
    );
    if (known.length) v.features = Object.fromEntries(known.map((f) => [f, true]));
    virtual[`v${i + 1}`] = v;
  });
  // Teams and Google put their meeting link in vendor properties rather than CONFERENCE.
  for (const name of ['x-microsoft-skypeteamsmeetingurl', 'x-google-conference']) {
    const uri = textValue(prop(vevent, name));
    if (uri && !Object.values(virtual).some((v) => v.uri === uri))
      virtual[`v${Object.keys(virtual).length + 1}`] = { '@type': 'VirtualLocation', uri };
  }
  if (Object.keys(virtual).length) event.virtualLocations = virtual;

  const url = textValue(prop(vevent, 'url'));
  if (url) event.links = { k1: { '@type': 'Link', href: url } };
}
