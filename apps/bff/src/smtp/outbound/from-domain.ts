/** The most header bytes searched for the From field. */
const MAX_HEADER_SCAN_BYTES = 64 * 1024;

/**
 * The domain of the message's From address (RFC 5322 §3.6.2), lower-cased, or null. DKIM signs
 * for this domain (RFC 6376 §3.5 d=, aligned with From as DMARC wants). A simple scan: the last
 * `@domain` of the unfolded From field, inside angle brackets when there are some.
 */
export function fromDomain(raw: Uint8Array): string | null {
  const text = Buffer.from(raw.subarray(0, MAX_HEADER_SCAN_BYTES)).toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const header = (end >= 0 ? text.slice(0, end) : text).replace(/\r?\n[ \t]+/g, ' ');
  const field = /^from:(.*)$/im.exec(header)?.[1];
  if (!field) return null;
  const angle = /<[^<>]*@([^<>\s]+)>/.exec(field)?.[1];
  const bare = /@([A-Za-z0-9.-]+)/.exec(field)?.[1];
  return (angle ?? bare)?.toLowerCase() ?? null;
}

/** The domain part of an address ("" for the null path). */
export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at >= 0 ? address.slice(at + 1).toLowerCase() : '';
}
