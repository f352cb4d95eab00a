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

/**
 * The body with one identity's signature block swapped for another's, when the person has left
 * it as it was; otherwise the body unchanged (their edits win).
 */
export function swapSignature(body: string, before: string, after: string): string {
  if (!before) return body;
  const at = body.indexOf(before);
  return at === -1 ? body : body.slice(0, at) + after + body.slice(at + before.length);
}
