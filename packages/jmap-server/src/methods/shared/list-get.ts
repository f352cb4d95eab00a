import type { GetResult } from '@colibri/jmap-types';
import type { AccountId, ChangeType } from '@colibri/mail-store';
import type { MethodContext } from '../../method-context.js';
import { requireAccount } from './account.js';
import { pick, requestedIds, selectProperties } from './get-helpers.js';
import { parseArgs } from './parse-args.js';
import { getArgsSchema } from './schemas.js';

/**
 * RFC 8620 §5.1 for a type the store lists whole per account (a few objects: identities, Sieve
 * scripts): the state is read BEFORE the list, so a write landing in between makes the client
 * refetch rather than miss it.
 */
export async function getFromList<W extends { id: string }, S>(
  type: ChangeType,
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
  source: {
    properties: readonly (keyof W & string)[];
    list: (accountId: AccountId) => Promise<S[]>;
    toWire: (item: S) => W;
    /** How the account is reached (its owner only, by default). */
    authorise?: (ctx: MethodContext, accountId: string) => Promise<AccountId>;
  },
): Promise<GetResult<Partial<W>>> {
  const args = parseArgs(getArgsSchema, rawArgs);
  const accountId = await (source.authorise ?? requireAccount)(ctx, args.accountId);
  const properties = selectProperties(args.properties, source.properties, source.properties);
  const ids = requestedIds(args.ids, ctx);
  const state = await ctx.store.getState(accountId, type);
  const all = (await source.list(accountId)).map(source.toWire);
  const byId = new Map(all.map((item) => [item.id, item]));
  const found = ids === null ? all : ids.flatMap((id) => byId.get(id) ?? []);
  const notFound = ids === null ? [] : ids.filter((id) => !byId.has(id));
  return { accountId, state, list: found.map((item) => pick(item, properties)), notFound };
}
