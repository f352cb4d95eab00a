/**
 * How a bookable resource (room, equipment: an account of the store with a booking policy)
 * answers an invitation it has just received. RFC 5546 leaves the resource's answer to its
 * scheduling agent; the answer is an ordinary REPLY from the resource's address, so the
 * organizer's copy is updated as for any internal attendee.
 *
 * - Busy (any other event of its calendar overlaps one occurrence of this one): declined, the
 *   whole series. Exchange does the same by default (no conflicting instance allowed): a room
 *   booked for some weeks but not others is rarely what the organizer wants, and they see which
 *   occurrence conflicted in the reply's comment.
 * - Free: `auto` accepts; `approval` leaves the request needs-action for the approver, who
 *   answers for the resource through the calendar shared with them (mayRSVP).
 */
import type { JSCalendarEvent, Participant, PatchObject } from '@colibri/icalendar';
import type { AccountId, BookableResource, CalendarEventRecord, MailStore } from '@colibri/mail-store';
import { MethodFailure } from '../method-failure.js';
import { EXPANSION_LIMITS } from '../methods/calendar/capability.js';
import { occurrenceItems } from '../methods/calendar-event/query-results.js';
import type { EventItem } from '../methods/calendar-event/query-match.js';
import { addressOf, organizerAddress } from './addresses.js';

/**
 * How far past its first occurrence an invitation is checked for conflicts: occurrences after
 * that are not checked (an open-ended series is accepted for what can be seen of it).
 */
export const BOOKING_HORIZON_DAYS = EXPANSION_LIMITS.maxDays;
/** The most occurrences (of the request, and of the calendar's other events) one check expands. */
export const BOOKING_MAX_OCCURRENCES = EXPANSION_LIMITS.maxOccurrences;

const DAY_MS = 86_400_000;

/** What the resource answers: its new status, and why when it declines. */
export interface BookingDecision {
  participationStatus: 'accepted' | 'declined' | 'needs-action';
  comment?: string;
}

interface Span {
  start: number;
  end: number;
}

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** The resource's participant (id and object) in an event or occurrence. */
function resourceIn(
  event: { participants?: Record<string, unknown> | null },
  address: string,
): [string, Participant] | undefined {
  return Object.entries((event.participants ?? {}) as Record<string, Participant>).find(
    ([, p]) => addressOf(p) === address,
  );
}

/**
 * Whether an occurrence of another event holds the resource: not cancelled, not transparent
 * (freeBusyStatus `free`), and, when the resource is one of its participants, accepted or
 * tentative (a declined or still pending request holds nothing). An event without the resource
 * among its participants (a block put in its calendar) holds it.
 */
function holds(item: EventItem, address: string): boolean {
  const event = item.event;
  if (event.status === 'cancelled' || event.freeBusyStatus === 'free') return false;
  const self = resourceIn(event as { participants?: Record<string, unknown> }, address);
  if (!self) return true;
  const status = self[1].participationStatus ?? 'needs-action';
  return status === 'accepted' || status === 'tentative';
}

const spansOf = (items: EventItem[]): Span[] =>
  items
    .filter((i) => i.utcEnd > i.utcStart && i.event.status !== 'cancelled')
    .map((i) => ({ start: i.utcStart, end: i.utcEnd }))
    .sort((a, b) => a.start - b.start);

/**
 * The first requested span that overlaps a busy one (both sorted by start): the busy spans are
 * merged into disjoint ones, then both lists are walked once.
 */
function firstOverlap(requested: Span[], busy: Span[]): Span | undefined {
  const merged: Span[] = [];
  for (const span of busy) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  let j = 0;
  for (const wanted of requested) {
    while (j < merged.length && merged[j]!.end <= wanted.start) j += 1;
    const next = merged[j];
    if (next && next.start < wanted.end) return wanted;
  }
  return undefined;
}

/** Whether the organizer is a user of the resource's domain (who alone may book it). */
async function organizerIsColleague(
  store: Pick<MailStore, 'resolveAddress' | 'getAccount'>,
  resource: BookableResource,
  event: JSCalendarEvent,
): Promise<boolean> {
  const organizer = organizerAddress(event);
  const accountId = organizer ? await store.resolveAddress(organizer) : null;
  if (accountId === null || accountId === resource.accountId) return false;
  const [account, self] = await Promise.all([
    store.getAccount(accountId),
    store.getAccount(resource.accountId),
  ]);
  return account !== null && self !== null && account.domainId === self.domainId;
}

/**
 * The resource's answer to the invitation `record` (its own copy, just stored), by its policy
 * and its calendar's other events over the request's occurrences (at most BOOKING_HORIZON_DAYS
 * past the first). Undefined when there is nothing to answer: cancelled, or the resource is not
 * invited (any more). An organizer outside the resource's domain (another organisation of this
 * server, or anyone from outside by iMIP) is declined: only the organisation's users book it.
 */
export async function decideBooking(
  store: Pick<MailStore, 'queryCalendarEvents' | 'resolveAddress' | 'getAccount'>,
  resource: BookableResource,
  record: CalendarEventRecord,
): Promise<BookingDecision | undefined> {
  const event = record.data as unknown as JSCalendarEvent;
  const address = resource.email.toLowerCase();
  if (event.status === 'cancelled' || !resourceIn(event, address)) return undefined;
  if (!(await organizerIsColleague(store, resource, event)))
    return {
      participationStatus: 'declined',
      comment: `Declined: ${resource.displayName} is booked by members of its organisation only.`,
    };
  const from = record.utcStart.getTime();
  const to = Math.min(record.utcEnd?.getTime() ?? Infinity, from + BOOKING_HORIZON_DAYS * DAY_MS);
  let requested: Span[];
  let busy: Span[];
  try {
    requested = spansOf(occurrenceItems(record, from, to, 'Etc/UTC', BOOKING_MAX_OCCURRENCES));
    const others = (
      await store.queryCalendarEvents(resource.accountId, { after: new Date(from), before: new Date(to) })
    ).filter((other) => other.id !== record.id && other.uid !== record.uid && !other.isDraft);
    busy = [];
    for (const other of others) {
      const budget = BOOKING_MAX_OCCURRENCES - busy.length;
      busy.push(
        ...spansOf(occurrenceItems(other, from, to, 'Etc/UTC', budget).filter((i) => holds(i, address))),
      );
    }
  } catch (error) {
    if (!(error instanceof MethodFailure)) throw error;
    // Too many occurrences to check (the expansion's limits): no booking that cannot be checked.
    return {
      participationStatus: 'declined',
      comment: `Declined: too many occurrences to check (at most ${BOOKING_MAX_OCCURRENCES} over ${BOOKING_HORIZON_DAYS} days).`,
    };
  }
  busy.sort((a, b) => a.start - b.start);
  const conflict = firstOverlap(requested, busy);
  if (conflict)
    return {
      participationStatus: 'declined',
      comment: `Declined: ${resource.displayName} is already booked for the occurrence starting ${iso(conflict.start)}.`,
    };
  if (resource.policy === 'auto') return { participationStatus: 'accepted' };
  return { participationStatus: 'needs-action' };
}

/**
 * The resource's copy with its answer: its participant's status (and comment) set for the whole
 * event and in each occurrence override that carries its own status. Undefined when nothing
 * changes: an `approval` resource leaves a free request as it came (needs-action, or already
 * answered by the approver when only the title changed).
 */
export function answeredCopy(
  event: JSCalendarEvent,
  address: string,
  decision: BookingDecision,
): JSCalendarEvent | undefined {
  if (decision.participationStatus === 'needs-action') return undefined;
  const found = resourceIn(event, address);
  if (!found) return undefined;
  const [key, participant] = found;
  const answer = (p: Participant): Participant => {
    const { participationComment: _c, ...rest } = p;
    return {
      ...rest,
      participationStatus: decision.participationStatus,
      ...(decision.comment ? { participationComment: decision.comment } : {}),
    };
  };
  const path = `participants/${key}/participationStatus`;
  const overrides = Object.fromEntries(
    Object.entries(event.recurrenceOverrides ?? {}).map(([id, patch]): [string, PatchObject] =>
      path in patch ? [id, { ...patch, [path]: decision.participationStatus }] : [id, patch],
    ),
  );
  const unchanged =
    participant.participationStatus === decision.participationStatus &&
    (participant.participationComment ?? undefined) === decision.comment &&
    JSON.stringify(overrides) === JSON.stringify(event.recurrenceOverrides ?? {});
  if (unchanged) return undefined;
  return {
    ...event,
    participants: { ...event.participants, [key]: answer(participant) },
    ...(event.recurrenceOverrides ? { recurrenceOverrides: overrides } : {}),
  };
}

/** One booking at a time per resource, so that two requests for the same slot are not both accepted. */
const queues = new Map<AccountId, Promise<unknown>>();

/** Runs `task` after the resource's earlier bookings (in this process). */
export function serialised<T>(accountId: AccountId, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(accountId) ?? Promise.resolve();
  const next = previous.then(task, task);
  const tail = next.catch(() => undefined);
  queues.set(accountId, tail);
  void tail.then(() => {
    if (queues.get(accountId) === tail) queues.delete(accountId);
  });
  return next;
}
