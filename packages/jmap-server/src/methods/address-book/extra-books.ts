import type { AddressBook, SetError } from '@colibri/jmap-types';
import type { AccountId } from '@colibri/mail-store';
import type { MethodContext } from '../../method-context.js';
import { directoryBookToWire, directoryOf, DIRECTORY_FORBIDDEN } from '../contact-card/directory.js';
import { addressBookToWire } from './to-wire.js';

const COLLECT_RECENT = 'colibri:collectRecent';

/**
 * The account's books as AddressBook/get shows them: its own (the book of recently used
 * addresses with its `colibri:collectRecent` setting), then the organisation directory.
 */
export async function addressBooksOf(ctx: MethodContext, accountId: AccountId): Promise<AddressBook[]> {
  const books = await ctx.store.listAddressBooks(accountId);
  const settings = books.some((b) => b.role === 'recent')
    ? await ctx.store.getContactSettings(accountId)
    : null;
  const directory = await directoryOf(ctx, accountId);
  return [
    ...books.map((book) => {
      const wire = addressBookToWire(book);
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
