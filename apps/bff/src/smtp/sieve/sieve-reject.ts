import type { Account, MailStore } from '@colibri/mail-store';
import type { SieveMessage } from '@colibri/sieve';
import type { Logger } from '../../logger.js';
import { SmtpReply } from '../local-delivery.js';
import type { SendOutgoing } from '../outgoing.js';

/** Longest reason put in an SMTP reply line (RFC 5321 §4.5.3.1.5 allows 512 octets a line). */
const MAX_REASON_CHARS = 400;

/**
 * RFC 5429 §2.1: `ereject` refuses at the SMTP level, and `reject` may too: 550 5.7.1 with the
 * script's reason on one line of printable ASCII (RFC 5321 replies are ASCII, one line here).
 */
export function rejectReply(reason: string): SmtpReply {
  const line = reason
    .replace(/[^\x20-\x7e]+/g, ' ')
    .trim()
    .slice(0, MAX_REASON_CHARS);
  return new SmtpReply(550, `5.7.1 ${line || 'Message rejected by the recipient'}`);
}

/**
 * RFC 5429 §2.1: when the refusal cannot be the reply to this recipient (SMTP has one reply for
 * the whole message and another recipient's copy is already stored), the sender is told by a
 * message instead: from the account, to the envelope sender, with the null reverse-path and
 * Auto-Submitted (RFC 3834) so that nothing answers it. Never to a null sender. Never throws.
 */
export async function sendRejectNotice(
  store: MailStore,
  sendOutgoing: SendOutgoing,
  account: Account,
  message: SieveMessage,
  reason: string,
  log: Logger,
): Promise<void> {
  const to = message.envelope.from;
  if (to === '' || !to.includes('@')) return;
  try {
    const subject = message.header('subject')[0] ?? '';
    const built = await store.buildMessage(account.id, {
      from: [{ name: account.displayName, email: account.email }],
      to: [{ name: null, email: to }],
      subject: `Rejected: ${subject}`.trim(),
      textBody: `Your message to <${message.envelope.to}> was rejected by the recipient:\n\n${reason}\n`,
      headers: [{ name: 'Auto-Submitted', value: 'auto-replied' }],
    });
    await sendOutgoing({ accountId: account.id, mailFrom: '', rcptTo: [to], raw: built.raw });
    log.info('sieve reject notice sent', { accountId: account.id });
  } catch (error) {
    log.warn('sieve reject notice failed', { accountId: account.id, error });
  }
}
