import type { AccountId } from '@colibri/mail-store';
import type { SieveMessage } from '@colibri/sieve';
import type { Logger } from '../../logger.js';
import type { SendOutgoing } from '../outgoing.js';
import type { ReceivedMessage } from '../received-message.js';

/**
 * Added to every message a Sieve `redirect` sends on, naming the account that redirected it:
 * RFC 5228 §4.2 asks for loop protection, and a message that comes back carrying our own mark
 * (A redirects to B, B back to A) is kept instead of sent round again.
 */
export const REDIRECT_MARK = 'X-Sieve-Redirected-By';

/** Whether this account already redirected the message (its mark is in the header). */
export function redirectedBefore(message: SieveMessage, accountEmail: string): boolean {
  return message.header(REDIRECT_MARK).some((value) => value.trim().toLowerCase() === accountEmail);
}

/**
 * Queues the message, marked, for each address (RFC 5228 §4.2) through the outbound queue, and
 * returns how many were queued; a failure is logged (the caller keeps the message when none was).
 *
 * The envelope sender is the redirecting account's own address, not the original MAIL FROM:
 * mail leaving with a foreign sender from our servers fails SPF (and DMARC alignment) at the
 * destination, and a bounce of the redirect goes to the user who set it up, who can fix it. A
 * null reverse-path (a bounce being redirected) stays null, so that nothing answers it.
 */
export async function sendRedirects(
  sendOutgoing: SendOutgoing,
  accountId: AccountId,
  accountEmail: string,
  copy: ReceivedMessage,
  mailFrom: string,
  addresses: readonly string[],
  log: Logger,
): Promise<number> {
  if (addresses.length === 0) return 0;
  const raw = Buffer.concat([Buffer.from(`${REDIRECT_MARK}: ${accountEmail}\r\n`), await copy.whole()]);
  let queued = 0;
  for (const address of new Set(addresses.map((a) => a.trim()))) {
    try {
      await sendOutgoing({
        accountId,
        mailFrom: mailFrom === '' ? '' : accountEmail,
        rcptTo: [address],
        raw,
      });
      queued++;
      log.info('sieve redirect queued', { accountId, to: address });
    } catch (error) {
      log.warn('sieve redirect failed', { accountId, to: address, error });
    }
  }
  return queued;
}
