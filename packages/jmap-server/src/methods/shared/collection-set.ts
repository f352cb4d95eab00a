import type { AccountId, ChangeType } from '@colibri/mail-store';
import type { MethodContext } from '../../method-context.js';
import { resolveId } from './creation-ids.js';
import { beginSet } from './set-helpers.js';
import { applySetItems, setResponse, type SetItemOps, type SetOutcome } from './set-loop.js';

type SetResponse<T> = ReturnType<typeof setResponse<T>>;

/**
 * RFC 8620 §5.3: the standard /set of a type whose objects live in one account (Calendar,
 * AddressBook, ContactCard, Identity): check the account, the size and ifInState, apply the
 * items, run `after` (the type's onSuccess arguments), then answer with the new state.
 * `authorise` is how the account is reached (its owner only, by default).
 */
export async function collectionSet<T extends { id: string }>(
  type: ChangeType,
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
  ops: (accountId: AccountId) => SetItemOps<T>,
  options: {
    after?: (accountId: AccountId, out: SetOutcome<T>) => Promise<void>;
    authorise?: (ctx: MethodContext, accountId: string) => Promise<AccountId>;
  } = {},
): Promise<SetResponse<T>> {
  const { args, accountId, oldState } = await beginSet(type, rawArgs, ctx, options.authorise);
  const out = await applySetItems<T>(ctx, args, ops(accountId));
  await options.after?.(accountId, out);
  return setResponse({ accountId, oldState, newState: await ctx.store.getState(accountId, type) }, out);
}

/** How onSuccessSetIsDefault finds and makes a default collection of an account. */
export interface DefaultCollection<I extends string> {
  toId(id: string): I | null;
  exists(id: I): Promise<boolean>;
  /** The ids whose isDefault changed (none when `id` already was the default). */
  makeDefault(id: I): Promise<string[]>;
}

/**
 * The /set of a collection type that can be shared (Calendar, AddressBook; RFC 9670): the
 * account is reached through the principal's view of it (`load`), the items see that view, and
 * onSuccessSetIsDefault (`defaultTo`) is the owner's choice alone: a sharee's is ignored.
 */
export async function sharedCollectionSet<
  T extends { id: string; isDefault: boolean },
  V extends { access: { accountId: AccountId; shares: unknown } },
  I extends string,
>(
  type: ChangeType,
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
  load: (ctx: MethodContext, accountId: string) => Promise<V>,
  ops: (view: V) => SetItemOps<T>,
  defaultTo: { given: string | null | undefined; collection: (accountId: AccountId) => DefaultCollection<I> },
): Promise<SetResponse<T>> {
  let view: V | null = null;
  return collectionSet<T>(type, rawArgs, ctx, () => ops(view!), {
    authorise: async (ctx, accountId) => {
      view = await load(ctx, accountId);
      return view.access.accountId;
    },
    after: async (accountId, out) =>
      view?.access.shares !== null
        ? undefined
        : setDefaultOnSuccess(ctx, out, defaultTo.given, defaultTo.collection(accountId)),
  });
}

/** Whether any item of the /set failed (onSuccess arguments apply only when none did). */
export function anyFailed(out: SetOutcome<unknown>): boolean {
  return [out.notCreated, out.notUpdated, out.notDestroyed].some((m) => Object.keys(m).length > 0);
}

/**
 * RFC 9610 §2.3 and JMAP Calendars §4.3 onSuccessSetIsDefault: when every item succeeded, makes
 * the collection named by `given` (an id or `#creationId`) the default, and reports the new
 * isDefault of each collection that changed in `created` or `updated`. `makeDefault` returns the
 * ids whose isDefault changed (none when the target already was the default).
 */
export async function setDefaultOnSuccess<T extends { id: string; isDefault: boolean }, I extends string>(
  ctx: MethodContext,
  out: SetOutcome<T>,
  given: string | null | undefined,
  collection: DefaultCollection<I>,
): Promise<void> {
  if (given == null || anyFailed(out)) return;
  const target = collection.toId(resolveId(ctx, given) ?? '');
  if (target === null || !(await collection.exists(target))) return;
  const creationIdOf = new Map(Object.entries(out.created).map(([cid, c]) => [c.id, cid]));
  for (const changed of await collection.makeDefault(target)) {
    const isDefault = changed === target;
    const creationId = creationIdOf.get(changed);
    if (creationId !== undefined)
      out.created[creationId] = { ...out.created[creationId], isDefault } as Partial<T>;
    else out.updated[changed] = { ...out.updated[changed], isDefault } as Partial<T>;
  }
}
