import type { EmailSubmission, SetError } from '@colibri/jmap-types';
import { StoreError, submissionLimits } from '@colibri/mail-store';
import type { AccountId, EmailRecord, Identity } from '@colibri/mail-store';
import { z } from 'zod';
import type { MethodContext } from '../../method-context.js';
import { toEmailId, toIdentityId } from '../shared/ids.js';
import { resolveId } from '../shared/creation-ids.js';
import { collectRecentRecipients } from '../contact-card/recent-contacts.js';
import {
  deriveEnvelope,
  envelopeSchema,
  isValidMailFrom,
  matchesIdentity,
  recipientError,
  releaseTime,
} from './set-envelope.js';
import type { PlainEnvelope } from './set-envelope.js';
import { withoutBcc } from './strip-bcc.js';
import { isClientSubmission, submissionToWire } from './to-wire.js';

/**
 * RFC 8621 §7.5: what a client may give on create. `sendAt` is our extension for "send later"
 * without an envelope (the standard way is RFC 4865 HOLDUNTIL/HOLDFOR on mailFrom; both work).
 */
const createSchema = z.strictObject({
  identityId: z.string(),
  emailId: z.string(),
  envelope: envelopeSchema.nullable().optional(),
  sendAt: z.string().optional(),
});

const invalid = (properties: string[], description: string): SetError => ({
  type: 'invalidProperties',
  properties,
  description,
});

/** A zod failure as invalidProperties, naming the top-level properties at fault. */
function invalidOf(error: z.ZodError): SetError {
  const properties = new Set<string>();
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') issue.keys.forEach((key) => properties.add(key));
    else properties.add(String(issue.path[0] ?? ''));
  }
  return invalid([...properties], 'Invalid or unknown properties.');
}

export interface Created {
  /** The server-set properties (RFC 8620 §5.3 `created`). */
  wire: Partial<EmailSubmission>;
  emailId: string;
}

/** RFC 8621 §7.5: the Email must have a From address; several need a Sender (RFC 5322 §3.6.2). */
function emailError(email: EmailRecord, identity: Identity): SetError | null {
  const from = email.from ?? [];
  if (from.length === 0)
    return { type: 'invalidEmail', properties: ['from'], description: 'The email has no From address.' };
  if (from.length > 1 && (email.sender ?? []).length === 0)
    return {
      type: 'invalidEmail',
      properties: ['sender'],
      description: 'Several From addresses need a Sender.',
    };
  if (!from.every((address) => matchesIdentity(address.email, identity.email)))
    return { type: 'forbiddenFrom', description: `The From address must be ${identity.email}.` };
  return null;
}

/** The release time: the envelope's FUTURERELEASE or `sendAt`, within maxDelayedSend. */
function sendTime(args: z.infer<typeof createSchema>, now: Date): Date | null | SetError {
  const held = args.envelope == null ? null : releaseTime(args.envelope, now);
  if (held !== null && !(held instanceof Date)) return held;
  let sendAt = held;
  if (args.sendAt !== undefined) {
    const asked = new Date(args.sendAt);
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(args.sendAt) || Number.isNaN(asked.getTime()))
      return invalid(['sendAt'], 'sendAt must be a UTCDate.');
    if (held !== null && held.getTime() !== asked.getTime())
      return invalid(['sendAt', 'envelope'], 'sendAt and the envelope’s hold time differ.');
    sendAt = asked;
  }
  if (sendAt !== null && sendAt.getTime() - now.getTime() > submissionLimits.maxDelayedSendMs)
    return invalid(
      [args.sendAt === undefined ? 'envelope' : 'sendAt'],
      `A submission may be held at most ${submissionLimits.maxDelayedSendMs / 1000} seconds (maxDelayedSend).`,
    );
  return sendAt;
}

/**
 * RFC 8621 §7.5: one EmailSubmission create. Checks, in order: the properties, the identity (the
 * account's), the email (the account's, with a From the identity allows), the envelope (given or
 * derived from the headers) and its hold time; then queues the message, without its Bcc field.
 */
export async function createSubmission(
  ctx: MethodContext,
  accountId: AccountId,
  raw: Record<string, unknown>,
  identities: readonly Identity[],
): Promise<Created | SetError> {
  const parsed = createSchema.safeParse(raw);
  if (!parsed.success) return invalidOf(parsed.error);
  const args = parsed.data;

  const identityId = toIdentityId(resolveId(ctx, args.identityId) ?? '');
  const identity = identities.find((candidate) => candidate.id === identityId);
  if (identity === undefined) return invalid(['identityId'], 'No such identity in this account.');
  const emailId = toEmailId(resolveId(ctx, args.emailId) ?? '');
  const [email] = emailId === null ? [] : await ctx.store.getEmails(accountId, [emailId]);
  if (email === undefined) return invalid(['emailId'], 'No such email in this account.');
  const emailProblem = emailError(email, identity);
  if (emailProblem !== null) return emailProblem;
  // The identity's address may have stopped being the account's (an alias removed since).
  if (!identity.email.startsWith('*@') && !(await ctx.store.mayUseAddress(accountId, identity.email)))
    return { type: 'forbiddenToSend', description: `This account may no longer send as ${identity.email}.` };

  const now = new Date();
  const sendAt = sendTime(args, now);
  if (sendAt !== null && !(sendAt instanceof Date)) return sendAt;
  const envelope: PlainEnvelope =
    args.envelope == null
      ? deriveEnvelope(email)
      : { mailFrom: args.envelope.mailFrom.email, rcptTo: args.envelope.rcptTo.map((a) => a.email) };
  const recipients = recipientError(envelope.rcptTo);
  if (recipients !== null) return recipients;
  const mayUseMailFrom =
    isValidMailFrom(envelope.mailFrom) &&
    (matchesIdentity(envelope.mailFrom, identity.email) ||
      (await ctx.store.mayUseAddress(accountId, envelope.mailFrom)));
  if (!mayUseMailFrom)
    return {
      type: 'forbiddenMailFrom',
      description: `This account may not use ${envelope.mailFrom} as MAIL FROM.`,
    };

  let stripped: Uint8Array | null = null;
  if (email.bcc !== null) {
    const bytes = await ctx.store.readBlob(accountId, email.blobId);
    // Never send the stored bytes, Bcc and all, because they could not be read (a server fault).
    if (bytes === null) throw new Error(`The message of email ${email.id} cannot be read`);
    stripped = withoutBcc(bytes);
  }
  try {
    const submission = await ctx.store.createSubmission(accountId, {
      identityId: identity.id,
      emailId: email.id,
      ...(stripped === null ? {} : { raw: stripped }),
      envelope,
      ...(sendAt === null ? {} : { sendAt }),
      now,
    });
    if (!isClientSubmission(submission)) throw new Error('a submission with an email has no thread');
    // Autocomplete ranks the contacts the user writes to first (issue 7: "ranked by use").
    await ctx.store.markContactsUsed(accountId, envelope.rcptTo, now);
    await collectRecentRecipients(ctx, accountId, envelope.rcptTo, email, now);
    const {
      id,
      threadId,
      sendAt: at,
      undoStatus,
      deliveryStatus,
      dsnBlobIds,
      mdnBlobIds,
      envelope: wire,
    } = submissionToWire(submission);
    const wireOut: Partial<EmailSubmission> = {
      id,
      threadId,
      sendAt: at,
      undoStatus,
      deliveryStatus,
      dsnBlobIds,
      mdnBlobIds,
    };
    // RFC 8620 §5.3: a property the server chose (the derived envelope) is returned too.
    if (args.envelope == null) wireOut.envelope = wire;
    return { wire: wireOut, emailId: email.id };
  } catch (error) {
    // Destroyed meanwhile, or an envelope the queue refuses: per-item failures, not server faults.
    if (error instanceof StoreError && error.code === 'notFound')
      return invalid(['emailId'], 'No such email in this account.');
    if (error instanceof StoreError && error.code === 'invalid') return invalid(['envelope'], error.message);
    throw error;
  }
}
