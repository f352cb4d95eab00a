import type { EmailCollation, EmailSort, EmailSortProperty } from '../../model.js';
import { UnsupportedSortError } from '../../errors.js';
import { normaliseKeyword } from './filter-sql.js';
import type { Db } from '../open-database.js';
import { baseSubject } from '../../mime/text.js';

/** Most comparators in one sort. */
export const maxSortComparators = 10;

export const emailSortProperties: readonly EmailSortProperty[] = [
  'receivedAt',
  'sentAt',
  'size',
  'subject',
  'from',
  'to',
  'hasKeyword',
  'allInThreadHaveKeyword',
  'someInThreadHaveKeyword',
];
export const emailCollations: readonly EmailCollation[] = [
  'i;ascii-casemap',
  'i;ascii-numeric',
  'i;unicode-casemap',
];

const textProperties = new Set<EmailSortProperty>(['subject', 'from', 'to']);
const keywordProperties = new Set<EmailSortProperty>([
  'hasKeyword',
  'allInThreadHaveKeyword',
  'someInThreadHaveKeyword',
]);

const registered = new WeakSet<Db>();

/**
 * SQL functions the sort keys need: the RFC 5256 base subject (as threading computes it) and the
 * i;unicode-casemap fold (RFC 5051: NFKD, then case-folded). Registered once per connection.
 */
/** i;unicode-casemap as the sort keys store it: NFKD, then lower case. */
export const unicodeFold = (s: string): string => s.normalize('NFKD').toLowerCase();

export function registerSortFunctions(db: Db): void {
  if (registered.has(db)) return;
  db.function('colibri_base_subject', { deterministic: true }, (s: unknown) =>
    baseSubject(typeof s === 'string' ? s : null),
  );
  db.function('colibri_unicode_fold', { deterministic: true }, (s: unknown) =>
    typeof s === 'string' ? unicodeFold(s) : '',
  );
  registered.add(db);
}

/** The raw text of a text sort property, before collation. */
const textKey: Record<'subject' | 'from' | 'to', string> = {
  subject: 'colibri_base_subject(e.subject)',
  from: 'e.from_sort',
  to: "coalesce(e.index_json ->> '$.to[0].name', e.index_json ->> '$.to[0].email', '')",
};

/**
 * RFC 4790 collations as SQL: ascii-casemap folds A-Z only (SQLite's lower()), unicode-casemap
 * NFKD + full case folding, ascii-numeric orders by the leading digits as a number, with strings
 * that do not start with a digit after all others (RFC 4790 §9.1.1).
 */
function collate(expression: string, collation: EmailCollation): string[] {
  switch (collation) {
    case 'i;ascii-casemap':
      return [`lower(${expression})`];
    case 'i;unicode-casemap':
      return [`colibri_unicode_fold(${expression})`];
    case 'i;ascii-numeric':
      return [`(CASE WHEN ${expression} GLOB '[0-9]*' THEN 0 ELSE 1 END)`, `CAST(${expression} AS INTEGER)`];
  }
}

export interface SortKey {
  /** One or more SQL expressions over `e`, or over `em` alone when walking a mailbox. */
  expressions: string[];
  isAscending: boolean;
  /** Whether the key reads the emails row `e` (else only the membership row `em`). */
  needsEmails: boolean;
  /**
   * A keyword sort: its one expression is 1 or 0, and `candidates` is a query of the email ids
   * (of any account) that may have it, through a keyword index.
   */
  keyword?: { candidates: string };
}

/** Migration 8's membership columns: the default-collation keys, ready for an index walk. */
const membershipColumns: Partial<Record<EmailSortProperty, string>> = {
  receivedAt: 'em.received_at',
  size: 'em.size',
  sentAt: 'em.sent_at',
  subject: 'em.subject_sort',
  from: 'em.from_sort',
  to: 'em.to_sort',
};

/**
 * RFC 8621 §4.4.2: validates the comparators and returns their SQL keys (without the id
 * tiebreak). `inMailbox`: the query walks `email_mailboxes em`, whose denormalised keys (migration
 * 8) serve every default-collation sort without reading the emails row.
 */
export function sortKeys(sort: readonly EmailSort[], inMailbox: boolean): SortKey[] {
  if (sort.length > maxSortComparators)
    throw new UnsupportedSortError(`A sort may hold at most ${maxSortComparators} comparators`);
  const emailId = inMailbox ? 'em.email_id' : 'e.id';
  const threadId = inMailbox ? 'em.thread_id' : 'e.thread_id';
  return sort.map((s) => {
    if (!emailSortProperties.includes(s.property))
      throw new UnsupportedSortError(`Unsupported sort property ${String(s.property)}`);
    if (s.collation !== undefined && !emailCollations.includes(s.collation))
      throw new UnsupportedSortError(`Unsupported collation ${String(s.collation)}`);
    const isAscending = s.isAscending;
    if (keywordProperties.has(s.property)) {
      if (s.keyword === undefined) throw new UnsupportedSortError(`Sorting by ${s.property} needs a keyword`);
      // Keywords pass through normaliseKeyword, so inlining them as a literal is safe.
      const k = `'${normaliseKeyword(s.keyword).replace(/'/g, "''")}'`;
      // Each key is one primary-key look-up: the thread ones read the per-thread keyword counts
      // that migration 11's triggers keep (thread_keywords, threads.emails).
      if (s.property === 'hasKeyword')
        return {
          expressions: [
            `EXISTS (SELECT 1 FROM email_keywords k WHERE k.email_id = ${emailId} AND k.keyword = ${k})`,
          ],
          isAscending,
          needsEmails: false,
          keyword: { candidates: `SELECT email_id FROM email_keywords WHERE keyword = ${k}` },
        };
      const all = s.property === 'allInThreadHaveKeyword';
      const expression = all
        ? `EXISTS (SELECT 1 FROM thread_keywords tk JOIN threads th ON th.id = tk.thread_id WHERE tk.thread_id = ${threadId} AND tk.keyword = ${k} AND tk.emails = th.emails)`
        : `EXISTS (SELECT 1 FROM thread_keywords tk WHERE tk.thread_id = ${threadId} AND tk.keyword = ${k})`;
      return {
        expressions: [expression],
        isAscending,
        needsEmails: false,
        keyword: {
          candidates: `SELECT e.id FROM thread_keywords tk JOIN emails e ON e.thread_id = tk.thread_id WHERE tk.keyword = ${k}`,
        },
      };
    }
    const defaultCollation = s.collation === undefined || s.collation === 'i;unicode-casemap';
    const column = membershipColumns[s.property];
    if (inMailbox && column !== undefined && (defaultCollation || !textProperties.has(s.property)))
      return { expressions: [column], isAscending, needsEmails: false };
    if (textProperties.has(s.property)) {
      const raw = textKey[s.property as 'subject' | 'from' | 'to'];
      return {
        expressions: collate(raw, s.collation ?? 'i;unicode-casemap'),
        isAscending,
        needsEmails: true,
      };
    }
    const expression =
      s.property === 'receivedAt'
        ? 'e.received_at'
        : s.property === 'size'
          ? 'e.size'
          : // RFC 8621 §4.4.2 sentAt: an email without a Date header sorts by its receivedAt.
            'coalesce(e.sent_at, e.received_at)';
    return { expressions: [expression], isAscending, needsEmails: true };
  });
}
