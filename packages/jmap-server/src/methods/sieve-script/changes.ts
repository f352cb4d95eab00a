import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { changesFor } from '../shared/changes.js';

/** RFC 8620 §5.2: SieveScript/changes (RFC 9661 lists none; the type has a change log like any other), the standard /changes over the store's SieveScript log. */
export async function sieveScriptChanges(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'SieveScript/changes'>> {
  return changesFor('SieveScript', rawArgs, ctx);
}
