import type { EmailBodyPart } from '@colibri/jmap-types';
import type { EmailDetail } from '../api/get-email';
import { foldHtmlQuote } from './conversation-quotes';
import { referencedCids } from './conversation-inline-images';
import { isRemoteContentAllowedFor } from './conversation-remote-senders';
import { lookalikeReasons } from './conversation-sender-checks';
import { sanitizeEmailHtml } from './sanitize-email-html';
import type { SanitizedEmailHtml } from './sanitize-email-html';

/** What the reader shows of an HTML body, worked out once per message and kept. */
export interface PreparedEmailHtml {
  sanitized: SanitizedEmailHtml;
  /** The sanitised HTML without its trailing quote, or null when it has none to fold. */
  folded: string | null;
  /** The `cid:` references of the sanitised HTML (lower case). */
  cids: ReadonlySet<string>;
}

/** Bounds of the cache: entries, and characters held (raw and prepared) across them. */
export const PREPARED_HTML_MAX_ENTRIES = 24;
export const PREPARED_HTML_MAX_CHARS = 8_000_000;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function valueOf(email: EmailDetail, part: EmailBodyPart): string | null {
  return part.partId ? (email.bodyValues[part.partId]?.value ?? null) : null;
}

/**
 * The HTML to show for a message (RFC 8621 §4.1.4): its `htmlBody` parts when one of them is
 * text/html with a value, the text parts among them inlined as <pre>; null when it has no HTML.
 */
export function emailHtmlOf(email: EmailDetail): string | null {
  const hasHtml = email.htmlBody.some((part) => part.type === 'text/html' && valueOf(email, part) !== null);
  if (!hasHtml) return null;
  return email.htmlBody
    .map((part) => {
      const value = valueOf(email, part);
      if (value === null) return '';
      return part.type === 'text/html' ? value : `<pre>${escapeHtml(value)}</pre>`;
    })
    .join('\n');
}

interface Entry {
  blocked?: PreparedEmailHtml;
  allowed?: PreparedEmailHtml;
  chars: number;
}
// By raw HTML, least recently used first (a Map keeps insertion order).
const cache = new Map<string, Entry>();
let cachedChars = 0;

function sizeOf(prepared: PreparedEmailHtml): number {
  return prepared.sanitized.html.length + (prepared.folded?.length ?? 0);
}

/**
 * Sanitises (DOMPurify), folds the quote and lists the `cid:` references of a message's HTML,
 * or returns what an earlier call worked out for the same HTML and option: DOMPurify on a large
 * newsletter costs tens of milliseconds, paid once per message rather than at every opening.
 */
export function prepareEmailHtml(html: string, options: { allowRemoteImages: boolean }): PreparedEmailHtml {
  const slot = options.allowRemoteImages ? 'allowed' : 'blocked';
  const entry = cache.get(html);
  const found = entry?.[slot];
  if (entry) {
    cache.delete(html);
    cache.set(html, entry);
  }
  if (found) return found;
  const sanitized = sanitizeEmailHtml(html, { allowRemoteImages: options.allowRemoteImages });
  const prepared: PreparedEmailHtml = {
    sanitized,
    folded: foldHtmlQuote(sanitized.html),
    cids: referencedCids(sanitized.html),
  };
  const kept = entry ?? { chars: html.length };
  kept[slot] = prepared;
  kept.chars += sizeOf(prepared);
  cachedChars += entry ? sizeOf(prepared) : kept.chars;
  cache.set(html, kept);
  for (const [key, old] of cache) {
    if (cache.size <= PREPARED_HTML_MAX_ENTRIES && cachedChars <= PREPARED_HTML_MAX_CHARS) break;
    if (key === html) continue;
    cache.delete(key);
    cachedChars -= old.chars;
  }
  return prepared;
}

/** The sender whose remote images may be allowed always: never one that imitates another. */
export function trustedSenderOf(email: Pick<EmailDetail, 'from'>): string | undefined {
  const from = email.from?.[0];
  return from && lookalikeReasons(from).length === 0 ? from.email : undefined;
}

/**
 * Prepares a fetched message's HTML ahead of its opening, as the reader will first show it
 * (remote images as the user chose for its sender). Nothing for a message without HTML.
 */
export function prepareEmailHtmlAhead(email: EmailDetail): void {
  const html = emailHtmlOf(email);
  if (html === null) return;
  prepareEmailHtml(html, { allowRemoteImages: isRemoteContentAllowedFor(trustedSenderOf(email)) });
}
