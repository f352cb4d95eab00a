import type { EmailAddress } from '@colibri/jmap-types';

// Deliberately loose (RFC 5321 allows far more than people type): something, @, a domain with
// no spaces or brackets. The server checks the envelope again (RFC 8621 §7.5 invalidRecipients).
const ADDRESS = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+$/;

export function isValidAddress(email: string): boolean {
  return ADDRESS.test(email);
}

/** How an address is written in a field and offered by autocomplete: `Name <email>` or `email`. */
export function formatAddress(address: EmailAddress): string {
  const name = address.name?.trim();
  return name
    ? `${name.includes(',') ? `"${name.replace(/"/g, '')}"` : name} <${address.email}>`
    : address.email;
}

/** One typed entry ("Bob <bob@x>", "\"Doe, J\" <j@x>" or "bob@x") -> an address, or null if not one. */
export function parseAddress(entry: string): EmailAddress | null {
  const text = entry.trim();
  const angled = /^(.*?)<([^<>]+)>$/.exec(text);
  const email = (angled ? angled[2]! : text).trim();
  if (!isValidAddress(email)) return null;
  const name = angled
    ? angled[1]!
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .trim()
    : '';
  return { name: name || null, email };
}

/** Splits typed text on commas and semicolons outside quotes, e.g. a pasted list of recipients. */
export function splitAddressList(text: string): string[] {
  const entries: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if ((char === ',' || char === ';') && !quoted) {
      entries.push(current);
      current = '';
    } else current += char;
  }
  entries.push(current);
  return entries.map((entry) => entry.trim()).filter((entry) => entry.length > 0);
}

/** Parses a typed list: the addresses it holds and the entries that are not addresses. */
export function parseAddressList(text: string): { addresses: EmailAddress[]; invalid: string[] } {
  const addresses: EmailAddress[] = [];
  const invalid: string[] = [];
  for (const entry of splitAddressList(text)) {
    const address = parseAddress(entry);
    if (address) addresses.push(address);
    else invalid.push(entry);
  }
  return { addresses, invalid };
}

const key = (address: EmailAddress) => address.email.toLowerCase();

/** The addresses without repeats (first wins) and without any of `exclude`, compared without case. */
export function uniqueAddresses(
  addresses: readonly EmailAddress[],
  exclude: readonly EmailAddress[] = [],
): EmailAddress[] {
  const seen = new Set(exclude.map(key));
  return addresses.filter((address) => !seen.has(key(address)) && Boolean(seen.add(key(address))));
}
