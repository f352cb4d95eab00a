import type { SetError } from '@colibri/jmap-types';
import { StoreError } from '@colibri/mail-store';
import type { AccountId, EmailSubmissionId } from '@colibri/mail-store';
import type { MethodContext } from '../../method-context.js';
import type { ClientSubmission } from './to-wire.js';

/**
 * RFC 8621 §7.5: the one update allowed, undoStatus to `canceled` while the submission is
 * pending (undo send); once it may have gone out, `cannotUnsend`. Every other property is
 * immutable. Null on success.
 */
export async function updateSubmission(
  ctx: MethodContext,
  accountId: AccountId,
  submission: ClientSubmission | undefined,
  patch: Record<string, unknown>,
): Promise<SetError | null> {
  if (submission === undefined) return { type: 'notFound' };
  const other = Object.keys(patch).filter((key) => key !== 'undoStatus');
  if (other.length > 0)
    return { type: 'invalidProperties', properties: other, description: 'Only undoStatus may change.' };
  if (patch.undoStatus === undefined || patch.undoStatus === submission.undoStatus) return null;
  if (patch.undoStatus !== 'canceled')
    return {
      type: 'invalidProperties',
      properties: ['undoStatus'],
      description: 'undoStatus may only be set to "canceled".',
    };
  try {
    await ctx.store.cancelSubmission(accountId, submission.id as EmailSubmissionId);
    return null;
  } catch (error) {
    if (error instanceof StoreError && error.code === 'cannotUnsend')
      return { type: 'cannotUnsend', description: error.message };
    if (error instanceof StoreError && error.code === 'notFound') return { type: 'notFound' };
    throw error;
  }
}

/** RFC 8621 §7.5: destroy removes the record only; the Email stays, and so does a delivery in flight. */
export async function destroySubmission(
  ctx: MethodContext,
  accountId: AccountId,
  submission: ClientSubmission | undefined,
): Promise<SetError | null> {
  if (submission === undefined) return { type: 'notFound' };
  try {
    await ctx.store.destroySubmission(accountId, submission.id);
    return null;
  } catch (error) {
    if (error instanceof StoreError && error.code === 'notFound') return { type: 'notFound' };
    throw error;
  }
}
