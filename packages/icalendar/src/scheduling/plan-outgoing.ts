/**
 * The organizer's side of RFC 5546 (REQUEST, CANCEL) and the attendee's (REPLY): from a copy
 * before and after a change, the iTIP messages the change requires and the copy to store.
 */
import type { JSCalendarEvent, LocalDateTime, Participant, PatchObject } from '../types.js';
import {
  emailOf,
  findParticipant,
  instanceOf,
  organizerOf,
  scheduledAttendees,
  setInOccurrence,
  withinLimits,
} from './event-parts.js';
import type { OutgoingPlan, PlannedMessage, SchedulingLimits, SchedulingResult } from './types.js';
import { SCHEDULING_LIMITS, done, refuse } from './types.js';

export interface PlanOptions {
  limits?: Partial<SchedulingLimits>;
  /**
   * On a change of time or recurrence, ask every attendee again: PARTSTAT back to NEEDS-ACTION
   * with RSVP (their answer was for another time; only they may answer, RFC 5546 §3.2.3). Default true.
   */
  resetOnReschedule?: boolean;
}

/** What an attendee says, and what the organizer keeps from replies: not the organizer's to change. */
const RESPONSE_FIELDS = [
  'participationStatus',
  'participationComment',
  'scheduleSequence',
  'scheduleUpdated',
  'scheduleStatus',
] as const;
/** Never compared: bookkeeping, the recipient's own settings, and the recurrence set (compared apart). */
const NOT_COMPARED = new Set([
  'updated',
  'created',
  'sequence',
  'method',
  'prodId',
  'alerts',
  'useDefaultAlerts',
  'color',
  'recurrenceOverrides',
  'participants',
]);
/** RFC 5546 §2.1.4 / RFC 5545 §3.8.7.4: changes that make earlier answers obsolete. */
const TIME_KEYS = [
  'start',
  'duration',
  'timeZone',
  'showWithoutTime',
  'recurrenceRules',
  'excludedRecurrenceRules',
];
const SIGNIFICANT_KEYS = [...TIME_KEYS, 'status', 'locations'];

type Bag = Record<string, unknown>;
const json = (v: unknown): string => JSON.stringify(v ?? null);

function withoutResponses(participants: Record<string, Participant> | undefined): unknown {
  return Object.fromEntries(
    Object.entries(participants ?? {}).map(([id, p]) => {
      const copy: Bag = { ...p };
      for (const f of RESPONSE_FIELDS) delete copy[f];
      return [id, copy];
    }),
  );
}

/** Which keys differ between two events (participants compared without their answers). */
function changedKeys(a: JSCalendarEvent, b: JSCalendarEvent): Set<string> {
  const x = a as unknown as Bag;
  const y = b as unknown as Bag;
  const keys = new Set<string>();
  for (const key of new Set([...Object.keys(x), ...Object.keys(y)]))
    if (!NOT_COMPARED.has(key) && json(x[key]) !== json(y[key])) keys.add(key);
  if (json(withoutResponses(a.participants)) !== json(withoutResponses(b.participants)))
    keys.add('participants');
  return keys;
}

/** The recurrence set as RDATE/EXDATE keys: `{}` adds an occurrence, `{excluded}` removes one. */
function recurrenceSet(event: JSCalendarEvent): string {
  const entries = Object.entries(event.recurrenceOverrides ?? {})
    .filter(([, p]) => Object.keys(p).length === 0)
    .map(([k]) => k)
    .sort();
  return entries.join(',');
}

const isExcluded = (p: PatchObject | undefined): boolean => p?.excluded === true;

function message(
  method: PlannedMessage['method'],
  recipients: string[],
  event: JSCalendarEvent,
  options: PlannedMessage['options'] = {},
): PlannedMessage {
  return { method, recipients: [...new Set(recipients)].sort(), event, options };
}

function resetAnswers(
  participants: Record<string, Participant> | undefined,
  organizer: string,
): Record<string, Participant> | undefined {
  if (!participants) return participants;
  return Object.fromEntries(
    Object.entries(participants).map(([id, p]) => {
      const email = emailOf(p.sendTo?.imip ?? p.email ?? '');
      if (email === organizer || p.roles.owner) return [id, p];
      const { participationComment: _c, ...rest } = p;
      return [id, { ...rest, participationStatus: 'needs-action', expectReply: true }];
    }),
  );
}

/**
 * The iTIP messages an organizer's or attendee's change requires (RFC 5546 §3.2), and the copy to
 * store. `before` undefined is a creation, `after` undefined a destruction; `actor` is the calendar
 * address of whoever changed the event: the organizer gets REQUEST/CANCEL (SEQUENCE bumped on a
 * significant change, RFC 5546 §2.1.4; per occurrence when only overrides changed), an attendee
 * gets a REPLY when their own participationStatus changed (per occurrence when only one did).
 */
export function planOutgoing(
  before: JSCalendarEvent | undefined,
  after: JSCalendarEvent | undefined,
  actor: string,
  options: PlanOptions = {},
): SchedulingResult<OutgoingPlan> {
  const limits = { ...SCHEDULING_LIMITS, ...options.limits };
  const reference = after ?? before;
  if (!reference) return done({ event: undefined, messages: [] });
  if (before && after && before.uid !== after.uid)
    return refuse('bad-value', 'before and after are different events (UID)');
  const checked = withinLimits(after, limits);
  if (!checked.ok) return checked;
  const organizer = organizerOf(reference);
  if (!organizer) return done({ event: after && structuredClone(after), messages: [] }); // not a scheduled event
  if (emailOf(actor) === organizer)
    return done(planOrganizer(before, after, organizer, options.resetOnReschedule ?? true));
  if (!findParticipant(reference, actor))
    return refuse('forbidden', `${emailOf(actor)} is neither the organizer nor an attendee of this event`);
  return done(planAttendee(before, after, actor, organizer));
}

function planOrganizer(
  before: JSCalendarEvent | undefined,
  after: JSCalendarEvent | undefined,
  organizer: string,
  reset: boolean,
): OutgoingPlan {
  if (!after) {
    // Destroyed: everyone is told, with a SEQUENCE above any they hold (RFC 5546 §3.2.5).
    const sent = { ...before!, status: 'cancelled' as const, sequence: (before!.sequence ?? 0) + 1 };
    const to = scheduledAttendees(before!);
    return { event: undefined, messages: to.length ? [message('cancel', to, sent)] : [] };
  }
  if (!before) {
    const created = structuredClone(after);
    if (after.status === 'cancelled') return { event: created, messages: [] };
    const to = scheduledAttendees(after);
    return { event: created, messages: to.length ? [message('request', to, created)] : [] };
  }
  const next: JSCalendarEvent = structuredClone(after);
  dropRemovedFromOverrides(next);
  const messages: PlannedMessage[] = [];
  const nextSequence = (): number =>
    (after.sequence ?? 0) > (before.sequence ?? 0) ? after.sequence! : (before.sequence ?? 0) + 1;

  if (after.status === 'cancelled' && before.status !== 'cancelled') {
    next.sequence = nextSequence();
    const to = [...new Set([...scheduledAttendees(before), ...scheduledAttendees(after)])];
    if (to.length) messages.push(message('cancel', to, next));
    return { event: next, messages };
  }

  const changed = changedKeys(before, after);
  const recurrenceChanged =
    recurrenceSet(before) !== recurrenceSet(after) ||
    Object.entries(before.recurrenceOverrides ?? {}).some(
      ([k, p]) => isExcluded(p) && !isExcluded(after.recurrenceOverrides?.[k]),
    );
  const significant = recurrenceChanged || SIGNIFICANT_KEYS.some((k) => changed.has(k));
  // Answers are asked again only when the time or the rule moved, not for an added or restored date.
  const retimed = TIME_KEYS.some((k) => changed.has(k));
  const kept = scheduledAttendees(after);
  const removed = scheduledAttendees(before).filter((a) => !kept.includes(a));
  const added = kept.filter((a) => !scheduledAttendees(before).includes(a));

  if (significant) next.sequence = nextSequence();
  if (retimed && reset) {
    next.participants = resetAnswers(next.participants, organizer);
    forgetOccurrenceAnswers(next);
  }
  if (removed.length) {
    // RFC 5546 §3.2.5: removed attendees get a CANCEL naming them.
    const gone: JSCalendarEvent = {
      ...structuredClone(before),
      sequence: next.sequence,
      participants: Object.fromEntries(
        Object.entries(before.participants ?? {}).filter(
          ([, p]) => p.roles.owner || removed.includes(emailOf(p.sendTo?.imip ?? p.email ?? '')),
        ),
      ),
    };
    dropRemovedFromOverrides(gone);
    messages.push(message('cancel', removed, gone));
  }
  // Attendees only added or removed (the others' entries unchanged): only the new ones are invited.
  const stayed = kept.filter((a) => !added.includes(a));
  const onlyAttendeeSet =
    changed.size === 1 &&
    changed.has('participants') &&
    !recurrenceChanged &&
    json(withoutResponses(keptOnly(before, stayed))) === json(withoutResponses(keptOnly(after, stayed)));
  if (changed.size > 0 || recurrenceChanged) {
    // A whole REQUEST carries the overrides too, so no per-occurrence message is needed.
    const to = onlyAttendeeSet ? added : kept;
    if (to.length) messages.push(message('request', to, next));
    messages.push(...occurrenceCancels(before, after, next));
    return { event: next, messages };
  }
  if (added.length) messages.push(message('request', added, next));
  messages.push(...occurrenceMessages(before, after, next, organizer, reset));
  return { event: next, messages };
}

/** After a reschedule of the series, answers given for single occurrences are for the old time too. */
function forgetOccurrenceAnswers(event: JSCalendarEvent): void {
  const answer = new RegExp(`^participants/[^/]+/(${RESPONSE_FIELDS.join('|')})$`);
  for (const [key, patch] of Object.entries(event.recurrenceOverrides ?? {})) {
    const paths = Object.keys(patch).filter((path) => answer.test(path));
    if (paths.length === 0) continue;
    const kept = { ...patch };
    for (const path of paths) delete kept[path];
    if (Object.keys(kept).length === 0) delete event.recurrenceOverrides![key];
    else event.recurrenceOverrides![key] = kept;
  }
}

/** Override paths about participants the event no longer has (their answers) go with them. */
function dropRemovedFromOverrides(event: JSCalendarEvent): void {
  for (const [key, patch] of Object.entries(event.recurrenceOverrides ?? {})) {
    const stale = Object.keys(patch).filter((path) => {
      const m = /^participants\/([^/]+)\//.exec(path);
      return m !== null && !event.participants?.[m[1]!];
    });
    if (stale.length === 0) continue;
    const kept = { ...patch };
    for (const path of stale) delete kept[path];
    // An empty patch would read as an added occurrence (RDATE): the override goes entirely.
    if (Object.keys(kept).length === 0) delete event.recurrenceOverrides![key];
    else event.recurrenceOverrides![key] = kept;
  }
}

/** The participants of `event` that are in `kept` (or the organizer). */
function keptOnly(event: JSCalendarEvent, kept: string[]): Record<string, Participant> {
  return Object.fromEntries(
    Object.entries(event.participants ?? {}).filter(
      ([, p]) => p.roles.owner || kept.includes(emailOf(p.sendTo?.imip ?? p.email ?? '')),
    ),
  );
}

/** Occurrences newly excluded: each gets its CANCEL (RFC 5546 §3.2.5, with RECURRENCE-ID). */
function occurrenceCancels(
  before: JSCalendarEvent,
  after: JSCalendarEvent,
  next: JSCalendarEvent,
): PlannedMessage[] {
  const out: PlannedMessage[] = [];
  for (const [key, patch] of Object.entries(after.recurrenceOverrides ?? {})) {
    if (!isExcluded(patch) || isExcluded(before.recurrenceOverrides?.[key])) continue;
    const was = instanceOf(before, key);
    const to = scheduledAttendees(was);
    const sent: JSCalendarEvent = {
      ...before,
      sequence: Math.max(next.sequence ?? 0, (was.sequence ?? 0) + 1),
    };
    if (to.length) out.push(message('cancel', to, sent, { recurrenceId: key }));
  }
  return out;
}

/** Only overrides changed: one message per changed occurrence, the occurrence's SEQUENCE bumped when significant. */
function occurrenceMessages(
  before: JSCalendarEvent,
  after: JSCalendarEvent,
  next: JSCalendarEvent,
  organizer: string,
  reset: boolean,
): PlannedMessage[] {
  const out: PlannedMessage[] = occurrenceCancels(before, after, next);
  const keys = new Set([
    ...Object.keys(before.recurrenceOverrides ?? {}),
    ...Object.keys(after.recurrenceOverrides ?? {}),
  ]);
  for (const key of [...keys].sort()) {
    const bp = before.recurrenceOverrides?.[key];
    const ap = after.recurrenceOverrides?.[key];
    if (isExcluded(ap) || isExcluded(bp)) continue;
    const was = instanceOf(before, key);
    const now = instanceOf(after, key);
    const changed = changedKeys(was, now);
    if (changed.size === 0) continue;
    const stillThere = scheduledAttendees(now);
    const gone = scheduledAttendees(was).filter((a) => !stillThere.includes(a));
    const bumped = (now.sequence ?? 0) > (was.sequence ?? 0) ? now.sequence! : (was.sequence ?? 0) + 1;
    if (SIGNIFICANT_KEYS.some((k) => changed.has(k))) setOverrideSequence(next, key, bumped);
    if (reset && TIME_KEYS.some((k) => changed.has(k)))
      for (const [id, p] of Object.entries(instanceOf(next, key).participants ?? {}))
        if (!p.roles.owner && emailOf(p.sendTo?.imip ?? p.email ?? '') !== organizer)
          setInOccurrence(next, key, id, { participationStatus: 'needs-action', expectReply: true });
    const sequence = instanceOf(next, key).sequence ?? 0;
    if (gone.length) out.push(message('cancel', gone, { ...before, sequence }, { recurrenceId: key }));
    if (now.status === 'cancelled' && was.status !== 'cancelled') {
      if (stillThere.length) out.push(message('cancel', stillThere, next, { recurrenceId: key }));
    } else if (stillThere.length) out.push(message('request', stillThere, next, { recurrenceId: key }));
  }
  return out;
}

function setOverrideSequence(event: JSCalendarEvent, key: LocalDateTime, sequence: number): void {
  event.recurrenceOverrides ??= {};
  const patch = { ...(event.recurrenceOverrides[key] ?? {}) };
  if (sequence === (event.sequence ?? 0)) delete patch.sequence;
  else patch.sequence = sequence;
  event.recurrenceOverrides[key] = patch;
}

function planAttendee(
  before: JSCalendarEvent | undefined,
  after: JSCalendarEvent | undefined,
  actor: string,
  organizer: string,
): OutgoingPlan {
  const reply = (
    event: JSCalendarEvent,
    p: Participant | undefined,
    recurrenceId?: LocalDateTime,
  ): PlannedMessage =>
    message('reply', [organizer], event, {
      attendee: actor,
      participationStatus: p?.participationStatus ?? 'needs-action',
      ...(recurrenceId ? { recurrenceId } : {}),
      ...(p?.participationComment ? { comment: p.participationComment } : {}),
    });
  const mine = (event: JSCalendarEvent | undefined): Participant | undefined =>
    event ? findParticipant(event, actor)?.[1] : undefined;
  if (!after) {
    // An attendee who deletes an invitation declines it, unless they already had.
    const p = mine(before);
    const declined = p?.participationStatus === 'declined';
    return {
      event: undefined,
      messages: before && p && !declined ? [reply(before, { ...p, participationStatus: 'declined' })] : [],
    };
  }
  const messages: PlannedMessage[] = [];
  const answer = (p: Participant | undefined): string =>
    json([p?.participationStatus ?? 'needs-action', p?.participationComment]);
  const wholeChanged = answer(mine(before)) !== answer(mine(after));
  if (wholeChanged) messages.push(reply(after, mine(after)));
  for (const [key, patch] of Object.entries(after.recurrenceOverrides ?? {})) {
    if (isExcluded(patch)) continue;
    const was = before ? mine(instanceOf(before, key)) : undefined;
    const now = mine(instanceOf(after, key));
    if (answer(was) === answer(now)) continue;
    // When the whole-event answer changed too, an occurrence only needs its own REPLY if it differs.
    if (wholeChanged && answer(now) === answer(mine(after))) continue;
    if (now) messages.push(reply(after, now, key));
  }
  return { event: structuredClone(after), messages };
}
