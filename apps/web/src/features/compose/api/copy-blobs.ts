import type { JmapClient } from '@colibri/jmap-client';
import type { Id } from '@colibri/jmap-types';

/** At most this many blobs in one Blob/copy: a forwarded email's files, bounded. */
export const MAX_COPIED_BLOBS = 100;

/**
 * RFC 8620 §6.3: copies blobs of another account (a mailbox shared with the user, RFC 9670) into
 * the user's own, where an Email/set may reference them (it may not across accounts). Answers the
 * new blobId by source blobId; a blob that was not copied is absent.
 */
export async function copyBlobsToAccount(
  client: JmapClient,
  fromAccountId: Id,
  accountId: Id,
  blobIds: readonly Id[],
): Promise<Map<Id, Id>> {
  const wanted = [...new Set(blobIds)];
  if (wanted.length === 0 || fromAccountId === accountId) return new Map(wanted.map((id) => [id, id]));
  if (wanted.length > MAX_COPIED_BLOBS) throw new RangeError(`At most ${MAX_COPIED_BLOBS} files are copied.`);
  const { copied } = await client.call('Blob/copy', { fromAccountId, accountId, blobIds: wanted });
  return new Map(Object.entries(copied ?? {}));
}
