import type { Identity } from '@colibri/jmap-types';
import { htmlToText, textToHtml } from './html-text';
import { safeQuotedHtml } from './quote';

type SignatureSource = Pick<Identity, 'textSignature' | 'htmlSignature'>;

/**
 * The signature block in the body, after the "-- " separator (RFC 3676 §4.3); empty when the
 * identity has none. Rich: the HTML signature (sanitised) or the text one as paragraphs.
 */
export function signatureBlock(identity: SignatureSource | undefined, format: 'rich' | 'plain'): string {
  if (!identity) return '';
  const text =
    identity.textSignature.trim() || (identity.htmlSignature ? htmlToText(identity.htmlSignature) : '');
  if (!text) return '';
  if (format === 'plain') return `-- \n${text}`;
  const html = identity.htmlSignature.trim() ? safeQuotedHtml(identity.htmlSignature) : textToHtml(text);
  // A no-break space: the editor drops a trailing plain one, and "--" alone is no separator.
  return `<p>--&nbsp;</p>${html}`;
}

/** The forward header's first line (see `forwardHeaderLines`). */
const FORWARD_SEPARATOR = '---------- Forwarded message ----------';

/**
 * Where the quoted or forwarded message starts in a body (its attribution line or forward
 * header), where a signature goes; -1 when there is none.
 */
function quoteStart(body: string, format: 'rich' | 'plain'): number {
  const pattern =
    format === 'rich'
      ? new RegExp(`<p>(?:[^<]*</p><blockquote>|${FORWARD_SEPARATOR})`)
      : new RegExp(`(?:^|\n)(?:[^\n]*\n>|${FORWARD_SEPARATOR}\n)`);
  const match = pattern.exec(body);
  if (!match) return -1;
  return format === 'plain' && match[0].startsWith('\n') ? match.index + 1 : match.index;
}

/** The body with a signature block added where a new message would have had it. */
function insertSignature(body: string, signature: string, format: 'rich' | 'plain'): string {
  const at = quoteStart(body, format);
  const head = at === -1 ? body : body.slice(0, at);
  const tail = at === -1 ? '' : body.slice(at);
  if (format === 'plain') {
    const written = head.replace(/\n+$/, '');
    return `${written}\n\n${signature}${tail ? `\n${tail}` : ''}`;
  }
  // The empty paragraph that separates what is written from the quote stays after the signature.
  if (tail && head.endsWith('<p></p>')) return `${head.slice(0, -7)}${signature}<p></p>${tail}`;
  return `${head}${signature}${tail}`;
}

/**
 * The body with one identity's signature block swapped for another's, when the person has left
 * it as it was; otherwise the body unchanged (their edits win). With no signature before, the
 * new one goes after what is written and before any quoted or forwarded message.
 */
export function swapSignature(body: string, before: string, after: string, format: 'rich' | 'plain'): string {
  if (!before) return after ? insertSignature(body, after, format) : body;
  const at = body.indexOf(before);
  return at === -1 ? body : body.slice(0, at) + after + body.slice(at + before.length);
}
