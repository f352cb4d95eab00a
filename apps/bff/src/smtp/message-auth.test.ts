import { generateKeyPairSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { dkimSign } from 'mailauth';
import { describe, expect, it } from 'vitest';
import { dkimKeyRecord, fakeDns } from '../../tests/support/fake-dns.js';
import { authenticateMessage } from './message-auth.js';
import type { AuthInput } from './message-auth.js';

const message = (from: string, extra = '') =>
  Buffer.from(
    `From: Dora <${from}>\r\nTo: ann@fixture.test\r\nSubject: Checks\r\nMessage-ID: <1@x>\r\n` +
      `Date: Sun, 29 Nov 2026 03:00:00 +0000\r\n${extra}\r\nHello.\r\n`,
  );

const input = (over: Partial<AuthInput>): AuthInput => ({
  raw: message('dora@sender.test'),
  ip: '192.0.2.10',
  helo: 'mail.sender.test',
  mailFrom: 'dora@sender.test',
  serverName: 'mx.colibri.test',
  resolver: fakeDns({}),
  ...over,
});

/** mailauth 4 signs with `signatureData` (its typings still describe the flat options of v5+). */
async function sign(raw: Buffer, privateKey: KeyObject) {
  const signed = await dkimSign(raw, {
    signatureData: [
      {
        signingDomain: 'signed.test',
        selector: 'sel1',
        privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      },
    ],
  } as never);
  expect(signed.signatures).toMatch(/^DKIM-Signature: /);
  return signed;
}

const authResults = (headers: string) => /^Authentication-Results: ([\s\S]*)$/m.exec(headers)?.[1] ?? '';

describe('sender checks (mailauth) against a fake DNS', () => {
  it('fake DNS: SPF pass for an authorised client address (RFC 7208 §2.6.3)', async () => {
    const resolver = fakeDns({ 'sender.test': ['v=spf1 ip4:192.0.2.0/24 -all'] });
    const outcome = await authenticateMessage(input({ resolver }));
    expect(outcome.summary).toContain('spf=pass');
    expect(outcome.verdict).toBe('inbox');
    // RFC 8601 §2.2: our authserv-id opens the field.
    expect(authResults(outcome.headers)).toMatch(/^mx\.colibri\.test;/);
    expect(outcome.headers).toMatch(/spf=pass[^;]*smtp\.mailfrom=(dora@)?sender\.test/);
  });

  it('fake DNS: SPF fail for another address (RFC 7208 §2.6.4), delivered without a DMARC policy', async () => {
    const resolver = fakeDns({ 'sender.test': ['v=spf1 ip4:198.51.100.1 -all'] });
    const outcome = await authenticateMessage(input({ resolver }));
    expect(outcome.summary).toContain('spf=fail');
    expect(outcome.headers).toContain('spf=fail');
    expect(outcome.verdict).toBe('inbox');
  });

  it('fake DNS: a DKIM-signed message verifies (RFC 6376 §6) and passes DMARC by alignment', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const raw = message('dora@signed.test');
    const signed = await sign(raw, privateKey);
    const resolver = fakeDns({
      'sel1._domainkey.signed.test': [dkimKeyRecord(publicKey.export({ type: 'spki', format: 'der' }))],
      '_dmarc.signed.test': ['v=DMARC1; p=reject'],
    });
    const outcome = await authenticateMessage(
      input({
        raw: Buffer.concat([Buffer.from(signed.signatures), raw]),
        mailFrom: 'bounces@elsewhere.test',
        resolver,
      }),
    );
    expect(outcome.headers).toMatch(/dkim=pass[^;]*header\.i=@signed\.test/);
    expect(outcome.headers).toContain('dmarc=pass');
    expect(outcome.verdict).toBe('inbox');
  });

  it('fake DNS: a tampered DKIM-signed message fails, and DMARC p=reject rejects it (RFC 7489 §6.3)', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const raw = message('dora@signed.test');
    const signed = await sign(raw, privateKey);
    const tampered = Buffer.from(`${signed.signatures}${raw.toString().replace('Hello.', 'Pay me.')}`);
    const resolver = fakeDns({
      'sel1._domainkey.signed.test': [dkimKeyRecord(publicKey.export({ type: 'spki', format: 'der' }))],
      '_dmarc.signed.test': ['v=DMARC1; p=reject'],
    });
    const outcome = await authenticateMessage(
      input({ raw: tampered, mailFrom: 'x@elsewhere.test', resolver }),
    );
    expect(outcome.headers).toMatch(/dkim=(fail|neutral)/);
    expect(outcome.headers).toContain('dmarc=fail');
    expect(outcome.verdict).toBe('reject');
  });

  it('fake DNS: DMARC p=quarantine failure sends the message to Junk', async () => {
    const resolver = fakeDns({
      'sender.test': ['v=spf1 -all'],
      '_dmarc.sender.test': ['v=DMARC1; p=quarantine'],
    });
    const outcome = await authenticateMessage(input({ resolver }));
    expect(outcome.verdict).toBe('junk');
  });

  it('fake DNS: a lookup that never answers gives temperror within the time limit, not a hang', async () => {
    const hanging = () => new Promise<never>(() => {});
    const started = Date.now();
    const outcome = await authenticateMessage(input({ resolver: hanging, lookupTimeoutMs: 100 }));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(outcome.headers).toContain('spf=temperror');
    expect(outcome.verdict).toBe('inbox');
  });

  it('fake DNS: a resolver that throws without a DNS code gives temperror, not a crash', async () => {
    const broken = async () => {
      throw 'boom';
    };
    const outcome = await authenticateMessage(input({ resolver: broken }));
    expect(outcome.headers).toContain('temperror');
    expect(outcome.verdict).toBe('inbox');
  });
});
