import type { DeliveryStatus, EmailSubmission, EmailSubmissionProperty } from '@colibri/jmap-types';
import type {
  AccountId,
  EmailSubmissionId,
  MailStore,
  RecipientStatus,
  EmailSubmission as StoredSubmission,
} from '@colibri/mail-store';
import { toUtcDate } from '../shared/dates.js';

/** RFC 8621 §7: every EmailSubmission property, all returned by default. */
export const SUBMISSION_PROPERTIES: readonly EmailSubmissionProperty[] = [
  'id',
  'identityId',
  'emailId',
  'threadId',
  'envelope',
  'sendAt',
  'undoStatus',
  'deliveryStatus',
  'dsnBlobIds',
  'mdnBlobIds',
];

/** A stored submission a JMAP client made: system messages (bounces, auto-replies) are not. */
export type ClientSubmission = StoredSubmission & { identityId: string; emailId: string; threadId: string };

export function isClientSubmission(submission: StoredSubmission): submission is ClientSubmission {
  return submission.identityId !== null && submission.emailId !== null && submission.threadId !== null;
}

/**
 * RFC 8621 §7 DeliveryStatus from the queue's state of one recipient. `smtpReply` is the last
 * reply of the server we relayed to (empty before the first attempt); a canceled send will never
 * be delivered (`no`); `displayed` is unknown (no MDN tracking).
 */
function deliveryStatus(recipient: RecipientStatus, canceled: boolean): DeliveryStatus {
  const delivered = canceled && recipient.delivered === 'queued' ? 'no' : recipient.delivered;
  return { smtpReply: recipient.smtpReply ?? '', delivered, displayed: recipient.displayed };
}

/** RFC 8621 §7: the wire form of a submission. Envelope parameters are not kept (null). */
export function submissionToWire(submission: ClientSubmission): EmailSubmission {
  const canceled = submission.undoStatus === 'canceled';
  return {
    id: submission.id,
    identityId: submission.identityId,
    emailId: submission.emailId,
    threadId: submission.threadId,
    envelope: {
      mailFrom: { email: submission.envelope.mailFrom, parameters: null },
      rcptTo: submission.recipients.map((r) => ({ email: r.email, parameters: null })),
    },
    sendAt: toUtcDate(submission.sendAt),
    undoStatus: submission.undoStatus,
    deliveryStatus: Object.fromEntries(
      submission.recipients.map((r) => [r.email, deliveryStatus(r, canceled)]),
    ),
    dsnBlobIds: [],
    mdnBlobIds: [],
  };
}

/** The account's client submissions (all, or those with these ids), as the store has them now. */
export async function clientSubmissions(
  store: MailStore,
  accountId: AccountId,
  ids?: EmailSubmissionId[],
): Promise<ClientSubmission[]> {
  return (await store.getSubmissions(accountId, ids)).filter(isClientSubmission);
}
