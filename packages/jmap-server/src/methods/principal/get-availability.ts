import { MethodErrorType } from '@colibri/jmap-types';
import type { BusyPeriod, CalendarEvent, MethodResult } from '@colibri/jmap-types';
import type { AccountId, CalendarEventRecord, CalendarId } from '@colibri/mail-store';
import { z } from 'zod';
import { collectionAccessOf, collectionRights } from '../../collection-access.js';
import { directoryOf } from '../../directory.js';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import { EXPANSION_LIMITS } from '../calendar/capability.js';
import { utcDateTimeSchema } from '../calendar-event/jscalendar-schema.js';
import { occurrenceItems } from '../calendar-event/query-results.js';
import type { EventItem } from '../calendar-event/query-match.js';
import { requireAccount } from '../shared/account.js';
import { parseArgs } from '../shared/parse-args.js';
import { idSchema } from '../shared/schemas.js';

/** JMAP Calendars §2.2: Principal/getAvailability's arguments. */
const argsSchema = z.strictObject({
  accountId: idSchema,
  id: idSchema,
  utcStart: utcDateTimeSchema,
  utcEnd: utcDateTimeSchema,
  showDetails: z.boolean().optional(),
  eventProperties: z.array(z.string()).nullable().optional(),
});

/** The longest range one call answers, and the most periods it returns. */
export const AVAILABILITY_LIMITS = {
  maxDays: EXPANSION_LIMITS.maxDays,
  maxPeriods: EXPANSION_LIMITS.maxOccurrences,
};

const DAY_MS = 86_400_000;
const utc = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

type Participant = { email?: string; sendTo?: Record<string, string>; participationStatus?: string };

/** The principal's own participant in the event (by their addresses), if any. */
function selfIn(event: CalendarEvent, addresses: ReadonlySet<string>): Participant | null {
  const participants = Object.values((event.participants ?? {}) as Record<string, Participant>);
  return (
    participants.find(
      (p) =>
        (p.email !== undefined && addresses.has(`mailto:${p.email.toLowerCase()}`)) ||
        Object.values(p.sendTo ?? {}).some((uri) => addresses.has(uri.toLowerCase())),
    ) ?? null
  );
}

/**
 * JMAP Calendars §2.2 and RFC 8984: whether an event makes the principal busy, and how. A free
 * or cancelled event, one the principal declined, or (in an `attending` calendar) one they have
 * not accepted, is no busy time.
 */
function busyStatusOf(
  event: CalendarEvent,
  addresses: ReadonlySet<string>,
  attendingOnly: boolean,
): BusyPeriod['busyStatus'] | null {
  if (event.freeBusyStatus === 'free' || event.status === 'cancelled') return null;
  const hasParticipants = Object.keys(event.participants ?? {}).length > 0;
  const self = hasParticipants ? selfIn(event, addresses) : null;
  const participation = self?.participationStatus ?? (hasParticipants ? null : 'accepted');
  if (participation === 'declined') return null;
  if (attendingOnly && participation !== 'accepted' && participation !== 'tentative') return null;
  if (event.status === 'tentative' || participation === 'tentative') return 'tentative';
  if (participation === 'accepted') return 'confirmed';
  return 'unavailable';
}

/**
 * JMAP Calendars §2.2: Principal/getAvailability, the busy periods of a principal of the user's
 * directory over [utcStart, utcEnd), from their calendars whose includeInAvailability is not
 * `none` and on which the user has mayReadFreeBusy, recurrences expanded; `forbidden` when there
 * is none. The events behind it (showDetails) only to those with mayReadItems on one of their
 * calendars, and never a private or secret one. At most AVAILABILITY_LIMITS.maxDays
 * per call (requestTooLarge beyond).
 */
export async function principalGetAvailability(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'Principal/getAvailability'>> {
  const args = parseArgs(argsSchema, rawArgs);
  await requireAccount(ctx, args.accountId);
  const from = Date.parse(args.utcStart);
  const to = Date.parse(args.utcEnd);
  if (to <= from)
    throw new MethodFailure(MethodErrorType.InvalidArguments, 'utcEnd must be after utcStart.', {
      arguments: ['utcEnd'],
    });
  if (to - from > AVAILABILITY_LIMITS.maxDays * DAY_MS)
    throw new MethodFailure(
      MethodErrorType.RequestTooLarge,
      `At most ${AVAILABILITY_LIMITS.maxDays} days of availability per call.`,
    );
  const target = (await directoryOf(ctx.store, ctx.principal)).find((a) => a.id === args.id);
  if (target === undefined)
    throw new MethodFailure(MethodErrorType.NotFound, `No principal ${args.id} in your directory.`);
  const accountId = target.id as AccountId;

  // JMAP Calendars §2.2: only calendars the user has mayReadFreeBusy on are relevant. The owner
  // has every right on their own calendars. Under the `organisation` policy (the default) the
  // directory grants it on every calendar to everyone of the domain, who alone reach this line;
  // under `shared` anyone else needs a share granting it (RFC 9670 shareWith). With none at all
  // the call is the draft's `forbidden` ("no permission to query this principal's
  // availability"), so that a stranger cannot tell an empty diary from a hidden one.
  const access = await collectionAccessOf(ctx.store, ctx.principal, accountId, 'calendar');
  const organisationWide = ctx.policy.freeBusy === 'organisation';
  const mayReadFreeBusy = (calendarId: string) =>
    organisationWide || (access !== null && collectionRights(access, calendarId).mayReadFreeBusy);
  const owned = await ctx.store.listCalendars(accountId);
  if (!owned.some((c) => mayReadFreeBusy(c.id)))
    throw new MethodFailure(
      MethodErrorType.Forbidden,
      "You may not see this principal's availability: none of their calendars is shared with you.",
    );
  const calendars = owned.filter((c) => c.includeInAvailability !== 'none' && mayReadFreeBusy(c.id));
  const attendingOnly = new Set<string>(
    calendars.filter((c) => c.includeInAvailability === 'attending').map((c) => c.id),
  );
  const mayRead = (calendarIds: readonly string[]) =>
    access !== null && calendarIds.some((id) => collectionRights(access, id).mayReadItems);
  const addresses = new Set(
    (await ctx.store.listIdentities(accountId)).map((i) => `mailto:${i.email.toLowerCase()}`),
  );
  addresses.add(`mailto:${target.email.toLowerCase()}`);

  const records: CalendarEventRecord[] =
    calendars.length === 0
      ? []
      : await ctx.store.queryCalendarEvents(accountId, {
          calendarIds: calendars.map((c) => c.id as CalendarId),
          after: new Date(from),
          before: new Date(to),
        });
  const periods: (BusyPeriod & { start: number })[] = [];
  for (const record of records) {
    if (record.isDraft) continue;
    const budget = AVAILABILITY_LIMITS.maxPeriods - periods.length;
    const items: EventItem[] = occurrenceItems(record, from, to, 'Etc/UTC', budget);
    // An event counts in `attending` mode only when all its counted calendars say so.
    const attending = record.calendarIds.every((id) => attendingOnly.has(id));
    for (const item of items) {
      // §2.2: a secret event is never relevant, even to its owner's availability.
      if (item.event.privacy === 'secret') continue;
      const busyStatus = busyStatusOf(item.event, addresses, attending);
      if (busyStatus === null) continue;
      const start = Math.max(item.utcStart, from);
      const end = Math.min(Math.max(item.utcEnd, item.utcStart), to);
      const privacy = item.event.privacy ?? 'public';
      const detailed = args.showDetails === true && privacy === 'public' && mayRead(record.calendarIds);
      periods.push({
        start,
        utcStart: utc(start),
        utcEnd: utc(end),
        busyStatus,
        event: detailed ? pickEvent(item.event, args.eventProperties) : null,
      });
      if (periods.length > AVAILABILITY_LIMITS.maxPeriods)
        throw new MethodFailure(
          MethodErrorType.RequestTooLarge,
          `More than ${AVAILABILITY_LIMITS.maxPeriods} busy periods: ask for a shorter range.`,
        );
    }
  }
  periods.sort((a, b) => a.start - b.start || a.utcEnd.localeCompare(b.utcEnd));
  return { list: periods.map(({ start: _start, ...period }) => period) };
}

/** §2.2 eventProperties: the event's properties to return (all when null). */
function pickEvent(event: CalendarEvent, properties: string[] | null | undefined): Record<string, unknown> {
  const all = event as unknown as Record<string, unknown>;
  if (properties == null) return { ...all };
  return Object.fromEntries(properties.filter((p) => all[p] !== undefined).map((p) => [p, all[p]]));
}
