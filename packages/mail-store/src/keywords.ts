import { InvalidInputError } from './errors.js';

/** RFC 8621 §4.1.1: keywords are IMAP flag atoms, 1-255 printable ASCII without atom-specials. */
const keywordPattern = /^[\x21-\x7e]{1,255}$/;
const forbiddenKeywordChars = /[(){\]%*"\\]/;

/** RFC 8621 §4.1.1: whether a string may be a keyword (before lower-casing). */
export function isValidKeyword(keyword: string): boolean {
  return keywordPattern.test(keyword) && !forbiddenKeywordChars.test(keyword);
}

/**
 * Validates keywords and puts them in the store's canonical form: lower-cased (RFC 8621 §4.1.1:
 * keywords are case-insensitive), deduplicated, sorted. Throws InvalidInputError for a bad one.
 */
export function normaliseKeywords(keywords: readonly string[]): string[] {
  const out = new Set<string>();
  for (const k of keywords) {
    if (!isValidKeyword(k)) throw new InvalidInputError(`Invalid keyword: ${k}`);
    out.add(k.toLowerCase());
  }
  return [...out].sort();
}

/** RFC 8621 §2 (unreadEmails): an email is unread when it has neither `$seen` nor `$draft`. */
export function isUnread(keywords: readonly string[]): boolean {
  return !keywords.includes('$seen') && !keywords.includes('$draft');
}
