import type { MethodResult, SetError, VacationResponse } from '@colibri/jmap-types';
import type { AccountId } from '@colibri/mail-store';
import type { MethodContext } from '../../method-context.js';
import { beginSet, orNull, setErrorOf } from '../shared/set-helpers.js';
import { invalidProperties } from '../shared/set-properties.js';
import { parseVacationPatch } from './set-fields.js';
import { SINGLETON, vacationResponseToWire } from './to-wire.js';

/** RFC 8621 §8.2: the singleton can be neither created nor destroyed. */
const singleton: SetError = { type: 'singleton', description: 'The VacationResponse is a singleton.' };

async function updateSingleton(
  ctx: MethodContext,
  accountId: AccountId,
  rawPatch: Record<string, unknown>,
): Promise<SetError | null> {
  const current = vacationResponseToWire(await ctx.store.getVacationResponse(accountId));
  const patch = parseVacationPatch(rawPatch, { ...current });
  if ('type' in patch) return patch;
  const from = patch.fromDate === undefined ? current.fromDate : patch.fromDate;
  const to = patch.toDate === undefined ? current.toDate : patch.toDate;
  // RFC 8621 §8: the reply is sent between fromDate and toDate, so the period cannot end first.
  if (from !== null && to !== null && new Date(to) < new Date(from))
    return invalidProperties(['fromDate', 'toDate'], 'toDate is before fromDate.');
  if (Object.keys(patch).length === 0) return null;
  try {
    await ctx.store.setVacationResponse(accountId, patch);
    return null;
  } catch (error) {
    return setErrorOf(error, Object.keys(patch));
  }
}

/**
 * RFC 8621 §8.2: VacationResponse/set, the standard /set (RFC 8620 §5.3) on the singleton: only
 * an update of id "singleton" can succeed; create and destroy are `singleton` errors.
 */
export async function vacationResponseSet(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'VacationResponse/set'>> {
  const { args, accountId, oldState } = await beginSet('VacationResponse', rawArgs, ctx);

  const notCreated = Object.fromEntries(Object.keys(args.create ?? {}).map((id) => [id, singleton]));
  const updated: Record<string, Partial<VacationResponse> | null> = {};
  const notUpdated: Record<string, SetError> = {};
  for (const [id, patch] of Object.entries(args.update ?? {})) {
    const error = id === SINGLETON ? await updateSingleton(ctx, accountId, patch) : { type: 'notFound' };
    if (error === null) updated[id] = null;
    else notUpdated[id] = error;
  }
  const notDestroyed = Object.fromEntries(
    (args.destroy ?? []).map((id): [string, SetError] => [
      id,
      id === SINGLETON ? singleton : { type: 'notFound' },
    ]),
  );

  return {
    accountId,
    oldState,
    newState: await ctx.store.getState(accountId, 'VacationResponse'),
    created: null,
    updated: orNull(updated),
    destroyed: null,
    notCreated: orNull(notCreated),
    notUpdated: orNull(notUpdated),
    notDestroyed: orNull(notDestroyed),
  };
}
