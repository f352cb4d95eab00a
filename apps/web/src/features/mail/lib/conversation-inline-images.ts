import type { EmailBodyPart, Id } from '@colibri/jmap-types';

/** An inline image part a `cid:` URL may point at (RFC 2392). */
export interface InlineImagePart {
  cid: string;
  blobId: Id;
  type: string;
  size: number;
}

/** Inline images past this size stay a placeholder: the frame gets them as data: URLs, in memory. */
export const MAX_INLINE_IMAGE_BYTES = 5_000_000;
/** And no more than this many per message. */
export const MAX_INLINE_IMAGES = 50;

const IMAGE_TYPE = /^image\/(png|jpe?g|gif|webp|avif|bmp|svg\+xml)$/i;

function cidOf(src: string): string | null {
  const match = /^\s*cid:(.+)$/i.exec(src);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!.trim()).replace(/^<|>$/g, '');
  } catch {
    return match[1]!.trim();
  }
}

/** The `cid:` references of an HTML body (RFC 2392: "cid:" + the Content-ID, URL-encoded). */
export function referencedCids(html: string, doc: Document = document): Set<string> {
  const scratch = doc.implementation.createHTMLDocument('');
  scratch.body.innerHTML = html;
  const cids = new Set<string>();
  for (const img of scratch.querySelectorAll('img[src]')) {
    const cid = cidOf(img.getAttribute('src') ?? '');
    if (cid) cids.add(cid.toLowerCase());
  }
  return cids;
}

/**
 * The image parts the body refers to by `cid:`, within the limits. Content-IDs compare
 * case-insensitively, as mail clients do in practice.
 */
export function inlineImageParts(
  parts: readonly EmailBodyPart[],
  cids: ReadonlySet<string>,
): InlineImagePart[] {
  const found: InlineImagePart[] = [];
  for (const part of parts) {
    if (!part.cid || !part.blobId || !IMAGE_TYPE.test(part.type)) continue;
    if (!cids.has(part.cid.replace(/^<|>$/g, '').toLowerCase()) || part.size > MAX_INLINE_IMAGE_BYTES)
      continue;
    found.push({
      cid: part.cid.replace(/^<|>$/g, '').toLowerCase(),
      blobId: part.blobId,
      type: part.type.toLowerCase(),
      size: part.size,
    });
    if (found.length === MAX_INLINE_IMAGES) break;
  }
  return found;
}

/** Puts each image's data: URL where the HTML says `cid:`; references without data stay as they are. */
export function replaceCids(
  html: string,
  dataUrls: ReadonlyMap<string, string>,
  doc: Document = document,
): string {
  if (dataUrls.size === 0) return html;
  const scratch = doc.implementation.createHTMLDocument('');
  scratch.body.innerHTML = html;
  for (const img of scratch.querySelectorAll('img[src]')) {
    const cid = cidOf(img.getAttribute('src') ?? '');
    const url = cid ? dataUrls.get(cid.toLowerCase()) : undefined;
    if (url) img.setAttribute('src', url);
  }
  return scratch.body.innerHTML;
}
