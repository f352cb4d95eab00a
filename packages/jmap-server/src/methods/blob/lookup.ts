import { MethodErrorType } from '@colibri/jmap-types';
import type { BlobLookupItem, MethodResult } from '@colibri/jmap-types';
import type { BlobId, BlobUsers } from '@colibri/mail-store';
import { z } from 'zod';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import { requireMailAccess } from '../shared/account.js';
import type { MailAccess } from '../../access.js';
import { visibleEmailIds, visibleMailboxIds } from '../shared/mail-visibility.js';
import { requestedIds } from '../shared/get-helpers.js';
import { parseArgs } from '../shared/parse-args.js';
import { idSchema } from '../shared/schemas.js';
import { resolveBlobId } from './blob-id.js';
import { BLOB_TYPE_NAMES } from './limits.js';

/** RFC 9404 §4.3: Blob/lookup arguments. */
export const blobLookupArgsSchema = z.strictObject({
  accountId: idSchema,
  typeNames: z.array(z.string()),
  ids: z.array(z.string()),
});

type TypeName = (typeof BLOB_TYPE_NAMES)[number];

function isTypeName(name: string): name is TypeName {
  return (BLOB_TYPE_NAMES as readonly string[]).includes(name);
}

/** The ids of one type's objects that refer to the blob. */
function idsOf(users: BlobUsers, typeName: TypeName): string[] {
  switch (typeName) {
    case 'Email':
      return users.emailIds;
    case 'Thread':
      return users.threadIds;
    case 'Mailbox':
      return users.mailboxIds;
    default: {
      const unhandled: never = typeName;
      throw new Error(`unhandled type ${String(unhandled)}`);
    }
  }
}

/** What a sharee may see of a blob's users: its readable emails, their threads and shared mailboxes. */
async function visibleUsers(
  ctx: MethodContext,
  access: MailAccess,
  users: BlobUsers,
  visible: Set<string>,
): Promise<BlobUsers> {
  const emails = await ctx.store.getEmailSummaries(
    access.accountId,
    users.emailIds.filter((id) => visible.has(id)),
  );
  return {
    emailIds: emails.map((e) => e.id),
    threadIds: [...new Set(emails.map((e) => e.threadId))],
    mailboxIds: [...new Set(emails.flatMap((e) => visibleMailboxIds(access, e.mailboxIds)))],
  };
}

/**
 * RFC 9404 §4.3: Blob/lookup. An email refers to its raw message and to each of its parts; its
 * Thread and Mailboxes refer to them through it. A readable blob nothing refers to (an upload)
 * has empty lists; one the account may not read is `notFound`.
 */
export async function blobLookup(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'Blob/lookup'>> {
  const args = parseArgs(blobLookupArgsSchema, rawArgs);
  const access = await requireMailAccess(ctx, args.accountId);
  const { accountId } = access;
  const unknown = args.typeNames.filter((name) => !isTypeName(name));
  if (unknown.length > 0)
    throw new MethodFailure(MethodErrorType.UnknownDataType, `Unknown type names: ${unknown.join(', ')}.`);
  const typeNames = args.typeNames.filter(isTypeName);
  const ids = requestedIds(args.ids, ctx) ?? [];
  const wanted = ids.map((wireId) => [wireId, resolveBlobId(ctx, wireId)] as const);
  const blobIds = wanted.flatMap(([, blobId]) => (blobId === null ? [] : [blobId]));
  const found: Map<BlobId, BlobUsers> =
    blobIds.length === 0 ? new Map() : await ctx.store.lookupBlobs(accountId, blobIds);
  if (access.shares !== null) {
    // A sharee learns only of the emails they may read (RFC 9670), and of their mailboxes and threads.
    for (const [blobId, users] of found) {
      const visible = await visibleEmailIds(ctx, access, users.emailIds);
      if (visible.size === 0) found.delete(blobId);
      else found.set(blobId, await visibleUsers(ctx, access, users, visible));
    }
  }

  const list: BlobLookupItem[] = [];
  const notFound: string[] = [];
  for (const [wireId, blobId] of wanted) {
    const users = blobId === null ? undefined : found.get(blobId);
    if (users === undefined) notFound.push(wireId);
    else
      list.push({
        id: wireId,
        matchedIds: Object.fromEntries(typeNames.map((name) => [name, idsOf(users, name)])),
      });
  }
  return { accountId, list, notFound };
}
