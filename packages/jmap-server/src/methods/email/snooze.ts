import { Capability } from '@colibri/jmap-types';
import type { EmailSnoozed, SetError, SnoozeAccountCapability } from '@colibri/jmap-types';
import type { AccountId, EmailId, MailboxId } from '@colibri/mail-store';
import { mayOnAll, type MailAccess } from '../../access.js';
import type { MethodContext } from '../../method-context.js';
import { toUtcDate } from '../shared/dates.js';

/**
 * How far ahead a snooze may reach through JMAP: a year is more than any preset of the web app,
 * and keeps a mistyped year from hiding an email for a decade (the store's own cap).
 */
export const MAX_SNOOZE_SECONDS = 366 * 24 * 3600;

/** The account capability of `Capability.Snooze`. */
export const SNOOZE_ACCOUNT_CAPABILITY: SnoozeAccountCapability = { maxSnoozeSeconds: MAX_SNOOZE_SECONDS };

/** Whether the request `using`s the snooze extension (else `snoozed` is an unknown property). */
export const usesSnooze = (ctx: Pick<MethodContext, 'using'>): boolean => ctx.using.has(Capability.Snooze);

/** A parsed `snoozed` value of an Email/set patch: a wake-up time, or null to unsnooze now. */
export type SnoozeChange = { until: Date } | null;

const invalid = (description: string): SetError => ({
  type: 'invalidProperties',
  properties: ['snoozed'],
  description,
});

const UTC_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * The `snoozed` patch value: null, or `{ until }` with a UTCDate (RFC 8620 §1.4) in the future
 * and at most MAX_SNOOZE_SECONDS ahead. Cyrus's `moveToMailboxId` and `setKeywords` may be
 * given only as null: the email always wakes where it was.
 */
export function parseSnoozeChange(value: unknown, now: Date): SnoozeChange | SetError {
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) return invalid('snoozed must be an object or null.');
  const { until, ...rest } = value as Record<string, unknown>;
  for (const [key, extra] of Object.entries(rest)) {
    if ((key === 'moveToMailboxId' || key === 'setKeywords') && extra === null) continue;
    return invalid(`snoozed/${key} is not supported.`);
  }
  if (typeof until !== 'string' || !UTC_DATE.test(until)) return invalid('snoozed/until must be a UTCDate.');
  const at = new Date(until);
  if (Number.isNaN(at.getTime())) return invalid('snoozed/until must be a UTCDate.');
  if (at.getTime() <= now.getTime()) return invalid('snoozed/until must be in the future.');
  if (at.getTime() > now.getTime() + MAX_SNOOZE_SECONDS * 1000)
    return invalid(`snoozed/until may be at most ${MAX_SNOOZE_SECONDS} seconds ahead.`);
  return { until: at };
}

/**
 * The `snoozed` values of these emails: an email is snoozed while the store has its snooze AND
 * it is still in the Snoozed mailbox (moving it out ends the snooze; the store forgets it later).
 */
export async function snoozedValues(
  ctx: MethodContext,
  accountId: AccountId,
  records: readonly { id: EmailId; mailboxIds: readonly MailboxId[] }[],
): Promise<Map<EmailId, EmailSnoozed>> {
  const values = new Map<EmailId, EmailSnoozed>();
  if (records.length === 0) return values;
  const box = await ctx.store.findMailboxByRole(accountId, 'snoozed');
  if (box === null) return values;
  const inBox = new Set(records.filter((r) => r.mailboxIds.includes(box.id)).map((r) => r.id));
  if (inBox.size === 0) return values;
  for (const snooze of await ctx.store.listSnoozed(accountId))
    if (inBox.has(snooze.emailId)) values.set(snooze.emailId, { until: toUtcDate(snooze.until) });
  return values;
}

const forbidden = (description: string): SetError => ({ type: 'forbidden', description });

/**
 * RFC 9670 rights of a sharee (null: allowed). Snoozing takes the email out of every mailbox it is
 * in (also those the sharee does not see) and into the owner's Snoozed mailbox, which must exist
 * and be shared with them: the store would otherwise create a mailbox on their behalf. Waking it
 * early puts it back into the remembered mailboxes.
 */
async function sharedRefusal(
  ctx: MethodContext,
  access: MailAccess,
  record: { id: EmailId; mailboxIds: readonly MailboxId[] },
  change: SnoozeChange,
): Promise<SetError | null> {
  if (access.shares === null) return null;
  const box = await ctx.store.findMailboxByRole(access.accountId, 'snoozed');
  if (
    box === null ||
    !mayOnAll(access, [box.id], 'mayAddItems') ||
    !mayOnAll(access, [box.id], 'mayRemoveItems')
  )
    return forbidden('The Snoozed mailbox of this account is not shared with you.');
  const snooze = (await ctx.store.listSnoozed(access.accountId)).find((s) => s.emailId === record.id);
  const others = record.mailboxIds.filter((id) => id !== box.id);
  if (change !== null && !mayOnAll(access, others, 'mayRemoveItems'))
    return forbidden('You may not remove this email from its mailboxes.');
  if (change === null && snooze !== undefined && !mayOnAll(access, snooze.mailboxIds, 'mayAddItems'))
    return forbidden('You may not put this email back into its mailboxes.');
  return null;
}

/**
 * Applies a `snoozed` patch (after the email's other changes): snooze (or move the wake-up
 * time) and tell the host's scheduler, or unsnooze now. Null on success, else the SetError.
 */
export async function applySnoozeChange(
  ctx: MethodContext,
  access: MailAccess,
  record: { id: EmailId; mailboxIds: readonly MailboxId[] },
  change: SnoozeChange,
): Promise<SetError | null> {
  const refused = await sharedRefusal(ctx, access, record, change);
  if (refused !== null) return refused;
  if (change === null) {
    await ctx.store.unsnoozeEmail(access.accountId, record.id);
    return null;
  }
  await ctx.store.snoozeEmail(access.accountId, record.id, change.until);
  ctx.hooks.snoozeSet?.(change.until);
  return null;
}
