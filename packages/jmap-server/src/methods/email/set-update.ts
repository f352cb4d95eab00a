import type { SetError } from '@colibri/jmap-types';
import { StoreError } from '@colibri/mail-store';
import type { AccountId } from '@colibri/mail-store';
import type { MethodContext } from '../../method-context.js';
import { toEmailId, toMailboxId } from '../shared/ids.js';
import { resolveId } from '../shared/creation-ids.js';
import { applyMapPatch, parseEmailPatch, resolveMapPatch } from './set-patch.js';

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
  accountId: AccountId,
  id: string,
  rawPatch: Record<string, unknown>,
): Promise<SetError | null> {
  const patch = parseEmailPatch(rawPatch);
  if ('type' in patch) return patch;
  const emailId = toEmailId(id);
  const [record] = emailId === null ? [] : await ctx.store.getEmails(accountId, [emailId]);
  if (record === undefined) return { type: 'notFound' };

  let mailboxIds: string[] | null = null;
  if (patch.mailboxIds !== undefined) {
    // An unknown `#creationId` stays as given and is refused below as an unknown mailbox.
    const resolved = resolveMapPatch(patch.mailboxIds, (key) => resolveId(ctx, key) ?? key);
    mailboxIds = applyMapPatch(record.mailboxIds, resolved);
    // §4.1.1: an Email belongs to at least one Mailbox at all times, and only to existing ones.
    if (mailboxIds.length === 0)
      return {
        type: 'invalidProperties',
        properties: ['mailboxIds'],
        description: 'An email must be in at least one mailbox.',
      };
    const known = new Set((await ctx.store.listMailboxes(accountId)).map((mailbox) => mailbox.id as string));
    const unknown = mailboxIds.filter((mailboxId) => !known.has(mailboxId));
    if (unknown.length > 0)
      return {
        type: 'invalidProperties',
        properties: ['mailboxIds'],
        description: `Unknown mailboxes: ${unknown.join(', ')}.`,
      };
  }
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
  } catch (error) {
    // Destroyed since it was read: a per-item failure, not a server fault.
    if (error instanceof StoreError && error.code === 'notFound') return { type: 'notFound' };
    throw error;
  }
  return null;
}
