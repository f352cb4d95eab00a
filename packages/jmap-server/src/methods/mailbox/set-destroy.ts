import type { SetError } from '@colibri/jmap-types';
import type { AccountId, MailboxId, Mailbox as StoredMailbox } from '@colibri/mail-store';
import type { MethodContext } from '../../method-context.js';
import { resolveId } from '../shared/creation-ids.js';
import { setErrorOf } from './set-errors.js';

function depthOf(id: string, mailboxes: ReadonlyMap<string, StoredMailbox>): number {
  let depth = 0;
  for (let cursor = mailboxes.get(id)?.parentId; cursor; cursor = mailboxes.get(cursor)?.parentId) depth++;
  return depth;
}

/**
 * RFC 8621 §2.5 destroys, deepest first, so that a mailbox destroyed with its children in one call
 * is not refused as mailboxHasChild. `removeEmails` is onDestroyRemoveEmails: emails only in the
 * mailbox are destroyed, the others leave it; without it a mailbox with emails is mailboxHasEmail.
 */
export async function destroyMailboxes(
  ctx: MethodContext,
  accountId: AccountId,
  ids: readonly string[],
  removeEmails: boolean,
  mailboxes: ReadonlyMap<string, StoredMailbox>,
): Promise<{ destroyed: string[]; notDestroyed: Record<string, SetError> }> {
  const destroyed: string[] = [];
  const notDestroyed: Record<string, SetError> = {};
  const targets: { wireId: string; mailbox: StoredMailbox; depth: number }[] = [];
  for (const wireId of new Set(ids)) {
    const mailbox = mailboxes.get(resolveId(ctx, wireId) ?? '');
    if (mailbox === undefined) notDestroyed[wireId] = { type: 'notFound' };
    else targets.push({ wireId, mailbox, depth: depthOf(mailbox.id, mailboxes) });
  }
  targets.sort((a, b) => b.depth - a.depth);
  for (const { wireId, mailbox } of targets) {
    try {
      await ctx.store.destroyMailbox(accountId, mailbox.id as MailboxId, { removeEmails });
      destroyed.push(mailbox.id);
    } catch (error) {
      notDestroyed[wireId] = setErrorOf(error);
    }
  }
  return { destroyed, notDestroyed };
}
