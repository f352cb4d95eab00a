import { MethodErrorType } from '@colibri/jmap-types';
import type { AccountId } from '@colibri/mail-store';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import { accountIdsOf } from '../../session.js';
import { requireAccount } from '../shared/account.js';

/**
 * RFC 8620 §5.4 / §6.3: the two accounts of a /copy. The target goes through `requireAccount`
 * (accountNotFound); the source must be one the principal may read too, else
 * `fromAccountNotFound`, whether it exists or not. Only the principal's own account is
 * accessible until sharing (RFC 9670) adds others.
 */
export function requireCopyAccounts(
  ctx: MethodContext,
  fromAccountId: string,
  accountId: string,
): { from: AccountId; to: AccountId } {
  const to = requireAccount(ctx, accountId);
  if (!accountIdsOf(ctx.principal).includes(fromAccountId))
    throw new MethodFailure(MethodErrorType.FromAccountNotFound);
  return { from: fromAccountId as AccountId, to };
}
