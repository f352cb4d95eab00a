import type { AddressBook, SetError } from '@colibri/jmap-types';
import type { AccountId } from '@colibri/mail-store';
import type { MethodContext } from '../../method-context.js';
import { directoryBookToWire, directoryOf, DIRECTORY_FORBIDDEN } from '../contact-card/directory.js';
import { bookRights, visibleBooks, type BookView } from './access.js';
import { addressBookToWire } from './to-wire.js';

const COLLECT_RECENT = 'colibri:collectRecent';

/**
 * The account's books as AddressBook/get shows them to the principal: those it sees, with its
 * rights (RFC 9670); for the owner, the book of recently used addresses with its
 * `colibri:collectRecent` setting, then the organisation directory. A sharee sees the directory
 * in its own account, not in the ones shared with it.
 */
export async function addressBooksOf(ctx: MethodContext, view: BookView): Promise<AddressBook[]> {
  const accountId = view.access.accountId;
  const owner = view.access.shares === null;
  const books = await visibleBooks(ctx, view);
  const settings =
    owner && books.some((b) => b.role === 'recent') ? await ctx.store.getContactSettings(accountId) : null;
  const directory = owner ? await directoryOf(ctx, accountId) : null;
  return [
    ...books.map((book) => {
      const wire = addressBookToWire(book, {
        rights: bookRights(view, book.id),
        shareWith: view.shareWith.get(book.id),
      });
      return book.role === 'recent' && settings !== null
        ? { ...wire, [COLLECT_RECENT]: settings.collectRecent }
        : wire;
    }),
    ...(directory === null ? [] : [directoryBookToWire(directory)]),
  ];
}

/**
 * What AddressBook/set does beyond the store's book fields for an update: the directory is
 * forbidden; `colibri:collectRecent` only on the recent book, applied after the rest succeeded.
 */
export async function extraBookUpdate(
  ctx: MethodContext,
  accountId: AccountId,
  id: string,
  patch: Record<string, unknown>,
): Promise<SetError | { patch: Record<string, unknown>; apply: () => Promise<void> }> {
  const directory = await directoryOf(ctx, accountId);
  if (directory !== null && id === directory.bookId) return { ...DIRECTORY_FORBIDDEN };
  if (!Object.hasOwn(patch, COLLECT_RECENT)) return { patch, apply: async () => {} };
  const { [COLLECT_RECENT]: collect, ...rest } = patch;
  const recent = (await ctx.store.listAddressBooks(accountId)).find((b) => b.role === 'recent');
  if (typeof collect !== 'boolean' || recent?.id !== id)
    return { type: 'invalidProperties', properties: [COLLECT_RECENT] };
  return {
    patch: rest,
    apply: () => ctx.store.setContactSettings(accountId, { collectRecent: collect }),
  };
}

/** AddressBook/set destroy: the directory is forbidden (RFC 9610 §2 myRights.mayDelete false). */
export async function extraBookDestroy(
  ctx: MethodContext,
  accountId: AccountId,
  id: string,
): Promise<SetError | null> {
  const directory = await directoryOf(ctx, accountId);
  return directory !== null && id === directory.bookId ? { ...DIRECTORY_FORBIDDEN } : null;
}
