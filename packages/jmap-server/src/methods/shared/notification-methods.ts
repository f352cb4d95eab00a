import { MethodErrorType } from '@colibri/jmap-types';
import type { MethodResult, SetError } from '@colibri/jmap-types';
import { StoreError } from '@colibri/mail-store';
import type { AccountId, MailStore } from '@colibri/mail-store';
import { z } from 'zod';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import { requireAccount } from './account.js';
import { resolveId } from './creation-ids.js';
import { comparatorSchema, filterSchemaOf, matchesFilter, orderOf } from './in-memory-query.js';
import type { Comparator, Filter } from './in-memory-query.js';
import { queryChangesFromLog } from './log-query-changes.js';
import { parseArgs } from './parse-args.js';
import { queryWindowShape, windowOf } from './query-window.js';
import { idSchema, setArgsSchema, unsignedIntSchema } from './schemas.js';
import { orNull } from './set-helpers.js';

/**
 * The notification types, which the server makes and the user only reads and dismisses:
 * ShareNotification (RFC 9670 §3) and CalendarEventNotification (JMAP Calendars §7). Their /set,
 * /query and /queryChanges are the same but for the filter, so each type describes itself here.
 */
export type NotificationType = 'ShareNotification' | 'CalendarEventNotification';

interface Notification {
  id: string;
  created: Date;
}

export interface NotificationKind<T extends Notification, Shape extends z.ZodRawShape> {
  type: NotificationType;
  /** "Share notifications", for the error that refuses a create or an update. */
  plural: string;
  /** The type's own FilterCondition properties, besides `after` and `before`. */
  conditionShape: Shape;
  matches: (notification: T, condition: z.infer<z.ZodObject<Shape>>) => boolean;
  list: (store: MailStore, accountId: AccountId) => Promise<T[]>;
  /** Dismisses one; a StoreError `notFound` when the account has no such notification. */
  destroy: (store: MailStore, accountId: AccountId, id: string) => Promise<void>;
}

const utcDate = z.iso.datetime();

/** `created` must be supported for sorting (RFC 9670 §3.6.2, JMAP Calendars §7.5.2); the default. */
const sortKeys = { created: (n: Notification) => n.created.getTime() };

/** Their /query and /queryChanges: the queryState is the type's state, the order by `created`. */
export function notificationQueryMethods<T extends Notification, Shape extends z.ZodRawShape>(
  kind: NotificationKind<T, Shape>,
) {
  type Query = `${NotificationType}/query`;
  type QueryChanges = `${NotificationType}/queryChanges`;
  const conditionSchema = z.strictObject({
    after: utcDate.nullable().optional(),
    before: utcDate.nullable().optional(),
    ...kind.conditionShape,
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
  const matchesCondition = (n: T, c: Condition): boolean => {
    // The common part of the condition (zod cannot name it through the generic shape).
    const { after, before } = c as { after?: string | null; before?: string | null };
    if (after != null && n.created.getTime() < Date.parse(after)) return false;
    if (before != null && n.created.getTime() >= Date.parse(before)) return false;
    return kind.matches(n, c as z.infer<z.ZodObject<Shape>>);
  };
  const results = (
    all: readonly T[],
    args: { filter?: Filter<Condition> | null; sort?: readonly Comparator[] | null },
    collations: readonly string[],
  ): string[] => {
    const order = orderOf(args.sort ?? [{ property: 'created' }], sortKeys, collations);
    return all
      .filter((n) => matchesFilter(n, args.filter, matchesCondition))
      .sort(order)
      .map((n) => n.id);
  };
  return {
    async query(rawArgs: Record<string, unknown>, ctx: MethodContext): Promise<MethodResult<Query>> {
      const args = parseArgs(queryArgsSchema, rawArgs);
      const accountId = await requireAccount(ctx, args.accountId);
      results([], args, ctx.limits.collationAlgorithms); // unsupportedSort before any read
      const queryState = await ctx.store.getState(accountId, kind.type);
      const ids = results(await kind.list(ctx.store, accountId), args, ctx.limits.collationAlgorithms);
      return { accountId, queryState, canCalculateChanges: true, ...windowOf(ids, args) };
    },
    /** Exact, from the log: a notification never changes, and its place depends on it alone. */
    async queryChanges(
      rawArgs: Record<string, unknown>,
      ctx: MethodContext,
    ): Promise<MethodResult<QueryChanges>> {
      const args = parseArgs(queryChangesArgsSchema, rawArgs);
      const accountId = await requireAccount(ctx, args.accountId);
      results([], args, ctx.limits.collationAlgorithms);
      return queryChangesFromLog(ctx, accountId, kind.type, args, async () =>
        results(await kind.list(ctx.store, accountId), args, ctx.limits.collationAlgorithms),
      );
    },
  };
}

/** Their /set: destroy dismisses; a create or an update MUST be rejected with `forbidden`. */
export function notificationSetMethod<T extends Notification, Shape extends z.ZodRawShape>(
  kind: NotificationKind<T, Shape>,
) {
  const forbidden: SetError = {
    type: 'forbidden',
    description: `${kind.plural} are made by the server; they can only be dismissed (destroyed).`,
  };
  return async (
    rawArgs: Record<string, unknown>,
    ctx: MethodContext,
  ): Promise<MethodResult<`${NotificationType}/set`>> => {
    const args = parseArgs(setArgsSchema, rawArgs);
    const accountId = await requireAccount(ctx, args.accountId);
    const destroy = args.destroy ?? [];
    const count =
      Object.keys(args.create ?? {}).length + Object.keys(args.update ?? {}).length + destroy.length;
    if (count > ctx.limits.maxObjectsInSet)
      throw new MethodFailure(
        MethodErrorType.RequestTooLarge,
        `At most ${ctx.limits.maxObjectsInSet} objects per /set.`,
      );
    const oldState = await ctx.store.getState(accountId, kind.type);
    if (args.ifInState != null && args.ifInState !== oldState)
      throw new MethodFailure(MethodErrorType.StateMismatch);
    const refuse = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, forbidden]));

    const destroyed: string[] = [];
    const notDestroyed: Record<string, SetError> = {};
    for (const wireId of destroy) {
      const id = resolveId(ctx, wireId) ?? wireId;
      try {
        await kind.destroy(ctx.store, accountId, id);
        destroyed.push(id);
      } catch (error) {
        if (!(error instanceof StoreError && error.code === 'notFound')) throw error;
        notDestroyed[wireId] = { type: 'notFound' };
      }
    }
    return {
      accountId,
      oldState,
      newState: await ctx.store.getState(accountId, kind.type),
      created: null,
      updated: null,
      destroyed: destroyed.length > 0 ? destroyed : null,
      notCreated: orNull(refuse(Object.keys(args.create ?? {}))),
      notUpdated: orNull(refuse(Object.keys(args.update ?? {}))),
      notDestroyed: orNull(notDestroyed),
    };
  };
}
