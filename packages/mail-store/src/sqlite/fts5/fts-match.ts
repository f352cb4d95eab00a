import type { SearchField, TextCondition } from '../../ports/search-index.js';
import { maxSearchTerms } from '../../search/search-terms.js';

/** The FTS5 columns of `email_fts` (migration 1). */
type FtsColumn = 'subject' | 'addresses' | 'body' | 'attachments';

/** Where each field lives; null is every column. One column holds all address fields. */
const columnsOf: Record<SearchField, readonly FtsColumn[] | null> = {
  text: null,
  subject: ['subject'],
  from: ['addresses'],
  to: ['addresses'],
  cc: ['addresses'],
  bcc: ['addresses'],
  body: ['body'],
  attachmentNames: ['attachments'],
};

/**
 * A text condition as an FTS5 query that is never FTS syntax: each term becomes a quoted phrase
 * (an embedded `"` doubled, the FTS5 string escape) matched as a word prefix; all terms must match
 * (`OR`: any, for highlighting). `NEAR`, `*`, `-`, `^`, `:` or parentheses in a search box are
 * literal text. Null when there is no term.
 */
export function ftsMatch(condition: TextCondition, join: 'AND' | 'OR' = 'AND'): string | null {
  const phrases = [...new Set(condition.terms)]
    .slice(0, maxSearchTerms)
    .map((t) => `"${t.replace(/"/g, '""')}"*`);
  if (phrases.length === 0) return null;
  const expression = phrases.join(` ${join} `);
  const columns = columnsOf[condition.field];
  return columns === null ? expression : `{${columns.join(' ')}} : (${expression})`;
}
