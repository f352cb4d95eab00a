import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import type { MailboxId } from '@colibri/mail-store';
import { seesMailbox, type MailAccess } from '../../access.js';
import { changesFor } from '../shared/changes.js';

/**
 * RFC 8621 §2.2: Mailbox/changes. `updatedProperties` is null: the log does not tell a count-only
 * change from any other, so the client refetches every property of the updated mailboxes.
 */
export async function mailboxChanges(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'Mailbox/changes'>> {
  const visible = async (_: MethodContext, access: MailAccess, ids: string[]) =>
    new Set(ids.filter((id) => seesMailbox(access, id as MailboxId)));
  return { ...(await changesFor('Mailbox', rawArgs, ctx, visible)), updatedProperties: null };
}
