import { MethodErrorType } from '@colibri/jmap-types';
import { mailAccessOf, type MailAccess } from '../../access.js';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import { requireMailAccess } from '../shared/account.js';

/**
 * RFC 8620 §5.4 / §6.3: the two accounts of a /copy. The target goes through `requireMailAccess`
 * (accountNotFound); the source must be one the principal may read too (their own, or one shared
 * with them, RFC 9670), else `fromAccountNotFound`, whether it exists or not.
 */
export async function requireCopyAccounts(
  ctx: MethodContext,
  fromAccountId: string,
  accountId: string,
): Promise<{ from: MailAccess; to: MailAccess }> {
  const to = await requireMailAccess(ctx, accountId);
  const from = await mailAccessOf(ctx.store, ctx.principal, fromAccountId);
  if (from === null) throw new MethodFailure(MethodErrorType.FromAccountNotFound);
  return { from, to };
}
