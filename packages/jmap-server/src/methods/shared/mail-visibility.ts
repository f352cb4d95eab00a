import type { Readable } from 'node:stream';
import type { AccountId, BlobId, EmailFilter, EmailId, MailboxId, ThreadId } from '@colibri/mail-store';
import { mayReadEmail, readableMailboxIds, seesMailbox, type MailAccess } from '../../access.js';
import type { RequestContext } from '../../method-context.js';

/** What these reads need of a request: the store and who is asking. */
export type Reader = Pick<RequestContext, 'store' | 'principal'>;

/**
 * What a sharee sees of a shared account's mail (RFC 9670): an email is visible when one of its
 * mailboxes grants mayReadItems; the rest of the account does not exist for them. In the owner's
 * own account every helper here is the identity, at no cost.
 */

/** The ids among `ids` the principal may read. */
export async function visibleEmailIds(
  ctx: Reader,
  access: MailAccess,
  ids: readonly EmailId[],
): Promise<Set<string>> {
  if (access.shares === null) return new Set(ids);
  const summaries = ids.length === 0 ? [] : await ctx.store.getEmailSummaries(access.accountId, [...ids]);
  return new Set(summaries.filter((e) => mayReadEmail(access, e.mailboxIds)).map((e) => e.id as string));
}

/** A thread's emails as the principal sees them (oldest first); empty when none is visible. */
export async function visibleThreadEmailIds(
  ctx: Reader,
  access: MailAccess,
  threadId: ThreadId,
): Promise<EmailId[]> {
  const ids = await ctx.store.getThreadEmailIds(access.accountId, threadId);
  if (access.shares === null) return ids;
  const visible = await visibleEmailIds(ctx, access, ids);
  return ids.filter((id) => visible.has(id));
}

/**
 * A query filter limited to what the principal may read: the filter AND "in one of the readable
 * mailboxes". Null when nothing is readable (the query has no result).
 */
export function restrictFilter(
  access: MailAccess,
  filter: EmailFilter | undefined,
): EmailFilter | undefined | null {
  const readable = readableMailboxIds(access);
  if (readable === null) return filter;
  if (readable.length === 0) return null;
  // One condition however many mailboxes are shared (an OR of inMailbox would count against the
  // store's limit on conditions, which belongs to the client's own filter).
  const inReadable: EmailFilter = { inAnyMailbox: readable };
  return filter === undefined ? inReadable : { operator: 'AND', conditions: [filter, inReadable] };
}

/** The mailbox ids of an email as the principal may see them. */
export function visibleMailboxIds(access: MailAccess, mailboxIds: readonly MailboxId[]): MailboxId[] {
  return access.shares === null ? [...mailboxIds] : mailboxIds.filter((id) => seesMailbox(access, id));
}

/**
 * Where each blob the principal may use in the account is read from, for those they may. The
 * owner reads their account's blobs (the store checks). A sharee reads a shared account's blob
 * when it belongs to an email they may read, and otherwise their own blobs (their uploads: the
 * upload endpoint keeps a sharee's uploads in their own account), never any other of the owner's.
 */
export async function blobSources(
  ctx: Reader,
  access: MailAccess,
  blobIds: readonly BlobId[],
): Promise<Map<string, AccountId>> {
  if (access.shares === null) return new Map(blobIds.map((id) => [id, access.accountId]));
  const sources = new Map<string, AccountId>(blobIds.map((id) => [id, ctx.principal.accountId]));
  const users = await ctx.store.lookupBlobs(access.accountId, [...blobIds]);
  for (const [blobId, { emailIds }] of users)
    if ((await visibleEmailIds(ctx, access, emailIds)).size > 0) sources.set(blobId, access.accountId);
  return sources;
}

/** A blob's bytes as the principal may read them in the account (see blobSources), or null. */
export async function readBlobFor(
  ctx: Reader,
  access: MailAccess,
  blobId: BlobId,
): Promise<Uint8Array | null> {
  const source = (await blobSources(ctx, access, [blobId])).get(blobId) ?? access.accountId;
  return ctx.store.readBlob(source, blobId);
}

/** A blob as a stream, as the principal may read it in the account (see blobSources), or null. */
export async function openBlobFor(
  ctx: Reader,
  access: MailAccess,
  blobId: BlobId,
): Promise<{ size: number; stream: Readable } | null> {
  const source = (await blobSources(ctx, access, [blobId])).get(blobId) ?? access.accountId;
  return ctx.store.openBlob(source, blobId);
}

/** Whether a sharee may add anything to the account (the Session's isReadOnly is the opposite). */
export function mayWriteIn(access: MailAccess): boolean {
  if (access.shares === null) return true;
  return [...access.shares.values()].some((share) => share.rights.mayAddItems);
}

/**
 * Where the principal's uploads for the account are kept: the account itself for its owner; for
 * a sharee, their own account (blobSources reads a sharee's blobs from there).
 */
export function uploadAccountOf(ctx: Reader, access: MailAccess): AccountId {
  return access.shares === null ? access.accountId : ctx.principal.accountId;
}
