import type { AccountId, EmailId } from '../model.js';
import type { Answer, CallMode } from './call-mode.js';

/** What an email condition (RFC 8621 §4.4.1) may search in. */
export type SearchField = 'text' | 'subject' | 'from' | 'to' | 'cc' | 'bcc' | 'body' | 'attachmentNames';

/** An email's searchable text, as import extracts it. Addresses are "name email" words. */
export interface SearchDocument {
  subject: string;
  from: string;
  to: string;
  cc: string;
  bcc: string;
  /** The text of the body parts (already cut to the indexed length). */
  body: string;
  attachmentNames: readonly string[];
}

/**
 * A text condition: every term must occur in the field as a word prefix, case and diacritics
 * folded ("resu" finds "Résumé"). `text` is every field. For `from`/`to`/`cc`/`bcc` an index may
 * answer for any address field of the email (the embedded one keeps one column of addresses): the
 * caller narrows to the field itself. Terms are plain words (`searchTerms`), never query syntax.
 */
export interface TextCondition {
  field: SearchField;
  terms: readonly string[];
}

/** RFC 8621 §5 SearchSnippet parts: HTML, every stored character escaped, matches in `<mark>`. */
export interface SearchHighlight {
  /** The whole subject with the subject terms marked; null when none occurs. */
  subject: string | null;
  /** A fragment of the body around the body terms, marked; null when none occurs. */
  preview: string | null;
}

/**
 * The full-text search port: one document per email, keyed by account and email, written in the
 * metadata backend's transaction `Tx` (so that a query never sees an email without its document,
 * or the reverse). The embedded backend is SQLite FTS5 in the same database; PostgreSQL full-text
 * or an external index implement the same interface. An account only ever sees its own documents.
 */
export interface SearchIndex<Tx, M extends CallMode = 'async'> {
  /** Adds the email's document (an email is indexed once: its text never changes). */
  index(tx: Tx, accountId: AccountId, emailId: EmailId, document: SearchDocument): Answer<M, void>;
  /** Removes the emails' documents; unknown ids are ignored. */
  remove(tx: Tx, accountId: AccountId, emailIds: readonly EmailId[]): Answer<M, void>;
  /** Removes every document of the account (it is being deleted). */
  removeAccount(tx: Tx, accountId: AccountId): Answer<M, void>;
  /** The account's emails whose document satisfies the condition, in no particular order. */
  match(tx: Tx, accountId: AccountId, condition: TextCondition): Answer<M, EmailId[]>;
  /**
   * The email's subject and a body fragment with the terms marked. An email of another account,
   * or one with no document, has nothing marked (null, or both parts null).
   */
  highlight(
    tx: Tx,
    accountId: AccountId,
    emailId: EmailId,
    terms: { subject: readonly string[]; body: readonly string[] },
  ): Answer<M, SearchHighlight | null>;
}
