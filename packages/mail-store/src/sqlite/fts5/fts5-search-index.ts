import type { IntegrityProblem } from '../../mail-store.js';
import type { AccountId, EmailId } from '../../model.js';
import type { SearchDocument, TextCondition } from '../../ports/search-index.js';
import { markClose, markedToHtml, markOpen } from '../../search/marked-html.js';
import type { Db } from '../open-database.js';
import type { SqliteSearchIndex } from '../sqlite-search-index.js';
import { ftsMatch } from './fts-match.js';
import { catchUpPending, dropQueued, queueDocument, type FtsColumns } from './pending-documents.js';

/** Tokens in a preview snippet (FTS5 snippet(); RFC 8621 §5 caps the preview at 255 octets). */
const previewTokens = 24;

/** The condition's FTS5 query; callers never pass a condition without terms. */
function matchOf(condition: TextCondition): string {
  const match = ftsMatch(condition);
  if (match === null) throw new Error('A text condition needs at least one term');
  return match;
}

function marked(db: Db, sql: string, match: string | null, searchId: number): string | null {
  if (match === null) return null;
  return markedToHtml((db.prepare(sql).get(match, searchId) as { html: string } | undefined)?.html);
}

/** Each row of a query that should return none (one column: the subject) as a problem. */
function rowsAsProblems(
  db: Db,
  sql: string,
  kind: IntegrityProblem['kind'],
  detail: string,
): IntegrityProblem[] {
  return (db.prepare(sql).pluck().all() as unknown[]).map((subject) => ({
    kind,
    subject: String(subject),
    detail,
  }));
}

/**
 * The search index of the embedded store: the FTS5 table `email_fts` (subject, addresses, body,
 * attachments; unicode61 with diacritics removed) in the store's own database, one row per email
 * keyed by `emails.search_id` (stable across VACUUM, migration 2). The emails row is the link to
 * the account, so a document is written after its email row and removed before it.
 */
export function createFts5SearchIndex(): SqliteSearchIndex {
  const searchIdOf = (db: Db, accountId: AccountId, emailId: EmailId) =>
    (
      db.prepare('SELECT search_id FROM emails WHERE id = ? AND account_id = ?').get(emailId, accountId) as
        { search_id: number } | undefined
    )?.search_id;

  return {
    index(db, accountId, emailId, document) {
      db.prepare(
        `INSERT INTO email_fts (rowid, subject, addresses, body, attachments)
         VALUES ((SELECT search_id FROM emails WHERE id = ? AND account_id = ?), ?, ?, ?, ?)`,
      ).run(emailId, accountId, ...columnsOf(document));
    },

    indexLater(db, accountId, emailId, document) {
      const searchId = searchIdOf(db, accountId, emailId);
      if (searchId !== undefined) queueDocument(db, searchId, columnsOf(document));
    },

    catchUp: catchUpPending,

    remove(db, accountId, emailIds) {
      const searchIds = emailIds.flatMap((id) => searchIdOf(db, accountId, id) ?? []);
      dropQueued(db, searchIds);
      const remove = db.prepare('DELETE FROM email_fts WHERE rowid = ?');
      for (const searchId of searchIds) remove.run(searchId);
    },

    removeAccount(db, accountId) {
      const ofAccount = 'SELECT search_id FROM emails WHERE account_id = ?';
      db.prepare(`DELETE FROM search_pending WHERE search_id IN (${ofAccount})`).run(accountId);
      db.prepare(`DELETE FROM email_fts WHERE rowid IN (${ofAccount})`).run(accountId);
    },

    match(db, accountId, condition) {
      catchUpPending(db);
      return db
        .prepare(
          `SELECT e.id FROM email_fts f JOIN emails e ON e.search_id = f.rowid
            WHERE email_fts MATCH ? AND e.account_id = ?`,
        )
        .pluck()
        .all(matchOf(condition), accountId) as EmailId[];
    },

    highlight(db, accountId, emailId, terms) {
      catchUpPending(db);
      const searchId = searchIdOf(db, accountId, emailId);
      if (searchId === undefined) return null;
      const subject = marked(
        db,
        `SELECT highlight(email_fts, 0, '${markOpen}', '${markClose}') AS html FROM email_fts WHERE email_fts MATCH ? AND rowid = ?`,
        ftsMatch({ field: 'subject', terms: terms.subject }, 'OR'),
        searchId,
      );
      const preview = marked(
        db,
        `SELECT snippet(email_fts, 2, '${markOpen}', '${markClose}', '…', ${previewTokens}) AS html FROM email_fts WHERE email_fts MATCH ? AND rowid = ?`,
        ftsMatch({ field: 'body', terms: terms.body }, 'OR'),
        searchId,
      );
      return { subject, preview };
    },

    pushdown: {
      emailsMatching: (condition, bind) =>
        `e.search_id IN (SELECT rowid FROM email_fts WHERE email_fts MATCH ${bind(matchOf(condition))})`,
      countHits: (db, condition, cap) =>
        (
          db
            .prepare(
              'SELECT count(*) AS n FROM (SELECT rowid FROM email_fts WHERE email_fts MATCH ? LIMIT ?)',
            )
            .get(matchOf(condition), cap) as { n: number }
        ).n,
    },

    integrityProblems: (db) => [
      ...rowsAsProblems(
        db,
        `SELECT e.id FROM emails e LEFT JOIN email_fts f ON f.rowid = e.search_id
          WHERE f.rowid IS NULL AND NOT EXISTS (SELECT 1 FROM search_pending p WHERE p.search_id = e.search_id)`,
        'missingSearchRow',
        'email has no full-text row',
      ),
      ...rowsAsProblems(
        db,
        'SELECT f.rowid FROM email_fts f WHERE NOT EXISTS (SELECT 1 FROM emails e WHERE e.search_id = f.rowid)',
        'orphanSearchRow',
        'full-text row of no email',
      ),
      ...rowsAsProblems(
        db,
        'SELECT p.search_id FROM search_pending p WHERE NOT EXISTS (SELECT 1 FROM emails e WHERE e.search_id = p.search_id)',
        'orphanSearchRow',
        'queued full-text document of no email',
      ),
    ],
  };
}

/** A document as the columns of `email_fts`: the address fields share one column. */
function columnsOf(document: SearchDocument): FtsColumns {
  const addresses = [document.from, document.to, document.cc, document.bcc].filter((a) => a).join(' ');
  return [document.subject, addresses, document.body, document.attachmentNames.join(' ')];
}

/** The same index without its pushdown: queries take the generic path (ids from `match`). */
export function withoutPushdown(index: SqliteSearchIndex): SqliteSearchIndex {
  const { pushdown: _pushdown, ...rest } = index;
  return rest;
}
