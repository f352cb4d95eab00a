/**
 * Reading a `.vcf` stream into vCard objects, one at a time (RFC 6350 §3.1 unfolding, §6.7.9
 * VERSION; RFC 2426 §5 for 3.0). vCard 2.1 and 3.0 exports (Apple, Google, Outlook) use
 * QUOTED-PRINTABLE with soft line breaks and a CHARSET parameter: the value is decoded here, so
 * every later step sees Unicode text. Limits are checked as the text is read; a malformed card
 * becomes an error value and reading goes on with the next BEGIN:VCARD.
 */
import type { VCardProperty } from './content-line.js';
import { parseContentLine } from './content-line.js';
import type { Result } from './types.js';
import { fail, ok } from './types.js';

export interface ReadLimits {
  /** Characters of the whole text (default 32 Mi). */
  maxLength?: number;
  /** Cards in one text (default 10,000). */
  maxCards?: number;
  /** Properties in one card (default 2,000). */
  maxProperties?: number;
  /** Characters of one unfolded content line (default 4 Mi: room for an inline photo). */
  maxLineLength?: number;
}

export const READ_LIMITS: Required<ReadLimits> = {
  maxLength: 32 * 1024 * 1024,
  maxCards: 10_000,
  maxProperties: 2_000,
  maxLineLength: 4 * 1024 * 1024,
};

/** A vCard as read: its VERSION and its properties in order (BEGIN, END and VERSION left out). */
export interface VCardObject {
  version: string;
  properties: VCardProperty[];
}

/** One step of a read: the card (or why it was refused) and how far the reader got. */
export interface ReadItem<T> {
  /** 0-based position of the card in the file. */
  index: number;
  /** UTF-8 octets consumed so far, for a progress indicator. */
  bytesRead: number;
  /** UTF-8 octets of the whole text. */
  totalBytes: number;
  result: Result<T>;
}

/** UTF-8 length of text[start, end) without allocating. */
export function utf8Length(text: string, start = 0, end = text.length): number {
  let bytes = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

interface LogicalLine {
  text: string;
  /** Index just past the line (and its line break) in the source text. */
  end: number;
  number: number;
  tooLong: boolean;
}

/** Unfolded lines, lazily: CRLF/LF/CR + space or tab continues a line (RFC 6350 §3.2). */
function* logicalLines(text: string, maxLineLength: number): Generator<LogicalLine> {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let number = 0;
  const physical = (): { line: string; next: number } | undefined => {
    if (pos >= text.length) return undefined;
    let end = pos;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    let next = end;
    // CR CR LF (a file converted to CRLF twice) is one line break too.
    while (text.charCodeAt(next) === 13) next++;
    if (text.charCodeAt(next) === 10) next++;
    return { line: text.slice(pos, end), next };
  };
  let current = physical();
  while (current) {
    number += 1;
    const startNumber = number;
    let parts = [current.line];
    let length = current.line.length;
    let tooLong = length > maxLineLength;
    pos = current.next;
    let qp = isQuotedPrintable(current.line);
    const base64 = isBase64(current.line);
    for (;;) {
      const following = physical();
      if (!following) {
        current = undefined;
        break;
      }
      const first = following.line.charCodeAt(0);
      const last = parts[parts.length - 1] ?? '';
      // vCard 2.1 §2.1.3: a quoted-printable soft line break ('=' at the end) joins the next line.
      const softBreak = qp && last.endsWith('=');
      // vCard 2.1 §2.1.3: BASE64 data may go on over unindented lines until a blank line.
      const moreData = base64 && /^[A-Za-z0-9+/=]+$/.test(following.line);
      if (first === 32 || first === 9 || softBreak || moreData) {
        const piece =
          softBreak || (moreData && first !== 32 && first !== 9) ? following.line : following.line.slice(1);
        if (softBreak) parts[parts.length - 1] = last.slice(0, -1);
        number += 1;
        length += piece.length;
        if (length > maxLineLength) tooLong = true;
        else parts.push(piece);
        pos = following.next;
        if (!qp) qp = isQuotedPrintable(parts.join(''));
        continue;
      }
      current = following;
      break;
    }
    const joined = tooLong ? '' : parts.join('');
    parts = [];
    yield { text: joined, end: pos, number: startNumber, tooLong };
  }
}

function isBase64(line: string): boolean {
  const colon = line.indexOf(':');
  return /;(encoding=)?(base64|b)(;|:|$)/i.test(colon === -1 ? line : line.slice(0, colon));
}

function isQuotedPrintable(line: string): boolean {
  const colon = line.indexOf(':');
  const head = colon === -1 ? line : line.slice(0, colon);
  return /quoted-printable/i.test(head);
}

/** Quoted-printable bytes (RFC 2045 §6.7), decoded with the CHARSET (default UTF-8). */
function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value[i] ?? '';
    if (c === '=') {
      const hex = value.slice(i + 1, i + 3);
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
        bytes.push(parseInt(hex, 16));
        i += 2;
        continue;
      }
      if (i === value.length - 1) continue; // trailing soft break
    }
    const code = c.charCodeAt(0);
    if (code < 0x80) bytes.push(code);
    else for (const b of new TextEncoder().encode(c)) bytes.push(b);
  }
  return decodeBytes(Uint8Array.from(bytes), charset);
}

/** Windows-1252 0x80-0x9F (WHATWG Encoding); the rest is Latin-1. Node maps these to C1 controls. */
const CP1252 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];
function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b >= 0x80 && b < 0xa0 ? (CP1252[b - 0x80] ?? b) : b);
  return out;
}
const WESTERN = new Set([
  'windows-1252',
  'cp1252',
  'iso-8859-1',
  'latin1',
  'iso8859-1',
  'us-ascii',
  'ascii',
  'x-cp1252',
]);

/** Bytes in the declared charset; bytes not valid in it are read as Windows-1252, as Outlook writes them. */
function decodeBytes(bytes: Uint8Array, charset: string): string {
  const label = (charset || 'utf-8').trim().toLowerCase();
  if (WESTERN.has(label)) return decodeWindows1252(bytes);
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

/** Transfer decoding of a 2.1/3.0 value: quoted-printable and CHARSET go, the text stays. */
function decodeTransfer(property: VCardProperty): VCardProperty {
  const encoding = property.params.encoding?.[0]?.toLowerCase();
  const charset = property.params.charset?.[0];
  if (encoding !== 'quoted-printable' && charset === undefined) return property;
  const params = { ...property.params };
  delete params.charset;
  let value = property.value;
  if (encoding === 'quoted-printable') {
    delete params.encoding;
    value = decodeQuotedPrintable(value, charset ?? 'utf-8');
  }
  return { ...property, params, value };
}

const isLine = (line: string, word: string): boolean =>
  line.length >= word.length &&
  line.slice(0, word.length).toUpperCase() === word &&
  line.slice(word.length).trim().toUpperCase() === 'VCARD';

/**
 * Yields the vCards of a text one at a time, with the bytes consumed so far. A card that breaks a
 * limit or the syntax is an error item; the reader then goes on with the next card. Text outside
 * BEGIN:VCARD/END:VCARD is ignored (mail headers, blank lines). Never throws on input.
 */
export function* readVCardObjects(text: string, options: ReadLimits = {}): Generator<ReadItem<VCardObject>> {
  const limits = { ...READ_LIMITS, ...options };
  if (typeof text !== 'string') {
    yield { index: 0, bytesRead: 0, totalBytes: 0, result: fail('syntax', 'vCard input must be a string') };
    return;
  }
  const totalBytes = utf8Length(text);
  if (text.length > limits.maxLength) {
    yield {
      index: 0,
      bytesRead: 0,
      totalBytes,
      result: fail('too-large', `vCard text of ${text.length} characters exceeds ${limits.maxLength}`),
    };
    return;
  }
  let index = 0;
  let bytesRead = 0;
  let counted = 0; // source position up to which bytesRead is counted
  let open: { properties: VCardProperty[]; version: string; error?: Result<never>; line: number } | undefined;
  let found = false;
  const item = (end: number, result: Result<VCardObject>): ReadItem<VCardObject> => {
    bytesRead += utf8Length(text, counted, end);
    counted = end;
    return { index: index++, bytesRead, totalBytes, result };
  };
  for (const line of logicalLines(text, limits.maxLineLength)) {
    if (!open) {
      if (isLine(line.text, 'BEGIN:')) {
        if (index >= limits.maxCards) {
          yield item(text.length, fail('too-many-cards', `more than ${limits.maxCards} cards in one file`));
          return;
        }
        open = { properties: [], version: '', line: line.number };
        found = true;
      }
      continue;
    }
    if (isLine(line.text, 'END:')) {
      const card = open;
      open = undefined;
      if (card.error) yield item(line.end, card.error);
      else yield item(line.end, ok({ version: card.version, properties: card.properties }));
      continue;
    }
    if (isLine(line.text, 'BEGIN:')) {
      // A card that never ended: refuse it, and read the new one.
      yield item(
        line.end - line.text.length,
        fail('unterminated', `the card at line ${open.line} has no END:VCARD before line ${line.number}`),
      );
      if (index >= limits.maxCards) {
        yield item(text.length, fail('too-many-cards', `more than ${limits.maxCards} cards in one file`));
        return;
      }
      open = { properties: [], version: '', line: line.number };
      continue;
    }
    if (open.error) continue;
    if (line.tooLong) {
      open.error = fail(
        'line-too-long',
        `line ${line.number} is longer than ${limits.maxLineLength} characters`,
      );
      continue;
    }
    if (line.text.trim() === '') continue;
    const parsed = parseContentLine(line.text);
    if (!parsed) {
      open.error = fail(
        'syntax',
        `line ${line.number} is not a vCard content line: ${JSON.stringify(line.text.slice(0, 60))}`,
      );
      continue;
    }
    if (parsed.name === 'version' && open.version === '') {
      open.version = parsed.value.trim();
      continue;
    }
    if (open.properties.length >= limits.maxProperties) {
      open.error = fail(
        'too-many-properties',
        `the card at line ${open.line} has more than ${limits.maxProperties} properties`,
      );
      continue;
    }
    open.properties.push(decodeTransfer(parsed));
  }
  // The text ends inside a card (a file cut short, or written without the last END:VCARD): what
  // was read is kept unless it was refused already.
  if (open) yield item(text.length, open.error ?? ok({ version: open.version, properties: open.properties }));
  else if (!found) yield item(text.length, fail('no-card', 'no BEGIN:VCARD found'));
}
