/** A piece of a search snippet: plain text, or a match to highlight. */
export interface SnippetSegment {
  text: string;
  marked: boolean;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the entities an HTML-escaped snippet may hold; anything unknown stays as it is. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code =
        entity[1] === 'x' || entity[1] === 'X'
          ? parseInt(entity.slice(2), 16)
          : parseInt(entity.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : whole;
    }
    return NAMED[entity.toLowerCase()] ?? whole;
  });
}

/**
 * Splits a SearchSnippet subject or preview (RFC 8621 §5: HTML, escaped, matches in <mark>) into
 * text and highlighted runs, to render as React text: no HTML from the server is ever parsed,
 * so any tag other than <mark> shows as the text it is. Unbalanced marks are tolerated.
 */
export function snippetSegments(html: string | null | undefined): SnippetSegment[] {
  if (!html) return [];
  const segments: SnippetSegment[] = [];
  let marked = false;
  for (const piece of html.split(/(<\/?mark>)/i)) {
    const lower = piece.toLowerCase();
    if (lower === '<mark>') marked = true;
    else if (lower === '</mark>') marked = false;
    else if (piece) {
      const text = decodeEntities(piece);
      const last = segments.at(-1);
      if (last && last.marked === marked) last.text += text;
      else segments.push({ text, marked });
    }
  }
  return segments;
}
