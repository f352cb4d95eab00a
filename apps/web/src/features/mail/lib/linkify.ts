/** A piece of plain text: words, or a link to render as an anchor. */
export type TextSegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// http(s) and www. links, and bare email addresses. Trailing punctuation is left out below.
const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"]+|\b[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}\b/gi;
const TRAILING_PUNCTUATION = '.,;:!?\'")]}>';

/** Drops trailing punctuation, but keeps a ")" that closes a "(" of the URL (Wikipedia links). */
function trimTrailing(raw: string): string {
  let end = raw.length;
  while (end > 0 && TRAILING_PUNCTUATION.includes(raw[end - 1] ?? '')) {
    if (raw[end - 1] === ')') {
      const body = raw.slice(0, end);
      const opened = body.split('(').length - 1;
      const closed = body.split(')').length - 1;
      if (opened >= closed) break;
    }
    end -= 1;
  }
  return raw.slice(0, end);
}

/**
 * Splits plain text into text and links. Only http(s) and mailto hrefs are ever produced, so a
 * `javascript:` string in a message stays text.
 */
export function linkify(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const raw = trimTrailing(match[0]);
    const start = match.index;
    if (start > last) segments.push({ kind: 'text', text: text.slice(last, start) });
    const href =
      raw.includes('@') && !/^(https?:\/\/|www\.)/i.test(raw)
        ? `mailto:${raw}`
        : /^www\./i.test(raw)
          ? `https://${raw}`
          : raw;
    segments.push({ kind: 'link', text: raw, href });
    last = start + raw.length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}
