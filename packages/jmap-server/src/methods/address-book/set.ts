import type { AddressBook, MethodResult, SetError } from '@colibri/jmap-types';
import { AddressBookNotEmptyError, contactLimits } from '@colibri/mail-store';
import type { AccountId } from '@colibri/mail-store';
import { z } from 'zod';
import type { MethodContext } from '../../method-context.js';
import { resolveId } from '../shared/creation-ids.js';
import { toAddressBookId } from '../shared/ids.js';
import { parseArgs } from '../shared/parse-args.js';
import { beginSet, overQuotaAt, setErrorOf } from '../shared/set-helpers.js';
import { applySetItems, setResponse } from '../shared/set-loop.js';
import { extraBookDestroy, extraBookUpdate } from './extra-books.js';
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
  const extra = await extraBookUpdate(ctx, accountId, id, patch);
  if ('type' in extra) return extra;
  const bookId = toAddressBookId(id);
  if (bookId === null) return { type: 'notFound' };
  const update = parseAddressBookPatch(extra.patch);
  if ('type' in update) return update;
  try {
    await ctx.store.updateAddressBook(accountId, bookId, update);
    await extra.apply();
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
  const refused = await extraBookDestroy(ctx, accountId, id);
  if (refused !== null) return refused;
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
  const { args, accountId, oldState } = await beginSet('AddressBook', standard, ctx);
  const out = await applySetItems<AddressBook>(ctx, args, {
    create: (values) => createOne(ctx, accountId, values),
    update: (id, patch) => updateOne(ctx, accountId, id, patch),
    destroy: (id) => destroyOne(ctx, accountId, id, extra.onDestroyRemoveContents === true),
  });
  const failed = [out.notCreated, out.notUpdated, out.notDestroyed].some((m) => Object.keys(m).length > 0);
  if (!failed && extra.onSuccessSetIsDefault != null) {
    const target = toAddressBookId(resolveId(ctx, extra.onSuccessSetIsDefault) ?? '');
    const books = await ctx.store.listAddressBooks(accountId);
    if (target !== null && books.some((b) => b.id === target)) {
      const creationIdOf = new Map(Object.entries(out.created).map(([cid, c]) => [c.id, cid]));
      for (const changed of await ctx.store.setDefaultAddressBook(accountId, target)) {
        const isDefault = changed === target;
        const creationId = creationIdOf.get(changed);
        if (creationId !== undefined) out.created[creationId] = { ...out.created[creationId], isDefault };
        else out.updated[changed] = { ...out.updated[changed], isDefault };
      }
    }
  }
  return setResponse(
    { accountId, oldState, newState: await ctx.store.getState(accountId, 'AddressBook') },
    out,
  );
}
