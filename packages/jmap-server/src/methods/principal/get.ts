import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { requireAccount } from '../shared/account.js';
import { pick, requestedIds, selectProperties } from '../shared/get-helpers.js';
import { parseArgs } from '../shared/parse-args.js';
import { getArgsSchema } from '../shared/schemas.js';
import { loadPrincipals, PRINCIPAL_PROPERTIES } from './directory-wire.js';

/** RFC 9670 §2.1: Principal/get, the standard /get over the user's directory (in their own account). */
export async function principalGet(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'Principal/get'>> {
  const args = parseArgs(getArgsSchema, rawArgs);
  const accountId = await requireAccount(ctx, args.accountId);
  const properties = selectProperties(args.properties, PRINCIPAL_PROPERTIES, PRINCIPAL_PROPERTIES);
  const ids = requestedIds(args.ids, ctx);
  const { list: all, state } = await loadPrincipals(ctx);
  const byId = new Map(all.map((p) => [p.id, p]));
  const found = ids === null ? all : ids.flatMap((id) => byId.get(id) ?? []);
  const notFound = ids === null ? [] : ids.filter((id) => !byId.has(id));
  return { accountId, state, list: found.map((p) => pick(p, properties)), notFound };
}
