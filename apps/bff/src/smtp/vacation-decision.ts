import type { VacationResponse } from '@colibri/mail-store';

/** RFC 3834 §2: at most one reply to the same sender within this period (Sieve vacation's default too). */
export const VACATION_REPLY_PERIOD_MS = 7 * 24 * 60 * 60 * 1000;

/** What the decision needs of the received message, taken from its header fields. */
export interface InboundFacts {
  /** The envelope's MAIL FROM ("" for the null reverse-path). */
  mailFrom: string;
  /** Visible recipients: To and Cc addresses. */
  recipients: string[];
  /** Header fields by lower-cased name (first value). */
  headers: Map<string, string>;
}

export type VacationDecision = { reply: true; to: string } | { reply: false; reason: string };

/** Local parts that are robots or lists, not people (RFC 3834 §2, RFC 5230 §4.6). */
const robotLocalPart =
  /^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|noreply-.*|.*-noreply|listserv|majordomo|bounces?|.*-bounces?|owner-.*|.*-owner|.*-request)$/i;

/**
 * RFC 3834 §2 and §3, RFC 8621 §8: whether a delivered message gets a vacation auto-reply. Pure:
 * the once-per-period memory is checked afterwards by the store.
 */
export function decideVacationReply(
  vacation: VacationResponse,
  facts: InboundFacts,
  isOwnAddress: (email: string) => boolean,
  now: Date,
): VacationDecision {
  if (!vacation.isEnabled) return { reply: false, reason: 'vacation response disabled' };
  // RFC 8621 §8: fromDate inclusive, toDate exclusive.
  if (vacation.fromDate && now < vacation.fromDate)
    return { reply: false, reason: 'before the vacation period' };
  if (vacation.toDate && now >= vacation.toDate) return { reply: false, reason: 'after the vacation period' };
  const sender = facts.mailFrom.trim().toLowerCase();
  // RFC 3834 §2: never reply to a null reverse-path (bounces, other auto-replies).
  if (sender === '' || !sender.includes('@')) return { reply: false, reason: 'null sender' };
  if (robotLocalPart.test(sender.slice(0, sender.lastIndexOf('@'))))
    return { reply: false, reason: 'automated sender' };
  if (isOwnAddress(sender)) return { reply: false, reason: 'own address' };
  const autoSubmitted = facts.headers.get('auto-submitted')?.trim().toLowerCase();
  // RFC 3834 §5: anything but "no" is automatic.
  if (autoSubmitted !== undefined && autoSubmitted.split(/[\s;(]/)[0] !== 'no')
    return { reply: false, reason: 'Auto-Submitted message' };
  const precedence = facts.headers.get('precedence')?.trim().toLowerCase();
  if (precedence === 'bulk' || precedence === 'list' || precedence === 'junk')
    return { reply: false, reason: `Precedence: ${precedence}` };
  // RFC 2919 / RFC 2369: a mailing list message.
  if (facts.headers.has('list-id') || facts.headers.has('list-unsubscribe'))
    return { reply: false, reason: 'mailing list message' };
  // RFC 3834 §2: only when the recipient is named among the visible recipients.
  if (!facts.recipients.some(isOwnAddress)) return { reply: false, reason: 'not addressed to the account' };
  return { reply: true, to: sender };
}
