/**
 * `attachment` with the name twice: an ASCII fallback, and the exact name in RFC 8187 encoding
 * (`filename*=UTF-8''...`, RFC 6266 §4.3). Path separators and control characters never pass.
 */
export function attachmentDisposition(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f/\\]/g, '_').trim() || 'download';
  const ascii = clean.replace(/[^\x20-\x7e]/g, '_').replace(/["%;]/g, '_');
  const encoded = encodeURIComponent(clean).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

const MEDIA_TYPE =
  /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}(\s*;\s*[a-z0-9!#$&^_.+-]+=("[^"\\\r\n]*"|[a-z0-9!#$&^_.+-]+))*$/i;

/** RFC 8620 §6.2: the `accept` parameter becomes the Content-Type, if it is a well-formed one. */
export function downloadContentType(accept: unknown): string {
  return typeof accept === 'string' && MEDIA_TYPE.test(accept.trim())
    ? accept.trim()
    : 'application/octet-stream';
}
