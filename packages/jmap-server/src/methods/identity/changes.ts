import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { changesFor } from '../shared/changes.js';

/** RFC 8621 §6.2: Identity/changes, the standard /changes over the store's Identity log. */
export async function identityChanges(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'Identity/changes'>> {
  return changesFor('Identity', rawArgs, ctx);
}
