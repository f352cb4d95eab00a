import type { MethodResult } from '@colibri/jmap-types';
import { z } from 'zod';
import type { MethodContext } from '../../method-context.js';
import { requireAccount } from '../shared/account.js';
import { parseArgs } from '../shared/parse-args.js';
import { idSchema } from '../shared/schemas.js';
import { checkScriptBlob } from './script-text.js';

// The blob may be `#creationId` of a Blob/upload earlier in the request (RFC 9404 §4.1).
const validateArgsSchema = z.strictObject({ accountId: idSchema, blobId: z.string().min(1) });

/**
 * RFC 9661 §2.6: SieveScript/validate: the checks /set makes of a script's text, without storing
 * anything. `error` is null for a good script, else the SetError /set would give (invalidSieve
 * naming line and column, blobNotFound, tooLarge).
 */
export async function sieveScriptValidate(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'SieveScript/validate'>> {
  const args = parseArgs(validateArgsSchema, rawArgs);
  const accountId = await requireAccount(ctx, args.accountId);
  const checked = await checkScriptBlob(ctx, accountId, args.blobId);
  return { accountId, error: 'error' in checked ? checked.error : null };
}
