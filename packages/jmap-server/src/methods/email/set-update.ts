import type { SetError } from '@colibri/jmap-types';
import { StoreError } from '@colibri/mail-store';
import type { MailboxId } from '@colibri/mail-store';
import { mayOnAll, mayReadEmail, seesMailbox, type MailAccess } from '../../access.js';
import { visibleMailboxIds } from '../shared/mail-visibility.js';
import type { MethodContext } from '../../method-context.js';
import { toEmailId, toMailboxId } from '../shared/ids.js';
import { resolveId } from '../shared/creation-ids.js';
import { applyMapPatch, parseEmailPatch, resolveMapPatch } from './set-patch.js';
import { applySnoozeChange, parseSnoozeChange, usesSnooze, type SnoozeChange } from './snooze.js';

/**
 * Takes `snoozed` (Capability.Snooze) out of the patch. Without the capability in `using` it
 * stays, and is refused as a property that cannot be updated. Snoozing moves the email itself,
 * so it does not go with a `mailboxIds` change.
 */
function splitSnooze(
  ctx: MethodContext,
  rawPatch: Record<string, unknown>,
): { rest: Record<string, unknown>; snooze?: SnoozeChange } | SetError {
  if (!usesSnooze(ctx) || !('snoozed' in rawPatch)) return { rest: rawPatch };
  const { snoozed, ...rest } = rawPatch;
  if (Object.keys(rest).some((path) => path.split('/')[0] === 'mailboxIds'))
    return {
      type: 'invalidProperties',
      properties: ['snoozed', 'mailboxIds'],
      description: 'Snoozing moves the email: mailboxIds may not change in the same update.',
    };
  const snooze = parseSnoozeChange(snoozed, new Date());
  return snooze !== null && 'type' in snooze ? snooze : { rest, snooze };
}

/**
 * RFC 8621 §2.4 in a shared account (RFC 9670): adding to a mailbox needs mayAddItems there,
 * taking out mayRemoveItems; changing $seen needs maySetSeen and other keywords maySetKeywords,
 * on every mailbox the email is in.
 */
function updateRefusal(
  access: MailAccess,
  record: { mailboxIds: MailboxId[]; keywords: string[] },
  mailboxIds: string[] | null,
  keywords: string[] | null,
): SetError | null {
  if (access.shares === null) return null;
  const refuse = (description: string): SetError => ({ type: 'forbidden', description });
  if (mailboxIds !== null) {
    const added = mailboxIds.filter((id) => !record.mailboxIds.includes(id as MailboxId)) as MailboxId[];
    const removed = record.mailboxIds.filter((id) => !mailboxIds.includes(id));
    if (!mayOnAll(access, added, 'mayAddItems')) return refuse('You may not add emails to that mailbox.');
    if (!mayOnAll(access, removed, 'mayRemoveItems'))
      return refuse('You may not remove emails from that mailbox.');
  }
  if (keywords !== null) {
    const before = new Set(record.keywords);
    const after = new Set(keywords);
    const changed = [...before, ...after].filter((k) => before.has(k) !== after.has(k));
    if (changed.includes('$seen') && !mayOnAll(access, record.mailboxIds, 'maySetSeen'))
      return refuse('You may not change $seen here.');
    if (changed.some((k) => k !== '$seen') && !mayOnAll(access, record.mailboxIds, 'maySetKeywords'))
      return refuse('You may not change keywords here.');
  }
  return null;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((item) => set.has(item));
}

/**
 * RFC 8621 §4.6: one Email update; null on success, else the SetError for `notUpdated`.
 * Writes only what changes, so that a no-op patch does not bump the Email state.
 */
export async function updateEmail(
  ctx: MethodContext,
  access: MailAccess,
  id: string,
  rawPatch: Record<string, unknown>,
): Promise<SetError | null> {
  const { accountId } = access;
  const split = splitSnooze(ctx, rawPatch);
  if ('type' in split) return split;
  const patch = parseEmailPatch(split.rest);
  if ('type' in patch) return patch;
  const emailId = toEmailId(id);
  const [record] = emailId === null ? [] : await ctx.store.getEmailSummaries(accountId, [emailId]);
  if (record === undefined || !mayReadEmail(access, record.mailboxIds)) return { type: 'notFound' };

  let mailboxIds: string[] | null = null;
  if (patch.mailboxIds !== undefined) {
    // An unknown `#creationId` stays as given and is refused below as an unknown mailbox.
    const resolved = resolveMapPatch(patch.mailboxIds, (key) => resolveId(ctx, key) ?? key);
    // A sharee patches the mailboxes they see; those they do not see stay as they are.
    const seen = visibleMailboxIds(access, record.mailboxIds);
    const hidden = record.mailboxIds.filter((mailboxId) => !seen.includes(mailboxId));
    mailboxIds = [...hidden, ...applyMapPatch(seen, resolved)];
    // §4.1.1: an Email belongs to at least one Mailbox at all times, and only to existing ones.
    if (mailboxIds.length === 0)
      return {
        type: 'invalidProperties',
        properties: ['mailboxIds'],
        description: 'An email must be in at least one mailbox.',
      };
    const known = new Set(
      (await ctx.store.listMailboxes(accountId))
        .filter((mailbox) => seesMailbox(access, mailbox.id))
        .map((mailbox) => mailbox.id as string),
    );
    for (const mailboxId of record.mailboxIds) known.add(mailboxId);
    const unknown = mailboxIds.filter((mailboxId) => !known.has(mailboxId));
    if (unknown.length > 0)
      return {
        type: 'invalidProperties',
        properties: ['mailboxIds'],
        description: `Unknown mailboxes: ${unknown.join(', ')}.`,
      };
  }
  const refused = updateRefusal(
    access,
    record,
    mailboxIds,
    patch.keywords === undefined ? null : applyMapPatch(record.keywords, patch.keywords),
  );
  if (refused !== null) return refused;
  try {
    // Two store writes (each one transaction): mailboxes first, so that a failed move leaves the
    // keywords untouched too.
    if (mailboxIds !== null && !sameSet(mailboxIds, record.mailboxIds)) {
      const ids = mailboxIds.flatMap((mailboxId) => toMailboxId(mailboxId) ?? []);
      await ctx.store.setMailboxes(accountId, record.id, ids);
    }
    if (patch.keywords !== undefined) {
      const keywords = applyMapPatch(record.keywords, patch.keywords);
      if (!sameSet(keywords, record.keywords)) await ctx.store.setKeywords(accountId, record.id, keywords);
    }
    if (split.snooze !== undefined) return await applySnoozeChange(ctx, access, record, split.snooze);
  } catch (error) {
    // Destroyed since it was read: a per-item failure, not a server fault.
    if (error instanceof StoreError && error.code === 'notFound') return { type: 'notFound' };
    throw error;
  }
  return null;
}
