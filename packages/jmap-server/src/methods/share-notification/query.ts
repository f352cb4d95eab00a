import type { MethodResult } from '@colibri/jmap-types';
import type { ShareNotification } from '@colibri/mail-store';
import { z } from 'zod';
import type { MethodContext } from '../../method-context.js';
import { requireAccount } from '../shared/account.js';
import { comparatorSchema, filterSchemaOf, matchesFilter, orderOf } from '../shared/in-memory-query.js';
import type { Comparator, Filter } from '../shared/in-memory-query.js';
import { queryChangesFromLog } from '../shared/log-query-changes.js';
import { parseArgs } from '../shared/parse-args.js';
import { queryWindowShape, windowOf } from '../shared/query-window.js';
import { idSchema, unsignedIntSchema } from '../shared/schemas.js';

const utcDate = z.iso.datetime();

/** RFC 9670 §3.6.1: the ShareNotification FilterCondition. */
const conditionSchema = z.strictObject({
  after: utcDate.nullable().optional(),
  before: utcDate.nullable().optional(),
  objectType: z.string().optional(),
  objectAccountId: idSchema.optional(),
});
type Condition = z.infer<typeof conditionSchema>;

const common = {
  accountId: idSchema,
  filter: filterSchemaOf(conditionSchema).nullable().optional(),
  sort: z.array(comparatorSchema).nullable().optional(),
  calculateTotal: z.boolean().optional(),
};
const queryArgsSchema = z.strictObject({ ...common, ...queryWindowShape });
const queryChangesArgsSchema = z.strictObject({
  ...common,
  sinceQueryState: z.string(),
  maxChanges: unsignedIntSchema.min(1).nullable().optional(),
  upToId: idSchema.nullable().optional(),
});

function matchesCondition(n: ShareNotification, c: Condition): boolean {
  if (c.after != null && n.created.getTime() < Date.parse(c.after)) return false;
  if (c.before != null && n.created.getTime() >= Date.parse(c.before)) return false;
  if (c.objectType !== undefined && n.objectType !== c.objectType) return false;
  if (c.objectAccountId !== undefined && n.objectAccountId !== c.objectAccountId) return false;
  return true;
}

/** RFC 9670 §3.6.2: `created` must be supported for sorting; it is also the default order. */
const sortKeys = { created: (n: ShareNotification) => n.created.getTime() };

function results(
  all: readonly ShareNotification[],
  args: { filter?: Filter<Condition> | null; sort?: readonly Comparator[] | null },
  collations: readonly string[],
): string[] {
  const order = orderOf(args.sort ?? [{ property: 'created' }], sortKeys, collations);
  return all
    .filter((n) => matchesFilter(n, args.filter, matchesCondition))
    .sort(order)
    .map((n) => n.id);
}

/** RFC 9670 §3.6: ShareNotification/query; the queryState is the ShareNotification state. */
export async function shareNotificationQuery(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'ShareNotification/query'>> {
  const args = parseArgs(queryArgsSchema, rawArgs);
  const accountId = await requireAccount(ctx, args.accountId);
  results([], args, ctx.limits.collationAlgorithms); // unsupportedSort before any read
  const queryState = await ctx.store.getState(accountId, 'ShareNotification');
  const ids = results(
    await ctx.store.listShareNotifications(accountId),
    args,
    ctx.limits.collationAlgorithms,
  );
  return { accountId, queryState, canCalculateChanges: true, ...windowOf(ids, args) };
}

/**
 * RFC 9670 §3.7: ShareNotification/queryChanges from the log. Exact: a notification never changes,
 * and its place depends on its own created date only.
 */
export async function shareNotificationQueryChanges(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'ShareNotification/queryChanges'>> {
  const args = parseArgs(queryChangesArgsSchema, rawArgs);
  const accountId = await requireAccount(ctx, args.accountId);
  results([], args, ctx.limits.collationAlgorithms);
  return queryChangesFromLog(ctx, accountId, 'ShareNotification', args, async () =>
    results(await ctx.store.listShareNotifications(accountId), args, ctx.limits.collationAlgorithms),
  );
}
