import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { changesFor } from '../shared/changes.js';

/** RFC 8621 §3.2: Thread/changes, the standard /changes (RFC 8620 §5.2). */
export async function threadChanges(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'Thread/changes'>> {
  return changesFor('Thread', rawArgs, ctx);
}
