/**
 * Scheduling after CalendarEvent/set (JMAP Calendars §5.9 sendSchedulingMessages): the change of
 * a scheduled event by its organizer sends REQUEST/CANCEL to the attendees, by an attendee a
 * REPLY to the organizer (RFC 5546 §3.2, `planOutgoing`). The organizer's stored copy becomes the
 * plan's (SEQUENCE bumped, answers asked again on a reschedule). Never fails the set: errors are logged.
 */
import { planOutgoing } from '@colibri/icalendar';
import type { JSCalendarEvent, OutgoingPlan } from '@colibri/icalendar';
import type { AccountId, CalendarEventRecord } from '@colibri/mail-store';
import { ownAddressIn } from './addresses.js';
import type { SchedulingHost } from './deliver.js';
import { routeMessages, writeCopy } from './deliver.js';

const documentOf = (record: CalendarEventRecord | undefined): JSCalendarEvent | undefined =>
  record ? (record.data as unknown as JSCalendarEvent) : undefined;

/** Strips what only the store keeps (`updated` is set on every write) to compare two documents. */
const comparable = (event: JSCalendarEvent | undefined): string => {
  if (!event) return '';
  const { updated: _u, ...rest } = event as JSCalendarEvent & { updated?: string };
  return JSON.stringify(rest);
};

/** Stores the plan's copy when it differs from what was written, then sends its messages. */
async function carryOut(
  host: SchedulingHost,
  accountId: AccountId,
  address: string,
  after: CalendarEventRecord | undefined,
  plan: OutgoingPlan,
): Promise<void> {
  if (after && plan.event && comparable(plan.event) !== comparable(documentOf(after)))
    await writeCopy(host, accountId, after, plan.event);
  await routeMessages(host, { accountId, address }, plan.messages);
}

/** The scheduling side effects of one write: `before`/`after` undefined for a create/destroy. */
export async function scheduleAfterWrite(
  host: SchedulingHost,
  accountId: AccountId,
  before: CalendarEventRecord | undefined,
  after: CalendarEventRecord | undefined,
): Promise<void> {
  const reference = documentOf(after) ?? documentOf(before);
  if (!reference || Object.keys(reference.participants ?? {}).length === 0) return;
  try {
    const me = await ownAddressIn(host.store, accountId, reference);
    if (!me) return;
    const plan = planOutgoing(documentOf(before), documentOf(after), me.address);
    if (!plan.ok) {
      host.log.warn('scheduling: no messages for this change', { accountId, reason: plan.error.reason });
      return;
    }
    await carryOut(host, accountId, me.address, after, plan.value);
  } catch (error) {
    host.log.error('scheduling: the change was stored but not sent', {
      accountId,
      uid: reference.uid,
      error: String(error),
    });
  }
}

/** The write handlers of CalendarEvent/set, for `withScheduling`. */
export interface EventWriters<E> {
  create: (values: Record<string, unknown>) => Promise<{ created: { id?: string } } | { error: E }>;
  update: (id: string, patch: Record<string, unknown>) => Promise<E | null>;
  destroy: (id: string) => Promise<E | null>;
}

/**
 * Wraps CalendarEvent/set's handlers so that each successful write is followed by its
 * scheduling messages. `baseIdOf` maps an id (or an occurrence id) to the stored event's id.
 */
export function withScheduling<E>(
  host: SchedulingHost,
  accountId: AccountId,
  writers: EventWriters<E>,
  baseIdOf: (id: string) => string | null,
): EventWriters<E> {
  const read = async (id: string | null | undefined): Promise<CalendarEventRecord | undefined> =>
    id ? (await host.store.getCalendarEvents(accountId, [id]))[0] : undefined;
  return {
    create: async (values) => {
      const result = await writers.create(values);
      if ('created' in result)
        await scheduleAfterWrite(host, accountId, undefined, await read(result.created.id));
      return result;
    },
    update: async (id, patch) => {
      const before = await read(baseIdOf(id));
      const error = await writers.update(id, patch);
      if (error === null && before) await scheduleAfterWrite(host, accountId, before, await read(before.id));
      return error;
    },
    destroy: async (id) => {
      const before = await read(baseIdOf(id));
      const error = await writers.destroy(id);
      if (error === null && before) await scheduleAfterWrite(host, accountId, before, await read(before.id));
      return error;
    },
  };
}
