import type { AddressBook, MethodResult, SetError } from '@colibri/jmap-types';
import { ADDRESS_BOOK_RIGHT_NAMES, AddressBookNotEmptyError, contactLimits } from '@colibri/mail-store';
import type { AddressBookId } from '@colibri/mail-store';
import { seesCollection } from '../../collection-access.js';
import { z } from 'zod';
import type { MethodContext } from '../../method-context.js';
import { sharedCollectionSet } from '../shared/collection-set.js';
import { toAddressBookId } from '../shared/ids.js';
import { parseArgs } from '../shared/parse-args.js';
import { overQuotaAt, setErrorOf } from '../shared/set-helpers.js';
import { applyCollectionShares, takeShareWith } from '../shared/share-with.js';
import { bookRights, loadBookView, type BookView } from './access.js';
import { extraBookDestroy, extraBookUpdate } from './extra-books.js';
import { parseAddressBookCreate, parseAddressBookPatch } from './set-fields.js';
import { addressBookToWire } from './to-wire.js';

/** RFC 9610 §2.3: the arguments /set has beyond RFC 8620 §5.3's. */
const extraSchema = z.strictObject({
  onDestroyRemoveContents: z.boolean().optional(),
  onSuccessSetIsDefault: z.string().nullable().optional(),
});

const shareWithOf = (view: BookView, id: string) => view.shareWith.get(id) ?? null;

async function createOne(
  ctx: MethodContext,
  view: BookView,
  values: Record<string, unknown>,
): Promise<{ created: Partial<AddressBook> } | { error: SetError }> {
  const accountId = view.access.accountId;
  // RFC 9610 §1.4.1 mayCreateAddressBook: false in an account shared with the user.
  if (view.access.shares !== null)
    return { error: { type: 'forbidden', description: 'Only the owner creates address books here.' } };
  const split = takeShareWith(values, null, ADDRESS_BOOK_RIGHT_NAMES);
  if ('type' in split) return { error: split };
  const input = parseAddressBookCreate(split.rest);
  if ('type' in input) return { error: input };
  const full = overQuotaAt(
    (await ctx.store.listAddressBooks(accountId)).length,
    contactLimits.maxAddressBooksPerAccount,
    'address books',
  );
  if (full !== null) return { error: full };
  try {
    const record = await ctx.store.createAddressBook(accountId, input);
    if (split.shareWith !== undefined) {
      const refused = await applyCollectionShares(ctx, accountId, 'addressBook', record.id, split.shareWith);
      if (refused !== null) {
        await ctx.store.destroyAddressBook(accountId, record.id, { removeContents: true });
        return { error: refused };
      }
    }
    const shares = await loadBookView(ctx, accountId);
    const book = addressBookToWire(record, {
      rights: bookRights(shares, record.id),
      shareWith: shares.shareWith.get(record.id),
    });
    // RFC 8620 §5.3: the server-set properties and the defaults the client left out.
    const { id, isDefault, myRights, shareWith, description, sortOrder, isSubscribed } = book;
    return { created: { id, isDefault, myRights, shareWith, description, sortOrder, isSubscribed } };
  } catch (error) {
    return { error: setErrorOf(error, ['name']) };
  }
}

async function updateOne(
  ctx: MethodContext,
  view: BookView,
  id: string,
  patch: Record<string, unknown>,
): Promise<SetError | null> {
  const extra = await extraBookUpdate(ctx, view.access.accountId, id, patch);
  if ('type' in extra) return extra;
  // The setting of the recent book is its owner's.
  if (view.access.shares !== null && extra.patch !== patch)
    return { type: 'forbidden', description: 'Only the owner changes this address book.' };
  const bookId = toAddressBookId(id);
  if (bookId === null || !seesCollection(view.access, bookId)) return { type: 'notFound' };
  const rights = bookRights(view, bookId);
  const split = takeShareWith(extra.patch, shareWithOf(view, bookId), ADDRESS_BOOK_RIGHT_NAMES);
  if ('type' in split) return split;
  // RFC 9610 §2 mayShare: who may change shareWith; the rest of a shared book is its owner's.
  if (split.shareWith !== undefined && !rights.mayShare)
    return { type: 'forbidden', description: 'You may not change who this address book is shared with.' };
  const update = parseAddressBookPatch(split.rest);
  if ('type' in update) return update;
  if (view.access.shares !== null && Object.keys(update).length > 0)
    return { type: 'forbidden', description: 'Only the owner changes this address book.' };
  try {
    if (view.access.shares === null) await ctx.store.updateAddressBook(view.access.accountId, bookId, update);
    await extra.apply();
    if (split.shareWith === undefined) return null;
    return await applyCollectionShares(ctx, view.access.accountId, 'addressBook', bookId, split.shareWith);
  } catch (error) {
    return setErrorOf(error, ['name']);
  }
}

async function destroyOne(
  ctx: MethodContext,
  view: BookView,
  id: string,
  removeContents: boolean,
): Promise<SetError | null> {
  const refused = await extraBookDestroy(ctx, view.access.accountId, id);
  if (refused !== null) return refused;
  const bookId = toAddressBookId(id);
  if (bookId === null || !seesCollection(view.access, bookId)) return { type: 'notFound' };
  if (!bookRights(view, bookId).mayDelete)
    return { type: 'forbidden', description: 'You may not delete this address book.' };
  try {
    await ctx.store.destroyAddressBook(view.access.accountId, bookId, { removeContents });
    return null;
  } catch (error) {
    // RFC 9610 §2.3: cards in this book and onDestroyRemoveContents not set.
    if (error instanceof AddressBookNotEmptyError)
      return { type: 'addressBookHasContents', description: error.message };
    return setErrorOf(error);
  }
}

/**
 * RFC 9610 §2.3: AddressBook/set, the standard /set; destroying a book with cards in it needs
 * onDestroyRemoveContents (cards only in it are destroyed, cards also in other books leave it); the
 * default book cannot be destroyed. When everything succeeded, onSuccessSetIsDefault (an id or
 * `#creationId`) makes that book the default, reported as isDefault in created/updated.
 */
export async function addressBookSet(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'AddressBook/set'>> {
  const { onDestroyRemoveContents, onSuccessSetIsDefault, ...standard } = rawArgs;
  const extra = parseArgs(extraSchema, { onDestroyRemoveContents, onSuccessSetIsDefault });
  return sharedCollectionSet<AddressBook, BookView, AddressBookId>(
    'AddressBook',
    standard,
    ctx,
    loadBookView,
    (view) => ({
      create: (values) => createOne(ctx, view, values),
      update: (id, patch) => updateOne(ctx, view, id, patch),
      destroy: (id) => destroyOne(ctx, view, id, extra.onDestroyRemoveContents === true),
    }),
    {
      given: extra.onSuccessSetIsDefault,
      collection: (accountId) => ({
        toId: toAddressBookId,
        exists: async (id) => (await ctx.store.listAddressBooks(accountId)).some((b) => b.id === id),
        makeDefault: (id) => ctx.store.setDefaultAddressBook(accountId, id),
      }),
    },
  );
}
