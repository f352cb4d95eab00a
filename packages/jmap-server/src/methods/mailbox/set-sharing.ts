import type { MailboxRights, SetError } from '@colibri/jmap-types';
import type { AccountId, MailboxAccess, MailboxId } from '@colibri/mail-store';
import { InvalidInputError } from '@colibri/mail-store';
import { directoryOf } from '../../directory.js';
import type { MethodContext } from '../../method-context.js';
import { setErrorOf } from './set-errors.js';
import { invalidProperties } from './set-props.js';
import type { MailboxView } from './to-wire.js';

/**
 * RFC 9670 §4: replaces who a mailbox is shared with. Each principal must be one of the user's
 * directory (Principal/query) and not the account's owner, whose rights are implicit. Null on
 * success, else the SetError.
 */
export async function applyShareWith(
  ctx: MethodContext,
  view: MailboxView,
  mailboxId: MailboxId,
  shareWith: Record<string, MailboxRights> | null,
): Promise<SetError | null> {
  const wanted = Object.entries(shareWith ?? {});
  if (wanted.length > 0) {
    const known = new Set((await directoryOf(ctx.store, ctx.principal)).map((a) => a.id as string));
    const unknown = wanted.map(([id]) => id).filter((id) => !known.has(id) || id === view.access.accountId);
    if (unknown.length > 0)
      return invalidProperties(
        ['shareWith'],
        `Not principals this mailbox can be shared with: ${unknown.join(', ')}.`,
      );
  }
  try {
    await ctx.store.setMailboxShares(
      view.access.accountId,
      mailboxId,
      new Map(wanted.map(([id, rights]) => [id as AccountId, rights as MailboxAccess])),
      ctx.principal.accountId,
    );
    return null;
  } catch (error) {
    if (error instanceof InvalidInputError) return invalidProperties(['shareWith'], `${error.message}.`);
    return setErrorOf(error);
  }
}
