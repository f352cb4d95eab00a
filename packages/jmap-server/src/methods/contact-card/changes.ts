import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { changesFor } from '../shared/changes.js';

/** RFC 9610 §3.2: ContactCard/changes, the standard /changes over the ContactCard log. */
export async function contactCardChanges(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'ContactCard/changes'>> {
  return changesFor('ContactCard', rawArgs, ctx);
}
