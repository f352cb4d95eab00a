import { describe, expect, it } from 'vitest';
import { removeForgedAuthResults } from './forged-auth-results.js';

const raw = (headers: string, body = 'Body: with Authentication-Results: mx.colibri.test; spf=pass\r\n') =>
  Buffer.from(`${headers}\r\n${body}`);

describe('removeForgedAuthResults (RFC 8601 §5)', () => {
  it('removes fields claiming our authserv-id, folded, commented or with a version', () => {
    const input = raw(
      'Authentication-Results: MX.Colibri.test; spf=pass smtp.mailfrom=bank.test\r\n' +
        'From: a@b.test\r\n' +
        'Authentication-Results: (forged) mx.colibri.test 1;\r\n\tdkim=pass header.d=bank.test\r\n' +
        'Authentication-Results: relay.example; spf=fail\r\n' +
        'Subject: hi\r\n',
    );
    const out = removeForgedAuthResults(input, 'mx.colibri.test').toString();
    expect(out).toBe(
      'From: a@b.test\r\nAuthentication-Results: relay.example; spf=fail\r\nSubject: hi\r\n\r\n' +
        'Body: with Authentication-Results: mx.colibri.test; spf=pass\r\n',
    );
  });

  it('returns the very same bytes when nothing claims our id', () => {
    const input = raw('Authentication-Results: relay.example; dkim=pass\r\nFrom: a@b.test\r\n');
    expect(removeForgedAuthResults(input, 'mx.colibri.test')).toBe(input);
  });
});
