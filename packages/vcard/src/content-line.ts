/**
 * One vCard content line (RFC 6350 §3.3, RFC 2426 §4, vCard 2.1 §2.1): `[group.]name *(;param):value`.
 * Parameter values may be quoted, lists, and caret-encoded (RFC 6868); vCard 2.1 bare parameters
 * (`TEL;WORK;VOICE:`) become TYPE (or ENCODING, VALUE) values as RFC 2426 §4 later spelled them.
 */

/** A parsed property: lower-case name and parameter names; the value is still vCard-escaped. */
export interface VCardProperty {
  group?: string;
  name: string;
  params: Record<string, string[]>;
  value: string;
}

const BARE_ENCODINGS = new Set(['quoted-printable', 'base64', 'b', '8bit', '7bit']);
const BARE_VALUES = new Set(['url', 'uri', 'content-id', 'cid', 'inline']);

/** RFC 6868 §3.2: ^n is a newline, ^^ a caret, ^' a double quote; other ^ sequences stay. */
export function decodeCaret(value: string): string {
  if (!value.includes('^')) return value;
  return value.replace(/\^([n^'])/g, (_, c: string) => (c === 'n' ? '\n' : c === '^' ? '^' : '"'));
}
/** RFC 6868 §3.1: the reverse, for writing. */
export function encodeCaret(value: string): string {
  return value
    .replace(/\^/g, '^^')
    .replace(/\r\n|\r|\n/g, '^n')
    .replace(/"/g, "^'");
}

function addParam(params: Record<string, string[]>, name: string, values: string[]): void {
  const list = params[name] ?? (params[name] = []);
  list.push(...values);
}

/**
 * Parses an unfolded content line. Returns undefined when the line is not a content line (no
 * name, no colon outside quotes): the caller turns that into the card's syntax error.
 */
export function parseContentLine(line: string): VCardProperty | undefined {
  let i = 0;
  const n = line.length;
  while (i < n && line[i] !== ';' && line[i] !== ':') i++;
  if (i >= n) return undefined;
  const fullName = line.slice(0, i).trim();
  // Names are tokens (RFC 6350 §3.3); Google writes `X-GOOGLE TALK`, kept as read.
  if (fullName === '' || /[\t"]/.test(fullName)) return undefined;
  const dot = fullName.lastIndexOf('.');
  const group = dot > 0 ? fullName.slice(0, dot) : undefined;
  const name = (dot > 0 ? fullName.slice(dot + 1) : fullName).toLowerCase();
  if (name === '') return undefined;
  const params: Record<string, string[]> = {};
  while (line[i] === ';') {
    i++;
    const start = i;
    while (i < n && line[i] !== '=' && line[i] !== ';' && line[i] !== ':') i++;
    if (i >= n) return undefined;
    const pname = line.slice(start, i).trim().toLowerCase();
    if (line[i] !== '=') {
      // vCard 2.1 bare parameter (RFC 2426 §4 keeps it for TYPE).
      if (pname === '') continue;
      if (BARE_ENCODINGS.has(pname)) addParam(params, 'encoding', [pname]);
      else if (BARE_VALUES.has(pname)) addParam(params, 'value', [pname]);
      else addParam(params, 'type', [pname]);
      continue;
    }
    i++; // '='
    const values: string[] = [];
    for (;;) {
      if (line[i] === '"') {
        const close = line.indexOf('"', i + 1);
        if (close === -1) return undefined;
        values.push(decodeCaret(line.slice(i + 1, close)));
        i = close + 1;
      } else {
        const start2 = i;
        while (i < n && line[i] !== ',' && line[i] !== ';' && line[i] !== ':') i++;
        values.push(decodeCaret(line.slice(start2, i)));
      }
      if (line[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    if (i >= n) return undefined;
    if (pname === '') continue;
    addParam(params, pname, values);
  }
  if (line[i] !== ':') return undefined;
  return { ...(group ? { group } : {}), name, params, value: line.slice(i + 1) };
}

/** Splits on `sep` where it is not escaped by a backslash; escapes are kept for `unescapeText`. */
export function splitEscaped(value: string, sep: ';' | ','): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\' && i + 1 < value.length) {
      current += c + value[i + 1];
      i++;
    } else if (c === sep) {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out;
}

/**
 * RFC 6350 §3.4: `\\`, `\n`, `\,`, `\;`. Exports also escape characters RFC 6350 does not
 * list (`\:` in 3.0 URLs, `\"`): the backslash goes and the character stays.
 */
export function unescapeText(value: string): string {
  if (!value.includes('\\')) return value;
  return value.replace(/\\(.)/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c === 'r' ? '\r' : c));
}

/** RFC 6350 §3.4: TEXT escaping for writing; `structured` also escapes `;` (and `,` for lists). */
export function escapeText(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/** A structured value: components split on `;`, each a list split on `,`, unescaped. */
export function structuredValue(value: string): string[][] {
  return splitEscaped(value, ';').map((c) => splitEscaped(c, ',').map(unescapeText));
}

const encoder = new TextEncoder();

/** RFC 6350 §3.2: lines longer than 75 octets are folded with CRLF + space, on character edges. */
export function fold(line: string): string {
  if (line.length <= 75 && encoder.encode(line).length <= 75) return line;
  const out: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const code = ch.codePointAt(0) ?? 0;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
      limit = 74;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** RFC 6350 §3.3 param-value: quoted when it holds `:;,`; RFC 6868 for newline, quote, caret. */
function paramValue(value: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = encodeCaret(value).replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/** Writes one content line (not folded); `value` must already be escaped for its type. */
export function writeContentLine(
  property: { group?: string; name: string; params: Record<string, string[]> },
  value: string,
): string {
  let line = (property.group ? `${property.group}.` : '') + property.name.toUpperCase();
  for (const [key, values] of Object.entries(property.params)) {
    if (values.length === 0) continue;
    line += `;${key.toUpperCase()}=${values.map(paramValue).join(',')}`;
  }
  return `${line}:${value.replace(/\r\n|\r|\n/g, '\\n')}`;
}
