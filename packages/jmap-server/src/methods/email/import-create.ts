import type { SetError } from '@colibri/jmap-types';
import { looksLikeMessage, QuotaExceededError, StoreError } from '@colibri/mail-store';
import type { AccountId, EmailRecord, MailboxId } from '@colibri/mail-store';
import { z } from 'zod';
import { mayOnAll, seesMailbox, type MailAccess } from '../../access.js';
import type { MethodContext } from '../../method-context.js';
import { toMailboxId } from '../shared/ids.js';
import { keywordSchema } from '../shared/keywords.js';
import { resolveId } from '../shared/creation-ids.js';

/** RFC 3339 UTCDate (RFC 8620 §1.4). */
const utcDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, 'not a UTCDate')
  .refine((value) => !Number.isNaN(Date.parse(value)), 'not a UTCDate');

/**
 * RFC 8621 §4.8 / §4.7: the properties a new email may be given besides its message: at least one
 * mailbox (`#creationId` allowed), keywords, receivedAt. `Id[Boolean]` maps take only `true`.
 */
export const emailPlacementSchema = z.object({
  mailboxIds: z.record(z.string(), z.literal(true)),
  keywords: z.record(z.string(), z.literal(true)).optional(),
  receivedAt: utcDateSchema.optional(),
});

export interface EmailPlacement {
  mailboxIds: MailboxId[];
  keywords: string[];
  receivedAt: Date | undefined;
}

/** The wire placement checked against the account; a SetError `invalidProperties` otherwise. */
export async function resolvePlacement(
  ctx: MethodContext,
  access: MailAccess,
  wire: z.output<typeof emailPlacementSchema>,
): Promise<EmailPlacement | SetError> {
  const wanted = Object.keys(wire.mailboxIds).map((id) => resolveId(ctx, id));
  const known = new Set(
    (await ctx.store.listMailboxes(access.accountId))
      .filter((mailbox) => seesMailbox(access, mailbox.id))
      .map((mailbox) => mailbox.id as string),
  );
  const mailboxIds = wanted.flatMap((id) => (id !== null && known.has(id) ? (toMailboxId(id) ?? []) : []));
  // §4.1.1: at least one mailbox, and only existing ones.
  if (mailboxIds.length === 0 || mailboxIds.length !== wanted.length)
    return {
      type: 'invalidProperties',
      properties: ['mailboxIds'],
      description: 'An email must be in at least one mailbox, and only in existing ones.',
    };
  const keywords: string[] = [];
  for (const keyword of Object.keys(wire.keywords ?? {})) {
    const parsed = keywordSchema.safeParse(keyword);
    if (!parsed.success)
      return {
        type: 'invalidProperties',
        properties: [`keywords/${keyword}`],
        description: 'Not a keyword.',
      };
    keywords.push(parsed.data);
  }
  const refused = placementRefusal(access, mailboxIds, keywords);
  if (refused !== null) return refused;
  const receivedAt = wire.receivedAt === undefined ? undefined : new Date(wire.receivedAt);
  return { mailboxIds, keywords, receivedAt };
}

/**
 * RFC 8621 §2.4 in a shared account (RFC 9670): a new email needs mayAddItems on each of its
 * mailboxes, and maySetSeen / maySetKeywords there for the keywords it starts with.
 */
function placementRefusal(access: MailAccess, mailboxIds: MailboxId[], keywords: string[]): SetError | null {
  const refuse = (description: string): SetError => ({ type: 'forbidden', description });
  if (!mayOnAll(access, mailboxIds, 'mayAddItems'))
    return refuse('You may not add emails to these mailboxes.');
  if (keywords.includes('$seen') && !mayOnAll(access, mailboxIds, 'maySetSeen'))
    return refuse('You may not set $seen in these mailboxes.');
  if (keywords.some((k) => k !== '$seen') && !mayOnAll(access, mailboxIds, 'maySetKeywords'))
    return refuse('You may not set keywords in these mailboxes.');
  return null;
}

/** What `createEmail` answers: the new email, or the SetError for `notCreated`. */
export type CreatedEmail = { email: EmailRecord } | { error: SetError };

/**
 * Stores `raw` as a new email of the account (one store transaction, which logs the Email, Mailbox
 * and Thread changes). RFC 8621 §4.8: bytes that are not a message are `invalidEmail`; the store's
 * expected refusals become SetErrors (`overQuota`, `tooLarge`, `invalidProperties`).
 */
export async function createEmail(
  ctx: MethodContext,
  accountId: AccountId,
  raw: Uint8Array,
  placement: EmailPlacement,
): Promise<CreatedEmail> {
  if (!looksLikeMessage(raw))
    return { error: { type: 'invalidEmail', description: 'The blob is not an RFC 5322 message.' } };
  try {
    const email = await ctx.store.importMessage(accountId, {
      raw,
      mailboxIds: placement.mailboxIds,
      keywords: placement.keywords,
      ...(placement.receivedAt === undefined ? {} : { receivedAt: placement.receivedAt }),
    });
    return { email };
  } catch (error) {
    if (error instanceof QuotaExceededError)
      return { error: { type: 'overQuota', description: error.message } };
    if (!(error instanceof StoreError)) throw error;
    switch (error.code) {
      case 'tooLarge':
        return { error: { type: 'tooLarge', description: error.message } };
      // A mailbox destroyed since it was checked, or a keyword the store refuses.
      case 'notFound':
      case 'invalid':
        return {
          error: {
            type: 'invalidProperties',
            properties: ['mailboxIds', 'keywords'],
            description: error.message,
          },
        };
      default:
        throw error;
    }
  }
}
