/**
 * Who is who in an event (organizer, attendees, by address) and its occurrences as plain events,
 * shared by the outgoing and incoming halves of the scheduling engine.
 */
import { localFromSeconds, parseLocal, toSeconds } from '../date-time.js';
import { applyPatch } from '../patch.js';
import { participantAddress } from '../participants-to-ical.js';
import { localToUtc, utcToLocal } from '../time-zones.js';
import type { JSCalendarEvent, LocalDateTime, Participant, PatchObject } from '../types.js';
import type { SchedulingLimits, SchedulingResult } from './types.js';
import { done, refuse } from './types.js';

/** A calendar address as a bare lower-case email (`mailto:` dropped). */
export const emailOf = (address: string): string =>
  address
    .trim()
    .replace(/^mailto:/i, '')
    .toLowerCase();

export const sameAddress = (a: string | undefined, b: string | undefined): boolean =>
  a !== undefined && b !== undefined && emailOf(a) === emailOf(b);

export function organizerOf(event: JSCalendarEvent): string | undefined {
  const owner = Object.values(event.participants ?? {}).find((p) => p.roles.owner);
  const address = event.replyTo?.imip ?? (owner ? participantAddress(owner) : undefined);
  return address ? emailOf(address) : undefined;
}

export const isAttendee = (p: Participant): boolean =>
  Boolean(p.roles.attendee || p.roles.optional || p.roles.informational || p.roles.chair);

export function findParticipant(event: JSCalendarEvent, address: string): [string, Participant] | undefined {
  return Object.entries(event.participants ?? {}).find(([, p]) =>
    sameAddress(participantAddress(p), address),
  );
}

/**
 * The attendees the organizer's server schedules (RFC 6638 SCHEDULE-AGENT: not CLIENT or NONE),
 * as emails, without the organizer.
 */
export function scheduledAttendees(event: JSCalendarEvent): string[] {
  const organizer = organizerOf(event);
  const out = new Set<string>();
  for (const p of Object.values(event.participants ?? {})) {
    const address = participantAddress(p);
    if (!address || !isAttendee(p) || p.scheduleAgent === 'client' || p.scheduleAgent === 'none') continue;
    const email = emailOf(address);
    if (email !== organizer) out.add(email);
  }
  return [...out];
}

/** Keys that identify an occurrence or the recurrence set: never in an occurrence's patch. */
const IDENTITY = new Set([
  '@type',
  'uid',
  'method',
  'prodId',
  'recurrenceId',
  'recurrenceIdTimeZone',
  'recurrenceRules',
  'excludedRecurrenceRules',
  'recurrenceOverrides',
  'excluded',
]);
/** The recipient's own settings, which a message never carries and never replaces. */
export const PRIVATE_KEYS = ['alerts', 'useDefaultAlerts', 'color'] as const;

/** One occurrence of `event` as a plain event: the override applied, no recurrence, no id. */
export function instanceOf(
  event: JSCalendarEvent,
  recurrenceId: LocalDateTime,
  withPatch = true,
): JSCalendarEvent {
  const patch = withPatch ? (event.recurrenceOverrides?.[recurrenceId] ?? {}) : {};
  const instance = applyPatch({ ...event, start: recurrenceId }, patch);
  for (const key of IDENTITY)
    if (key !== '@type' && key !== 'uid') delete (instance as unknown as Record<string, unknown>)[key];
  // A patch path about a participant the master no longer has leaves a fragment without roles.
  if (instance.participants)
    instance.participants = Object.fromEntries(
      Object.entries(instance.participants).filter(
        ([, p]) => typeof p?.roles === 'object' && p.roles !== null,
      ),
    );
  return instance;
}

/** RFC 8984 §4.3.5: the top-level properties of `instance` that differ from the plain occurrence. */
export function occurrencePatch(
  master: JSCalendarEvent,
  recurrenceId: LocalDateTime,
  instance: JSCalendarEvent,
): PatchObject {
  const base = instanceOf(master, recurrenceId, false) as unknown as Record<string, unknown>;
  const next = instance as unknown as Record<string, unknown>;
  const patch: PatchObject = {};
  for (const key of new Set([...Object.keys(base), ...Object.keys(next)])) {
    if (IDENTITY.has(key) || (PRIVATE_KEYS as readonly string[]).includes(key)) continue;
    if (JSON.stringify(base[key]) !== JSON.stringify(next[key])) patch[key] = next[key] ?? null;
  }
  return patch;
}

/** A LocalDateTime in `from` moved to the same instant in `to` (floating and all-day stay as they are). */
export function moveLocal(
  local: LocalDateTime,
  from: string | null | undefined,
  to: string | null | undefined,
): LocalDateTime {
  const f = parseLocal(local);
  if (!f || !from || !to || from === to) return local;
  return localFromSeconds(utcToLocal(to, localToUtc(from, toSeconds(f))));
}

/** The UTC instant of a LocalDateTime in `zone` (floating read as UTC). */
export function utcOf(local: LocalDateTime, zone: string | null | undefined): string | undefined {
  const f = parseLocal(local);
  if (!f) return undefined;
  return `${localFromSeconds(zone ? localToUtc(zone, toSeconds(f)) : toSeconds(f))}Z`;
}

/** The (SEQUENCE, DTSTAMP) a copy was last updated at, for RFC 5546 §2.1.5 ordering. */
export const versionOf = (event: JSCalendarEvent): { sequence: number; dtstamp: string } => ({
  sequence: event.sequence ?? 0,
  dtstamp: event.updated ?? '1970-01-01T00:00:00Z',
});

/** Checks the explicit size limits on an event that is about to be stored or sent. */
export function withinLimits(
  event: JSCalendarEvent | undefined,
  limits: SchedulingLimits,
): SchedulingResult<true> {
  if (!event) return done(true);
  const participants = Object.keys(event.participants ?? {}).length;
  if (participants > limits.maxParticipants)
    return refuse('limit', `${participants} participants exceed the limit of ${limits.maxParticipants}`);
  const overrides = Object.keys(event.recurrenceOverrides ?? {}).length;
  if (overrides > limits.maxOverrides)
    return refuse('limit', `${overrides} recurrence overrides exceed the limit of ${limits.maxOverrides}`);
  return done(true);
}

/**
 * Sets fields of one participant in one occurrence: in the override's `participants` object when
 * the override replaces it, else as RFC 8984 patch paths (`participants/<id>/<field>`).
 */
export function setInOccurrence(
  event: JSCalendarEvent,
  recurrenceId: LocalDateTime,
  participantId: string,
  fields: Partial<Participant>,
): void {
  event.recurrenceOverrides ??= {};
  const patch = { ...(event.recurrenceOverrides[recurrenceId] ?? {}) };
  const own = patch.participants as Record<string, Participant> | undefined;
  if (own && typeof own === 'object') {
    const current = own[participantId];
    if (current) patch.participants = { ...own, [participantId]: { ...current, ...fields } };
  } else {
    const whole = patch[`participants/${participantId}`] as Participant | undefined;
    if (whole) patch[`participants/${participantId}`] = { ...whole, ...fields };
    else for (const [k, v] of Object.entries(fields)) patch[`participants/${participantId}/${k}`] = v ?? null;
  }
  event.recurrenceOverrides[recurrenceId] = patch;
}
