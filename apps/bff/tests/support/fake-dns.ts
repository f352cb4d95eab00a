import type { DnsResolver } from '../../src/smtp/dns-resolver.js';

/**
 * A fake DNS (the real one cannot be reached from tests): TXT records by name, everything else
 * NXDOMAIN, as node's `dns.promises.resolve` reports it (code ENOTFOUND). A TXT record is given
 * as one string and served in 255-character chunks (RFC 1035 §3.3.14 character-strings).
 */
export function fakeDns(txt: Record<string, string[]>): DnsResolver & { lookups: string[] } {
  const lookups: string[] = [];
  const resolver = async (name: string, rrtype: string) => {
    lookups.push(`${rrtype} ${name}`);
    const records = rrtype === 'TXT' ? txt[name.toLowerCase()] : undefined;
    if (!records) throw Object.assign(new Error(`query${rrtype} ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
    return records.map((record) => record.match(/.{1,255}/g) ?? ['']);
  };
  return Object.assign(resolver, { lookups });
}

/** The TXT value of a DKIM key record (RFC 6376 §3.6.1) for an RSA public key in SPKI DER. */
export function dkimKeyRecord(spkiDer: Buffer): string {
  return `v=DKIM1; k=rsa; p=${spkiDer.toString('base64')}`;
}
