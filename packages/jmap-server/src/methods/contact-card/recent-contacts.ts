import { randomUUID } from 'node:crypto';
import type { AccountId, EmailRecord } from '@colibri/mail-store';
import type { MethodContext } from '../../method-context.js';
import { cardIndex } from './card-index.js';
import { directoryOf } from './directory.js';
import { cardJsonOf } from './to-wire.js';

/**
 * Issue 7, recently used addresses: the recipients of a sent message that neither a card of the
 * account nor the organisation directory has become cards (RFC 9553) in the account's book of
 * recent addresses, named as the message's headers name them. The store skips those that have a
 * card, bounds the book and honours the account's setting.
 */
export async function collectRecentRecipients(
  ctx: MethodContext,
  accountId: AccountId,
  recipients: readonly string[],
  email: EmailRecord,
  at: Date,
): Promise<void> {
  const directory = (await directoryOf(ctx, accountId))?.emails ?? new Set<string>();
  const names = new Map<string, string>();
  for (const address of [...(email.to ?? []), ...(email.cc ?? []), ...(email.bcc ?? [])])
    if (address.name !== null && address.name.trim() !== '')
      names.set(address.email.toLowerCase(), address.name.trim());
  const entries = recipients
    .filter((r) => !directory.has(r.toLowerCase()))
    .map((address) => {
      const name = names.get(address.toLowerCase());
      const card: Record<string, unknown> = {
        '@type': 'Card',
        version: '1.0',
        uid: `urn:uuid:${randomUUID()}`,
        kind: 'individual',
        ...(name === undefined ? {} : { name: { full: name } }),
        emails: { e1: { '@type': 'EmailAddress', address } },
      };
      return { email: address, card: { json: cardJsonOf(card), index: cardIndex(card) } };
    });
  if (entries.length > 0) await ctx.store.collectRecentContacts(accountId, entries, at);
}
