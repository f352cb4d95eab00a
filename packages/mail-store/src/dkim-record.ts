import { createPublicKey } from 'node:crypto';
import type { DkimKey } from './model.js';

/**
 * The DNS TXT record that publishes a DKIM key (RFC 6376 §3.6.1): its owner name
 * `<selector>._domainkey.<domain>` and its value `v=DKIM1; k=rsa; p=<base64 SubjectPublicKeyInfo>`.
 */
export function dkimDnsRecord(key: DkimKey): { name: string; value: string; zoneLine: string } {
  const spki = createPublicKey(key.privateKeyPem).export({ type: 'spki', format: 'der' });
  const name = `${key.selector}._domainkey.${key.domain}`;
  const value = `v=DKIM1; k=rsa; p=${spki.toString('base64')}`;
  // RFC 1035 §3.3.14: one character-string holds at most 255 octets; a 2048-bit key needs two.
  const strings = value.match(/.{1,255}/g)!.map((s) => `"${s}"`);
  return { name, value, zoneLine: `${name}. IN TXT ${strings.join(' ')}` };
}
