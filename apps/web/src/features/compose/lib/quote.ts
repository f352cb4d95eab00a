import DOMPurify from 'dompurify';
import type { EmailAddress } from '@colibri/jmap-types';
import { formatAddress } from './addresses';
import { escapeHtml, htmlToText, textToHtml } from './html-text';

/** The body of the message being answered or forwarded, as the server gave it. */
export interface SourceBody {
  html: string | null;
  text: string | null;
}

export interface DateFormat {
  locale: string;
  /** For tests and for people who set one; the browser's zone otherwise. */
  timeZone?: string;
}

export function formatQuoteDate(iso: string | null, format: DateFormat): string {
  const date = iso ? new Date(iso) : null;
  if (!date || Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(format.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(format.timeZone ? { timeZone: format.timeZone } : {}),
  }).format(date);
}

/** "On 28 Nov 2026, 14:05, Bob Martin wrote:" (the name, else the address). */
export function attribution(
  iso: string | null,
  author: EmailAddress | undefined,
  format: DateFormat,
): string {
  const who = author?.name?.trim() || author?.email || 'someone';
  const when = formatQuoteDate(iso, format);
  return when ? `On ${when}, ${who} wrote:` : `${who} wrote:`;
}

/**
 * The quoted message as editor HTML. Only text structure survives: no image (a remote one would
 * be fetched by the composer), no style, no script or handler, links only to web and mail
 * addresses. The editor's schema drops anything else again when it parses this.
 */
export function safeQuotedHtml(html: string): string {
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS: [
      'p',
      'br',
      'div',
      'span',
      'b',
      'strong',
      'i',
      'em',
      'u',
      's',
      'a',
      'ul',
      'ol',
      'li',
    ].concat(
      ['blockquote', 'pre', 'code', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'table', 'tr', 'td', 'th'],
      ['tbody', 'thead'],
    ),
    ALLOWED_ATTR: ['href'],
    ALLOWED_URI_REGEXP: /^(?:https?|mailto):/i,
  });
}

function bodyHtml(body: SourceBody): string {
  if (body.html) return safeQuotedHtml(body.html);
  return textToHtml(body.text ?? '');
}

function bodyText(body: SourceBody): string {
  if (body.text !== null) return body.text;
  return body.html ? htmlToText(body.html) : '';
}

/** RFC 3676 §4.5: every line quoted with ">", nested quotes without an extra space. */
export function quoteText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\n+$/, '')
    .split('\n')
    .map((line) => (line.startsWith('>') ? `>${line}` : line ? `> ${line}` : '>'))
    .join('\n');
}

/** A reply's quote: the attribution line, then the original in a blockquote (or "> " lines). */
export function replyQuote(header: string, body: SourceBody, format: 'rich' | 'plain'): string {
  if (format === 'plain') return `${header}\n${quoteText(bodyText(body))}`;
  return `<p>${escapeHtml(header)}</p><blockquote>${bodyHtml(body)}</blockquote>`;
}

export interface ForwardedHeaders {
  from: EmailAddress[] | null;
  to: EmailAddress[] | null;
  cc: EmailAddress[] | null;
  subject: string | null;
  sentAt: string | null;
}

/** The header block of a forwarded message, as the common clients write it (Gmail, Thunderbird). */
export function forwardHeaderLines(source: ForwardedHeaders, format: DateFormat): string[] {
  const list = (addresses: EmailAddress[] | null) => (addresses ?? []).map(formatAddress).join(', ');
  return [
    '---------- Forwarded message ----------',
    `From: ${list(source.from)}`,
    `Date: ${formatQuoteDate(source.sentAt, format)}`,
    `Subject: ${source.subject ?? ''}`,
    `To: ${list(source.to)}`,
    ...(source.cc?.length ? [`Cc: ${list(source.cc)}`] : []),
  ];
}

/** A forward's body: the header block, then the original message as it was (not quoted). */
export function forwardBody(lines: string[], body: SourceBody, format: 'rich' | 'plain'): string {
  if (format === 'plain') return `${lines.join('\n')}\n\n${bodyText(body)}`;
  return `<p>${lines.map(escapeHtml).join('<br>')}</p>${bodyHtml(body)}`;
}
