import type { Mailbox, SetError } from '@colibri/jmap-types';
import type { AccountId, Mailbox as StoredMailbox, UpdateMailboxInput } from '@colibri/mail-store';
import type { MethodContext } from '../../method-context.js';
import { resolveId } from '../shared/creation-ids.js';
import { setErrorOf } from './set-errors.js';
import { resolveParent } from './set-create.js';
import { parseMailboxFields, SERVER_SET } from './set-props.js';
import { mailboxToWire } from './to-wire.js';

export type UpdateOutcome = { error: SetError } | { changed: Partial<Mailbox> | null };

/**
 * RFC 8621 §2.5 / RFC 8620 §5.3: one Mailbox update (`id` may be `#creationId`). `changed` is
 * what the server set otherwise than asked (a trimmed name), or null.
 */
export async function updateMailbox(
  ctx: MethodContext,
  accountId: AccountId,
  id: string,
  patch: Record<string, unknown>,
  mailboxes: ReadonlyMap<string, StoredMailbox>,
): Promise<UpdateOutcome> {
  const mailbox = mailboxes.get(resolveId(ctx, id) ?? '');
  if (mailbox === undefined) return { error: { type: 'notFound' } };
  // §5.3: a server-set property may be repeated with its current value, so compare with it.
  const needsCounts = Object.keys(patch).some((path) =>
    (SERVER_SET as readonly string[]).includes(path.split('/')[0] ?? ''),
  );
  const counts = needsCounts
    ? (await ctx.store.getMailboxCounts(accountId, [mailbox.id])).get(mailbox.id)
    : undefined;
  const current = mailboxToWire(mailbox, counts) as unknown as Record<string, unknown>;
  const fields = parseMailboxFields(patch, current);
  if ('type' in fields) return { error: fields as SetError };

  const input: UpdateMailboxInput = {};
  if (fields.parentId !== undefined) {
    const parentId = resolveParent(ctx, fields.parentId);
    if (parentId !== null && typeof parentId === 'object') return { error: parentId };
    input.parentId = parentId;
  }
  if (fields.name !== undefined) input.name = fields.name;
  if (fields.role !== undefined) input.role = fields.role;
  if (fields.sortOrder !== undefined) input.sortOrder = fields.sortOrder;
  if (fields.isSubscribed !== undefined) input.isSubscribed = fields.isSubscribed;
  try {
    const updated = await ctx.store.updateMailbox(accountId, mailbox.id, input);
    const renamed = fields.name !== undefined && updated.name !== fields.name;
    return { changed: renamed ? { name: updated.name } : null };
  } catch (error) {
    return { error: setErrorOf(error) };
  }
}
