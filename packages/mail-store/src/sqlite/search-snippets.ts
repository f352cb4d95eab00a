import type { AccountId, EmailFilter, EmailId, SearchSnippetRecord } from '../model.js';
import type { Db } from './open-database.js';
import { maxSearchTerms } from './query/fts-text.js';

/** Most emails in one snippet request. */
export const maxSnippetEmails = 500;
/** Tokens in a preview snippet (FTS5 snippet(); RFC 8621 §5 caps the preview at 255 octets). */
const previewTokens = 24;
const maxPreviewLength = 255;

// Private-use markers that FTS5 puts around matches; the text is HTML-escaped afterwards and only
// then are they turned into <mark> tags, so stored text can never inject markup.
const open = '\uE000';
const close = '\uE001';

/** The search terms of the filter's positive text conditions (not under NOT), per FTS column. */
function collectTerms(
  filter: EmailFilter | undefined,
  out = { subject: [] as string[], body: [] as string[] },
) {
  if (filter === undefined) return out;
  if ('operator' in filter) {
    if (filter.operator !== 'NOT') for (const c of filter.conditions) collectTerms(c, out);
    return out;
  }
  const words = (text: string | undefined) =>
    (text ?? '').split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t));
  out.subject.push(...words(filter.text), ...words(filter.subject));
  out.body.push(...words(filter.text), ...words(filter.body));
  return out;
}

/** Any of the terms, each a quoted prefix phrase (never FTS syntax), in one column. */
function anyOf(column: 'subject' | 'body', terms: string[]): string | null {
  const phrases = [...new Set(terms)].slice(0, maxSearchTerms).map((t) => `"${t.replace(/"/g, '""')}"*`);
  return phrases.length === 0 ? null : `{${column}} : (${phrases.join(' OR ')})`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Escaped HTML with the matches marked, or null when nothing matched. */
function toHtml(marked: string | undefined): string | null {
  if (marked === undefined || !marked.includes(open)) return null;
  return escapeHtml(marked).replaceAll(open, '<mark>').replaceAll(close, '</mark>');
}

/**
 * RFC 8621 §5 SearchSnippet: for each of the account's emails, its subject and a body fragment with
 * the filter's text/subject/body terms wrapped in <mark></mark> and everything else HTML-escaped
 * (FTS5 highlight() and snippet()). Ids that are not the account's are notFound.
 */
export function searchSnippets(
  db: Db,
  accountId: AccountId,
  filter: EmailFilter | undefined,
  ids: readonly EmailId[],
): { list: SearchSnippetRecord[]; notFound: EmailId[] } {
  const terms = collectTerms(filter);
  const subjectMatch = anyOf('subject', terms.subject);
  const bodyMatch = anyOf('body', terms.body);
  const searchIdOf = db.prepare('SELECT search_id FROM emails WHERE id = ? AND account_id = ?');
  const subjectOf = db.prepare(
    `SELECT highlight(email_fts, 0, '${open}', '${close}') AS html FROM email_fts WHERE email_fts MATCH ? AND rowid = ?`,
  );
  const previewOf = db.prepare(
    `SELECT snippet(email_fts, 2, '${open}', '${close}', '…', ${previewTokens}) AS html FROM email_fts WHERE email_fts MATCH ? AND rowid = ?`,
  );
  const list: SearchSnippetRecord[] = [];
  const notFound: EmailId[] = [];
  for (const emailId of ids) {
    const row = searchIdOf.get(emailId, accountId) as { search_id: number } | undefined;
    if (row === undefined) {
      notFound.push(emailId);
      continue;
    }
    const subject =
      subjectMatch === null
        ? null
        : toHtml((subjectOf.get(subjectMatch, row.search_id) as { html: string } | undefined)?.html);
    const preview =
      bodyMatch === null
        ? null
        : toHtml((previewOf.get(bodyMatch, row.search_id) as { html: string } | undefined)?.html);
    list.push({
      emailId,
      subject,
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
