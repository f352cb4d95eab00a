import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { requireAccount } from '../shared/account.js';
import { pick, requestedIds, selectProperties } from '../shared/get-helpers.js';
import { parseArgs } from '../shared/parse-args.js';
import { getArgsSchema } from '../shared/schemas.js';
import { QUOTA_PROPERTIES, currentQuotas, quotaState, quotasOf } from './quotas.js';

/** RFC 9425 §4.2: Quota/get, the standard /get (RFC 8620 §5.1) over the account's quotas. */
export async function quotaGet(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'Quota/get'>> {
  const args = parseArgs(getArgsSchema, rawArgs);
  const accountId = await requireAccount(ctx, args.accountId);
  const properties = selectProperties(args.properties, QUOTA_PROPERTIES, QUOTA_PROPERTIES);
  const ids = requestedIds(args.ids, ctx);

  const snapshot = await currentQuotas(ctx.store, accountId);
  const all = quotasOf(snapshot);
  const found = ids === null ? all : all.filter((quota) => ids.includes(quota.id));
  const notFound = ids === null ? [] : ids.filter((id) => !snapshot.has(id));
  const list = found.map((quota) => pick(quota, properties));
  return { accountId, state: quotaState(snapshot), list, notFound };
}
