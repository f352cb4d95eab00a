/**
 * Messages an attendee sends, applied to the organizer's copy: REPLY (RFC 5546 §3.2.3), REFRESH
 * (§3.2.6) and COUNTER (§3.2.7); whole event or one occurrence.
 */
import { parseDuration } from '../date-time.js';
import { expandOccurrences } from '../expand.js';
import type { ItipAttendee, ItipItem } from '../itip-parse.js';
import { isNewerItip } from '../itip-parse.js';
import type { JSCalendarEvent, LocalDateTime } from '../types.js';
import type { ApplyContext } from './apply-context.js';
import { itemKey, speaksFor } from './apply-context.js';
import {
  emailOf,
  findParticipant,
  instanceOf,
  moveLocal,
  organizerOf,
  sameAddress,
  setInOccurrence,
  utcOf,
} from './event-parts.js';
import type { IncomingOutcome, PlannedMessage, SchedulingResult } from './types.js';
import { done, refuse } from './types.js';

/** Is `key` an occurrence of `event` (a rule's, an RDATE's or an override's, not excluded)? */
export function isOccurrence(event: JSCalendarEvent, key: LocalDateTime): boolean {
  if (event.recurrenceId !== undefined) return event.recurrenceId === key;
  const patch = event.recurrenceOverrides?.[key];
  if (patch) return patch.excluded !== true;
  if (!event.recurrenceRules?.length) return false;
  const utc = utcOf(key, event.timeZone);
  if (!utc) return false;
  const t = Date.parse(utc);
  const span = 2 * 86400_000 + (parseDuration(event.duration ?? 'PT0S') ?? 0) * 1000;
  const found = expandOccurrences(event, new Date(t - span), new Date(t + span), { maxInstances: 1000 });
  return found.ok && found.value.occurrences.some((o) => o.recurrenceId === key);
}

/** The attendee a REPLY/REFRESH/COUNTER speaks for: the one the sender may speak for. */
function speaker(ctx: ApplyContext, item: ItipItem): SchedulingResult<ItipAttendee> {
  // A COUNTER may list every attendee (Thunderbird does); the proposer is the one who sent it,
  // and never the organizer, who changes the event instead.
  const organizer = ctx.current ? organizerOf(ctx.current) : undefined;
  const candidates =
    ctx.message.method === 'counter'
      ? item.attendees.filter((a) => !sameAddress(a.address, organizer))
      : item.attendees.slice(0, 1);
  const found = candidates.find((a) => speaksFor(ctx.current, a.address, ctx.sender));
  if (!found)
    return refuse(
      'forbidden',
      `${ctx.message.method.toUpperCase()} from ${emailOf(ctx.sender)}, who is not the attendee it speaks for`,
    );
  if (!ctx.current || !findParticipant(ctx.current, found.address))
    return refuse('unknown-attendee', `${emailOf(found.address)} is not an attendee of this event`);
  return done(found);
}

function occurrenceOf(ctx: ApplyContext, item: ItipItem): SchedulingResult<LocalDateTime | undefined> {
  const key = itemKey(item, ctx.current!.timeZone);
  if (key !== undefined && key !== ctx.current!.recurrenceId && !isOccurrence(ctx.current!, key))
    return refuse('unknown-occurrence', `${key} is not an occurrence of this event`);
  return done(key === ctx.current!.recurrenceId ? undefined : key);
}

function applyReply(ctx: ApplyContext): SchedulingResult<IncomingOutcome> {
  const current = ctx.current!;
  const next: JSCalendarEvent = structuredClone(current);
  let applied = 0;
  for (const item of ctx.message.items) {
    const who = speaker(ctx, item);
    if (!who.ok) return who;
    const status = who.value.participationStatus;
    if (!status) return refuse('bad-value', 'a REPLY without PARTSTAT (RFC 5546 §3.2.3)');
    const key = occurrenceOf(ctx, item);
    if (!key.ok) return key;
    const [id] = findParticipant(current, who.value.address)!;
    const held = key.value === undefined ? next : instanceOf(next, key.value);
    const p = held.participants?.[id];
    // A REPLY to an older version, or older than the last one applied, changes nothing (§2.1.5).
    if (item.sequence < (held.sequence ?? 0)) continue;
    if (
      p?.scheduleUpdated &&
      !isNewerItip(item, { sequence: p.scheduleSequence ?? 0, dtstamp: p.scheduleUpdated })
    )
      continue;
    const fields = {
      participationStatus: status,
      scheduleSequence: item.sequence,
      scheduleUpdated: item.dtstamp,
      participationComment: item.comment,
    };
    if (key.value === undefined) {
      const updated = { ...next.participants![id]!, ...fields };
      if (item.comment === undefined) delete updated.participationComment;
      next.participants![id] = updated;
    } else setInOccurrence(next, key.value, id, fields);
    applied++;
  }
  return applied
    ? done({ action: 'update', event: next })
    : done({ action: 'ignore', reason: 'stale', detail: 'the REPLY is older than what the copy holds' });
}

function applyRefresh(ctx: ApplyContext): SchedulingResult<IncomingOutcome> {
  const messages: PlannedMessage[] = [];
  for (const item of ctx.message.items) {
    const who = speaker(ctx, item);
    if (!who.ok) return who;
    const key = occurrenceOf(ctx, item);
    if (!key.ok) return key;
    messages.push({
      method: 'request',
      recipients: [emailOf(who.value.address)],
      event: ctx.current!,
      options: key.value === undefined ? {} : { recurrenceId: key.value },
    });
  }
  return done({ action: 'respond', messages });
}

function applyCounter(ctx: ApplyContext): SchedulingResult<IncomingOutcome> {
  const current = ctx.current!;
  const item = ctx.message.items[0]!;
  const who = speaker(ctx, item);
  if (!who.ok) return who;
  const key = occurrenceOf(ctx, item);
  if (!key.ok) return key;
  const proposed = ctx.message.events[0];
  if (!proposed) return refuse('bad-value', 'a COUNTER without the proposed event (RFC 5546 §3.2.7)');
  const held = key.value === undefined ? current : instanceOf(current, key.value);
  if (item.sequence < (held.sequence ?? 0))
    return done({
      action: 'ignore',
      reason: 'stale',
      detail: 'the COUNTER answers an older version of the event',
    });
  const zone = current.timeZone ?? null;
  const start = moveLocal(proposed.start, proposed.timeZone, zone);
  const duration = proposed.duration ?? 'PT0S';
  const utcStart = utcOf(start, zone)!;
  const utcEnd = new Date(Date.parse(utcStart) + (parseDuration(duration) ?? 0) * 1000)
    .toISOString()
    .replace(/\.\d+Z$/, 'Z');
  return done({
    action: 'counter',
    proposal: {
      uid: current.uid,
      from: emailOf(who.value.address),
      ...(key.value !== undefined ? { recurrenceId: key.value } : {}),
      start,
      timeZone: zone,
      duration,
      utcStart,
      utcEnd,
      ...(item.comment ? { comment: item.comment } : {}),
      sequence: item.sequence,
      dtstamp: item.dtstamp,
    },
  });
}

export function applyAttendeeMessage(ctx: ApplyContext): SchedulingResult<IncomingOutcome> {
  if (!ctx.current)
    return refuse(
      'not-found',
      `${ctx.message.method.toUpperCase()} for an event this organizer does not hold`,
    );
  switch (ctx.message.method) {
    case 'reply':
      return applyReply(ctx);
    case 'refresh':
      return applyRefresh(ctx);
    case 'counter':
      return applyCounter(ctx);
    default:
      return refuse('bad-method', `${ctx.message.method.toUpperCase()} is not an attendee's message`);
  }
}
