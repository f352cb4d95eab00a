import type { AccountId, MailStore } from '@colibri/mail-store';
import type { Logger } from '../logger.js';
import { deliverToFolder, mailboxWithRole } from './local-delivery.js';
import type { DeliveryFolder } from './local-delivery.js';
import type { SendOutgoing } from './outgoing.js';
import type { ReceivedMessage } from './received-message.js';
import { activeSieveScript } from './sieve/active-script.js';
import { deliverWithSieve, type SieveDeliveryResult } from './sieve/sieve-delivery.js';

/**
 * One account's copy, from outside (SMTP, LMTP) or from a colleague (the outbound worker's local
 * delivery): through the account's active Sieve script (RFC 5228) into its mailboxes, or, without
 * one, into the folder. Quarantined mail (folder Junk) is not filtered: it goes to Junk as it is,
 * and a likely forged sender must not trigger redirects or replies.
 *
 * VacationResponse and Sieve (RFC 9661 §4): RFC 9661 lets a server implement the JMAP
 * VacationResponse as a Sieve script of its own (then protected from SieveScript/set). We do not:
 * the VacationResponse stays the store's singleton and replies after a stored copy, as without
 * Sieve, so it works whatever the user's script is; only when the script runs a `vacation` action
 * itself is the VacationResponse reply skipped for that message (`scriptVacation`), never two.
 */
export async function deliverToAccount(
  store: MailStore,
  accountId: AccountId,
  copy: ReceivedMessage,
  receivedAt: Date,
  folder: DeliveryFolder,
  envelope: { from: string; to: string },
  sendOutgoing: SendOutgoing | undefined,
  log: Logger,
): Promise<SieveDeliveryResult> {
  const script = folder === 'inbox' ? await activeSieveScript(store, accountId, log) : null;
  const account = script === null ? null : await store.getAccount(accountId);
  if (script === null || account === null)
    return {
      email: await deliverToFolder(store, accountId, copy, receivedAt, folder),
      reject: null,
      scriptVacation: false,
    };
  return deliverWithSieve({
    store,
    account,
    script,
    copy,
    keepFolder: await mailboxWithRole(store, accountId, 'inbox'),
    receivedAt,
    envelope,
    sendOutgoing,
    log,
  });
}
