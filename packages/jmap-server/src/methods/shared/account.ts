import { MethodErrorType } from '@colibri/jmap-types';
import type { AccountId } from '@colibri/mail-store';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import { accountIdsOf } from '../../session.js';

/**
 * Authorisation for every call with an `accountId`: only the principal's own accounts exist for
 * them. Any other id, whether it exists or not, is `accountNotFound` (RFC 8620 §3.6.2), so that
 * the answer reveals nothing about other accounts.
 */
export function requireAccount(ctx: MethodContext, accountId: string): AccountId {
  if (!accountIdsOf(ctx.principal).includes(accountId)) {
    throw new MethodFailure(MethodErrorType.AccountNotFound);
  }
  return ctx.principal.accountId;
}
