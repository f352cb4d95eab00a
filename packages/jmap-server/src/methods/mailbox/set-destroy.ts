import type { SetError } from '@colibri/jmap-types';
import type { MailboxId, Mailbox as StoredMailbox } from '@colibri/mail-store';
import { rightsIn } from '../../access.js';
import type { MethodContext } from '../../method-context.js';
import { resolveId } from '../shared/creation-ids.js';
import { setErrorOf } from './set-errors.js';
import type { MailboxView } from './to-wire.js';

/** RFC 8621 §2.4: mayDelete, and mayRemoveItems too when its emails go with it (a sharee's rights). */
function mayDestroy(view: MailboxView, mailbox: StoredMailbox, removeEmails: boolean): boolean {
  if (view.access.isOwner) return true;
  const rights = rightsIn(view.access, mailbox.id);
  return rights.mayDelete && (!removeEmails || rights.mayRemoveItems);
}

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
  view: MailboxView,
  ids: readonly string[],
  removeEmails: boolean,
): Promise<{ destroyed: string[]; notDestroyed: Record<string, SetError> }> {
  const { accountId } = view.access;
  const mailboxes = view.mailboxes;
  const destroyed: string[] = [];
  const notDestroyed: Record<string, SetError> = {};
  const targets: { wireId: string; mailbox: StoredMailbox; depth: number }[] = [];
  for (const wireId of new Set(ids)) {
    const mailbox = mailboxes.get(resolveId(ctx, wireId) ?? '');
    if (mailbox === undefined) notDestroyed[wireId] = { type: 'notFound' };
    else if (!mayDestroy(view, mailbox, removeEmails))
      notDestroyed[wireId] = { type: 'forbidden', description: 'You may not destroy this mailbox.' };
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
