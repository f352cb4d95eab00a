import type { Mailbox, SetError } from '@colibri/jmap-types';
import type { AccountId, CreateMailboxInput, MailboxId } from '@colibri/mail-store';
import type { MethodContext } from '../../method-context.js';
import { resolveId } from '../shared/creation-ids.js';
import { toMailboxId } from '../shared/ids.js';
import { setErrorOf } from './set-errors.js';
import { invalidProperties, parseMailboxFields, type MailboxFields } from './set-props.js';
import { mailboxToWire } from './to-wire.js';

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

async function createOne(
  ctx: MethodContext,
  accountId: AccountId,
  fields: MailboxFields,
): Promise<Partial<Mailbox> | SetError> {
  const parentId = resolveParent(ctx, fields.parentId ?? null);
  if (parentId !== null && typeof parentId === 'object') return parentId;
  const input: CreateMailboxInput = { name: fields.name ?? '', parentId };
  if (fields.role !== undefined) input.role = fields.role;
  if (fields.sortOrder !== undefined) input.sortOrder = fields.sortOrder;
  if (fields.isSubscribed !== undefined) input.isSubscribed = fields.isSubscribed;
  try {
    const mailbox = await ctx.store.createMailbox(accountId, input);
    return createdObject(fields, mailboxToWire(mailbox, undefined));
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
  accountId: AccountId,
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
      const result = await createOne(ctx, accountId, fields);
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
