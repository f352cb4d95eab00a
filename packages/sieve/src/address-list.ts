/**
 * A lenient reader of RFC 5322 §3.4 address lists for the `address` and `envelope` tests: groups,
 * display names, comments, angle addresses (with obsolete routes) and quoted local parts. The
 * caller has already decoded RFC 2047 encoded words.
 */

/** One mailbox: `domain` is null when the text has no "@" (then only `:all` sees `raw`). */
export interface ParsedAddress {
  local: string;
  domain: string | null;
  raw: string;
}

const DOT_ATOM = /^[^\s"(),.:;<>@[\\\]]+(\.[^\s"(),.:;<>@[\\\]]+)*$/;

/** Splits the value into mailbox texts, dropping comments and group names, keeping quotes. */
function splitMailboxes(value: string): string[] {
  const chunks: string[] = [];
  let current = '';
  let inQuote = false;
  let angle = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i] ?? '';
    if (inQuote) {
      current += c;
      if (c === '\\' && i + 1 < value.length) current += value[++i] ?? '';
      else if (c === '"') inQuote = false;
      continue;
    }
    if (c === '(') {
      // Comments nest (RFC 5322 §3.2.2); they count as white space.
      let depth = 1;
      while (++i < value.length && depth > 0) {
        const d = value[i];
        if (d === '\\') i += 1;
        else if (d === '(') depth += 1;
        else if (d === ')') depth -= 1;
      }
      i -= 1;
      current += ' ';
      continue;
    }
    if (c === '"') inQuote = true;
    else if (c === '<') angle += 1;
    else if (c === '>') angle = Math.max(0, angle - 1);
    else if (angle === 0 && c === ':') {
      current = '';
      continue;
    } else if (angle === 0 && (c === ',' || c === ';')) {
      chunks.push(current);
      current = '';
      continue;
    }
    current += c;
  }
  chunks.push(current);
  return chunks.map((chunk) => chunk.trim()).filter((chunk) => chunk !== '');
}

/** The positions of the given characters outside quoted strings (quoted pairs skipped). */
function outsideQuotes(text: string, wanted: string): Array<[number, string]> {
  const found: Array<[number, string]> = [];
  let inQuote = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c === '\\' && inQuote) i += 1;
    else if (c === '"') inQuote = !inQuote;
    else if (!inQuote && wanted.includes(c)) found.push([i, c]);
  }
  return found;
}

/** The addr-spec of a mailbox: the inside of its angle brackets, without an obsolete route. */
function addrSpecOf(mailbox: string): string {
  let open = -1;
  for (const [i, c] of outsideQuotes(mailbox, '<>')) {
    if (c === '<') open = i;
    else if (open >= 0) {
      const inside = mailbox.slice(open + 1, i).trim();
      const route = inside.startsWith('@') ? inside.indexOf(':') : -1;
      return route >= 0 ? inside.slice(route + 1).trim() : inside;
    }
  }
  return mailbox;
}

/** Removes the quotes and quoting backslashes of a local part, and white space outside quotes. */
function unquote(local: string): string {
  let out = '';
  let inQuote = false;
  for (let i = 0; i < local.length; i++) {
    const c = local[i] ?? '';
    if (c === '"') inQuote = !inQuote;
    else if (c === '\\' && inQuote) out += local[++i] ?? '';
    else if (inQuote || !/\s/.test(c)) out += c;
  }
  return out;
}

/** Reads one addr-spec; the "@" that splits it is the last one outside quotes. */
export function parseAddrSpec(spec: string): ParsedAddress {
  const at = outsideQuotes(spec, '@').at(-1)?.[0] ?? -1;
  if (at < 0) return { local: unquote(spec), domain: null, raw: spec };
  return { local: unquote(spec.slice(0, at)), domain: spec.slice(at + 1).replace(/\s+/g, ''), raw: spec };
}

/** Every mailbox of a header value such as `To` or `Cc`. */
export function parseAddressList(value: string): ParsedAddress[] {
  return splitMailboxes(value).map((mailbox) => parseAddrSpec(addrSpecOf(mailbox)));
}

/** The whole address as `:all` sees it: the local part quoted again when it is no dot-atom. */
export function formatAddress(address: ParsedAddress): string {
  if (address.domain === null) return address.raw;
  const local = DOT_ATOM.test(address.local)
    ? address.local
    : `"${address.local.replace(/(["\\])/g, '\\$1')}"`;
  return `${local}@${address.domain}`;
}

/** Is the text one syntactically valid mailbox (RFC 5228 §4.2 redirect)? Returns its addr-spec. */
export function validMailbox(text: string): string | null {
  // RFC 5228 §2.4.2.3: addr-spec or phrase <addr-spec>; no routes, groups or lists.
  if (outsideQuotes(text, ':;,').length > 0) return null;
  const mailboxes = parseAddressList(text);
  const only = mailboxes[0];
  if (mailboxes.length !== 1 || only === undefined || only.domain === null || only.local === '') return null;
  const dotAtomDomain = /^[^\s@"<>()[\],;:\\.]+(\.[^\s@"<>()[\],;:\\.]+)*$/.test(only.domain);
  if (!dotAtomDomain && !/^\[[^\]]*\]$/.test(only.domain)) return null;
  return formatAddress(only);
}
