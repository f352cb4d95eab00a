import type { Mailbox, SetError } from '@colibri/jmap-types';
import type { AccountId, CreateMailboxInput, MailboxId } from '@colibri/mail-store';
import type { MethodContext } from '../../method-context.js';
import { resolveId } from '../shared/creation-ids.js';
import { toMailboxId } from '../shared/ids.js';
import { setErrorOf } from './set-errors.js';
import { invalidProperties, parseMailboxFields, type MailboxFields } from './set-props.js';
import { applyShareWith } from './set-sharing.js';
import { mailboxToWire, myRightsIn, type MailboxView } from './to-wire.js';

/** A parentId as sent (`#creationId` allowed) as a store id; a SetError when it names nothing. */
export function resolveParent(ctx: MethodContext, parentId: string | null): MailboxId | null | SetError {
  if (parentId === null) return null;
  const resolved = resolveId(ctx, parentId);
  return (
    (resolved === null ? null : toMailboxId(resolved)) ??
    invalidProperties(['parentId'], `No mailbox ${parentId}.`)
  );
}

/** RFC 8620 §5.3 `created`: the id, server-set values, and what the client did not give or the server changed. */
function createdObject(fields: MailboxFields, mailbox: Mailbox): Partial<Mailbox> {
  const given = fields as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(mailbox).filter(([property, value]) => given[property] !== value),
  ) as Partial<Mailbox>;
}

/**
 * RFC 8621 §2.4 / RFC 9670: whether the principal may create a mailbox under `parentId`: the
 * owner anywhere; a sharee only under a mailbox they may create children in (never at the top of
 * someone else's account, and never with a role).
 */
function mayCreateUnder(view: MailboxView, parentId: MailboxId | null, fields: MailboxFields): boolean {
  if (view.access.isOwner) return true;
  if (parentId === null || fields.role != null) return false;
  const parent = view.mailboxes.get(parentId);
  return parent !== undefined && myRightsIn(view, parent).mayCreateChild;
}

/**
 * A new mailbox is shared as its parent is (as IMAP servers copy the parent's ACL): a folder made
 * inside a shared folder stays visible to those who share it, its creator included.
 */
async function inheritShares(ctx: MethodContext, view: MailboxView, child: MailboxId, parentId: MailboxId) {
  const shares = view.shares.get(parentId) ?? [];
  if (shares.length === 0) return;
  await ctx.store.setMailboxShares(
    view.access.accountId,
    child,
    new Map(shares.map((s) => [s.granteeId, s.rights])),
    ctx.principal.accountId,
  );
  view.shares.set(
    child,
    shares.map((share) => ({ ...share, mailboxId: child })),
  );
}

async function createOne(
  ctx: MethodContext,
  view: MailboxView,
  fields: MailboxFields,
): Promise<Partial<Mailbox> | SetError> {
  const { accountId } = view.access;
  const parentId = resolveParent(ctx, fields.parentId ?? null);
  if (parentId !== null && typeof parentId === 'object') return parentId;
  if (!mayCreateUnder(view, parentId, fields))
    return { type: 'forbidden', description: 'You may not create a mailbox there.' };
  const input: CreateMailboxInput = { name: fields.name ?? '', parentId };
  if (fields.role !== undefined) input.role = fields.role;
  if (fields.sortOrder !== undefined) input.sortOrder = fields.sortOrder;
  if (fields.isSubscribed !== undefined && view.access.isOwner) input.isSubscribed = fields.isSubscribed;
  try {
    const mailbox = await ctx.store.createMailbox(accountId, input);
    if (parentId !== null) await inheritShares(ctx, view, mailbox.id, parentId);
    const shared = view.shares.get(mailbox.id)?.find((s) => s.granteeId === ctx.principal.accountId);
    // The creator sees what they made: its parent's share, now its own (RFC 9670).
    if (shared !== undefined && view.access.shares !== null) {
      view.mailboxes.set(mailbox.id, {
        ...mailbox,
        isSubscribed: fields.isSubscribed ?? shared.isSubscribed,
      });
      view.access.shares.set(mailbox.id, shared);
      if (fields.isSubscribed === false)
        await ctx.store.setShareSubscribed(accountId, mailbox.id, ctx.principal.accountId, false);
    } else view.mailboxes.set(mailbox.id, mailbox);
    const seen = view.mailboxes.get(mailbox.id) ?? mailbox;
    if (fields.shareWith !== undefined) {
      if (!myRightsIn(view, seen).mayShare)
        return { type: 'forbidden', description: 'You may not share this mailbox.' };
      const error = await applyShareWith(ctx, view, mailbox.id, fields.shareWith);
      if (error !== null) return error;
      view.shares.set(
        mailbox.id,
        Object.entries(fields.shareWith ?? {}).map(([granteeId, rights]) => ({
          accountId,
          mailboxId: mailbox.id,
          granteeId: granteeId as AccountId,
          rights,
          isSubscribed: true,
        })),
      );
    }
    return createdObject(fields, mailboxToWire(view, seen, undefined));
  } catch (error) {
    return setErrorOf(error);
  }
}

/**
 * RFC 8621 §2.5 / RFC 8620 §5.3 creates. A create whose parentId is `#x`, x another create of this
 * call, waits until x is done (the RFC's ordering rule, whatever the order sent); creates that
 * wait on each other in a loop are refused. Each created id joins the request's createdIds.
 */
export async function createMailboxes(
  ctx: MethodContext,
  view: MailboxView,
  create: Record<string, Record<string, unknown>>,
): Promise<{ created: Record<string, Partial<Mailbox>>; notCreated: Record<string, SetError> }> {
  const created: Record<string, Partial<Mailbox>> = {};
  const notCreated: Record<string, SetError> = {};
  const pending = new Map<string, MailboxFields>();
  for (const [creationId, raw] of Object.entries(create)) {
    const fields = parseMailboxFields(raw, null);
    if ('type' in fields) notCreated[creationId] = fields as SetError;
    else pending.set(creationId, fields);
  }
  const waitsFor = (fields: MailboxFields) =>
    fields.parentId?.startsWith('#') === true ? fields.parentId.slice(1) : null;
  let progress = true;
  while (pending.size > 0 && progress) {
    progress = false;
    for (const [creationId, fields] of pending) {
      const parent = waitsFor(fields);
      if (parent !== null && parent !== creationId && pending.has(parent)) continue;
      pending.delete(creationId);
      progress = true;
      const result = await createOne(ctx, view, fields);
      if ('type' in result) {
        notCreated[creationId] = result as SetError;
        continue;
      }
      created[creationId] = result;
      if (result.id !== undefined) ctx.createdIds.set(creationId, result.id);
    }
  }
  for (const creationId of pending.keys())
    notCreated[creationId] = invalidProperties(['parentId'], 'These creates name each other as parent.');
  return { created, notCreated };
}
