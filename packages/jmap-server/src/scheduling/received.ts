/**
 * iMIP received by mail (RFC 6047): the iTIP object of a delivered message applied to the
 * recipient's calendar. The caller (the mail delivery) has checked that `sender`, the message's
 * From address, is authentic (DMARC, or DKIM aligned with its domain); here the engine checks
 * that the sender speaks for the organizer or the attendee the message is about (RFC 5546 §3.2).
 */
import { extractItip } from '@colibri/icalendar';
import type { AccountId } from '@colibri/mail-store';
import type { SchedulingHost } from './deliver.js';
import { applyToAccount } from './deliver.js';

/** What became of a received message's iTIP object. */
export type ReceivedImipOutcome = 'applied' | 'ignored' | 'refused' | 'none';

/**
 * Applies the iTIP object of `raw` (if it has one) to `accountId`'s copy: an invitation, update
 * or cancellation from the organizer, a reply or COUNTER from an attendee (a pending proposal on
 * the organizer's copy), a DECLINECOUNTER. `none` when the message has no usable iTIP object.
 */
export async function applyReceivedImip(
  host: SchedulingHost,
  accountId: AccountId,
  recipient: string,
  raw: Uint8Array,
  sender: string,
): Promise<ReceivedImipOutcome> {
  const found = extractItip(raw);
  if (!found.ok) {
    if (found.error.code !== 'no-event')
      host.log.warn('scheduling: unreadable iMIP message', { accountId, reason: found.error.reason });
    return 'none';
  }
  try {
    return await applyToAccount(
      host,
      accountId,
      recipient.toLowerCase(),
      found.value.itip,
      sender.toLowerCase(),
    );
  } catch (error) {
    host.log.error('scheduling: applying the iMIP message failed', { accountId, error: String(error) });
    return 'refused';
  }
}
