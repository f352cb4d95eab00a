import type { Mailbox, SetError } from '@colibri/jmap-types';
import type { UpdateMailboxInput } from '@colibri/mail-store';
import { isDeepStrictEqual } from 'node:util';
import type { MethodContext } from '../../method-context.js';
import { resolveId } from '../shared/creation-ids.js';
import { setErrorOf } from './set-errors.js';
import { resolveParent } from './set-create.js';
import { parseMailboxFields, SERVER_SET, type MailboxFields } from './set-props.js';
import { applyShareWith } from './set-sharing.js';
import { mailboxToWire, myRightsIn, type MailboxView } from './to-wire.js';

export type UpdateOutcome = { error: SetError } | { changed: Partial<Mailbox> | null };

const forbidden = (description: string): { error: SetError } => ({
  error: { type: 'forbidden', description },
});

/**
 * RFC 8621 §2.4 / RFC 9670: what the principal's rights allow of this change; a SetError when
 * they do not. Only what actually changes needs a right (a patch may repeat current values).
 */
function refusal(view: MailboxView, mailbox: Mailbox, fields: MailboxFields): { error: SetError } | null {
  const rights = mailbox.myRights;
  const changes = (key: keyof MailboxFields) =>
    fields[key] !== undefined && !isDeepStrictEqual(fields[key], mailbox[key]);
  if ((changes('name') || changes('parentId') || changes('sortOrder')) && !rights.mayRename)
    return forbidden('You may not rename or move this mailbox.');
  if (changes('role') && !view.access.isOwner) return forbidden('Only the owner sets the role of a mailbox.');
  if (changes('shareWith') && !rights.mayShare) return forbidden('You may not share this mailbox.');
  if (changes('parentId') && !view.access.isOwner) {
    // A sharee moves a mailbox only under another shared one they may create children in.
    const parent = fields.parentId == null ? undefined : view.mailboxes.get(fields.parentId);
    if (parent === undefined || !myRightsIn(view, parent).mayCreateChild)
      return forbidden('You may not move a mailbox there.');
  }
  return null;
}

/**
 * RFC 8621 §2.5 / RFC 8620 §5.3: one Mailbox update (`id` may be `#creationId`). `changed` is
 * what the server set otherwise than asked (a trimmed name), or null. In a shared account the
 * principal's rights decide (RFC 9670), and `isSubscribed` is their own subscription.
 */
export async function updateMailbox(
  ctx: MethodContext,
  view: MailboxView,
  id: string,
  patch: Record<string, unknown>,
): Promise<UpdateOutcome> {
  const { accountId } = view.access;
  const mailbox = view.mailboxes.get(resolveId(ctx, id) ?? '');
  if (mailbox === undefined) return { error: { type: 'notFound' } };
  // §5.3: a server-set property may be repeated with its current value, so compare with it.
  const needsCounts = Object.keys(patch).some((path) =>
    (SERVER_SET as readonly string[]).includes(path.split('/')[0] ?? ''),
  );
  const counts = needsCounts
    ? (await ctx.store.getMailboxCounts(accountId, [mailbox.id])).get(mailbox.id)
    : undefined;
  const current = mailboxToWire(view, mailbox, counts);
  const fields = parseMailboxFields(patch, current as unknown as Record<string, unknown>);
  if ('type' in fields) return { error: fields as SetError };
  const refused = refusal(view, current, fields);
  if (refused !== null) return refused;

  const input: UpdateMailboxInput = {};
  if (fields.parentId !== undefined && fields.parentId !== current.parentId) {
    const parentId = resolveParent(ctx, fields.parentId);
    if (parentId !== null && typeof parentId === 'object') return { error: parentId };
    input.parentId = parentId;
  }
  if (fields.name !== undefined) input.name = fields.name;
  if (fields.role !== undefined) input.role = fields.role;
  if (fields.sortOrder !== undefined) input.sortOrder = fields.sortOrder;
  // The owner's subscription is the mailbox's flag; a sharee's is kept with their share.
  if (fields.isSubscribed !== undefined && view.access.isOwner) input.isSubscribed = fields.isSubscribed;
  try {
    // Sharing first: its principals are checked before anything is written.
    if (fields.shareWith !== undefined && !isDeepStrictEqual(fields.shareWith, current.shareWith)) {
      const error = await applyShareWith(ctx, view, mailbox.id, fields.shareWith);
      if (error !== null) return { error };
    }
    const updated = await ctx.store.updateMailbox(accountId, mailbox.id, input);
    if (fields.isSubscribed !== undefined && !view.access.isOwner)
      await ctx.store.setShareSubscribed(accountId, mailbox.id, ctx.principal.accountId, fields.isSubscribed);
    const renamed = fields.name !== undefined && updated.name !== fields.name;
    return { changed: renamed ? { name: updated.name } : null };
  } catch (error) {
    return { error: setErrorOf(error) };
  }
}
