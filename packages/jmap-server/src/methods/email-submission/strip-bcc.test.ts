import { describe, expect, it } from 'vitest';
import { withoutBcc } from './strip-bcc.js';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const text = (raw: Uint8Array | null) => (raw === null ? null : Buffer.from(raw).toString('latin1'));

describe('withoutBcc (RFC 8621 §7.5: Bcc is never sent)', () => {
  it('removes a Bcc field with its folded lines and keeps every other byte', () => {
    const raw = bytes(
      'From: a@x.test\r\nBcc: hidden@y.test,\r\n  other@y.test\r\nTo: b@z.test\r\nSubject: caf\xe9\r\n\r\nBcc: body line\r\n',
    );
    expect(text(withoutBcc(raw))).toBe(
      'From: a@x.test\r\nTo: b@z.test\r\nSubject: caf\xe9\r\n\r\nBcc: body line\r\n',
    );
  });

  it('removes a Bcc field that is the last header field, case-insensitively', () => {
    expect(text(withoutBcc(bytes('To: b@z.test\r\nBCC : h@y.test\r\n\r\nbody')))).toBe(
      'To: b@z.test\r\n\r\nbody',
    );
  });

  it('answers null for a message without Bcc (sent as stored)', () => {
    expect(withoutBcc(bytes('To: b@z.test\r\nX-Bcc: no\r\n\r\nBcc: in the body\r\n'))).toBeNull();
  });
});
