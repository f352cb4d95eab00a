import { describe, expect, it } from 'vitest';
import { authenticFrom, fromAddress } from './imip-inbound.js';

const head = (authResults: string, from = 'Carol <carol@remote.test>') =>
  `Authentication-Results: ${authResults}\r\nFrom: ${from}\r\nSubject: x\r\n\r\n`;

describe('authenticFrom: whether our Authentication-Results vouch for the From address (RFC 7489, 8601)', () => {
  it('accepts dmarc=pass for the From domain', () => {
    expect(
      authenticFrom(
        head('mx.test;\r\n spf=pass; dkim=none; dmarc=pass (p=NONE) header.from=remote.test'),
        'mx.test',
      ),
    ).toBe('carol@remote.test');
  });

  it('accepts dkim=pass from an aligned signing domain (relaxed), even without DMARC', () => {
    expect(
      authenticFrom(
        head('mx.test; dkim=pass header.i=@remote.test header.s=s1; dmarc=none', 'c@eu.remote.test'),
        'mx.test',
      ),
    ).toBe('c@eu.remote.test');
    expect(authenticFrom(head('mx.test; dkim=pass header.d=remote.test; dmarc=none'), 'mx.test')).toBe(
      'carol@remote.test',
    );
  });

  it('refuses a DKIM pass of another domain, a DMARC pass for another domain and a failed DMARC', () => {
    expect(authenticFrom(head('mx.test; dkim=pass header.d=mailer.test; dmarc=none'), 'mx.test')).toBeNull();
    // A subdomain or a bare suffix does not speak for the From domain.
    expect(authenticFrom(head('mx.test; dkim=pass header.d=eve.remote.test'), 'mx.test')).toBeNull();
    expect(authenticFrom(head('mx.test; dkim=pass header.d=test'), 'mx.test')).toBeNull();
    expect(authenticFrom(head('mx.test; dmarc=pass header.from=other.test'), 'mx.test')).toBeNull();
    expect(
      authenticFrom(head('mx.test; spf=pass; dmarc=fail header.from=remote.test'), 'mx.test'),
    ).toBeNull();
  });

  it('only trusts our own authserv-id, and a single From address', () => {
    expect(authenticFrom(head('relay.example; dmarc=pass header.from=remote.test'), 'mx.test')).toBeNull();
    expect(
      authenticFrom(
        head('mx.test; dmarc=pass header.from=remote.test', 'carol@remote.test, eve@remote.test'),
        'mx.test',
      ),
    ).toBeNull();
    expect(fromAddress('"Doe, Carol" <Carol@Remote.test>')).toBe('carol@remote.test');
  });
});
