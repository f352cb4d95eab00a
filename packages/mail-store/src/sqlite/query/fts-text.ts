/** Search terms past this many are ignored (each term is one FTS5 phrase). */
export const maxSearchTerms = 16;

/** The FTS5 columns of `email_fts` (migration 1) a text condition may target. */
export type FtsColumn = 'subject' | 'addresses' | 'body' | 'attachments';

/**
 * Turns free text into an FTS5 query that is never FTS syntax: each whitespace-separated term
 * becomes a quoted phrase (an embedded `"` doubled, the FTS5 string escape) matched as a word
 * prefix, and all terms must match. `NEAR`, `*`, `-`, `^`, `:` or parentheses in a search box are
 * literal text. Returns null when there is no term (the condition then matches everything).
 */
export function ftsQuery(text: string, columns?: readonly FtsColumn[]): string | null {
  const terms = text
    .split(/\s+/)
    // A term without a letter or digit has no FTS token and would make the whole query match nothing.
    .filter((t) => /[\p{L}\p{N}]/u.test(t))
    .slice(0, maxSearchTerms)
    .map((t) => `"${t.replace(/"/g, '""')}"*`);
  if (terms.length === 0) return null;
  const expression = terms.join(' AND ');
  return columns === undefined ? expression : `{${columns.join(' ')}} : (${expression})`;
}
