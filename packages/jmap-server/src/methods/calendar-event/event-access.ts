import type { CalendarRights } from '@colibri/jmap-types';
import type { CalendarEventRecord } from '@colibri/mail-store';
import type { MethodContext } from '../../method-context.js';
import { calendarRights, type CalendarView } from '../calendar/access.js';

/**
 * RFC 8984 §4.4.3 (with erratum 6872): what a `private` event shows to others than its owner;
 * JMAP Calendars §5 adds the JMAP properties (id, calendarIds...) kept outside the document.
 */
const PRIVATE_PROPERTIES = new Set([
  '@type',
  'created',
  'due',
  'duration',
  'estimatedDuration',
  'excluded',
  'excludedRecurrenceRules',
  'freeBusyStatus',
  'privacy',
  'recurrenceId',
  'recurrenceIdTimeZone',
  'recurrenceOverrides',
  'recurrenceRules',
  'sequence',
  'showWithoutTime',
  'start',
  'status',
  'timeZone',
  'timeZones',
  'uid',
  'updated',
]);

function onlyPrivateProperties(data: Record<string, unknown>): Record<string, unknown> {
  const kept = Object.entries(data).filter(([key]) => PRIVATE_PROPERTIES.has(key));
  return Object.fromEntries(
    kept.map(([key, value]) => {
      if (key !== 'recurrenceOverrides' || value === null || typeof value !== 'object') return [key, value];
      // Only the patches that apply to another permissible property (RFC 8984 §4.4.3).
      const overrides = Object.entries(value as Record<string, Record<string, unknown>>).map(
        ([recurrenceId, patch]) => [
          recurrenceId,
          Object.fromEntries(
            Object.entries(patch).filter(([path]) => PRIVATE_PROPERTIES.has(path.split('/')[0]!)),
          ),
        ],
      );
      return [key, Object.fromEntries(overrides)];
    }),
  );
}

/** The principal's rights on an event: the union of those on its calendars (JMAP Calendars §4). */
export function eventRights(
  view: CalendarView,
  record: Pick<CalendarEventRecord, 'calendarIds'>,
): CalendarRights {
  const all = record.calendarIds.map((id) => calendarRights(view, id));
  const any = (right: keyof CalendarRights) => all.some((rights) => rights[right]);
  return {
    mayReadFreeBusy: any('mayReadFreeBusy'),
    mayReadItems: any('mayReadItems'),
    mayWriteAll: any('mayWriteAll'),
    mayWriteOwn: any('mayWriteOwn'),
    mayUpdatePrivate: any('mayUpdatePrivate'),
    mayRSVP: any('mayRSVP'),
    mayAdmin: any('mayAdmin'),
    mayDelete: any('mayDelete'),
  };
}

/**
 * The event as the principal may see it, or null when they may not: the owner sees everything; a
 * sharee needs mayReadItems on one of its calendars, never sees a `secret` event, and sees a
 * `private` one with its time and busy status only (RFC 8984 §4.4.3).
 */
export function visibleEvent(view: CalendarView, record: CalendarEventRecord): CalendarEventRecord | null {
  if (view.access.shares === null) return record;
  if (!eventRights(view, record).mayReadItems) return null;
  const privacy = record.data.privacy;
  if (privacy === 'secret') return null;
  if (privacy !== 'private') return record;
  return {
    ...record,
    calendarIds: record.calendarIds.filter((id) => calendarRights(view, id).mayReadItems),
    data: onlyPrivateProperties(record.data),
  };
}

/** The account owner's addresses (`mailto:`, lower case): who "the user" is in their events. */
export async function accountAddresses(ctx: MethodContext, view: CalendarView): Promise<Set<string>> {
  const identities = await ctx.store.listIdentities(view.access.accountId);
  return new Set(identities.map((i) => `mailto:${i.email.toLowerCase()}`));
}

type Participant = { email?: string; sendTo?: Record<string, string>; roles?: Record<string, boolean> };

function participantsOf(data: Record<string, unknown>): [string, Participant][] {
  const participants = data.participants;
  return participants !== null && typeof participants === 'object'
    ? Object.entries(participants as Record<string, Participant>)
    : [];
}

function isOneOf(participant: Participant, addresses: ReadonlySet<string>): boolean {
  if (participant.email !== undefined && addresses.has(`mailto:${participant.email.toLowerCase()}`))
    return true;
  return Object.values(participant.sendTo ?? {}).some((uri) => addresses.has(uri.toLowerCase()));
}

/**
 * JMAP Calendars §4 mayWriteOwn: the event has no owner, or one of its owners is the principal
 * (by their login address).
 */
export function ownsEvent(ctx: MethodContext, data: Record<string, unknown>): boolean {
  const owners = participantsOf(data).filter(([, p]) => p.roles?.owner === true);
  const me = new Set([`mailto:${ctx.principal.username.toLowerCase()}`]);
  return owners.length === 0 || owners.some(([, p]) => isOneOf(p, me));
}

/** JMAP Calendars §4 mayRSVP: the participant properties one may change to answer an invitation. */
const RSVP_PROPERTIES = new Set([
  'participationStatus',
  'participationComment',
  'expectReply',
  'scheduleAgent',
  'scheduleSequence',
  'scheduleUpdated',
]);

/** JMAP Calendars §4 mayUpdatePrivate: the per-user properties. */
const PER_USER_PROPERTIES = new Set(['keywords', 'color', 'freeBusyStatus', 'useDefaultAlerts', 'alerts']);

/**
 * Whether a PatchObject only answers for the account's owner (mayRSVP: the RSVP properties of
 * participants that are the account's identities, so that a delegate answers for the owner).
 */
export function isRsvpPatch(
  patch: Record<string, unknown>,
  data: Record<string, unknown>,
  addresses: ReadonlySet<string>,
): boolean {
  const participants = new Map(participantsOf(data));
  return Object.keys(patch).every((path) => {
    const [head, id, property, ...rest] = path.split('/');
    const participant = id === undefined ? undefined : participants.get(id);
    return (
      head === 'participants' &&
      participant !== undefined &&
      property !== undefined &&
      RSVP_PROPERTIES.has(property) &&
      (rest.length === 0 || property === 'participationComment') &&
      isOneOf(participant, addresses)
    );
  });
}

/** Whether a PatchObject only changes per-user properties (mayUpdatePrivate). */
export function isPerUserPatch(patch: Record<string, unknown>): boolean {
  return Object.keys(patch).every((path) => PER_USER_PROPERTIES.has(path.split('/')[0]!));
}

/** mayWriteAll, or mayWriteOwn on an event the principal owns, on every one of these calendars. */
export function mayWriteIn(
  ctx: MethodContext,
  view: CalendarView,
  calendarIds: readonly string[],
  data: Record<string, unknown>,
): boolean {
  if (view.access.shares === null) return true;
  const own = ownsEvent(ctx, data);
  return calendarIds.every((id) => {
    const rights = calendarRights(view, id);
    return rights.mayWriteAll || (rights.mayWriteOwn && own);
  });
}
