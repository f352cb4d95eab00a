/**
 * Routing iTIP messages (RFC 5546) from one account: recipients of this server get the message
 * applied to their own copy (their change log and push fire as for any write); others get an iMIP
 * email (RFC 6047) queued in the sender's outbound queue, which the normal worker delivers.
 */
import { randomUUID } from 'node:crypto';
import { applyIncoming, buildImipBody, planOutgoing, renderPlanned } from '@colibri/icalendar';
import type { ItipMessage, JSCalendarEvent, PlannedMessage } from '@colibri/icalendar';
import type { AccountId, CalendarEventRecord, MailStore } from '@colibri/mail-store';
import type { Logger } from '../logger.js';
import { seriesSpan } from '../methods/calendar-event/event-times.js';
import { notifyEventChange, schedulingAuthor } from './notify.js';
import { addProposal, markProposal, newProposalId } from './proposals.js';
import { answeredCopy, decideBooking, serialised } from './resource-booking.js';

/** What scheduling needs of its host: the store and where failures are logged. */
export interface SchedulingHost {
  store: MailStore;
  log: Logger;
}

/** Who sends: their account and their calendar address in the event. */
export interface SchedulingSender {
  accountId: AccountId;
  address: string;
}

export const utcNow = (now = new Date()): string => now.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The account's copy of the event with this uid, if any. */
export async function copyByUid(
  store: MailStore,
  accountId: AccountId,
  uid: string,
): Promise<CalendarEventRecord | undefined> {
  const [record] = await store.queryCalendarEvents(accountId, { uid });
  return record;
}

/**
 * Stores `event` as the account's copy: over `record`, or new in the default calendar. False
 * when the event's times cannot be stored (the reason logged).
 */
export async function writeCopy(
  host: SchedulingHost,
  accountId: AccountId,
  record: CalendarEventRecord | undefined,
  event: JSCalendarEvent,
): Promise<CalendarEventRecord | undefined> {
  const span = seriesSpan(event);
  if (typeof span === 'string') {
    host.log.warn('scheduling: cannot store the event', { accountId, uid: event.uid, reason: span });
    return undefined;
  }
  const data = { ...event, updated: utcNow() } as unknown as Record<string, unknown>;
  if (record) return host.store.updateCalendarEvent(accountId, record.id, { uid: event.uid, ...span, data });
  const calendar = (await host.store.listCalendars(accountId)).find((c) => c.isDefault);
  if (!calendar) return undefined;
  // A copy received from the organizer: scheduling is managed where it came from (isOrigin false).
  return host.store.createCalendarEvent(accountId, {
    calendarIds: [calendar.id],
    uid: event.uid,
    ...span,
    isOrigin: false,
    data,
  });
}

/**
 * Applies an iTIP message from `sender` (an address already known to be authentic) to the
 * account's copy: an update is stored (a new invitation lands in the default calendar), a
 * COUNTER becomes a pending proposal on the organizer's copy, a DECLINECOUNTER marks the
 * proposer's proposal declined, a REFRESH is answered. Refusals are logged, never thrown.
 */
export async function applyToAccount(
  host: SchedulingHost,
  accountId: AccountId,
  recipient: string,
  itip: ItipMessage,
  sender: string,
): Promise<'applied' | 'ignored' | 'refused'> {
  const record = await copyByUid(host.store, accountId, itip.uid);
  const current = record ? (record.data as unknown as JSCalendarEvent) : undefined;
  const outcome = applyIncoming(current, itip, sender, { recipient });
  if (!outcome.ok) {
    host.log.warn('scheduling: iTIP message refused', {
      accountId,
      method: itip.method,
      uid: itip.uid,
      reason: outcome.error.reason,
    });
    return 'refused';
  }
  const value = outcome.value;
  // JMAP Calendars §7: each change a message makes to the account's copy is notified to its owner.
  const keep = async (event: JSCalendarEvent): Promise<CalendarEventRecord | undefined> => {
    const after = await writeCopy(host, accountId, record, event);
    if (after) {
      const author = await schedulingAuthor(host.store, sender, after.data);
      const comment = itip.items.find((item) => item.comment)?.comment ?? null;
      await notifyEventChange(host, accountId, record, after, author, comment);
    }
    return after;
  };
  switch (value.action) {
    case 'update': {
      const stored = await keep(value.event);
      if (!stored) return 'ignored';
      if (itip.method === 'request' || itip.method === 'add')
        await answerAsResource(host, accountId, recipient, stored);
      return 'applied';
    }
    case 'counter': {
      if (!current) return 'ignored';
      const next = addProposal(current, { ...value.proposal, id: newProposalId(), status: 'pending' });
      if (next === current) return 'ignored';
      await keep(next);
      return 'applied';
    }
    case 'counter-declined': {
      if (!current) return 'ignored';
      const { by: _by, ...match } = value.declined;
      const next = markProposal(current, 'declined', {
        from: recipient,
        ...(match.recurrenceId !== undefined ? { recurrenceId: match.recurrenceId } : {}),
      });
      // No proposal of ours on record (made elsewhere): the copy notes the refusal anyway.
      await keep(
        next ??
          ({
            ...current,
            'colibri:declinedCounter': value.declined,
          } as JSCalendarEvent),
      );
      return 'applied';
    }
    case 'respond':
      await routeMessages(host, { accountId, address: recipient }, value.messages);
      return 'applied';
    case 'ignore':
      return 'ignored';
  }
}

/**
 * When the account is a bookable resource, its answer to the invitation it was just given (see
 * `resource-booking.ts`): its copy updated, and a REPLY to the organizer as any attendee's.
 */
async function answerAsResource(
  host: SchedulingHost,
  accountId: AccountId,
  recipient: string,
  stored: CalendarEventRecord,
): Promise<void> {
  const resource = await host.store.getResource(accountId);
  if (!resource || resource.email.toLowerCase() !== recipient) return;
  await serialised(accountId, async () => {
    // Read again inside the queue: an earlier booking may have changed the calendar meanwhile.
    const [record] = await host.store.getCalendarEvents(accountId, [stored.id]);
    if (!record) return;
    const decision = await decideBooking(host.store, resource, record);
    if (!decision) return;
    const before = record.data as unknown as JSCalendarEvent;
    const after = answeredCopy(before, recipient, decision);
    if (!after) return;
    const plan = planOutgoing(before, after, recipient);
    if (!plan.ok) {
      host.log.warn('scheduling: the resource cannot answer', { accountId, reason: plan.error.reason });
      return;
    }
    await writeCopy(host, accountId, record, plan.value.event ?? after);
    await routeMessages(host, { accountId, address: recipient }, plan.value.messages);
  });
}

const SUBJECTS: Record<string, string> = {
  request: 'Invitation',
  add: 'Invitation (added occurrences)',
  cancel: 'Cancelled',
  reply: 'Reply',
  refresh: 'Refresh request',
  counter: 'New time proposed',
  declinecounter: 'Proposal declined',
  publish: 'Event',
};

/** RFC 2047 encoded-word for a header value that is not plain ASCII. */
const headerText = (text: string): string =>
  /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;

const base64Lines = (bytes: string): string =>
  (
    Buffer.from(bytes, 'utf8')
      .toString('base64')
      .match(/.{1,76}/g) ?? []
  ).join('\r\n');

/**
 * The iMIP email (RFC 6047 §2.4): multipart/mixed of the multipart/alternative text and
 * text/calendar body, and the same iCalendar object as an `invite.ics` attachment for clients
 * that only show attachments.
 */
export function imipMessage(
  planned: PlannedMessage,
  ics: string,
  from: string,
  to: string[],
  now: Date,
): string {
  const title = planned.event.title ?? '';
  const subject = `${SUBJECTS[planned.method] ?? 'Event'}: ${title}`.trim();
  const text = [
    subject,
    planned.event.start ? `When: ${planned.event.start} ${planned.event.timeZone ?? ''}`.trim() : '',
    planned.options.comment ? `Comment: ${planned.options.comment}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const inner = buildImipBody(planned.method, ics, `${text}\n`);
  const outer = `colibri-mixed-${randomUUID()}`;
  const domain = from.split('@')[1] ?? 'localhost';
  return [
    `From: ${from}`,
    `To: ${to.join(', ')}`,
    `Subject: ${headerText(subject)}`,
    `Date: ${now.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${randomUUID()}@${domain}>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${outer}"`,
    '',
    `--${outer}`,
    `Content-Type: ${inner.contentType}`,
    '',
    inner.body,
    `--${outer}`,
    'Content-Type: application/ics; name="invite.ics"',
    'Content-Disposition: attachment; filename="invite.ics"',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(ics),
    `--${outer}--`,
    '',
  ].join('\r\n');
}

/**
 * Sends each planned message: applied directly for recipients with an account here, queued as
 * an iMIP email for the others. A failure for one recipient is logged and the others go on.
 */
export async function routeMessages(
  host: SchedulingHost,
  sender: SchedulingSender,
  messages: readonly PlannedMessage[],
  now = new Date(),
): Promise<void> {
  for (const planned of messages) {
    const rendered = renderPlanned(planned, utcNow(now));
    if (!rendered.ok) {
      host.log.warn('scheduling: cannot build the iTIP message', {
        method: planned.method,
        reason: rendered.error.reason,
      });
      continue;
    }
    const external: string[] = [];
    for (const recipient of planned.recipients) {
      try {
        const target = await host.store.resolveAddress(recipient);
        if (target === null) external.push(recipient);
        else if (target !== sender.accountId)
          await applyToAccount(host, target, recipient, rendered.value.itip, sender.address);
      } catch (error) {
        host.log.error('scheduling: delivery to a local recipient failed', {
          recipient,
          method: planned.method,
          error: String(error),
        });
      }
    }
    if (external.length === 0) continue;
    try {
      const raw = imipMessage(planned, rendered.value.ics, sender.address, external, now);
      await host.store.createSubmission(sender.accountId, {
        raw: new TextEncoder().encode(raw),
        envelope: { mailFrom: sender.address, rcptTo: external },
        now,
      });
    } catch (error) {
      host.log.error('scheduling: queueing the iMIP message failed', {
        recipients: external,
        method: planned.method,
        error: String(error),
      });
    }
  }
}
