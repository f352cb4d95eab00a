import type { MethodResult } from '@colibri/jmap-types';
import type { CalendarEventNotification } from '@colibri/mail-store';
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

/** JMAP Calendars §7.5.1: the CalendarEventNotification FilterCondition. */
const conditionSchema = z.strictObject({
  after: utcDate.nullable().optional(),
  before: utcDate.nullable().optional(),
  type: z.enum(['created', 'updated', 'destroyed']).optional(),
  calendarEventIds: z.array(idSchema).nullable().optional(),
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

function matchesCondition(n: CalendarEventNotification, c: Condition): boolean {
  if (c.after != null && n.created.getTime() < Date.parse(c.after)) return false;
  if (c.before != null && n.created.getTime() >= Date.parse(c.before)) return false;
  if (c.type !== undefined && n.type !== c.type) return false;
  if (c.calendarEventIds != null && !c.calendarEventIds.includes(n.calendarEventId)) return false;
  return true;
}

/** §7.5.2: `created` must be supported for sorting; it is also the default order (ids break ties). */
const sortKeys = { created: (n: CalendarEventNotification) => n.created.getTime() };

function results(
  all: readonly CalendarEventNotification[],
  args: { filter?: Filter<Condition> | null; sort?: readonly Comparator[] | null },
  collations: readonly string[],
): string[] {
  const order = orderOf(args.sort ?? [{ property: 'created' }], sortKeys, collations);
  return all
    .filter((n) => matchesFilter(n, args.filter, matchesCondition))
    .sort(order)
    .map((n) => n.id);
}

/** JMAP Calendars §7.5: CalendarEventNotification/query; the queryState is the type's state. */
export async function calendarEventNotificationQuery(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'CalendarEventNotification/query'>> {
  const args = parseArgs(queryArgsSchema, rawArgs);
  const accountId = await requireAccount(ctx, args.accountId);
  results([], args, ctx.limits.collationAlgorithms); // unsupportedSort before any read
  const queryState = await ctx.store.getState(accountId, 'CalendarEventNotification');
  const ids = results(
    await ctx.store.listCalendarEventNotifications(accountId),
    args,
    ctx.limits.collationAlgorithms,
  );
  return { accountId, queryState, canCalculateChanges: true, ...windowOf(ids, args) };
}

/**
 * JMAP Calendars §7.6: CalendarEventNotification/queryChanges from the log. Exact: a notification
 * never changes, and its place depends on its own properties only.
 */
export async function calendarEventNotificationQueryChanges(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'CalendarEventNotification/queryChanges'>> {
  const args = parseArgs(queryChangesArgsSchema, rawArgs);
  const accountId = await requireAccount(ctx, args.accountId);
  results([], args, ctx.limits.collationAlgorithms);
  return queryChangesFromLog(ctx, accountId, 'CalendarEventNotification', args, async () =>
    results(await ctx.store.listCalendarEventNotifications(accountId), args, ctx.limits.collationAlgorithms),
  );
}
