import type { ContactCard, MethodResult, SetError } from '@colibri/jmap-types';
import { StoreError } from '@colibri/mail-store';
import type { MethodContext } from '../../method-context.js';
import { loadBookView, mayWriteBooks, seesCard, type BookView } from '../address-book/access.js';
import { toContactCardId } from '../shared/ids.js';
import { collectionSet } from '../shared/collection-set.js';
import { setErrorOf } from '../shared/set-helpers.js';
import { cardInput } from './card-input.js';
import { applyPatch } from './patch.js';
import { directoryBookIdOf, DIRECTORY_FORBIDDEN, isDirectoryCardId } from './directory.js';
import { contactCardToWire } from './to-wire.js';

/**
 * The store's refusals as SetErrors: a book that is not the account's is invalidProperties on
 * addressBookIds, too large a card tooLarge, too many cards overQuota.
 */
export function cardSetError(error: unknown): SetError {
  if (error instanceof StoreError && error.code === 'notFound')
    return { type: 'invalidProperties', properties: ['addressBookIds'], description: error.message };
  if (error instanceof StoreError && error.code === 'tooLarge')
    return { type: 'tooLarge', description: error.message };
  return setErrorOf(error, ['addressBookIds']);
}

/** Creates one card from its wire form; the server-set properties come back (RFC 8620 §5.3). */
export async function createCard(
  ctx: MethodContext,
  view: BookView,
  values: Record<string, unknown>,
): Promise<{ created: Partial<ContactCard> } | { error: SetError }> {
  const accountId = view.access.accountId;
  const prepared = cardInput(ctx, values, true);
  if ('type' in prepared) return { error: prepared };
  const directory = await directoryBookIdOf(ctx, accountId);
  if (prepared.input.addressBookIds.some((id) => id === directory))
    return { error: { ...DIRECTORY_FORBIDDEN } };
  if (!mayWriteBooks(view, prepared.input.addressBookIds)) return { error: notWritable };
  try {
    const record = await ctx.store.createContactCard(accountId, prepared.input);
    const wire = contactCardToWire(record);
    return {
      created: {
        id: record.id,
        ...prepared.defaults,
        ...(values.addressBookIds === undefined ? { addressBookIds: wire.addressBookIds } : {}),
      },
    };
  } catch (error) {
    return { error: cardSetError(error) };
  }
}

/** RFC 9610 §2 mayWrite, missing on a book the change adds to, removes from or changes in. */
const notWritable: SetError = {
  type: 'forbidden',
  description: 'You may not write to these address books.',
};

async function updateOne(
  ctx: MethodContext,
  view: BookView,
  id: string,
  patch: Record<string, unknown>,
): Promise<SetError | null> {
  const accountId = view.access.accountId;
  if (await isDirectoryCardId(ctx, accountId, id)) return { ...DIRECTORY_FORBIDDEN };
  const cardId = toContactCardId(id);
  const [record] = cardId === null ? [] : await ctx.store.getContactCards(accountId, [cardId]);
  if (cardId === null || record === undefined || !seesCard(view, record)) return { type: 'notFound' };
  const current = contactCardToWire(record);
  const patched = applyPatch(current as Record<string, unknown>, patch);
  if ('badPath' in patched)
    return { type: 'invalidPatch', description: `Cannot apply "${patched.badPath}".` };
  // RFC 8620 §5.3: id is immutable; RFC 9553 §2.1.9: so is uid.
  if (patched.value.id !== current.id) return { type: 'invalidProperties', properties: ['id'] };
  if (patched.value.uid !== current.uid) return { type: 'invalidProperties', properties: ['uid'] };
  const prepared = cardInput(ctx, patched.value, false);
  if ('type' in prepared) return prepared;
  const directory = await directoryBookIdOf(ctx, accountId);
  if (prepared.input.addressBookIds.some((book) => book === directory)) return { ...DIRECTORY_FORBIDDEN };
  if (!mayWriteBooks(view, [...new Set([...record.addressBookIds, ...prepared.input.addressBookIds])]))
    return notWritable;
  try {
    await ctx.store.updateContactCard(accountId, cardId, prepared.input);
    return null;
  } catch (error) {
    return cardSetError(error);
  }
}

async function destroyOne(ctx: MethodContext, view: BookView, id: string): Promise<SetError | null> {
  const accountId = view.access.accountId;
  if (await isDirectoryCardId(ctx, accountId, id)) return { ...DIRECTORY_FORBIDDEN };
  const cardId = toContactCardId(id);
  const [record] = cardId === null ? [] : await ctx.store.getContactCards(accountId, [cardId]);
  if (cardId === null || record === undefined || !seesCard(view, record)) return { type: 'notFound' };
  if (!mayWriteBooks(view, record.addressBookIds)) return notWritable;
  try {
    await ctx.store.destroyContactCard(accountId, cardId);
    return null;
  } catch (error) {
    return setErrorOf(error);
  }
}

/**
 * RFC 9610 §3.4: ContactCard/set, the standard /set. A card is checked as an RFC 9553 Card
 * (invalidProperties names the paths at fault); updates are PatchObjects over the whole card
 * (RFC 8620 §5.3), so `name/components` or `emails/e1/address` may be patched. In a shared account
 * the RFC 9610 §2 rights apply: mayRead to see a card, mayWrite on every book a change touches.
 * The organisation directory's book and cards are read-only: writes to them are `forbidden`.
 */
export async function contactCardSet(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'ContactCard/set'>> {
  let view: BookView | null = null;
  return collectionSet<ContactCard>(
    'ContactCard',
    rawArgs,
    ctx,
    () => {
      const reached = view!;
      return {
        create: (values) => createCard(ctx, reached, values),
        update: (id, patch) => updateOne(ctx, reached, id, patch),
        destroy: (id) => destroyOne(ctx, reached, id),
      };
    },
    {
      authorise: async (ctx, accountId) => {
        view = await loadBookView(ctx, accountId);
        return view.access.accountId;
      },
    },
  );
}
