import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { changesFor } from '../shared/changes.js';

/** RFC 8621 §7.2: EmailSubmission/changes, the standard /changes over the change log. */
export async function emailSubmissionChanges(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'EmailSubmission/changes'>> {
  return changesFor('EmailSubmission', rawArgs, ctx);
}
