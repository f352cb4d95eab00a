import { decodeWords } from 'postal-mime';
import { decodeText } from './charset.js';

/** A Content-Type or Content-Disposition value: `value; name=param; ...` (RFC 2045 §5.1, RFC 2183). */
export interface StructuredHeader {
  /** Lower-cased: "text/plain", "attachment"; "" when missing. */
  value: string;
  /** Parameter names lower-cased; RFC 2231 continuations and charsets already applied. */
  params: Record<string, string>;
}

/** Parameters past this many are ignored: no legitimate header needs more, and it bounds the work. */
const maxParams = 64;
/** RFC 2231 continuations past this section number are ignored. */
const maxSections = 100;

/** Removes RFC 5322 comments "(...)" outside quoted strings; an unbalanced "(" keeps the rest as is. */
function stripComments(text: string): string {
  let out = '';
  let depth = 0;
  let quoted = false;
  let openedAt = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && (quoted || depth > 0)) {
      if (depth === 0) out += c + (text[i + 1] ?? '');
      i++;
    } else if (quoted) {
      out += c;
      if (c === '"') quoted = false;
    } else if (c === '(') {
      if (depth++ === 0) openedAt = i;
    } else if (c === ')' && depth > 0) {
      depth--;
    } else if (depth === 0) {
      if (c === '"') quoted = true;
      out += c;
    }
  }
  return depth > 0 ? out + text.slice(openedAt) : out;
}

/** Splits on ";" outside quoted strings. */
function splitParams(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '\\') {
      current += c + (text[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === ';' && !quoted) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

function unquote(value: string): string {
  const v = value.trim();
  if (v.startsWith('"')) {
    const body = v.endsWith('"') && v.length > 1 ? v.slice(1, -1) : v.slice(1);
    return body.replace(/\\(.)/g, '$1');
  }
  return v;
}

/** RFC 2231 §4: "%XX" octets in the charset named by the first section. */
function percentDecode(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const hex = c === 0x25 ? text.slice(i + 1, i + 3) : '';
    if (/^[0-9a-fA-F]{2}$/.test(hex)) {
      out.push(parseInt(hex, 16));
      i += 2;
    } else if (c < 0x80) out.push(c);
    else out.push(...Buffer.from(text[i]!, 'utf8'));
  }
  return Uint8Array.from(out);
}

interface Section {
  index: number;
  extended: boolean;
  value: string;
}

/** Joins RFC 2231 sections (`name*0*=utf-8''a%20b; name*1="c"`) into one decoded value. */
function joinSections(sections: Section[]): string {
  sections.sort((a, b) => a.index - b.index);
  let charset = 'utf-8';
  const first = sections[0];
  if (first?.extended) {
    const match = /^([^']*)'[^']*'(.*)$/s.exec(first.value);
    if (match) {
      charset = match[1] || 'utf-8';
      first.value = match[2]!;
    }
  }
  let text = '';
  let pending: number[] = [];
  const flush = () => {
    if (pending.length > 0) text += decodeText(Uint8Array.from(pending), charset);
    pending = [];
  };
  for (const section of sections) {
    if (section.extended) pending.push(...percentDecode(section.value));
    else {
      flush();
      text += section.value;
    }
  }
  flush();
  return text;
}

/**
 * Parses a structured MIME header value. Tolerant: comments, stray quotes, duplicate and valueless
 * parameters, RFC 2231 continuations, and RFC 2047 words inside quoted names (which RFC 2047 §5
 * forbids but many mailers send) all resolve to something; nothing throws.
 */
export function parseStructuredHeader(raw: string | null): StructuredHeader {
  if (!raw) return { value: '', params: {} };
  // A missing ";" before the first parameter ("multipart/mixed boundary=x") is a common slip.
  const text = stripComments(raw).replace(/^(\s*[^\s;="]+)\s+(?=[^\s;="]+\s*=)/, '$1;');
  const [head = '', ...rest] = splitParams(text);
  const params: Record<string, string> = Object.create(null) as Record<string, string>;
  const sections = new Map<string, Section[]>();
  for (const item of rest.slice(0, maxParams)) {
    const eq = item.indexOf('=');
    if (eq === -1) continue;
    const name = item.slice(0, eq).trim().toLowerCase();
    const value = unquote(item.slice(eq + 1));
    const match = /^([^*]+)\*(?:(\d{1,3})(\*)?)?$/.exec(name);
    if (match) {
      // name*=... (one extended section) or name*N / name*N* (continuations).
      const index = match[2] === undefined ? 0 : Number(match[2]);
      if (index > maxSections) continue;
      const extended = match[2] === undefined || match[3] === '*';
      const list = sections.get(match[1]!) ?? [];
      if (!list.some((s) => s.index === index)) list.push({ index, extended, value });
      sections.set(match[1]!, list);
    } else if (name && !(name in params)) {
      // A duplicate parameter resolves to its first occurrence (a second "boundary" must not win).
      params[name] = value;
    }
  }
  // An RFC 2231 value is the sender's intended one: it replaces a plain fallback of the same name.
  for (const [name, list] of sections) params[name] = joinSections(list);
  for (const name of ['name', 'filename']) {
    const value = params[name];
    if (value?.includes('=?')) params[name] = decodeWords(value);
  }
  return { value: head.trim().toLowerCase(), params: { ...params } };
}
