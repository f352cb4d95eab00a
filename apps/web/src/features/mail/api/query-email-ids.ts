import type { JmapClient } from '@colibri/jmap-client';
import type { Id } from '@colibri/jmap-types';
import type { EmailListParams } from './keys';

/** "Select all" in a mailbox stops here: a bulk action on more is a job for a filter rule. */
export const MAX_BULK_SELECTION = 10_000;
/** Ids asked for per Email/query; the server may answer fewer (RFC 8620 §5.5 limit). */
const IDS_PER_QUERY = 1000;

/**
 * Every id of a list, in order, up to `max`: Email/query (RFC 8621 §4.4) without Email/get,
 * page after page, following the position the server answers, so a capped limit still works.
 */
export async function queryAllEmailIds(
  client: JmapClient,
  accountId: Id,
  params: EmailListParams,
  max: number = MAX_BULK_SELECTION,
): Promise<Id[]> {
  const ids: Id[] = [];
  while (ids.length < max) {
    const page = await client.call('Email/query', {
      accountId,
      filter: { inMailbox: params.mailboxId },
      sort: [{ property: 'receivedAt', isAscending: false }],
      collapseThreads: params.collapseThreads,
      position: ids.length,
      limit: Math.min(IDS_PER_QUERY, max - ids.length),
    });
    if (page.ids.length === 0) break;
    ids.push(...page.ids);
  }
  return ids;
}
