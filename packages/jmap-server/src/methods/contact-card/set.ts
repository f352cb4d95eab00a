import type { ContactCard, MethodResult, SetError } from '@colibri/jmap-types';
import { StoreError } from '@colibri/mail-store';
import type { AccountId } from '@colibri/mail-store';
import type { MethodContext } from '../../method-context.js';
import { toContactCardId } from '../shared/ids.js';
import { collectionSet } from '../shared/collection-set.js';
import { setErrorOf } from '../shared/set-helpers.js';
import { cardInput } from './card-input.js';
import { applyPatch } from './patch.js';
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
  accountId: AccountId,
  values: Record<string, unknown>,
): Promise<{ created: Partial<ContactCard> } | { error: SetError }> {
  const prepared = cardInput(ctx, values, true);
  if ('type' in prepared) return { error: prepared };
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

async function updateOne(
  ctx: MethodContext,
  accountId: AccountId,
  id: string,
  patch: Record<string, unknown>,
): Promise<SetError | null> {
  const cardId = toContactCardId(id);
  const [record] = cardId === null ? [] : await ctx.store.getContactCards(accountId, [cardId]);
  if (cardId === null || record === undefined) return { type: 'notFound' };
  const current = contactCardToWire(record);
  const patched = applyPatch(current as Record<string, unknown>, patch);
  if ('badPath' in patched)
    return { type: 'invalidPatch', description: `Cannot apply "${patched.badPath}".` };
  // RFC 8620 §5.3: id is immutable; RFC 9553 §2.1.9: so is uid.
  if (patched.value.id !== current.id) return { type: 'invalidProperties', properties: ['id'] };
  if (patched.value.uid !== current.uid) return { type: 'invalidProperties', properties: ['uid'] };
  const prepared = cardInput(ctx, patched.value, false);
  if ('type' in prepared) return prepared;
  try {
    await ctx.store.updateContactCard(accountId, cardId, prepared.input);
    return null;
  } catch (error) {
    return cardSetError(error);
  }
}

async function destroyOne(ctx: MethodContext, accountId: AccountId, id: string): Promise<SetError | null> {
  const cardId = toContactCardId(id);
  if (cardId === null) return { type: 'notFound' };
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
 * (RFC 8620 §5.3), so `name/components` or `emails/e1/address` may be patched.
 */
export async function contactCardSet(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'ContactCard/set'>> {
  return collectionSet<ContactCard>('ContactCard', rawArgs, ctx, (accountId) => ({
    create: (values) => createCard(ctx, accountId, values),
    update: (id, patch) => updateOne(ctx, accountId, id, patch),
    destroy: (id) => destroyOne(ctx, accountId, id),
  }));
}
