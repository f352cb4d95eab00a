/**
 * Writing iCalendar content lines (RFC 5545 §3.1): TEXT escaping (§3.3.11), parameter quoting
 * (§3.2), folding at 75 octets without splitting a UTF-8 sequence, CRLF line ends.
 */

/** RFC 5545 §3.3.11: backslash, semicolon, comma and newlines are escaped in TEXT. */
export function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/** RFC 5545 §3.2: a parameter value with `:;,` is quoted; DQUOTE and controls cannot appear. */
function paramValue(value: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/["\u0000-\u0008\u000a-\u001f\u007f]/g, '');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

export type Params = Record<string, string | string[] | undefined>;

export function contentLine(name: string, params: Params, value: string): string {
  let line = name;
  for (const [key, v] of Object.entries(params)) {
    if (v === undefined) continue;
    const values = Array.isArray(v) ? v : [v];
    if (values.length === 0) continue;
    line += `;${key}=${values.map(paramValue).join(',')}`;
  }
  // A raw CR or LF inside a non-TEXT value would end the line early.
  return `${line}:${value.replace(/\r\n|\r|\n/g, ' ')}`;
}

const encoder = new TextEncoder();

/** RFC 5545 §3.1: lines longer than 75 octets are folded with CRLF + space, on character edges. */
export function fold(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const out: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** Joins lines into an iCalendar stream: folded, CRLF after each line. */
export function serializeLines(lines: readonly string[]): string {
  return lines.map((l) => `${fold(l)}\r\n`).join('');
}
