import type { AccountId } from '@colibri/mail-store';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import { emailSet } from '../email/set.js';

export interface OnSuccess {
  /** Submission id (or "#creationId") -> patch for its Email. */
  update: Record<string, Record<string, unknown>>;
  /** Submission ids (or "#creationId") whose Email is destroyed. */
  destroy: readonly string[];
}

/**
 * RFC 8621 §7.5 onSuccessUpdateEmail / onSuccessDestroyEmail: for each submission whose
 * create, update or destroy succeeded in this call (`succeeded`: its key -> its emailId), an
 * implicit Email/set on its Email, made after the EmailSubmission/set and answered right after
 * it as its own "Email/set" response (or "error") with the same call id.
 */
export async function runOnSuccess(
  ctx: MethodContext,
  accountId: AccountId,
  onSuccess: OnSuccess,
  succeeded: ReadonlyMap<string, string>,
): Promise<void> {
  const update: Record<string, Record<string, unknown>> = {};
  for (const [key, patch] of Object.entries(onSuccess.update)) {
    const emailId = succeeded.get(key);
    if (emailId !== undefined) update[emailId] = patch;
  }
  const destroy = [...new Set(onSuccess.destroy.flatMap((key) => succeeded.get(key) ?? []))];
  if (Object.keys(update).length === 0 && destroy.length === 0) return;
  const args: Record<string, unknown> = { accountId };
  if (Object.keys(update).length > 0) args.update = update;
  if (destroy.length > 0) args.destroy = destroy;
  try {
    ctx.followUps.push(['Email/set', { ...(await emailSet(args, ctx)) }]);
  } catch (error) {
    if (!(error instanceof MethodFailure)) throw error;
    ctx.followUps.push(['error', error.toMethodError()]);
  }
}
