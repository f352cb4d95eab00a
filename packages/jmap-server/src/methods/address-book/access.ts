import type { AddressBookRights } from '@colibri/jmap-types';
import type { AddressBookRecord, ContactCardRecord } from '@colibri/mail-store';
import { collectionRights, seesCollection, type CollectionAccess } from '../../collection-access.js';
import type { MethodContext } from '../../method-context.js';
import { requireCollectionAccess } from '../shared/account.js';

/** The principal's view of an account's address books: their access, and who each is shared with. */
export interface BookView {
  access: CollectionAccess<'addressBook'>;
  /** RFC 9670 §4 shareWith, by book id (only books shared with someone). */
  shareWith: Map<string, Record<string, AddressBookRights>>;
}

/** Checks the principal may reach the account's address books (RFC 9670), and loads who shares what. */
export async function loadBookView(ctx: MethodContext, accountId: string): Promise<BookView> {
  const access = await requireCollectionAccess(ctx, accountId, 'addressBook');
  const shareWith = new Map<string, Record<string, AddressBookRights>>();
  for (const share of await ctx.store.listCollectionShares(access.accountId, 'addressBook'))
    shareWith.set(share.collectionId, {
      ...shareWith.get(share.collectionId),
      [share.granteeId]: share.rights,
    });
  return { access, shareWith };
}

/** The account's address books the principal sees (all of them for the owner). */
export async function visibleBooks(ctx: MethodContext, view: BookView): Promise<AddressBookRecord[]> {
  return (await ctx.store.listAddressBooks(view.access.accountId)).filter((b) =>
    seesCollection(view.access, b.id),
  );
}

/** The principal's rights on an address book of the account (RFC 9610 §2). */
export function bookRights(view: BookView, bookId: string): AddressBookRights {
  return { ...collectionRights(view.access, bookId) };
}

/** RFC 9610 §2 mayRead: a card is seen when one of its books may be read. */
export function seesCard(view: BookView, card: Pick<ContactCardRecord, 'addressBookIds'>): boolean {
  return view.access.shares === null || card.addressBookIds.some((id) => bookRights(view, id).mayRead);
}

/**
 * RFC 9610 §2 mayWrite: cards are created, changed, destroyed, moved into or out of a book only
 * with mayWrite on it; a sharee names the books (the owner's default may not be theirs).
 */
export function mayWriteBooks(view: BookView, bookIds: readonly string[]): boolean {
  if (view.access.shares === null) return true;
  return bookIds.length > 0 && bookIds.every((id) => bookRights(view, id).mayWrite);
}

/** Of query results (ordered card ids), those the principal may see, in order. */
export async function visibleCardIds(ctx: MethodContext, view: BookView, ids: string[]): Promise<string[]> {
  if (view.access.shares === null) return ids;
  const records = await ctx.store.getContactCards(view.access.accountId, ids as ContactCardRecord['id'][]);
  const seen = new Set<string>(records.filter((r) => seesCard(view, r)).map((r) => r.id));
  return ids.filter((id) => seen.has(id));
}
