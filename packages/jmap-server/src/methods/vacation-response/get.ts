import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { requireAccount } from '../shared/account.js';
import { pick, requestedIds, selectProperties } from '../shared/get-helpers.js';
import { parseArgs } from '../shared/parse-args.js';
import { getArgsSchema } from '../shared/schemas.js';
import { SINGLETON, VACATION_RESPONSE_PROPERTIES, vacationResponseToWire } from './to-wire.js';

/**
 * RFC 8621 §8.1: VacationResponse/get, the standard /get over the account's one object, whose id
 * is "singleton" (RFC 8620 §5.1: any other id is notFound).
 */
export async function vacationResponseGet(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'VacationResponse/get'>> {
  const args = parseArgs(getArgsSchema, rawArgs);
  const accountId = await requireAccount(ctx, args.accountId);
  const properties = selectProperties(
    args.properties,
    VACATION_RESPONSE_PROPERTIES,
    VACATION_RESPONSE_PROPERTIES,
  );
  const ids = requestedIds(args.ids, ctx);

  const state = await ctx.store.getState(accountId, 'VacationResponse');
  const wanted = ids === null || ids.includes(SINGLETON);
  const list = wanted
    ? [pick(vacationResponseToWire(await ctx.store.getVacationResponse(accountId)), properties)]
    : [];
  const notFound = ids === null ? [] : ids.filter((id) => id !== SINGLETON);
  return { accountId, state, list, notFound };
}
