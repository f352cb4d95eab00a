import { MethodErrorType } from '@colibri/jmap-types';
import type { MethodResult, SetError } from '@colibri/jmap-types';
import { loadBookView, seesCard } from '../address-book/access.js';
import { z } from 'zod';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import { toContactCardId } from '../shared/ids.js';
import { parseArgs } from '../shared/parse-args.js';
import { idSchema } from '../shared/schemas.js';
import { orNull } from '../shared/set-helpers.js';
import { contactCardSet, createCard } from './set.js';
import { contactCardToWire } from './to-wire.js';

/** RFC 8620 §5.4: the standard /copy arguments. */
const copyArgsSchema = z.strictObject({
  fromAccountId: idSchema,
  ifFromInState: z.string().nullable().optional(),
  accountId: idSchema,
  ifInState: z.string().nullable().optional(),
  create: z.record(z.string(), z.record(z.string(), z.unknown())),
  onSuccessDestroyOriginal: z.boolean().optional(),
  destroyFromIfInState: z.string().nullable().optional(),
});

/**
 * RFC 9610 §3.5: ContactCard/copy, the standard /copy (RFC 8620 §5.4) between two accounts the
 * principal may use (their own, or one with address books shared with them: RFC 9610 §2 mayRead
 * on the original, mayWrite on the target books): each entry names the original's `id` and may override any property (usually
 * addressBookIds, the target's books; none means the target's default book). With
 * onSuccessDestroyOriginal the copied originals go through an implicit ContactCard/set.
 */
export async function contactCardCopy(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'ContactCard/copy'>> {
  const args = parseArgs(copyArgsSchema, rawArgs);
  // RFC 9670: either account may be one whose address books are shared with the principal.
  const toView = await loadBookView(ctx, args.accountId);
  const fromView = await loadBookView(ctx, args.fromAccountId).catch((error: unknown) => {
    if (error instanceof MethodFailure) throw new MethodFailure(MethodErrorType.FromAccountNotFound);
    throw error;
  });
  const to = toView.access.accountId;
  const from = fromView.access.accountId;
  // RFC 8620 §5.4: "accountId ... MUST be different to the fromAccountId".
  if (from === to)
    throw new MethodFailure(MethodErrorType.InvalidArguments, 'accountId must differ from fromAccountId.');
  const entries = Object.entries(args.create);
  if (entries.length > ctx.limits.maxObjectsInSet)
    throw new MethodFailure(MethodErrorType.RequestTooLarge, `At most ${ctx.limits.maxObjectsInSet} cards.`);
  const fromState = await ctx.store.getState(from, 'ContactCard');
  if (args.ifFromInState != null && args.ifFromInState !== fromState)
    throw new MethodFailure(MethodErrorType.StateMismatch, 'ifFromInState does not match.');
  const oldState = await ctx.store.getState(to, 'ContactCard');
  if (args.ifInState != null && args.ifInState !== oldState)
    throw new MethodFailure(MethodErrorType.StateMismatch);

  const created: Record<string, Record<string, unknown>> = {};
  const notCreated: Record<string, SetError> = {};
  const originals: string[] = [];
  for (const [creationId, wire] of entries) {
    const { id, ...overrides } = wire;
    const cardId = typeof id === 'string' ? toContactCardId(id) : null;
    const [original] = cardId === null ? [] : await ctx.store.getContactCards(from, [cardId]);
    if (original === undefined || !seesCard(fromView, original)) {
      notCreated[creationId] = { type: 'notFound', description: `No card ${String(id)}.` };
      continue;
    }
    const { id: _id, addressBookIds: _books, ...card } = contactCardToWire(original);
    const result = await createCard(ctx, toView, { ...card, ...overrides });
    if ('error' in result) notCreated[creationId] = result.error;
    else {
      created[creationId] = result.created;
      if (result.created.id !== undefined) ctx.createdIds.set(creationId, result.created.id);
      originals.push(original.id);
    }
  }
  if (args.onSuccessDestroyOriginal === true && originals.length > 0) {
    try {
      const response = await contactCardSet(
        { accountId: from, ifInState: args.destroyFromIfInState ?? null, destroy: originals },
        ctx,
      );
      ctx.followUps.push(['ContactCard/set', { ...response }]);
    } catch (error) {
      if (!(error instanceof MethodFailure)) throw error;
      ctx.followUps.push(['error', { ...error.toMethodError() }]);
    }
  }
  return {
    fromAccountId: from,
    accountId: to,
    oldState,
    newState: await ctx.store.getState(to, 'ContactCard'),
    created: orNull(created),
    notCreated: orNull(notCreated),
  };
}
