import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dkimDnsRecord } from './dkim-record.js';

describe('dkimDnsRecord (RFC 6376 §3.6.1)', () => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = {
    domain: 'example.test',
    selector: 'colibri',
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    createdAt: new Date(),
  };

  it('publishes the public key at <selector>._domainkey.<domain>', () => {
    const record = dkimDnsRecord(key);
    expect(record.name).toBe('colibri._domainkey.example.test');
    expect(record.value).toMatch(/^v=DKIM1; k=rsa; p=[A-Za-z0-9+/]+=*$/);
    const p = Buffer.from(record.value.split('p=')[1]!, 'base64');
    const published = createPublicKey({ key: p, format: 'der', type: 'spki' });
    expect(published.asymmetricKeyDetails?.modulusLength).toBe(2048);
  });

  it('splits the zone-file line into character-strings of at most 255 octets (RFC 1035 §3.3.14)', () => {
    const { zoneLine, value } = dkimDnsRecord(key);
    const strings = [...zoneLine.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
    expect(strings.length).toBeGreaterThan(1);
    expect(strings.every((s) => s.length <= 255)).toBe(true);
    expect(strings.join('')).toBe(value);
  });
});
