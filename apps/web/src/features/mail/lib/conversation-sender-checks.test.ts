import { describe, expect, it } from 'vitest';
import { authVerdict, lookalikeReasons, parseAuthenticationResults } from './conversation-sender-checks';

describe('parseAuthenticationResults', () => {
  it('reads what mailauth writes on delivery (RFC 8601 §2.2), comments and folding included', () => {
    const value =
      'colibri.localhost;\r\n dkim=pass header.i=@bank.example header.s=s1 header.a=rsa-sha256 header.b="abc";\r\n spf=pass (colibri.localhost: domain of ann@bank.example designates 1.2.3.4 as permitted sender) smtp.mailfrom=ann@bank.example smtp.helo=mx.bank.example;\r\n dmarc=pass header.from=bank.example;\r\n arc=none';
    expect(parseAuthenticationResults(value)).toEqual({
      authServId: 'colibri.localhost',
      results: { dkim: 'pass', spf: 'pass', dmarc: 'pass' },
    });
  });

  it('reads failures and the temperror the server writes when checks fail', () => {
    expect(
      parseAuthenticationResults('mx; spf=softfail smtp.mailfrom=x; dkim=fail (bad sig); dmarc=fail')
        ?.results,
    ).toEqual({
      spf: 'softfail',
      dkim: 'fail',
      dmarc: 'fail',
    });
    expect(
      parseAuthenticationResults(
        'colibri.localhost;\r\n spf=temperror; dkim=temperror; dmarc=temperror (timed out)',
      )?.results,
    ).toEqual({ spf: 'temperror', dkim: 'temperror', dmarc: 'temperror' });
  });

  it('lets one passing DKIM signature win over a failing one', () => {
    expect(parseAuthenticationResults('mx; dkim=fail header.d=a; dkim=pass header.d=b')?.results.dkim).toBe(
      'pass',
    );
  });

  it('ignores what it does not know, and never throws on junk', () => {
    expect(parseAuthenticationResults('mx 1; none')).toEqual({ authServId: 'mx', results: {} });
    expect(parseAuthenticationResults('mx; dkim=PASS; spf=maybe; x-custom=pass')?.results).toEqual({
      dkim: 'pass',
    });
    expect(parseAuthenticationResults('(((unbalanced; dkim=pass')).toBeNull();
    expect(parseAuthenticationResults('')).toBeNull();
    expect(parseAuthenticationResults(undefined)).toBeNull();
    expect(parseAuthenticationResults(';;;=;')).toBeNull();
  });

  it('sorts results into pass, fail and neutral', () => {
    expect(authVerdict('pass')).toBe('pass');
    expect(authVerdict('fail')).toBe('fail');
    expect(authVerdict('softfail')).toBe('fail');
    expect(authVerdict('none')).toBe('neutral');
    expect(authVerdict('temperror')).toBe('neutral');
    expect(authVerdict(undefined)).toBe('neutral');
  });
});

describe('lookalikeReasons', () => {
  it('flags punycode domains', () => {
    expect(lookalikeReasons({ name: 'PayPal', email: 'service@xn--pypal-4ve.com' })).toEqual([
      { kind: 'punycode', domain: 'xn--pypal-4ve.com' },
    ]);
  });

  it('flags a label mixing Latin and Cyrillic', () => {
    // "pаypal" with a Cyrillic "а".
    expect(lookalikeReasons({ name: null, email: 'service@p\u0430ypal.com' })).toEqual([
      { kind: 'mixed-script', domain: 'p\u0430ypal.com' },
    ]);
  });

  it('flags a display name that shows another address', () => {
    expect(lookalikeReasons({ name: 'support@bank.example', email: 'x@evil.example' })).toEqual([
      { kind: 'name-shows-other-address', shown: 'support@bank.example', actual: 'x@evil.example' },
    ]);
    expect(lookalikeReasons({ name: 'Bank (Support@Bank.example)', email: 'support@bank.example' })).toEqual(
      [],
    );
  });

  it('lets ordinary and single-script international senders through', () => {
    expect(lookalikeReasons({ name: 'Ann Example', email: 'ann@example.com' })).toEqual([]);
    expect(lookalikeReasons({ name: 'Иван', email: 'ivan@пример.рф' })).toEqual([]);
    expect(lookalikeReasons({ name: null, email: 'no-at-sign' })).toEqual([]);
    expect(lookalikeReasons({ name: '', email: '' })).toEqual([]);
  });
});
