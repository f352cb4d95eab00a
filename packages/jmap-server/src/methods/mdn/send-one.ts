import type { Mdn, SetError } from '@colibri/jmap-types';
import { dispositionNotification, dispositionRequest, mimeLimits, StoreError } from '@colibri/mail-store';
import type { AccountId, Identity } from '@colibri/mail-store';
import type { MethodContext } from '../../method-context.js';
import { invalidProperties as invalidPropertiesOf } from '../shared/invalid-properties.js';
import { invalidProperties } from '../shared/set-properties.js';
import { toEmailId } from '../shared/ids.js';
import { resolveId } from '../shared/creation-ids.js';
import { matchesIdentity } from '../email-submission/set-envelope.js';
import { sendMdnSchema } from './mdn-object.js';
import type { SendMdn } from './mdn-object.js';

export interface Sent {
  /** RFC 9007 §2.1 `sent`: the properties the server set or defaulted. */
  wire: Partial<Mdn>;
  emailId: string;
}

const notFound = (description: string): SetError => ({ type: 'notFound', description });

/** The address of a Final-Recipient value ("rfc822; a@b", or a bare address). */
const addressOf = (value: string) => value.slice(value.lastIndexOf(';') + 1).trim();

/** RFC 8098 §3.1: the human-readable part when the client gives none. */
function defaultText(mdn: SendMdn, recipient: string, subject: string | null): string {
  const about = subject === null ? 'your message' : `your message "${subject}"`;
  return `This is a receipt for ${about} to ${recipient}: it has been ${mdn.disposition.type}.\r\n`;
}

/**
 * RFC 9007 §2.1: one MDN/send item. The email must be the account's, carry no $mdnsent keyword
 * and ask for a notification (Disposition-Notification-To, RFC 8098 §2.1); the MDN goes to those
 * addresses from the identity's, with a null MAIL FROM (RFC 8098 §3), through the submission queue.
 */
export async function sendOneMdn(
  ctx: MethodContext,
  accountId: AccountId,
  identity: Identity,
  raw: Record<string, unknown>,
  /** Emails an earlier MDN of the same call was sent for. */
  sentBefore: ReadonlySet<string>,
): Promise<Sent | SetError> {
  const parsed = sendMdnSchema.safeParse(raw);
  if (!parsed.success) return invalidPropertiesOf(parsed.error);
  const mdn = parsed.data;

  const emailId = toEmailId(resolveId(ctx, mdn.forEmailId) ?? '');
  const [email] = emailId === null ? [] : await ctx.store.getEmails(accountId, [emailId]);
  if (email === undefined) return notFound('No such email in this account (forEmailId).');
  if (email.keywords.includes('$mdnsent') || sentBefore.has(email.id))
    return { type: 'mdnAlreadySent', description: 'An MDN was sent for this email already ($mdnsent).' };
  const original = await ctx.store.readBlob(accountId, email.blobId);
  if (original === null) throw new Error(`The message of email ${email.id} cannot be read`);
  const request = dispositionRequest(original);
  if (request.notifyTo.length === 0)
    return notFound('The email has no valid Disposition-Notification-To header field.');

  // A wildcard identity ("*@domain") is no address to write from: the account's own is used.
  const from = identity.email.startsWith('*@')
    ? ((await ctx.store.getAccount(accountId))?.email ?? '')
    : identity.email;
  if (!(await ctx.store.mayUseAddress(accountId, from)))
    return { type: 'forbiddenToSend', description: `This account may no longer send as ${from}.` };
  const finalRecipient = mdn.finalRecipient ?? `rfc822; ${from}`;
  const finalAddress = addressOf(finalRecipient);
  if (
    !matchesIdentity(finalAddress, identity.email) &&
    !(await ctx.store.mayUseAddress(accountId, finalAddress))
  )
    return {
      type: 'forbiddenFrom',
      description: `This account may not issue an MDN for ${finalAddress} (finalRecipient).`,
    };

  const originalMessageId = email.messageId?.[0] === undefined ? null : `<${email.messageId[0]}>`;
  const subject = mdn.subject ?? `Read receipt: ${email.subject ?? ''}`.trim();
  const textBody = mdn.textBody ?? defaultText(mdn, finalAddress, email.subject);
  const includeOriginalMessage = mdn.includeOriginalMessage ?? false;
  let bytes: Uint8Array;
  try {
    bytes = dispositionNotification({
      from: { name: identity.name || null, email: from },
      to: request.notifyTo,
      subject,
      textBody,
      reportingUA: mdn.reportingUA ?? null,
      originalRecipient: request.originalRecipient,
      finalRecipient,
      originalMessageId,
      disposition: mdn.disposition,
      extensionFields: mdn.extensionFields ?? {},
      original,
      includeOriginalMessage,
      hostname: from.slice(from.lastIndexOf('@') + 1) || 'localhost',
    });
  } catch (error) {
    // The schema checked every input the builder refuses; a refusal here names a value it missed.
    return invalidProperties([], error instanceof Error ? error.message : 'Invalid MDN.');
  }
  if (bytes.byteLength > mimeLimits.maxMessageBytes)
    return { type: 'tooLarge', description: `The MDN would exceed ${mimeLimits.maxMessageBytes} bytes.` };
  try {
    // RFC 8098 §3: "The envelope sender address (i.e., SMTP MAIL FROM) of the MDN MUST be null".
    await ctx.store.createSubmission(accountId, {
      identityId: null,
      raw: bytes,
      envelope: { mailFrom: '', rcptTo: request.notifyTo },
    });
  } catch (error) {
    if (error instanceof StoreError && error.code === 'invalid')
      return notFound(`The Disposition-Notification-To addresses cannot be used: ${error.message}`);
    throw error;
  }
  return {
    wire: {
      ...(mdn.subject === undefined ? { subject } : {}),
      ...(mdn.textBody === undefined ? { textBody } : {}),
      ...(mdn.includeOriginalMessage === undefined ? { includeOriginalMessage } : {}),
      mdnGateway: null,
      originalRecipient: request.originalRecipient,
      finalRecipient,
      originalMessageId,
      error: null,
    },
    emailId: email.id,
  };
}
