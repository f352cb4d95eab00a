import type { JmapClient } from '@colibri/jmap-client';
import { Keyword } from '@colibri/jmap-types';
import type { Email, Id } from '@colibri/jmap-types';
import type { ComposeMailboxes } from './get-compose-account';
import { ComposeSetError } from './save-draft';
import { composeMessages } from '../messages';

export interface SendRequest {
  accountId: Id;
  identityId: Id;
  /** The Email/set create of the message, in Drafts with $draft (see buildEmailCreate). */
  email: Partial<Email>;
  /** The draft saved so far, replaced by the message sent. */
  previousDraftId: Id | null;
  mailboxes: ComposeMailboxes;
  /** When the server releases it; null sends now. Before then it can be canceled (undo). */
  sendAt: Date | null;
}

export interface SendResult {
  submissionId: Id;
  emailId: Id;
  /** The release time the server set (RFC 8621 §7 sendAt). */
  sendAt: string;
  undoStatus: 'pending' | 'final' | 'canceled';
}

/** Escapes an id for a JSON Pointer patch path (RFC 6901 §3). */
export const pointer = (id: string) => id.replace(/~/g, '~0').replace(/\//g, '~1');

/** The Email patch of a message leaving Drafts for Sent (and of an undone one, the way back). */
export function movePatch(from: Id | null, to: Id | null, draft: boolean): Record<string, unknown> {
  const patch: Record<string, unknown> = { [`keywords/${Keyword.Draft}`]: draft ? true : null };
  if (from && to && from !== to) {
    patch[`mailboxIds/${pointer(from)}`] = null;
    patch[`mailboxIds/${pointer(to)}`] = true;
  }
  return patch;
}

/**
 * Sends in one request (RFC 8620 §3.3): Email/set creates the message in Drafts (destroying the
 * previous draft), then EmailSubmission/set (RFC 8621 §7.5) submits it, with `sendAt` for undo
 * send and send later, and onSuccessUpdateEmail moves it to Sent without $draft once the
 * submission exists. The envelope is the server's, from the header fields (Bcc included).
 */
export async function sendEmail(client: JmapClient, request: SendRequest): Promise<SendResult> {
  const { accountId, mailboxes } = request;
  const { emails, submissions } = await client.request((b) => {
    const emails = b.call('Email/set', {
      accountId,
      create: { message: request.email },
      ...(request.previousDraftId ? { destroy: [request.previousDraftId] } : {}),
    });
    const submissions = b.call('EmailSubmission/set', {
      accountId,
      create: {
        send: {
          identityId: request.identityId,
          emailId: '#message',
          ...(request.sendAt ? { sendAt: request.sendAt.toISOString().replace(/\.\d{3}Z$/, 'Z') } : {}),
        },
      },
      onSuccessUpdateEmail: { '#send': movePatch(mailboxes.drafts, mailboxes.sent, false) },
    });
    return { emails, submissions };
  });
  const emailRefused = emails.notCreated?.message;
  if (emailRefused) throw new ComposeSetError(emailRefused, composeMessages.messageNotCreated);
  const emailId = emails.created?.message?.id;
  const refused = submissions.notCreated?.send;
  if (refused) throw new SubmissionRefusedError(refused, emailId ?? null);
  const created = submissions.created?.send;
  if (!created?.id || !emailId) throw new Error('The server answered without the submission.');
  return {
    submissionId: created.id,
    emailId,
    sendAt: created.sendAt ?? new Date().toISOString(),
    undoStatus: created.undoStatus ?? 'final',
  };
}

/** The message was created (as a draft) but not submitted: `emailId` is the draft to keep. */
export class SubmissionRefusedError extends ComposeSetError {
  constructor(
    setError: ConstructorParameters<typeof ComposeSetError>[0],
    readonly emailId: Id | null,
  ) {
    super(setError, composeMessages.messageNotSent);
  }
}

/**
 * Undo send and cancel a send later (RFC 8621 §7.5): undoStatus to canceled while pending, and
 * onSuccessUpdateEmail brings the message back from Sent to Drafts as a $draft to edit.
 * Throws ComposeSetError `cannotUnsend` when it has already gone.
 */
export async function cancelSubmission(
  client: JmapClient,
  accountId: Id,
  submissionId: Id,
  mailboxes: ComposeMailboxes,
): Promise<void> {
  const result = await client.call('EmailSubmission/set', {
    accountId,
    update: { [submissionId]: { undoStatus: 'canceled' } },
    onSuccessUpdateEmail: { [submissionId]: movePatch(mailboxes.sent, mailboxes.drafts, true) },
  });
  const refused = result.notUpdated?.[submissionId];
  if (refused) throw new ComposeSetError(refused, composeMessages.messageNotHeldBack);
}
