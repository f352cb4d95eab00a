/** Plain-text helpers for previews and the full-text index (not for display: the client renders HTML). */

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Strips tags, scripts and styles from HTML to approximate its visible text. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h[1-6])>/gi, '\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/gi, (whole, code: string) => {
      if (code.startsWith('#')) {
        const point =
          code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
        // Out-of-range code points would throw; hostile mail must not crash the indexer.
        return point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : ' ';
      }
      return entities[code.toLowerCase()] ?? whole;
    });
}

/**
 * RFC 5256 §2.1-style base subject, lower-cased: without reply/forward prefixes (in the languages
 * mailers use), "(fwd)" trailers, and leading "[list]" tags unless the tag is all there is.
 */
export function baseSubject(subject: string | null): string {
  let s = collapseWhitespace(subject ?? '');
  let previous;
  do {
    previous = s;
    s = s
      .replace(/^(re|fwd?|aw|wg|tr|sv|vs|rif|antw|res|enc)(\[\d+\])?\s*:\s*/i, '')
      .replace(/\s*\(fwd\)$/i, '')
      .trim();
    const blob = /^\[[^\]]*\]\s*(\S.*)$/.exec(s);
    if (blob) s = blob[1]!;
  } while (s !== previous);
  return s.toLowerCase();
}
