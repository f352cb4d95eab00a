import type { SMTPServerAddress, SMTPServerSession } from 'smtp-server';
import { deliveryTimings } from '@colibri/mail-store';
import type { AccountId, MailStore } from '@colibri/mail-store';
import { resolveRecipient } from './local-delivery.js';
import type { DeliveryFolder } from './local-delivery.js';
import type { ReceivedMessage } from './received-message.js';
import { traceHeaders } from './trace-headers.js';
import { createLogger, type Logger } from '../logger.js';
import type { SendOutgoing } from './outgoing.js';
import { sendVacationReply } from './vacation-reply.js';
import { deliverToAccount } from './deliver-to-account.js';
import { applyInboundImip, fromOurAuthResults } from './imip-inbound.js';
import type { ImipSenderCheck } from './imip-inbound.js';
import type { SieveDeliveryResult } from './sieve/sieve-delivery.js';
import { rejectReply, sendRejectNotice } from './sieve/sieve-reject.js';

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
  /**
   * LMTP (RFC 2033 §4.2): each recipient gets its own reply after DATA, so a Sieve reject is that
   * recipient's 550. Without it (SMTP, one reply for the message) a reject is a 550 only when no
   * copy was stored for anyone; otherwise the sender is told by a notice (RFC 5429 §2.1).
   */
  perRecipientReplies?: boolean;
  /**
   * How a scheduling message's sender is authenticated before it is applied (iMIP, RFC 6047 §3);
   * by default our own Authentication-Results (SMTP).
   */
  imipSender?: ImipSenderCheck | undefined;
}

/** What became of one envelope recipient: delivered, or the error to answer it with. */
export type RecipientOutcome = { delivered: true } | { delivered: false; error: unknown };

const DELIVERED: RecipientOutcome = { delivered: true };
const silent = createLogger('silent');

/**
 * Delivers one received message to every envelope recipient: the one delivery path of SMTP and
 * LMTP. One copy per account (alice and alice+news share it), with trace headers naming only
 * that copy's recipient, run through the account's active Sieve script when it has one. Each copy
 * is awaited in turn, so whoever answers the client does so only once the store has committed
 * it. One outcome per `session.envelope.rcptTo`, in order.
 */
export async function deliverMessage(
  store: MailStore,
  session: SMTPServerSession,
  message: ReceivedMessage,
  serverName: string,
  options: DeliverOptions = {},
): Promise<RecipientOutcome[]> {
  const folder = options.folder ?? 'inbox';
  const log = options.log ?? silent;
  const imipSender = options.imipSender ?? fromOurAuthResults(serverName);
  const receivedAt = new Date();
  const byAccount = new Map<AccountId, RecipientOutcome>();
  const rejected = new Map<AccountId, Extract<SieveDeliveryResult, { reject: object }>>();
  const outcomes: RecipientOutcome[] = [];
  const accountOf: (AccountId | null)[] = [];
  for (const rcpt of session.envelope.rcptTo) {
    const recipient = rcpt.address;
    let accountId: AccountId;
    try {
      // An account deleted since its RCPT fails its import: a temporary error, and the retry is
      // refused as unknown.
      accountId = options.recipients?.get(rcpt) ?? (await resolveRecipient(store, recipient));
    } catch (error) {
      outcomes.push({ delivered: false, error });
      accountOf.push(null);
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
      const envelope = { from: mailFromOf(session), to: recipient };
      const t0 = deliveryTimings ? performance.now() : 0;
      const delivered = await deliverToAccount(
        store,
        accountId,
        copy,
        receivedAt,
        folder,
        envelope,
        options.sendOutgoing,
        log,
      ).then(
        (result) => ({ result }),
        (error: unknown) => ({ error }),
      );
      if ('error' in delivered) outcome = { delivered: false, error: delivered.error };
      else if (delivered.result.reject !== null) {
        rejected.set(accountId, delivered.result);
        outcome = { delivered: false, error: rejectReply(delivered.result.reject.reason) };
      } else outcome = DELIVERED;
      byAccount.set(accountId, outcome);
      const t1 = deliveryTimings ? performance.now() : 0;
      deliveryTimings?.record('deliver.toAccount', t1 - t0);
      // RFC 3834: after the copy is committed; awaited so that the reply is queued before we answer.
      // Quarantined mail gets no auto-reply: its sender is likely forged. A copy the account's
      // filter discarded or redirected away gets none either: it never reached the account.
      const result = 'result' in delivered && delivered.result.reject === null ? delivered.result : null;
      const email = result !== null && !result.scriptVacation ? result.email : null;
      // iMIP (RFC 6047): an authentic scheduling message updates the recipient's calendar.
      if (result !== null && folder === 'inbox')
        await applyInboundImip(store, accountId, recipient, message, imipSender, log);
      if (email && folder === 'inbox' && options.sendOutgoing && options.log)
        await sendVacationReply(
          store,
          options.sendOutgoing,
          accountId,
          email,
          mailFromOf(session),
          options.log,
        );
      deliveryTimings?.record('deliver.imipAndVacation', performance.now() - t1);
    }
    outcomes.push(outcome);
    accountOf.push(accountId);
  }
  if (!options.perRecipientReplies && rejected.size > 0 && outcomes.some((o) => o.delivered)) {
    // SMTP: a 550 would refuse the copies already stored for the others (and a 4xx would make
    // the client send them twice): the rejecting recipients accept, and their senders get a notice.
    for (const [accountId, result] of rejected) {
      const account = await store.getAccount(accountId);
      if (account && options.sendOutgoing)
        await sendRejectNotice(
          store,
          options.sendOutgoing,
          account,
          result.message,
          result.reject.reason,
          log,
        );
      accountOf.forEach((id, i) => {
        if (id === accountId) outcomes[i] = DELIVERED;
      });
    }
  }
  return outcomes;
}

export function mailFromOf(session: SMTPServerSession): string {
  return session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address;
}
