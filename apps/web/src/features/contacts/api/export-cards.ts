import { ref } from '@colibri/jmap-client';
import type { JmapClient } from '@colibri/jmap-client';
import type { ContactCard, Id } from '@colibri/jmap-types';
import { MAX_GROUP_FILTER } from './query-cards';

/** Explicit limit: the store's own ceiling on the cards of an account. */
export const MAX_EXPORT_CARDS = 50_000;

/**
 * Every card of an address book (or of the account's writable books when `addressBookId` is
 * null), groups too, or only a group's members when `memberUids` is given,
 * read in windows of `pageSize` (RFC 8620 §5.5 position/limit, §3.7 back-references).
 */
export async function getAllCards(
  client: JmapClient,
  accountId: Id,
  addressBookId: Id | null,
  pageSize: number,
  readOnlyBookIds: readonly Id[] = [],
  memberUids: readonly string[] | null = null,
): Promise<ContactCard[]> {
  const cards: ContactCard[] = [];
  if (memberUids && memberUids.length === 0) return cards;
  const scope = addressBookId
    ? { inAddressBook: addressBookId }
    : readOnlyBookIds.length > 0
      ? { operator: 'NOT' as const, conditions: readOnlyBookIds.map((id) => ({ inAddressBook: id })) }
      : null;
  // A group's members only (RFC 9553 §2.1.6): an OR of their uids, as the list filters them.
  const members = memberUids
    ? { operator: 'OR' as const, conditions: memberUids.slice(0, MAX_GROUP_FILTER).map((uid) => ({ uid })) }
    : null;
  const filter =
    scope && members ? { operator: 'AND' as const, conditions: [scope, members] } : (scope ?? members);
  for (let position = 0; position < MAX_EXPORT_CARDS; position += pageSize) {
    const { query, got } = await client.request((b) => {
      const query = b.call('ContactCard/query', {
        accountId,
        filter,
        position,
        limit: pageSize,
        calculateTotal: true,
      });
      const got = b.call('ContactCard/get', { accountId, ids: ref(query, '/ids') });
      return { query, got };
    });
    const byId = new Map(got.list.map((card) => [card.id, card as ContactCard]));
    cards.push(...query.ids.flatMap((id) => byId.get(id) ?? []));
    if (query.ids.length < pageSize || position + pageSize >= (query.total ?? Infinity)) break;
  }
  return cards;
}
