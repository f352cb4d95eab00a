import type { SMTPServerAddress, SMTPServerSession } from 'smtp-server';
import type { AccountId, MailStore } from '@colibri/mail-store';
import { deliverToFolder, resolveRecipient } from './local-delivery.js';
import type { DeliveryFolder } from './local-delivery.js';
import type { ReceivedMessage } from './received-message.js';
import { traceHeaders } from './trace-headers.js';
import type { Logger } from '../logger.js';
import type { SendOutgoing } from './outgoing.js';
import { sendVacationReply } from './vacation-reply.js';

/** Optional parts of delivery: without `sendOutgoing`, no vacation auto-replies are sent. */
export interface DeliverOptions {
  /** Where the copies go: the Inbox, or Junk for mail the sender checks quarantined. */
  folder?: DeliveryFolder;
  sendOutgoing?: SendOutgoing | undefined;
  log?: Logger | undefined;
  /**
   * The accounts the recipients resolved to when their RCPT was accepted, moments ago: not looked
   * up again. A recipient missing here is resolved now.
   */
  recipients?: WeakMap<SMTPServerAddress, AccountId> | undefined;
}

/** What became of one envelope recipient: delivered, or the error to answer it with. */
export type RecipientOutcome = { delivered: true } | { delivered: false; error: unknown };

const DELIVERED: RecipientOutcome = { delivered: true };

/**
 * Delivers one received message to every envelope recipient: the one delivery path of SMTP and
 * LMTP. One copy per account (alice and alice+news share it), with trace headers naming only
 * that copy's recipient. Each copy is awaited in turn, so whoever answers the client does so
 * only once the store has committed it. One outcome per `session.envelope.rcptTo`, in order.
 */
export async function deliverMessage(
  store: MailStore,
  session: SMTPServerSession,
  message: ReceivedMessage,
  serverName: string,
  options: DeliverOptions = {},
): Promise<RecipientOutcome[]> {
  const folder = options.folder ?? 'inbox';
  const receivedAt = new Date();
  const byAccount = new Map<AccountId, RecipientOutcome>();
  const outcomes: RecipientOutcome[] = [];
  for (const rcpt of session.envelope.rcptTo) {
    const recipient = rcpt.address;
    let accountId: AccountId;
    try {
      // An account deleted since its RCPT fails its import: a temporary error, and the retry is
      // refused as unknown.
      accountId = options.recipients?.get(rcpt) ?? (await resolveRecipient(store, recipient));
    } catch (error) {
      outcomes.push({ delivered: false, error });
      continue;
    }
    let outcome = byAccount.get(accountId);
    if (outcome === undefined) {
      const trace = traceHeaders({
        mailFrom: mailFromOf(session),
        recipient,
        helo: session.hostNameAppearsAs,
        clientHostname: session.clientHostname,
        clientAddress: session.remoteAddress,
        serverName,
        protocol: session.transmissionType,
        id: session.id,
        date: receivedAt,
      });
      // A view: the trace fields in front of the shared head, then (spooled) the file.
      const copy = message.prepend(trace);
      const delivered = await deliverToFolder(store, accountId, copy, receivedAt, folder).then(
        (email) => ({ email }),
        (error: unknown) => ({ error }),
      );
      outcome = 'email' in delivered ? DELIVERED : { delivered: false, error: delivered.error };
      byAccount.set(accountId, outcome);
      // RFC 3834: after the copy is committed; awaited so that the reply is queued before we answer.
      // Quarantined mail gets no auto-reply: its sender is likely forged.
      if ('email' in delivered && folder === 'inbox' && options.sendOutgoing && options.log)
        await sendVacationReply(
          store,
          options.sendOutgoing,
          accountId,
          delivered.email,
          mailFromOf(session),
          options.log,
        );
    }
    outcomes.push(outcome);
  }
  return outcomes;
}

export function mailFromOf(session: SMTPServerSession): string {
  return session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address;
}
