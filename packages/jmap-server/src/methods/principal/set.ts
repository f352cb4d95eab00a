import { MethodErrorType } from '@colibri/jmap-types';
import type { MethodResult, SetError } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import { requireAccount } from '../shared/account.js';
import { parseArgs } from '../shared/parse-args.js';
import { setArgsSchema } from '../shared/schemas.js';
import { orNull } from '../shared/set-helpers.js';
import { loadPrincipals } from './directory-wire.js';

/**
 * RFC 9670 §2.3: Principal/set. The directory is the organisation's accounts, managed by the
 * administrator (the CLI), so every create, update and destroy is `forbidden`, as the RFC allows.
 */
export async function principalSet(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'Principal/set'>> {
  const args = parseArgs(setArgsSchema, rawArgs);
  const accountId = await requireAccount(ctx, args.accountId);
  const { state } = await loadPrincipals(ctx);
  if (args.ifInState != null && args.ifInState !== state)
    throw new MethodFailure(MethodErrorType.StateMismatch);
  const forbidden: SetError = {
    type: 'forbidden',
    description: 'Principals are the organisation’s accounts: an administrator manages them.',
  };
  const refuse = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, forbidden]));
  return {
    accountId,
    oldState: state,
    newState: state,
    created: null,
    updated: null,
    destroyed: null,
    notCreated: orNull(refuse(Object.keys(args.create ?? {}))),
    notUpdated: orNull(refuse(Object.keys(args.update ?? {}))),
    notDestroyed: orNull(refuse(args.destroy ?? [])),
  };
}
