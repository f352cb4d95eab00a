/**
 * CalendarEventNotification (JMAP Calendars §7): what someone else changed in a user's calendars,
 * recorded for the account's owner after the write. Who counts as someone else: another user
 * writing in a calendar shared with them (a sharee with write rights, a delegate answering), or a
 * scheduling message (iTIP, RFC 5546) from an organizer or attendee, from this server or by iMIP.
 * Never for the owner's own writes: those dismiss the notifications about the event instead
 * (§7.1 SHOULD). A failure is logged, never thrown: the change itself is already stored.
 */
import type {
  AccountId,
  CalendarEventNotificationAuthor,
  CalendarEventRecord,
  MailStore,
} from '@colibri/mail-store';
import type { Logger } from '../logger.js';
import { eventToWire } from '../methods/calendar-event/to-wire.js';
import { bareEmail } from './addresses.js';
import { diffPatch } from './event-patch.js';

interface NotifyHost {
  store: MailStore;
  log: Logger;
}

const wire = (record: CalendarEventRecord) => eventToWire(record) as unknown as Record<string, unknown>;

/** Strips `updated` (set on every write) to tell whether anything else changed. */
const withoutUpdated = ({ updated: _u, ...rest }: Record<string, unknown>) => rest;

/** Records the notification of one change (`before`/`after` undefined for a create/destroy). */
export async function notifyEventChange(
  host: NotifyHost,
  accountId: AccountId,
  before: CalendarEventRecord | undefined,
  after: CalendarEventRecord | undefined,
  changedBy: CalendarEventNotificationAuthor,
  comment: string | null = null,
): Promise<void> {
  const base = before ?? after;
  if (base === undefined) return;
  try {
    if (before === undefined) {
      await host.store.recordCalendarEventNotification(accountId, {
        changedBy,
        comment,
        type: 'created',
        calendarEventId: base.id,
        isDraft: after!.isDraft,
        event: wire(after!),
        eventPatch: null,
      });
      return;
    }
    if (after === undefined) {
      await host.store.recordCalendarEventNotification(accountId, {
        changedBy,
        comment,
        type: 'destroyed',
        calendarEventId: base.id,
        isDraft: null,
        event: wire(before),
        eventPatch: null,
      });
      return;
    }
    const eventPatch = diffPatch(wire(before), wire(after));
    if (Object.keys(withoutUpdated(eventPatch)).length === 0) return;
    await host.store.recordCalendarEventNotification(accountId, {
      changedBy,
      comment,
      type: 'updated',
      calendarEventId: base.id,
      isDraft: after.isDraft,
      event: wire(before),
      eventPatch,
    });
  } catch (error) {
    host.log.error('calendar notifications: the change was stored but not notified', {
      accountId,
      eventId: base.id,
      error: String(error),
    });
  }
}

/** The author of a change made by a user of this store (a sharee, a delegate). */
export async function localAuthor(
  store: MailStore,
  accountId: AccountId,
): Promise<CalendarEventNotificationAuthor> {
  const account = await store.getAccount(accountId);
  const email = account?.email ?? null;
  return {
    name: account?.displayName || email || 'Unknown',
    email,
    principalId: account ? accountId : null,
    calendarAddress: email === null ? null : `mailto:${email}`,
  };
}

/**
 * The author of a scheduling message from `sender` (a calendar address): their account when they
 * are a user here (so that the client can show who in the directory), else only their address and
 * the name the event gives them (principalId null, as §7 says of iTIP from outside).
 */
export async function schedulingAuthor(
  store: MailStore,
  sender: string,
  event: Record<string, unknown> | undefined,
): Promise<CalendarEventNotificationAuthor> {
  const email = bareEmail(sender);
  const local = await store.resolveAddress(email);
  if (local !== null) return { ...(await localAuthor(store, local)), calendarAddress: `mailto:${email}` };
  const participants = Object.values(
    (event?.participants ?? {}) as Record<
      string,
      { name?: string; email?: string; sendTo?: Record<string, string> }
    >,
  );
  const named = participants.find(
    (p) =>
      (p.email !== undefined && bareEmail(p.email) === email) ||
      Object.values(p.sendTo ?? {}).some((uri) => bareEmail(uri) === email),
  )?.name;
  return { name: named || email, email, principalId: null, calendarAddress: `mailto:${email}` };
}
