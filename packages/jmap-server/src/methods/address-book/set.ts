import type { AddressBook, MethodResult, SetError } from '@colibri/jmap-types';
import { AddressBookNotEmptyError, contactLimits } from '@colibri/mail-store';
import type { AccountId } from '@colibri/mail-store';
import { z } from 'zod';
import type { MethodContext } from '../../method-context.js';
import { collectionSet, setDefaultOnSuccess } from '../shared/collection-set.js';
import { toAddressBookId } from '../shared/ids.js';
import { parseArgs } from '../shared/parse-args.js';
import { overQuotaAt, setErrorOf } from '../shared/set-helpers.js';
import { parseAddressBookCreate, parseAddressBookPatch } from './set-fields.js';
import { addressBookToWire } from './to-wire.js';

/** RFC 9610 §2.3: the arguments /set has beyond RFC 8620 §5.3's. */
const extraSchema = z.strictObject({
  onDestroyRemoveContents: z.boolean().optional(),
  onSuccessSetIsDefault: z.string().nullable().optional(),
});

async function createOne(
  ctx: MethodContext,
  accountId: AccountId,
  values: Record<string, unknown>,
): Promise<{ created: Partial<AddressBook> } | { error: SetError }> {
  const input = parseAddressBookCreate(values);
  if ('type' in input) return { error: input };
  const full = overQuotaAt(
    (await ctx.store.listAddressBooks(accountId)).length,
    contactLimits.maxAddressBooksPerAccount,
    'address books',
  );
  if (full !== null) return { error: full };
  try {
    const book = addressBookToWire(await ctx.store.createAddressBook(accountId, input));
    // RFC 8620 §5.3: the server-set properties and the defaults the client left out.
    const { id, isDefault, myRights, shareWith, description, sortOrder, isSubscribed } = book;
    return { created: { id, isDefault, myRights, shareWith, description, sortOrder, isSubscribed } };
  } catch (error) {
    return { error: setErrorOf(error, ['name']) };
  }
}

async function updateOne(
  ctx: MethodContext,
  accountId: AccountId,
  id: string,
  patch: Record<string, unknown>,
): Promise<SetError | null> {
  const bookId = toAddressBookId(id);
  if (bookId === null) return { type: 'notFound' };
  const update = parseAddressBookPatch(patch);
  if ('type' in update) return update;
  try {
    await ctx.store.updateAddressBook(accountId, bookId, update);
    return null;
  } catch (error) {
    return setErrorOf(error, ['name']);
  }
}

async function destroyOne(
  ctx: MethodContext,
  accountId: AccountId,
  id: string,
  removeContents: boolean,
): Promise<SetError | null> {
  const bookId = toAddressBookId(id);
  if (bookId === null) return { type: 'notFound' };
  try {
    await ctx.store.destroyAddressBook(accountId, bookId, { removeContents });
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
  return collectionSet<AddressBook>(
    'AddressBook',
    standard,
    ctx,
    (accountId) => ({
      create: (values) => createOne(ctx, accountId, values),
      update: (id, patch) => updateOne(ctx, accountId, id, patch),
      destroy: (id) => destroyOne(ctx, accountId, id, extra.onDestroyRemoveContents === true),
    }),
    {
      after: (accountId, out) =>
        setDefaultOnSuccess(ctx, out, extra.onSuccessSetIsDefault, {
          toId: toAddressBookId,
          exists: async (id) => (await ctx.store.listAddressBooks(accountId)).some((b) => b.id === id),
          makeDefault: (id) => ctx.store.setDefaultAddressBook(accountId, id),
        }),
    },
  );
}
