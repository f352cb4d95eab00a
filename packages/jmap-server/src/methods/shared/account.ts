import { MethodErrorType } from '@colibri/jmap-types';
import type { AccountId, SharedCollectionKind } from '@colibri/mail-store';
import { mailAccessOf, type MailAccess } from '../../access.js';
import { collectionAccessOf, type CollectionAccess } from '../../collection-access.js';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';

/**
 * Authorisation for a call that only the owner of an account may make (identities, submission,
 * vacation, Sieve, quotas). An account shared with the principal is `accountNotSupportedByMethod`
 * (RFC 8620 §3.6.2: it exists for them, but not for this method); any other id, whether it exists
 * or not, is `accountNotFound`, so that the answer reveals nothing about other accounts.
 */
export async function requireAccount(ctx: MethodContext, accountId: string): Promise<AccountId> {
  if (accountId === ctx.principal.accountId) return ctx.principal.accountId;
  if (
    (await mailAccessOf(ctx.store, ctx.principal, accountId)) !== null ||
    (await ctx.store.listCollectionSharesWith(ctx.principal.accountId)).some((s) => s.accountId === accountId)
  )
    throw new MethodFailure(MethodErrorType.AccountNotSupportedByMethod);
  throw new MethodFailure(MethodErrorType.AccountNotFound);
}

/**
 * Authorisation for a mail call (Mailbox, Email, Thread, SearchSnippet, Blob): the principal's own
 * account, or one with mailboxes shared with them (RFC 9670), with the rights each share gives.
 * Anything else is `accountNotFound`.
 */
export async function requireMailAccess(ctx: MethodContext, accountId: string): Promise<MailAccess> {
  const access = await mailAccessOf(ctx.store, ctx.principal, accountId);
  if (access === null) throw new MethodFailure(MethodErrorType.AccountNotFound);
  return access;
}

/**
 * Authorisation for a calendar or contacts call: the principal's own account, or one with
 * calendars (address books) shared with them (RFC 9670), with the rights each share gives.
 * Another account shared with them for something else only is `accountNotSupportedByMethod`;
 * anything else is `accountNotFound`.
 */
export async function requireCollectionAccess<K extends SharedCollectionKind>(
  ctx: MethodContext,
  accountId: string,
  kind: K,
): Promise<CollectionAccess<K>> {
  const access = await collectionAccessOf(ctx.store, ctx.principal, accountId, kind);
  if (access !== null) return access;
  await requireAccount(ctx, accountId);
  throw new MethodFailure(MethodErrorType.AccountNotFound);
}
