import type {
  AccountId,
  EmailFilter,
  EmailId,
  EmailQuery,
  EmailQueryResult,
  EmailSort,
  MailboxId,
} from '../model.js';
import { AnchorNotFoundError, InvalidInputError } from '../errors.js';
import type { Db } from './open-database.js';
import { filterSql, normaliseKeyword } from './query/filter-sql.js';
import { keywordDatePage, keywordPage, newestThreadsPage, receivedAtPage } from './query/mailbox-pages.js';
import { registerSortFunctions, sortKeys, type SortKey } from './query/sort-sql.js';
import { textConditionSql } from './query/text-condition-sql.js';
import type { SqliteSearchIndex } from './sqlite-search-index.js';

/** Largest page the store returns in one query. */
export const maxQueryLimit = 10_000;

const defaultSort: EmailSort[] = [{ property: 'receivedAt', isAscending: false }];

/**
 * The mailbox a filter requires at its top level (a condition, or a condition directly under a
 * top-level AND), and the filter without it: the query then walks that mailbox's membership rows.
 */
function splitMailbox(filter: EmailFilter | undefined): { mailbox?: MailboxId; rest?: EmailFilter } {
  if (filter === undefined) return {};
  if (!('operator' in filter)) {
    if (filter.inMailbox === undefined) return { rest: filter };
    const { inMailbox, ...rest } = filter;
    return { mailbox: inMailbox, rest };
  }
  if (filter.operator !== 'AND') return { rest: filter };
  const index = filter.conditions.findIndex((c) => !('operator' in c) && c.inMailbox !== undefined);
  if (index === -1) return { rest: filter };
  const { inMailbox, ...without } = filter.conditions[index] as { inMailbox: MailboxId };
  const conditions = filter.conditions.slice();
  conditions[index] = without;
  return { mailbox: inMailbox, rest: { operator: 'AND', conditions } };
}

function isEmpty(filter: EmailFilter | undefined): boolean {
  if (filter === undefined) return true;
  if ('operator' in filter) return filter.operator === 'AND' && filter.conditions.every(isEmpty);
  return Object.values(filter).every((v) => v === undefined);
}

function checkInteger(value: number, what: string, min = Number.MIN_SAFE_INTEGER): number {
  if (!Number.isSafeInteger(value) || value < min)
    throw new InvalidInputError(`${what} must be ${min === 0 ? 'a non-negative' : 'an'} integer`);
  return value;
}

/**
 * RFC 8621 §4.4 / RFC 8620 §5.5: filters, sorts, collapses and pages an account's emails.
 * - With an inMailbox at the top level the query walks that mailbox's membership rows (index
 *   (mailbox, receivedAt, id)), so the Inbox newest-first page is an index range scan; the emails
 *   row is joined only when a filter or sort needs it.
 * - Every order ends with the email id, in the direction of the first comparator: a total order,
 *   so pages never overlap or skip.
 * - collapseThreads keeps each thread's first email in that order (a window function).
 * - An anchor's index is found by ranking the results; position is then ignored.
 */
export function queryEmails(
  db: Db,
  search: SqliteSearchIndex,
  accountId: AccountId,
  query: EmailQuery,
  /**
   * Internal. `unlimited` (query changes): every result, past maxQueryLimit. `sparseKeywordBelow`
   * (tests): the keyword sorts' threshold between listing and walking (`keywordPage`).
   */
  { unlimited = false, sparseKeywordBelow }: { unlimited?: boolean; sparseKeywordBelow?: number } = {},
): EmailQueryResult {
  registerSortFunctions(db);
  const sort = query.sort && query.sort.length > 0 ? query.sort : defaultSort;
  const requestedLimit = Math.min(checkInteger(query.limit ?? maxQueryLimit, 'limit', 0), maxQueryLimit);
  // SQLite: a negative LIMIT is no limit.
  const limit = unlimited ? -1 : requestedLimit;
  const requestedPosition = checkInteger(query.position ?? 0, 'position');
  const anchorOffset = checkInteger(query.anchorOffset ?? 0, 'anchorOffset');

  const { mailbox, rest } = splitMailbox(query.filter);
  const params: Record<string, unknown> = { accountId };
  const where: string[] = [];
  const keys = sortKeys(sort, mailbox !== undefined);
  // Migration 8 put the default sort keys and the thread on the membership row: a mailbox query
  // without further conditions never reads the emails rows.
  const membershipOnly = mailbox !== undefined && isEmpty(rest) && keys.every((k) => !k.needsEmails);
  let from: string;
  let idColumn: string;
  if (mailbox !== undefined) {
    // The mailbox must be the account's; then its membership rows are the account's emails.
    if (!db.prepare('SELECT 1 FROM mailboxes WHERE id = ? AND account_id = ?').get(mailbox, accountId)) {
      if (query.anchor !== undefined) throw new AnchorNotFoundError();
      return { ids: [], total: 0, position: 0 };
    }
    from = membershipOnly ? 'email_mailboxes em' : 'email_mailboxes em JOIN emails e ON e.id = em.email_id';
    where.push('em.mailbox_id = @mailbox');
    params.mailbox = mailbox;
    idColumn = 'em.email_id';
  } else {
    from = 'emails e';
    where.push('e.account_id = @accountId');
    idColumn = 'e.id';
  }
  let requiredHits: ((cap: number) => number)[] = [];
  if (rest !== undefined && !isEmpty(rest)) {
    const fragment = filterSql(rest, textConditionSql(db, search, accountId));
    where.push(fragment.sql);
    Object.assign(params, fragment.params);
    requiredHits = fragment.requiredHits;
  }
  const direction = (ascending: boolean) => (ascending ? 'ASC' : 'DESC');
  const tiebreak = direction(sort[0]!.isAscending);
  const whereSql = where.join(' AND ');

  // The results as a relation of (id, k0…kn), ordered by `order`.
  const columns = keys.flatMap((k) => k.expressions);
  const aliases = columns.map((_, i) => `k${i}`);
  const directions = keys.flatMap((k) => k.expressions.map(() => direction(k.isAscending)));
  const innerOrder = [...columns.map((c, i) => `${c} ${directions[i]}`), `${idColumn} ${tiebreak}`].join(
    ', ',
  );
  const order = [...aliases.map((a, i) => `${a} ${directions[i]}`), `id ${tiebreak}`].join(', ');
  const selected = `${idColumn} AS id, ${columns.map((c, i) => `${c} AS ${aliases[i]}`).join(', ')}`;
  const relation = query.collapseThreads
    ? `SELECT * FROM (SELECT ${selected}, row_number() OVER (PARTITION BY ${mailbox !== undefined ? 'em.thread_id' : 'e.thread_id'} ORDER BY ${innerOrder}) AS thread_rank FROM ${from} WHERE ${whereSql}) WHERE thread_rank = 1`
    : `SELECT ${selected} FROM ${from} WHERE ${whereSql}`;

  // A negative position counts from the end, so it needs the total even when nobody asked for it.
  const needsTotal = query.calculateTotal !== false || (query.anchor === undefined && requestedPosition < 0);
  const total = !needsTotal
    ? null
    : membershipOnly
      ? mailboxTotal(db, mailbox!, query.collapseThreads === true)
      : (db.prepare(`SELECT count(*) AS n FROM (${relation})`).get(params) as { n: number }).n;
  let position: number;
  if (query.anchor !== undefined) {
    const found = db
      .prepare(
        `SELECT rank FROM (SELECT id, row_number() OVER (ORDER BY ${order}) - 1 AS rank FROM (${relation})) WHERE id = @anchor`,
      )
      .get({ ...params, anchor: query.anchor }) as { rank: number } | undefined;
    if (found === undefined) throw new AnchorNotFoundError();
    // RFC 8620 §5.5: the offset may be negative; a start before the first result is clamped to 0.
    position = Math.max(0, found.rank + anchorOffset);
  } else {
    // RFC 8620 §5.5: a negative position counts from the end, clamped to 0.
    position = requestedPosition < 0 ? Math.max(0, total! + requestedPosition) : requestedPosition;
  }
  const fast =
    membershipOnly && query.anchor === undefined
      ? mailboxPage(db, mailbox!, sort, keys, query.collapseThreads === true, sparseKeywordBelow)
      : null;
  if (fast !== null) {
    const ids = fast(position, limit, () => mailboxTotal(db, mailbox!, false)) as EmailId[];
    return { ids, total, position };
  }
  // Without collapse the page is one plain SELECT, so that SQLite can walk an index in order,
  // testing each row against the filter: fast when matches are dense. A search word that few
  // emails contain would make that walk visit the whole mailbox, so then the unary + keeps the
  // sort from using an index and SQLite starts from the few search hits and sorts them instead.
  const fromHits = requiredHits.some((countHits) => countHits(selectiveHits) < selectiveHits);
  const pageOrder = fromHits
    ? [...columns.map((c, i) => `+(${c}) ${directions[i]}`), `+${idColumn} ${tiebreak}`].join(', ')
    : innerOrder;
  // The base condition too (account or mailbox), or SQLite walks its index and tests every row.
  const pageWhere = fromHits ? [`+${where[0]!}`, ...where.slice(1)].join(' AND ') : whereSql;
  const page = query.collapseThreads
    ? `SELECT id FROM (${relation}) ORDER BY ${order} LIMIT @limit OFFSET @offset`
    : `SELECT ${idColumn} AS id FROM ${from} WHERE ${pageWhere} ORDER BY ${pageOrder} LIMIT @limit OFFSET @offset`;
  const ids = (db.prepare(page).all({ ...params, limit, offset: position }) as { id: string }[]).map(
    (r) => r.id as EmailId,
  );
  return { ids, total, position };
}

type PageFn = (position: number, limit: number, total: () => number) => string[];

/**
 * A whole mailbox's page served by migrations 11 and 15's maintained tables, when the sort is one
 * they cover (`query/mailbox-pages.ts`): receivedAt alone, collapsed newest first, or hasKeyword
 * then receivedAt in the same direction (counted blocks: no O(position) walk); or another keyword
 * sort followed by membership keys (walked segments).
 */
function mailboxPage(
  db: Db,
  mailbox: string,
  sort: EmailSort[],
  keys: SortKey[],
  collapsed: boolean,
  sparseKeywordBelow: number | undefined,
): PageFn | null {
  const only = sort.length === 1 ? sort[0]! : undefined;
  if (collapsed)
    return only?.property === 'receivedAt' && !only.isAscending
      ? (position, limit) => newestThreadsPage(db, mailbox, position, limit)
      : null;
  if (only?.property === 'receivedAt')
    return (position, limit) => receivedAtPage(db, mailbox, only.isAscending, position, limit);
  const [byKeyword, byDate] = sort;
  if (
    sort.length === 2 &&
    byKeyword!.property === 'hasKeyword' &&
    byDate!.property === 'receivedAt' &&
    byDate!.isAscending === byKeyword!.isAscending
  ) {
    const keyword = normaliseKeyword(byKeyword!.keyword!);
    return (position, limit, total) =>
      keywordDatePage(db, mailbox, keyword, byDate!.isAscending, { position, limit, total });
  }
  const [first, ...rest] = keys;
  if (first?.keyword !== undefined && rest.every((k) => k.keyword === undefined && !k.needsEmails)) {
    const tiebreak = sort[0]!.isAscending ? 'ASC' : 'DESC';
    return (position, limit, total) =>
      keywordPage(db, mailbox, keys, tiebreak, { position, limit, total, sparseKeywordBelow });
  }
  return null;
}

/**
 * A whole mailbox's result count without scanning it: the RFC 8621 §2 counters kept on every
 * write (totalEmails, or totalThreads when collapsed: threads with an email in the mailbox).
 */
function mailboxTotal(db: Db, mailbox: string, collapsed: boolean): number {
  const row = db
    .prepare(
      'SELECT total_emails AS emails, total_threads AS threads FROM mailbox_counts WHERE mailbox_id = ?',
    )
    .get(mailbox) as { emails: number; threads: number } | undefined;
  return (collapsed ? row?.threads : row?.emails) ?? 0;
}

/** Fewer full-text hits than this: start from the hits rather than walk the mailbox in order. */
const selectiveHits = 2000;
