import type { Db } from '../open-database.js';
import type { SortKey } from './sort-sql.js';

/**
 * Pages of a whole mailbox (no other condition) that migration 11's maintained tables serve
 * without walking every earlier result. Each returns the page's email ids; `limit` −1 is no limit.
 */

/**
 * Plain receivedAt order (id tiebreak in the same direction). The counted blocks of
 * `mailbox_date_blocks` are summed (in SQL) up to the one holding `position`; the index walk then
 * starts at that block's edge, so it visits at most one block (≤ 1024 keys) before the page.
 */
export function receivedAtPage(
  db: Db,
  mailbox: string,
  isAscending: boolean,
  position: number,
  limit: number,
): string[] {
  if (limit === 0) return [];
  const dir = isAscending ? 'ASC' : 'DESC';
  // Ascending, a block's rows start at its own start key; descending, just below the start of
  // the block before it in this order (the next one up); the first block in this order is open.
  const block = db
    .prepare(
      `SELECT skipped, edge_at AS at, edge_id AS id FROM (
         SELECT sum(emails) OVER w - emails AS skipped, sum(emails) OVER w AS upto,
                ${isAscending ? 'start_at' : 'lag(start_at) OVER w'} AS edge_at,
                ${isAscending ? 'start_id' : 'lag(start_id) OVER w'} AS edge_id
           FROM mailbox_date_blocks WHERE mailbox_id = @mailbox
         WINDOW w AS (ORDER BY start_at ${dir}, start_id ${dir}))
       WHERE upto > @position LIMIT 1`,
    )
    .get({ mailbox, position }) as { skipped: number; at: number | null; id: string | null } | undefined;
  if (block === undefined) return [];
  const bound =
    block.at === null
      ? ''
      : isAscending
        ? 'AND (received_at, email_id) >= (@at, @id)'
        : 'AND (received_at, email_id) < (@at, @id)';
  const rows = db
    .prepare(
      `SELECT email_id AS id FROM email_mailboxes WHERE mailbox_id = @mailbox ${bound}
        ORDER BY received_at ${dir}, email_id ${dir} LIMIT @limit OFFSET @offset`,
    )
    .all({
      mailbox,
      limit,
      offset: position - block.skipped,
      ...(block.at !== null && { at: block.at, id: block.id }),
    }) as { id: string }[];
  return rows.map((r) => r.id);
}

/**
 * collapseThreads, newest first: one row per thread of the mailbox in `mailbox_thread_reps` (its
 * newest email there), walked in (receivedAt, id) order like the plain page.
 */
export function newestThreadsPage(db: Db, mailbox: string, position: number, limit: number): string[] {
  const rows = db
    .prepare(
      `SELECT email_id AS id FROM mailbox_thread_reps WHERE mailbox_id = @mailbox
        ORDER BY received_at DESC, email_id DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ mailbox, limit, offset: position }) as { id: string }[];
  return rows.map((r) => r.id);
}

/** Fewer candidate emails than this: the keyword's side is listed through its index and sorted. */
const sparseKeyword = 2000;

/**
 * A keyword sort (hasKeyword, some/allInThreadHaveKeyword) first, then membership keys: the
 * results are two segments, the emails whose key is 1 and those whose key is 0, each in the order
 * of the other keys. A segment is either walked in that order through the membership index,
 * testing the key (one primary-key look-up per row, stopping after the page), or, when few emails
 * have the keyword at all, listed from the keyword's index and sorted. The first segment's size
 * is needed only when the page reaches past it; `total` is the mailbox's email count.
 */
export function keywordPage(
  db: Db,
  mailbox: string,
  keys: SortKey[],
  tiebreak: 'ASC' | 'DESC',
  {
    position,
    limit,
    total,
    sparseKeywordBelow = sparseKeyword,
  }: { position: number; limit: number; total: () => number; sparseKeywordBelow?: number | undefined },
): string[] {
  const [first, ...rest] = keys as [SortKey, ...SortKey[]];
  const candidates = first.keyword!.candidates;
  const key = first.expressions[0]!;
  const order = (plus: string) =>
    [
      ...rest.flatMap((k) => k.expressions.map((e) => `${plus}${e} ${k.isAscending ? 'ASC' : 'DESC'}`)),
      `${plus}em.email_id ${tiebreak}`,
    ].join(', ');
  const walk = (value: 0 | 1, offset: number, count: number) =>
    (
      db
        .prepare(
          `SELECT em.email_id AS id FROM email_mailboxes em WHERE em.mailbox_id = @mailbox AND (${key}) = ${value}
            ORDER BY ${order('')} LIMIT @limit OFFSET @offset`,
        )
        .all({ mailbox, limit: count, offset }) as { id: string }[]
    ).map((r) => r.id);
  const probe = db
    .prepare(`SELECT count(*) AS n FROM (${candidates} LIMIT @cap)`)
    .get({ cap: sparseKeywordBelow }) as { n: number };
  // The emails with the key, when few: from the keyword index, then sorted (the unary + keeps
  // SQLite from walking the whole mailbox in order instead).
  const withKey =
    probe.n < sparseKeywordBelow
      ? (
          db
            .prepare(
              `SELECT em.email_id AS id FROM email_mailboxes em
                WHERE em.mailbox_id = @mailbox AND em.email_id IN (${candidates}) AND (${key}) = 1
                ORDER BY ${order('+')}`,
            )
            .all({ mailbox }) as { id: string }[]
        ).map((r) => r.id)
      : null;
  const countWithKey = () =>
    withKey?.length ??
    (
      db
        .prepare(
          `SELECT count(*) AS n FROM email_mailboxes em
            WHERE em.mailbox_id = @mailbox AND em.email_id IN (${candidates}) AND (${key}) = 1`,
        )
        .get({ mailbox }) as { n: number }
    ).n;
  const unlimited = limit < 0;
  const segment = (value: 0 | 1, offset: number, count: number) =>
    value === 1 && withKey !== null
      ? withKey.slice(offset, unlimited ? undefined : offset + count)
      : walk(value, offset, count);

  const firstValue: 0 | 1 = first.isAscending ? 0 : 1;
  const page = segment(firstValue, position, limit);
  if (!unlimited && page.length >= limit) return page;
  // The page runs past the first segment: the second starts where the first ends.
  const firstSize = firstValue === 1 ? countWithKey() : total() - countWithKey();
  const offset = Math.max(0, position - firstSize);
  return page.concat(segment(firstValue === 1 ? 0 : 1, offset, unlimited ? -1 : limit - page.length));
}
