import type { AccountId, EmailId, EmailQuery, EmailQueryResult, EmailSort } from '../model.js';
import { InvalidInputError } from '../errors.js';
import type { Db } from './open-database.js';

const sortColumns: Record<EmailSort['property'], string> = {
  receivedAt: 'e.received_at',
  sentAt: 'coalesce(e.sent_at, e.received_at)',
  size: 'e.size',
  subject: "lower(coalesce(e.subject, ''))",
  from: 'e.from_sort',
};

/** Largest page the store returns in one query. */
export const maxQueryLimit = 10_000;
/** Search terms past this many are ignored. */
const maxSearchTerms = 16;

/** Turns free text into an FTS5 query of quoted prefix terms, so that user input is never FTS syntax. */
export function ftsQuery(text: string): string | null {
  const terms = text
    .split(/\s+/)
    .map((t) => t.replace(/"/g, ''))
    .filter((t) => t.length > 0)
    .slice(0, maxSearchTerms);
  return terms.length > 0 ? terms.map((t) => `"${t}"*`).join(' ') : null;
}

/**
 * Filters, sorts and pages an account's emails. Within a mailbox the query walks the membership
 * index (mailbox, receivedAt, id), so the Inbox newest-first page is an index range scan whatever
 * the mailbox's size; the emails table is joined only when a filter or sort needs its columns.
 */
export function queryEmails(db: Db, accountId: AccountId, query: EmailQuery): EmailQueryResult {
  const filter = query.filter ?? {};
  const sort: EmailSort[] =
    query.sort && query.sort.length > 0 ? query.sort : [{ property: 'receivedAt', isAscending: false }];
  for (const s of sort) {
    if (!(s.property in sortColumns)) throw new InvalidInputError(`Unsupported sort ${String(s.property)}`);
  }
  const limit = query.limit ?? maxQueryLimit;
  if (!Number.isSafeInteger(limit) || limit < 0)
    throw new InvalidInputError('limit must be a non-negative integer');
  const requestedPosition = query.position ?? 0;
  if (!Number.isSafeInteger(requestedPosition)) throw new InvalidInputError('position must be an integer');

  const params: Record<string, unknown> = { accountId };
  const where: string[] = [];
  const inMailbox = filter.inMailbox !== undefined;
  const needsEmails = filter.text !== undefined || sort.some((s) => s.property !== 'receivedAt');
  let from: string;
  let idColumn: string;
  let receivedColumn: string;
  if (inMailbox) {
    // The mailbox must be the account's; then its membership rows are the account's emails.
    if (
      !db.prepare('SELECT 1 FROM mailboxes WHERE id = ? AND account_id = ?').get(filter.inMailbox, accountId)
    ) {
      return { ids: [], total: 0, position: 0 };
    }
    from = needsEmails ? 'email_mailboxes em JOIN emails e ON e.id = em.email_id' : 'email_mailboxes em';
    where.push('em.mailbox_id = @inMailbox');
    params.inMailbox = filter.inMailbox;
    idColumn = 'em.email_id';
    receivedColumn = 'em.received_at';
  } else {
    from = 'emails e';
    where.push('e.account_id = @accountId');
    idColumn = 'e.id';
    receivedColumn = 'e.received_at';
  }
  if (filter.hasKeyword !== undefined) {
    where.push(
      `EXISTS (SELECT 1 FROM email_keywords k WHERE k.email_id = ${idColumn} AND k.keyword = @hasKeyword)`,
    );
    params.hasKeyword = filter.hasKeyword.toLowerCase();
  }
  if (filter.notKeyword !== undefined) {
    where.push(
      `NOT EXISTS (SELECT 1 FROM email_keywords k WHERE k.email_id = ${idColumn} AND k.keyword = @notKeyword)`,
    );
    params.notKeyword = filter.notKeyword.toLowerCase();
  }
  if (filter.text !== undefined) {
    const match = ftsQuery(filter.text);
    if (match) {
      where.push('e.search_id IN (SELECT rowid FROM email_fts WHERE email_fts MATCH @match)');
      params.match = match;
    }
  }
  const orderBy = sort.map((s) => {
    const column = s.property === 'receivedAt' ? receivedColumn : sortColumns[s.property];
    return `${column} ${s.isAscending ? 'ASC' : 'DESC'}`;
  });
  // A stable tiebreak in the direction of the first sort, so that pages never overlap and the
  // default order matches the (mailbox, receivedAt, id) index in both directions.
  orderBy.push(`${idColumn} ${sort[0]!.isAscending ? 'ASC' : 'DESC'}`);

  const whereSql = where.join(' AND ');
  const total = (
    db.prepare(`SELECT count(*) AS n FROM ${from} WHERE ${whereSql}`).get(params) as { n: number }
  ).n;
  // RFC 8620 §5.5: a negative position counts from the end, clamped to 0.
  const position = requestedPosition < 0 ? Math.max(0, total + requestedPosition) : requestedPosition;
  const ids = (
    db
      .prepare(
        `SELECT ${idColumn} AS id FROM ${from} WHERE ${whereSql} ORDER BY ${orderBy.join(', ')} LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: Math.min(limit, maxQueryLimit), offset: position }) as { id: string }[]
  ).map((r) => r.id as EmailId);
  return { ids, total, position };
}
