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

/** Turns free text into an FTS5 query of quoted prefix terms, so that user input is never FTS syntax. */
function ftsQuery(text: string): string | null {
  const terms = text
    .split(/\s+/)
    .map((t) => t.replace(/"/g, ''))
    .filter((t) => t.length > 0)
    .slice(0, 16);
  return terms.length > 0 ? terms.map((t) => `"${t}"*`).join(' ') : null;
}

export function queryEmails(db: Db, accountId: AccountId, query: EmailQuery): EmailQueryResult {
  const where: string[] = ['e.account_id = @accountId'];
  const params: Record<string, unknown> = { accountId };
  const filter = query.filter ?? {};
  let from = 'emails e';
  if (filter.inMailbox) {
    // Join through the membership index so that "newest in this mailbox" is an index range scan.
    from = 'email_mailboxes em JOIN emails e ON e.id = em.email_id';
    where.push('em.mailbox_id = @inMailbox');
    params.inMailbox = filter.inMailbox;
  }
  if (filter.hasKeyword) {
    where.push('EXISTS (SELECT 1 FROM email_keywords k WHERE k.email_id = e.id AND k.keyword = @hasKeyword)');
    params.hasKeyword = filter.hasKeyword.toLowerCase();
  }
  if (filter.notKeyword) {
    where.push(
      'NOT EXISTS (SELECT 1 FROM email_keywords k WHERE k.email_id = e.id AND k.keyword = @notKeyword)',
    );
    params.notKeyword = filter.notKeyword.toLowerCase();
  }
  if (filter.text !== undefined) {
    const match = ftsQuery(filter.text);
    if (match) {
      where.push('e.rowid IN (SELECT rowid FROM email_fts WHERE email_fts MATCH @match)');
      params.match = match;
    }
  }
  const sort =
    query.sort && query.sort.length > 0
      ? query.sort
      : [{ property: 'receivedAt', isAscending: false } as const];
  const orderBy = sort.map((s) => {
    const column = sortColumns[s.property];
    if (!column) throw new InvalidInputError(`Unsupported sort ${String(s.property)}`);
    const column2 = s.property === 'receivedAt' && filter.inMailbox ? 'em.received_at' : column;
    return `${column2} ${s.isAscending ? 'ASC' : 'DESC'}`;
  });
  // A stable tiebreak, in the direction of the first sort, so that pages never overlap.
  orderBy.push(`e.id ${sort[0]!.isAscending ? 'ASC' : 'DESC'}`);

  const total = (
    db.prepare(`SELECT count(*) AS n FROM ${from} WHERE ${where.join(' AND ')}`).get(params) as { n: number }
  ).n;
  let position = query.position ?? 0;
  if (position < 0) position = Math.max(0, total + position);
  const limit = Math.min(query.limit ?? maxQueryLimit, maxQueryLimit);
  const ids = (
    db
      .prepare(
        `SELECT e.id FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${orderBy.join(', ')} LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit, offset: position }) as { id: string }[]
  ).map((r) => r.id as EmailId);
  return { ids, total, position };
}
