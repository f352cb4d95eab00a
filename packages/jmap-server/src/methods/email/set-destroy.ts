import type { SetError } from '@colibri/jmap-types';
import type { EmailId } from '@colibri/mail-store';
import { mayOnAll, mayReadEmail, type MailAccess } from '../../access.js';
import type { MethodContext } from '../../method-context.js';
import { toEmailId } from '../shared/ids.js';
import { resolveId } from '../shared/creation-ids.js';

/**
 * RFC 8621 §4.6 / RFC 8620 §5.3: Email/set `destroy`, in one store transaction. An id that is
 * malformed, unknown or another account's is `notFound`. Blob files are left to the store's
 * garbage collection.
 */
export async function destroyEmails(
  ctx: MethodContext,
  access: MailAccess,
  ids: readonly string[],
): Promise<{ destroyed: string[]; notDestroyed: Record<string, SetError> }> {
  const { accountId } = access;
  const notDestroyed: Record<string, SetError> = {};
  // The store id of each requested id (a `#creationId` resolves to the id it was created with).
  const requested = new Map<EmailId, string>();
  for (const id of ids) {
    const resolved = resolveId(ctx, id);
    const emailId = resolved === null ? null : toEmailId(resolved);
    if (emailId === null) notDestroyed[id] = { type: 'notFound' };
    else requested.set(emailId, id);
  }
  if (access.shares !== null && requested.size > 0) {
    // RFC 8621 §2.4: a sharee destroys an email only with mayRemoveItems on all its mailboxes.
    for (const email of await ctx.store.getEmailSummaries(accountId, [...requested.keys()])) {
      if (mayOnAll(access, email.mailboxIds, 'mayRemoveItems')) continue;
      const wireId = requested.get(email.id) ?? email.id;
      notDestroyed[wireId] = mayReadEmail(access, email.mailboxIds)
        ? { type: 'forbidden', description: 'You may not remove this email.' }
        : { type: 'notFound' };
      requested.delete(email.id);
    }
  }
  if (requested.size === 0) return { destroyed: [], notDestroyed };
  const result = await ctx.store.destroyEmails(accountId, [...requested.keys()]);
  for (const emailId of result.notFound)
    notDestroyed[requested.get(emailId) ?? emailId] = { type: 'notFound' };
  return { destroyed: result.destroyed, notDestroyed };
}
