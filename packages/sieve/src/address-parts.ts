import { formatAddress } from './address-list.js';
import type { ParsedAddress } from './address-list.js';

export type AddressPart = 'all' | 'localpart' | 'domain' | 'user' | 'detail';

export const ADDRESS_PARTS: readonly AddressPart[] = ['all', 'localpart', 'domain', 'user', 'detail'];

/** The separator between user and detail (RFC 5233 §4; this server uses "+"). */
export const SUBADDRESS_SEPARATOR = '+';

/**
 * The part of an address a test compares (RFC 5228 §2.7.4, RFC 5233 §4), or null when the address
 * has no such part (then the address does not match; an unparsable address matches only `:all`).
 */
export function addressPart(address: ParsedAddress, part: AddressPart): string | null {
  if (part === 'all') return formatAddress(address);
  // RFC 5228 §5.4: a null reverse-path is the empty string, whatever the address part.
  if (address.raw === '') return '';
  if (address.domain === null) return null;
  if (part === 'domain') return address.domain;
  if (part === 'localpart') return address.local;
  const separator = address.local.indexOf(SUBADDRESS_SEPARATOR);
  if (part === 'user') return separator < 0 ? address.local : address.local.slice(0, separator);
  return separator < 0 ? null : address.local.slice(separator + 1);
}
