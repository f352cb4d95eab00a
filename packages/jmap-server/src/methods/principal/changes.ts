import { MethodErrorType } from '@colibri/jmap-types';
import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import { requireAccount } from '../shared/account.js';
import { parseArgs } from '../shared/parse-args.js';
import { changesArgsSchema } from '../shared/schemas.js';
import { loadPrincipals } from './directory-wire.js';

/**
 * RFC 9670 §2.2: Principal/changes. The directory keeps no change log: the current state answers
 * "no changes", any other cannotCalculateChanges (RFC 8620 §5.2), and the client fetches again.
 */
export async function principalChanges(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'Principal/changes'>> {
  const args = parseArgs(changesArgsSchema, rawArgs);
  const accountId = await requireAccount(ctx, args.accountId);
  const { state } = await loadPrincipals(ctx);
  if (args.sinceState !== state)
    throw new MethodFailure(
      MethodErrorType.CannotCalculateChanges,
      'The directory keeps no history: fetch the principals again.',
    );
  return {
    accountId,
    oldState: state,
    newState: state,
    hasMoreChanges: false,
    created: [],
    updated: [],
    destroyed: [],
  };
}
