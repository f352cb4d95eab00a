/**
 * Messages an organizer sends, applied to an attendee's copy: REQUEST (RFC 5546 §3.2.2), ADD
 * (§3.2.4), CANCEL (§3.2.5) and DECLINECOUNTER (§3.2.8); whole event or one occurrence.
 */
import type { ItipItem } from '../itip-parse.js';
import { isNewerItip } from '../itip-parse.js';
import type { JSCalendarEvent } from '../types.js';
import type { ApplyContext } from './apply-context.js';
import { itemKey } from './apply-context.js';
import {
  PRIVATE_KEYS,
  emailOf,
  findParticipant,
  instanceOf,
  moveLocal,
  occurrencePatch,
  versionOf,
} from './event-parts.js';
import type { IncomingOutcome, SchedulingResult } from './types.js';
import { done, refuse } from './types.js';

const stale = (detail: string): SchedulingResult<IncomingOutcome> =>
  done({ action: 'ignore', reason: 'stale', detail });
const update = (event: JSCalendarEvent): SchedulingResult<IncomingOutcome> =>
  done({ action: 'update', event });

/** What the organizer sent, kept with the recipient's own settings (alerts, colour, and answer). */
function received(
  incoming: JSCalendarEvent,
  item: ItipItem,
  held: JSCalendarEvent | undefined,
  recipient: string | undefined,
): JSCalendarEvent {
  const next: JSCalendarEvent = structuredClone(incoming);
  delete next.method;
  next.updated = item.dtstamp;
  if (!held) {
    // A new invitation: the organizer's alarms are theirs; the recipient's calendar defaults apply.
    delete next.alerts;
    next.useDefaultAlerts = true;
    return next;
  }
  const bag = next as unknown as Record<string, unknown>;
  for (const key of PRIVATE_KEYS) {
    const own = (held as unknown as Record<string, unknown>)[key];
    if (own === undefined) delete bag[key];
    else bag[key] = own;
  }
  // Same version: the recipient's answer may be newer than what the organizer had (§2.1.5).
  const mine =
    recipient && (held.sequence ?? 0) === item.sequence ? findParticipant(held, recipient) : undefined;
  const theirs = recipient ? findParticipant(next, recipient) : undefined;
  if (mine && theirs) {
    const { participationStatus, participationComment } = mine[1];
    next.participants![theirs[0]] = { ...theirs[1], participationStatus, participationComment };
    if (participationComment === undefined) delete next.participants![theirs[0]]!.participationComment;
  }
  return next;
}

/** An occurrence received in another zone, moved to the copy's zone (same instant). */
function inZoneOf(incoming: JSCalendarEvent, current: JSCalendarEvent): JSCalendarEvent {
  if (!incoming.timeZone || !current.timeZone || incoming.timeZone === current.timeZone) return incoming;
  return {
    ...incoming,
    start: moveLocal(incoming.start, incoming.timeZone, current.timeZone),
    timeZone: current.timeZone,
  };
}

function applyRequest(ctx: ApplyContext): SchedulingResult<IncomingOutcome> {
  const { current, message } = ctx;
  const masterItem = message.items.find((i) => i.recurrenceId === undefined);
  const master = message.events.find((e) => e.recurrenceId === undefined);
  if (master && masterItem) {
    if (current && !isNewerItip(masterItem, versionOf(current)))
      return stale(
        `REQUEST SEQUENCE ${masterItem.sequence} is not newer than the copy's ${current.sequence ?? 0}`,
      );
    return update(received(master, masterItem, current, ctx.recipient));
  }
  // Only occurrences (RFC 5546 §3.2.2 with RECURRENCE-ID): each updates its override.
  if (!current) {
    const first = message.events[0]!;
    return update(received(first, message.items[0]!, undefined, ctx.recipient));
  }
  let next: JSCalendarEvent = structuredClone(current);
  let applied = 0;
  message.items.forEach((item, index) => {
    const incoming = message.events[index];
    const key = itemKey(item, current.timeZone);
    if (!incoming || key === undefined) return;
    if (next.recurrenceId !== undefined) {
      // The copy is a lone occurrence (the recipient was invited to this one only).
      if (key !== next.recurrenceId || !isNewerItip(item, versionOf(next))) return;
      next = {
        ...received(incoming, item, next, ctx.recipient),
        recurrenceId: next.recurrenceId,
        recurrenceIdTimeZone: next.recurrenceIdTimeZone ?? null,
      };
      applied++;
      return;
    }
    const held = instanceOf(next, key);
    if (!isNewerItip(item, versionOf(held))) return;
    const instance = received(inZoneOf(incoming, current), item, held, ctx.recipient);
    next.recurrenceOverrides = { ...next.recurrenceOverrides, [key]: occurrencePatch(next, key, instance) };
    applied++;
  });
  return applied ? update(next) : stale('no occurrence in the REQUEST is newer than the copy');
}

function applyCancel(ctx: ApplyContext): SchedulingResult<IncomingOutcome> {
  const { current, message } = ctx;
  if (!current)
    return done({ action: 'ignore', reason: 'not-found', detail: 'CANCEL for an event not held' });
  let next: JSCalendarEvent = structuredClone(current);
  let applied = 0;
  for (const item of message.items) {
    const key = itemKey(item, current.timeZone);
    const whole = key === undefined || key === next.recurrenceId;
    const held = whole ? next : instanceOf(next, key);
    if (item.sequence < (held.sequence ?? 0)) continue; // RFC 5546 §2.1.5: an older version
    if (whole) {
      next = { ...next, status: 'cancelled', sequence: item.sequence, updated: item.dtstamp };
      if (!next.sequence) delete next.sequence;
    } else next.recurrenceOverrides = { ...next.recurrenceOverrides, [key]: { excluded: true } };
    applied++;
  }
  return applied ? update(next) : stale('the CANCEL is older than the copy');
}

/** RFC 5546 §3.2.4: ADD brings new occurrences (DTSTART of each, no RECURRENCE-ID). */
function applyAdd(ctx: ApplyContext): SchedulingResult<IncomingOutcome> {
  const { current, message } = ctx;
  if (!current)
    return done({
      action: 'ignore',
      reason: 'not-found',
      detail: 'ADD for an event not held: send a REFRESH',
    });
  const item = message.items[0]!;
  if (!isNewerItip(item, versionOf(current))) return stale('the ADD is not newer than the copy');
  const next: JSCalendarEvent = structuredClone(current);
  for (const incoming of message.events) {
    const key = moveLocal(incoming.start, incoming.timeZone, current.timeZone);
    const instance = received(inZoneOf(incoming, current), item, undefined, ctx.recipient);
    // The new occurrence's version is the event's: only what differs from the master is patched.
    instance.sequence = current.sequence;
    instance.updated = current.updated;
    const patch = occurrencePatch(next, key, instance);
    next.recurrenceOverrides = { ...next.recurrenceOverrides, [key]: patch };
  }
  next.sequence = item.sequence;
  next.updated = item.dtstamp;
  return update(next);
}

function applyDeclineCounter(ctx: ApplyContext): SchedulingResult<IncomingOutcome> {
  const item = ctx.message.items[0]!;
  const key = itemKey(item, ctx.current?.timeZone);
  return done({
    action: 'counter-declined',
    declined: {
      uid: item.uid,
      by: emailOf(item.organizer!),
      ...(key !== undefined ? { recurrenceId: key } : {}),
      ...(item.comment ? { comment: item.comment } : {}),
      sequence: item.sequence,
      dtstamp: item.dtstamp,
    },
  });
}

export function applyOrganizerMessage(ctx: ApplyContext): SchedulingResult<IncomingOutcome> {
  switch (ctx.message.method) {
    case 'request':
      return applyRequest(ctx);
    case 'cancel':
      return applyCancel(ctx);
    case 'add':
      return applyAdd(ctx);
    case 'declinecounter':
      return applyDeclineCounter(ctx);
    default:
      return refuse('bad-method', `${ctx.message.method.toUpperCase()} is not an organizer's message`);
  }
}
