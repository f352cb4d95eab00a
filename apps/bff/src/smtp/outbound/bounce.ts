import {
  deliveryStatusReport,
  type AccountId,
  type FailedRecipient,
  type MailStore,
} from '@colibri/mail-store';
import { deliverToInbox, resolveRecipient } from '../local-delivery.js';

export interface BounceInput {
  store: MailStore;
  serverName: string;
  /** The account whose submission failed; a remote sender's bounce is queued under it. */
  accountId: AccountId;
  /** The failed submission's MAIL FROM; "" (null path) never gets a bounce. */
  mailFrom: string;
  failed: FailedRecipient[];
  original: Uint8Array;
  arrivalDate: Date;
  /** Queues a remote bounce (with MAIL FROM <>). */
  queue(message: {
    accountId: AccountId;
    mailFrom: string;
    rcptTo: string[];
    raw: Uint8Array;
  }): Promise<void>;
}

/**
 * Tells the sender that recipients failed for good (RFC 3464 DSN, RFC 5321 §4.5.5 / §6.1: the
 * bounce goes to the reverse-path). A message sent with a null reverse-path gets none, so bounces
 * never loop. A local sender finds it in their Inbox; a remote one gets it queued with MAIL FROM <>.
 */
export async function sendBounce(input: BounceInput): Promise<'none' | 'local' | 'queued'> {
  if (input.mailFrom === '' || input.failed.length === 0) return 'none';
  const raw = deliveryStatusReport({
    reportingMta: input.serverName,
    from: `MAILER-DAEMON@${input.serverName}`,
    to: input.mailFrom,
    recipients: input.failed,
    original: input.original,
    arrivalDate: input.arrivalDate,
  });
  let local: AccountId | null = null;
  try {
    local = await resolveRecipient(input.store, input.mailFrom);
  } catch {
    local = null;
  }
  if (local !== null) {
    const returnPath = new TextEncoder().encode('Return-Path: <>\r\n');
    await deliverToInbox(input.store, local, Buffer.concat([returnPath, raw]), new Date());
    return 'local';
  }
  await input.queue({ accountId: input.accountId, mailFrom: '', rcptTo: [input.mailFrom], raw });
  return 'queued';
}
