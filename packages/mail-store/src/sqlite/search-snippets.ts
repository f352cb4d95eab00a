import type { AccountId, EmailFilter, EmailId, SearchSnippetRecord } from '../model.js';
import { searchTerms } from '../search/search-terms.js';
import type { Db } from './open-database.js';
import type { SqliteSearchIndex } from './sqlite-search-index.js';

/** Most emails in one snippet request. */
export const maxSnippetEmails = 500;
/** RFC 8621 §5 caps the preview at 255 octets. */
const maxPreviewLength = 255;

/** The search terms of the filter's positive text conditions (not under NOT), per field. */
function collectTerms(
  filter: EmailFilter | undefined,
  out = { subject: [] as string[], body: [] as string[] },
) {
  if (filter === undefined) return out;
  if ('operator' in filter) {
    if (filter.operator !== 'NOT') for (const c of filter.conditions) collectTerms(c, out);
    return out;
  }
  // Every word of every condition: the index dedupes the union and caps it.
  const words = (text: string | undefined) => searchTerms(text, Infinity);
  out.subject.push(...words(filter.text), ...words(filter.subject));
  out.body.push(...words(filter.text), ...words(filter.body));
  return out;
}

/**
 * RFC 8621 §5 SearchSnippet: for each of the account's emails, its subject and a body fragment with
 * the filter's text/subject/body terms wrapped in <mark></mark> and everything else HTML-escaped
 * (the search port's `highlight`). Ids that are not the account's are notFound.
 */
export function searchSnippets(
  db: Db,
  search: SqliteSearchIndex,
  accountId: AccountId,
  filter: EmailFilter | undefined,
  ids: readonly EmailId[],
): { list: SearchSnippetRecord[]; notFound: EmailId[] } {
  const terms = collectTerms(filter);
  const anyTerm = terms.subject.length > 0 || terms.body.length > 0;
  const exists = db.prepare('SELECT 1 FROM emails WHERE id = ? AND account_id = ?');
  const list: SearchSnippetRecord[] = [];
  const notFound: EmailId[] = [];
  for (const emailId of ids) {
    if (exists.get(emailId, accountId) === undefined) {
      notFound.push(emailId);
      continue;
    }
    const marked = anyTerm ? search.highlight(db, accountId, emailId, terms) : null;
    const preview = marked?.preview ?? null;
    list.push({
      emailId,
      subject: marked?.subject ?? null,
      preview: preview === null ? null : cut(preview.replace(/\s+/g, ' ').trim()),
    });
  }
  return { list, notFound };
}

/** RFC 8621 §5: a preview of at most 255 octets (an open <mark> is closed if cut). */
function cut(html: string): string {
  if (Buffer.byteLength(html) <= maxPreviewLength) return html;
  let out = html;
  while (Buffer.byteLength(out) > maxPreviewLength - '</mark>…'.length) out = out.slice(0, -1);
  out = out.replace(/&[a-z]*$/, '').replace(/<\/?m?a?r?k?$/, '');
  if (out.lastIndexOf('<mark>') > out.lastIndexOf('</mark>')) out += '</mark>';
  return `${out}…`;
}
