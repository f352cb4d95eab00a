import type { Db } from '../open-database.js';
import type { SortKey } from './sort-sql.js';

/**
 * Pages of a whole mailbox (no other condition) that migrations 11 and 15's maintained tables serve
 * without walking every earlier result. Each returns the page's email ids; `limit` −1 is no limit.
 */

/**
 * One mailbox's rows of a table keyed (mailbox_id, received_at, email_id) in that key's order, cut
 * into counted blocks (migrations 11 and 15): `blocks` selects each block's start_at, start_id and
 * how many of its rows are listed (`n`). The counts are summed, in the page's order, up to the block
 * holding `position` (in JS: a window function over ~N/512 blocks cost twice as much, and a top page
 * stops at the first block); the walk then starts at that block's edge, so it skips at most one
 * block's rows. A block missing from `blocks` must list no rows.
 */
interface CountedOrder {
  /** SELECT start_at, start_id, n FROM the mailbox's blocks (parameters from `params`). */
  blocks: string;
  /** The rows listed: a table or subquery with mailbox_id, received_at, email_id. */
  rows: string;
  /** More conditions on the rows (`r`), e.g. a keyword; '' for none. */
  where?: string;
  params: Record<string, unknown>;
}

function countedPage(
  db: Db,
  { blocks, rows, where = '', params }: CountedOrder,
  isAscending: boolean,
  position: number,
  limit: number,
): string[] {
  if (limit === 0) return [];
  const dir = isAscending ? 'ASC' : 'DESC';
  // Its own SQL text, so the raw mode is this caller's alone.
  const listed = db
    .prepare(`SELECT start_at, start_id, n FROM (${blocks}) ORDER BY start_at ${dir}, start_id ${dir}`)
    .raw()
    .iterate(params) as IterableIterator<[number, string, number]>;
  // Ascending, a block's rows start at its own start key; descending, just below the start of
  // the block before it in this order (the next one up); the first block in this order is open.
  let skipped = 0;
  let edge: [number, string] | null = null;
  let found = false;
  for (const [at, id, n] of listed) {
    if (isAscending) edge = [at, id];
    if (skipped + n > position) {
      found = true;
      break;
    }
    skipped += n;
    if (!isAscending) edge = [at, id];
  }
  if (!found) return [];
  const bound =
    edge === null
      ? ''
      : isAscending
        ? 'AND (r.received_at, r.email_id) >= (@at, @id)'
        : 'AND (r.received_at, r.email_id) < (@at, @id)';
  const page = db
    .prepare(
      `SELECT r.email_id AS id FROM ${rows} r WHERE r.mailbox_id = @mailbox ${bound} ${where}
        ORDER BY r.received_at ${dir}, r.email_id ${dir} LIMIT @limit OFFSET @offset`,
    )
    .all({
      ...params,
      limit,
      offset: position - skipped,
      ...(edge !== null && { at: edge[0], id: edge[1] }),
    }) as { id: string }[];
  return page.map((r) => r.id);
}

/** Every row of `rows` in the mailbox, counted by the `count` column of `blocksTable`. */
const everyRow = (blocksTable: string, count: string, rows: string, mailbox: string): CountedOrder => ({
  blocks: `SELECT start_at, start_id, ${count} AS n FROM ${blocksTable} WHERE mailbox_id = @mailbox`,
  rows,
  params: { mailbox },
});

/** Plain receivedAt order (id tiebreak in the same direction), from `mailbox_date_blocks`. */
export function receivedAtPage(
  db: Db,
  mailbox: string,
  isAscending: boolean,
  position: number,
  limit: number,
): string[] {
  const order = everyRow('mailbox_date_blocks', 'emails', 'email_mailboxes', mailbox);
  return countedPage(db, order, isAscending, position, limit);
}

/**
 * collapseThreads, newest first: one row per thread of the mailbox in `mailbox_thread_reps` (its
 * newest email there), in (receivedAt, id) order, counted by `mailbox_thread_blocks` (migration 15).
 */
export function newestThreadsPage(db: Db, mailbox: string, position: number, limit: number): string[] {
  const order = everyRow('mailbox_thread_blocks', 'threads', 'mailbox_thread_reps', mailbox);
  return countedPage(db, order, false, position, limit);
}

/**
 * hasKeyword first, then receivedAt in the same direction as the keyword's (so the id tiebreak
 * agrees): the emails with the keyword, then those without (or the reverse), each segment
 * counted per date block by `mailbox_date_block_keywords` (migration 15). The keyword's own
 * segment is walked in `mailbox_keyword_members`; the other in the memberships, skipping the
 * keyword's (a look-up per row: cheap while the keyword is not most of the mailbox). Only the
 * segments the page touches are visited.
 */
export function keywordDatePage(
  db: Db,
  mailbox: string,
  keyword: string,
  isAscending: boolean,
  { position, limit, total }: { position: number; limit: number; total: () => number },
): string[] {
  const params = { mailbox, keyword };
  const withKey: CountedOrder = {
    // Blocks without a row here hold none of the keyword's emails.
    blocks: `SELECT start_at, start_id, emails AS n FROM mailbox_date_block_keywords
              WHERE mailbox_id = @mailbox AND keyword = @keyword`,
    rows: '(SELECT mailbox_id, received_at, email_id FROM mailbox_keyword_members WHERE keyword = @keyword)',
    params,
  };
  const withoutKey: CountedOrder = {
    blocks: `SELECT b.start_at, b.start_id, b.emails - coalesce(bk.emails, 0) AS n FROM mailbox_date_blocks b
               LEFT JOIN mailbox_date_block_keywords bk ON bk.mailbox_id = b.mailbox_id AND bk.keyword = @keyword
                AND bk.start_at = b.start_at AND bk.start_id = b.start_id
              WHERE b.mailbox_id = @mailbox`,
    rows: 'email_mailboxes',
    where:
      'AND NOT EXISTS (SELECT 1 FROM email_keywords k WHERE k.email_id = r.email_id AND k.keyword = @keyword)',
    params,
  };
  const keyed = (
    db
      .prepare(
        `SELECT coalesce(sum(emails), 0) AS n FROM mailbox_date_block_keywords
          WHERE mailbox_id = @mailbox AND keyword = @keyword`,
      )
      .get(params) as { n: number }
  ).n;
  // Descending: key 1 first; ascending: key 0 first.
  const [first, second, firstSize] = isAscending
    ? [withoutKey, withKey, total() - keyed]
    : [withKey, withoutKey, keyed];
  const unlimited = limit < 0;
  const page = position < firstSize ? countedPage(db, first, isAscending, position, limit) : [];
  if (!unlimited && page.length >= limit) return page;
  const offset = Math.max(0, position - firstSize);
  return page.concat(countedPage(db, second, isAscending, offset, unlimited ? -1 : limit - page.length));
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
